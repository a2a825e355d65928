// The sign-in form: posts the email and password to the API, which sets the HttpOnly session
// cookie, then goes where the user was headed. A failure shows the API's message and keeps the email.
import { postJson } from './api.js';
import { t } from './strings.js';

const form = document.getElementById('sign-in-form');
const email = document.getElementById('email');
const password = document.getElementById('password');
const submit = document.getElementById('sign-in-submit');
const errorBox = document.getElementById('sign-in-error');

function setBusy(busy) {
  form.setAttribute('aria-busy', String(busy));
  submit.disabled = busy;
  submit.textContent = t(busy ? 'signIn.submitting' : 'signIn.submit');
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  errorBox.hidden = true;
  setBusy(true);
  try {
    await postJson('/api/v1/auth/login', { email: email.value.trim(), password: password.value });
    // The server checked `next` is a path on this site before putting it in the page.
    location.assign(form.dataset.next || '/leads');
  } catch (error) {
    setBusy(false);
    errorBox.textContent = t('signIn.failed', { detail: error.message });
    errorBox.hidden = false;
    password.value = '';
    password.focus();
  }
});
