// The form that adds a lead by hand. It sends the fields to the leads API as JSON and opens the new
// lead; a refusal shows the API's message above the form and keeps everything typed.
import { postJson } from './api.js';
import { t } from './strings.js';
import './shell.js';

const FIELDS = ['name', 'phone', 'email', 'city', 'company'];

const form = document.getElementById('add-lead-form');
const submit = document.getElementById('add-lead-submit');
const errorBox = document.getElementById('add-lead-error');
const inputs = Object.fromEntries(FIELDS.map((name) => [name, document.getElementById(name)]));
let busy = false;

function setBusy(value) {
  busy = value;
  form.setAttribute('aria-busy', String(value));
  submit.disabled = value;
  submit.textContent = t(value ? 'addLead.submitting' : 'addLead.submit');
}

function clearProblem() {
  errorBox.hidden = true;
  errorBox.textContent = '';
  for (const input of Object.values(inputs)) {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
  }
}

/** Shows `message`; marks and focuses the field it names (the API's details start with 'field'). */
function showProblem(message, field) {
  errorBox.textContent = message;
  errorBox.hidden = false;
  const input = inputs[field];
  if (input) {
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', 'add-lead-error');
    input.focus();
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  // The disabled button stops clicks; this also stops Enter in a field while a request is out.
  if (busy) {
    return;
  }
  clearProblem();
  const lead = Object.fromEntries(FIELDS.map((name) => [name, inputs[name].value.trim()]));
  if (lead.name === '' && lead.phone === '' && lead.email === '') {
    showProblem(t('addLead.needsContact'), 'name');
    return;
  }
  setBusy(true);
  try {
    const created = await postJson('/api/v1/leads', lead);
    location.assign(`/leads/${encodeURIComponent(created.id)}`);
  } catch (error) {
    setBusy(false);
    const named = /^'(\w+)'/.exec(error.message);
    showProblem(t('addLead.failed', { detail: error.message }), named ? named[1] : '');
  }
});
