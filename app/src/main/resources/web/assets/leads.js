// The leads list: newest first, a page at a time, narrowed by the filter bar, and the search box,
// which asks the search API as the user types. The URL keeps the page, the filters and the search
// (?source=meta&status=open&page=2, ?q=...) so links and reloads work. Saved views name a set of
// filters and search text; applying one fills the bar and the box and shows the list again.
import { deleteJson, getJson, postJson } from './api.js';
import { el, joined } from './dom.js';
import { number, timeElement } from './format.js';
import { label, t } from './strings.js';
import './shell.js';

const PAGE_SIZE = 25;
const TYPING_PAUSE_MS = 250;
const FILTERS = ['source', 'stage', 'status', 'createdFrom', 'createdTo'];

const list = document.getElementById('lead-list');
const status = document.getElementById('list-status');
const pager = document.getElementById('pager');
const form = document.getElementById('search-form');
const input = document.getElementById('search-q');
const filterForm = document.getElementById('filter-form');
const fields = Object.fromEntries(FILTERS.map((name) => [name, document.getElementById(`filter-${name}`)]));
const viewList = document.getElementById('view-list');
const saveForm = document.getElementById('save-view-form');
const viewName = document.getElementById('view-name');
const viewStatus = document.getElementById('view-status');
let inFlight = null;
let typingTimer = 0;
let views = [];

function currentPage() {
  const page = Number.parseInt(new URLSearchParams(location.search).get('page') ?? '1', 10);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** The filter values the bar shows, without the empty ones. */
function filterValues() {
  const values = {};
  for (const name of FILTERS) {
    const value = fields[name].value.trim();
    if (value !== '') {
      values[name] = value;
    }
  }
  return values;
}

function hasFilters() {
  return Object.keys(filterValues()).length > 0;
}

/** The filters and search the page shows, as a saved view keeps them. */
function currentQuery() {
  const query = filterValues();
  const search = input.value.trim();
  if (search !== '') {
    query.q = search;
  }
  return query;
}

/** `?name=value&...` of the entries, encoded as encodeURIComponent does (a space is %20), or ''. */
function queryString(entries) {
  const text = entries.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
  return text === '' ? '' : `?${text}`;
}

function pageUrl(page) {
  const entries = Object.entries(currentQuery());
  if (page > 1) {
    entries.push(['page', String(page)]);
  }
  return `/leads${queryString(entries)}`;
}

/** A lead's own link: the search result's url when it is a path here, else /leads/{id}. */
function leadUrl(item) {
  if (typeof item.url === 'string' && /^\/leads\/\d+$/.test(item.url)) {
    return item.url;
  }
  return `/leads/${encodeURIComponent(item.id)}`;
}

function leadRow(item) {
  const name = item.name || item.email || item.phone || t('leads.noName');
  return el('li', { class: 'lead-row' },
    el('div', { class: 'lead-main' },
      el('a', { class: 'lead-name', href: leadUrl(item) }, name),
      el('span', { class: 'lead-org' }, joined([item.company, item.city]))),
    el('div', { class: 'lead-contact' },
      el('span', {}, item.phone || item.phoneRaw || ''),
      el('span', {}, item.email || '')),
    el('div', { class: 'lead-side' },
      el('span', { class: item.stage ? 'badge' : 'badge is-empty' }, item.stage ? label('stage', item.stage) : ''),
      item.createdAt ? timeElement(item.createdAt) : el('span')));
}

function showPager(page, pages) {
  const previous = page > 1
    ? el('a', { href: pageUrl(page - 1), rel: 'prev' }, t('leads.previous'))
    : el('span', { class: 'is-off', 'aria-disabled': 'true' }, t('leads.previous'));
  const next = page < pages
    ? el('a', { href: pageUrl(page + 1), rel: 'next' }, t('leads.next'))
    : el('span', { class: 'is-off', 'aria-disabled': 'true' }, t('leads.next'));
  const where = el('span', { class: 'pager-where' }, t('leads.pageOf', { page: number(page), pages: number(pages) }));
  pager.replaceChildren(previous, where, next);
  // One page needs no pager; it stays invisible but keeps its place so nothing below moves.
  pager.classList.toggle('is-pending', pages <= 1);
}

async function showPage(page, signal) {
  const entries = [...Object.entries(filterValues()), ['page', String(page - 1)], ['size', String(PAGE_SIZE)]];
  const filtered = hasFilters();
  const data = await getJson(`/api/v1/leads${queryString(entries)}`, signal);
  const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
  list.replaceChildren(...data.items.map(leadRow));
  if (data.total === 0) {
    status.textContent = filtered ? t('leads.noneFiltered') : t('leads.empty');
  } else if (data.items.length === 0) {
    status.replaceChildren(t('leads.pageEmpty'), ' ', el('a', { href: pageUrl(1) }, t('leads.firstPage')));
  } else {
    const from = (page - 1) * PAGE_SIZE + 1;
    status.textContent = t(filtered ? 'leads.filtered' : 'leads.range',
      { from: number(from), to: number(from + data.items.length - 1), total: number(data.total) });
  }
  showPager(page, pages);
}

async function showSearch(query, signal) {
  status.textContent = t('leads.searching');
  const data = await getJson(`/api/v1/search?q=${encodeURIComponent(query)}`, signal);
  const leads = (data.items || []).filter((item) => item.type === 'lead');
  list.replaceChildren(...leads.map(leadRow));
  const found = leads.length > 0
    ? t('leads.results', { count: leads.length, query })
    : t('leads.noResults', { query });
  status.textContent = hasFilters() ? `${found} ${t('leads.searchIgnoresFilters')}` : found;
  pager.replaceChildren();
  pager.classList.add('is-pending');
}

/** Runs one load; a newer one cancels it, so a slow answer never overwrites a newer one. */
async function load(work) {
  inFlight?.abort();
  const controller = new AbortController();
  inFlight = controller;
  list.setAttribute('aria-busy', 'true');
  try {
    await work(controller.signal);
  } catch (error) {
    if (controller.signal.aborted) {
      return;
    }
    list.replaceChildren();
    status.textContent = t('error.load', { detail: error.message });
  }
  if (!controller.signal.aborted) {
    list.setAttribute('aria-busy', 'false');
  }
}

/** Shows the first page (or the search) for what the bar and the box hold now, and keeps it in the URL. */
function refresh() {
  history.replaceState(null, '', pageUrl(1));
  markAppliedView();
  const query = input.value.trim();
  return load((signal) => (query === '' ? showPage(1, signal) : showSearch(query, signal)));
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(typingTimer);
  refresh();
});

