// The frame around every signed-in page: the sign-out button.
import { postJson } from './api.js';
import { t } from './strings.js';

const signOut = document.getElementById('sign-out');

signOut?.addEventListener('click', async () => {
  signOut.disabled = true;
  signOut.textContent = t('nav.signingOut');
  try {
    await postJson('/api/v1/auth/logout');
    location.assign('/sign-in');
  } catch (error) {
    signOut.disabled = false;
    signOut.textContent = t('nav.signOut');
    signOut.title = error.message;
  }
});
