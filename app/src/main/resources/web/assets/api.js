// Calls the JSON API of this same site with the session cookie. Errors arrive as problem+json,
// whose `detail` says what failed and what to do; ApiError carries it to the page.
import { t } from './strings.js';

/** A failed API call: `status` is the HTTP status (0 when the server was not reached). */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

/** Sends the browser to the sign-in page, which brings it back here afterwards. */
export function signInAgain() {
  location.assign(`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`);
}

async function call(method, path, body, signal) {
  const headers = { Accept: 'application/json', 'X-Requested-With': 'fetch' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(0, t('error.offline'));
  }
  const isJson = (response.headers.get('Content-Type') || '').includes('json');
  const data = isJson ? await response.json().catch(() => null) : null;
  if (response.status === 401 && !path.startsWith('/api/v1/auth/')) {
    // The session ended (expired or signed out elsewhere): sign in again and come back.
    signInAgain();
    return new Promise(() => {});
  }
  if (!response.ok) {
    throw new ApiError(response.status, data?.detail || t('error.status', { status: response.status }));
  }
  return data;
}

/** GETs JSON; `signal` may abort it. */
export function getJson(path, signal) {
  return call('GET', path, undefined, signal);
}

/** POSTs `body` as JSON (or nothing) and returns the JSON answer, or null for an empty one. */
export function postJson(path, body) {
  return call('POST', path, body, undefined);
}

/** DELETEs the resource; resolves with null when the server answers 204 No Content. */
export function deleteJson(path) {
  return call('DELETE', path, undefined, undefined);
}
