// The online complaint form. Every message it shows comes from i18n.js: the form is checked here with
// the server's own rules (so the browser's English bubbles never appear), and a 422 from the server is
// shown per field in the page's language rather than as the server's English text.
Object.assign(STRINGS.sq, { formTitle: 'Paraqitni një ankesë', fCategory: 'Për çfarë është ankesa', fName: 'Emri dhe mbiemri',
  fCustomer: 'Kodi i klientit (nëse e keni)', fPhone: 'Telefoni', fEmail: 'E-mail', fDescription: 'Çfarë ndodhi',
  fSend: 'Dërgo ankesën', fThanks: 'Ankesa u regjistrua. Ruani këtë kod për ta ndjekur:', fTrack: 'Ndiqni ankesën',
  tooMany: 'Keni dërguar shumë ankesa nga kjo lidhje. Provoni përsëri më vonë.', failed: 'Ankesa nuk u dërgua. Provoni përsëri.' });
Object.assign(STRINGS.en, { formTitle: 'File a complaint', fCategory: 'What is it about', fName: 'Full name',
  fCustomer: 'Customer code (if you have it)', fPhone: 'Phone', fEmail: 'E-mail', fDescription: 'What happened',
  fSend: 'Send the complaint', fThanks: 'Your complaint is registered. Keep this code to follow it:', fTrack: 'Follow your complaint',
  tooMany: 'Too many complaints from this connection. Please try again later.', failed: 'The complaint was not sent. Please try again.' });

// The same rules as CaseRoutes.readCase on the server.
const PHONE = /^\+?[0-9 ()-]{6,40}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const CUSTOMER = /^[A-Za-z0-9]+$/;
// What a server-side error on a field means, in the page's words.
const SERVER_ERRORS = { phone: 'badPhone', email: 'badEmail', customerCode: 'badCustomer', description: 'shortDescription',
  name: 'required', category: 'badValue' };
let categories = [];

async function loadCategories() {
  categories = await (await fetch('/api/v1/public/complaint-categories')).json();
  const sel = document.getElementById('category');
  const keep = sel.value;
  sel.innerHTML = '';
  categories.forEach(c => { const o = document.createElement('option'); o.value = c.code; o.textContent = lang === 'en' ? c.nameEn : c.name; sel.appendChild(o); });
  if (keep) { sel.value = keep; }
}

function clearErrors() {
  document.querySelectorAll('.field-error').forEach(e => { e.textContent = ''; });
  document.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
  document.getElementById('formError').textContent = '';
}

function fieldError(field, key) {
  const el = document.getElementById('err-' + field);
  if (el && !el.textContent) { el.textContent = t(key); }
  const input = document.getElementById(field);
  if (input) { input.setAttribute('aria-invalid', 'true'); }
}

function check(v) {
  const problems = [];
  if (!v('name')) { problems.push(['name', 'required']); }
  if (v('customerCode') && !CUSTOMER.test(v('customerCode'))) { problems.push(['customerCode', 'badCustomer']); }
  if (v('phone') && !PHONE.test(v('phone'))) { problems.push(['phone', 'badPhone']); }
  if (v('email') && !EMAIL.test(v('email'))) { problems.push(['email', 'badEmail']); }
  if (!v('phone') && !v('email')) { problems.push(['phone', 'contact']); }
  if (!v('description')) { problems.push(['description', 'required']); } else if (v('description').length < 10) { problems.push(['description', 'shortDescription']); }
  return problems;
}

const complaintKeys = submissionKeys(document.getElementById('complaintForm'));
document.getElementById('complaintForm').addEventListener('submit', async e => {
  e.preventDefault();
  clearErrors();
  const v = id => document.getElementById(id).value.trim();
  const problems = check(v);
  problems.forEach(([field, key]) => fieldError(field, key));
  if (problems.length) { document.getElementById(problems[0][0]).focus(); return; }
  const body = { category: v('category'), name: v('name'), description: v('description') };
  ['customerCode', 'phone', 'email'].forEach(f => { if (v(f)) { body[f] = v(f); } });
  const button = document.getElementById('sendButton');
  button.disabled = true;
  try {
    // submission.js: a retry after a lost answer gets the complaint already filed, not a second one
    const r = await fetch('/api/v1/public/complaints', { method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': complaintKeys.key() }, body: JSON.stringify(body) });
    complaintKeys.answered(r.status);
    if (r.status === 201) {
      const c = await r.json();
      document.getElementById('complaintForm').classList.add('hidden');
      document.getElementById('done').classList.remove('hidden');
      document.getElementById('trackingCode').textContent = c.trackingCode;
      document.getElementById('trackLink').href = '/track/' + encodeURIComponent(c.trackingCode) + '?lang=' + lang;
      // the form (and its focused button) is gone: a screen reader is taken to the thanks and the code
      document.getElementById('done').focus();
      return;
    }
    if (r.status === 429) { document.getElementById('formError').textContent = t('tooMany'); return; }
    const p = await r.json();
    const errors = p.errors || [];
    errors.forEach(fe => fieldError(fe.field, /^must be at most/.test(fe.message) ? 'tooLong' : (SERVER_ERRORS[fe.field] || 'badValue')));
    if (!errors.length) { document.getElementById('formError').textContent = t('failed'); }
  } catch (err) {
    document.getElementById('formError').textContent = t('failed');
  } finally {
    button.disabled = false;
  }
});
document.getElementById('langButton').addEventListener('click', () => {
  setLang(lang === 'sq' ? 'en' : 'sq');
  langButton();
  loadCategories();
});
setLang(lang);
langButton();
loadCategories();