input.addEventListener('input', () => {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(refresh, TYPING_PAUSE_MS);
});

filterForm.addEventListener('change', () => refresh());
filterForm.addEventListener('submit', (event) => {
  event.preventDefault();
  refresh();
});
document.getElementById('filter-clear').addEventListener('click', () => {
  for (const name of FILTERS) {
    fields[name].value = '';
  }
  refresh();
});

// "/" jumps to the search box, unless the user is typing somewhere.
document.addEventListener('keydown', (event) => {
  const target = event.target;
  const typing = target instanceof HTMLElement
    && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
    event.preventDefault();
    input.focus();
    input.select();
  }
});

// Saved views

function sameQuery(a, b) {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => (a[key] ?? '') === (b[key] ?? ''));
}

function markAppliedView() {
  const query = currentQuery();
  for (const button of viewList.querySelectorAll('.view-apply')) {
    const view = views.find((candidate) => String(candidate.id) === button.dataset.id);
    button.setAttribute('aria-pressed', String(view !== undefined && sameQuery(view.query, query)));
  }
}

function applyView(view) {
  for (const name of FILTERS) {
    fields[name].value = view.query[name] ?? '';
  }
  input.value = view.query.q ?? '';
  clearTimeout(typingTimer);
  refresh();
}

async function deleteView(view, index) {
  try {
    await deleteJson(`/api/v1/views/${encodeURIComponent(view.id)}`);
    viewStatus.textContent = t('views.deleted', { name: view.name });
    await showViews();
    // Focus goes to the view that took its place, or to the name box when none is left.
    const buttons = viewList.querySelectorAll('.view-apply');
    (buttons[Math.min(index, buttons.length - 1)] ?? viewName).focus();
  } catch (error) {
    viewStatus.textContent = error.message;
  }
}

function viewItem(view, index) {
  const apply = el('button', { class: 'button-quiet view-apply', type: 'button', 'data-id': view.id }, view.name);
  apply.addEventListener('click', () => applyView(view));
  const remove = el('button', {
    class: 'button-quiet view-delete', type: 'button', 'aria-label': t('views.deleteLabel', { name: view.name }),
  }, t('views.delete'));
  remove.addEventListener('click', () => deleteView(view, index));
  return el('li', { class: 'view-item' }, apply, remove);
}

async function showViews() {
  viewList.setAttribute('aria-busy', 'true');
  try {
    const data = await getJson('/api/v1/views');
    views = data.items || [];
    viewList.replaceChildren(...(views.length > 0
      ? views.map(viewItem)
      : [el('li', { class: 'view-note' }, t('views.none'))]));
    markAppliedView();
  } catch (error) {
    viewList.replaceChildren(el('li', { class: 'view-note' }, t('error.load', { detail: error.message })));
  }
  viewList.setAttribute('aria-busy', 'false');
}

saveForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const name = viewName.value.trim();
  if (name === '') {
    viewStatus.textContent = t('views.nameMissing');
    viewName.setAttribute('aria-invalid', 'true');
    viewName.focus();
    return;
  }
  viewName.removeAttribute('aria-invalid');
  const button = document.getElementById('save-view');
  button.disabled = true;
  try {
    await postJson('/api/v1/views', { name, query: currentQuery() });
    viewName.value = '';
    viewStatus.textContent = t('views.saved', { name });
    await showViews();
  } catch (error) {
    // The name stays in the box, so the user can change it and try again.
    viewStatus.textContent = error.message;
  } finally {
    button.disabled = false;
  }
});

// Start: the bar shows the URL's filters, then the list and the views load.
const startParams = new URLSearchParams(location.search);
for (const name of FILTERS) {
  fields[name].value = startParams.get(name) ?? '';
}
const initialQuery = input.value.trim();
load((signal) => (initialQuery === '' ? showPage(currentPage(), signal) : showSearch(initialQuery, signal)));
showViews();
