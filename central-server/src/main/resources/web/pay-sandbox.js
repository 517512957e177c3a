// The sandbox provider's hosted payment page. It checks the card as the citizen types (Luhn, expiry,
// code) with the same rules as SandboxCards on the server, then lets the server tell Sportel's webhook
// the outcome and follows the redirect back to the app. Cancel is the "abandon" of a real provider.
Object.assign(STRINGS.sq, { sbTitle: 'Pagesë me kartë (provë)', sbNote: 'Kjo është faqja e provës: asnjë para e vërtetë nuk merret.',
  sbAmount: 'Shuma për të paguar', sbNumber: 'Numri i kartës', sbExpiry: 'Skadon (MM/VV)', sbCvc: 'Kodi CVC', sbPay: 'Paguaj',
  sbCancel: 'Anulo dhe kthehu', sbCards: 'Kartat e provës', sbCardOk: 'pagesa kalon', sbCardDecline: 'pagesa refuzohet',
  sbBadNumber: 'Numri i kartës nuk është i vlefshëm. Kontrolloni shifrat.', sbBadExpiry: 'Shkruani muajin dhe vitin si 09/28.',
  sbExpired: 'Karta ka skaduar.', sbBadCvc: 'Kodi CVC ka 3 ose 4 shifra.', sbPaid: 'Pagesa u krye. Po ktheheni te Sportel…',
  sbDeclined: 'Karta u refuzua. Po ktheheni te Sportel…', sbAbandoned: 'Pagesa u anulua. Po ktheheni te Sportel…',
  sbDone: 'Kjo pagesë është mbyllur tashmë.', sbUnknown: 'Kjo pagesë nuk u gjet.', sbFailed: 'Nuk u lidh. Provoni përsëri.',
  sbBack: 'Kthehu te Sportel' });
Object.assign(STRINGS.en, { sbTitle: 'Card payment (test)', sbNote: 'This is the test page: no real money is taken.',
  sbAmount: 'Amount to pay', sbNumber: 'Card number', sbExpiry: 'Expires (MM/YY)', sbCvc: 'CVC code', sbPay: 'Pay',
  sbCancel: 'Cancel and go back', sbCards: 'Test cards', sbCardOk: 'payment succeeds', sbCardDecline: 'payment is declined',
  sbBadNumber: 'The card number is not valid. Check the digits.', sbBadExpiry: 'Enter the month and year like 09/28.',
  sbExpired: 'The card has expired.', sbBadCvc: 'The CVC code has 3 or 4 digits.', sbPaid: 'Payment done. Taking you back to Sportel…',
  sbDeclined: 'The card was declined. Taking you back to Sportel…', sbAbandoned: 'Payment cancelled. Taking you back to Sportel…',
  sbDone: 'This payment is already closed.', sbUnknown: 'This payment was not found.', sbFailed: 'Could not connect. Please try again.',
  sbBack: 'Back to Sportel' });

const ref = decodeURIComponent(location.pathname.split('/')[3] || '');
const base = '/pay/sandbox/' + encodeURIComponent(ref);
let info = null;

function luhn(digits) {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) { d *= 2; if (d > 9) { d -= 9; } }
    sum += d;
  }
  return sum % 10 === 0;
}

function cardProblems(number, expiry, cvc) {
  const problems = [];
  const digits = number.replace(/[ -]/g, '');
  if (!/^\d{13,19}$/.test(digits) || !luhn(digits)) { problems.push(['number', 'sbBadNumber']); }
  const m = /^(0[1-9]|1[0-2])\/(\d{2})$/.exec(expiry);
  if (!m) {
    problems.push(['expiry', 'sbBadExpiry']);
  } else {
    const now = new Date();
    const year = 2000 + Number(m[2]);
    if (year < now.getFullYear() || (year === now.getFullYear() && Number(m[1]) < now.getMonth() + 1)) { problems.push(['expiry', 'sbExpired']); }
  }
  if (!/^\d{3,4}$/.test(cvc)) { problems.push(['cvc', 'sbBadCvc']); }
  return problems;
}

function clearErrors() {
  document.querySelectorAll('.field-error').forEach(e => { e.textContent = ''; });
  document.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
  document.getElementById('pageError').textContent = '';
}

function fieldError(field, key) {
  const el = document.getElementById('err-' + field);
  if (el && !el.textContent) { el.textContent = t(key); }
  document.getElementById(field).setAttribute('aria-invalid', 'true');
}

function showAmount() {
  if (!info) { return; }
  const [whole, dec] = info.amount.split('.');
  document.getElementById('amount').textContent = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ') + ',' + dec + ' lek';
  document.getElementById('merchant').textContent = info.merchant;
}

function closed(key) {
  document.getElementById('cardForm').classList.add('hidden');
  document.getElementById('done').classList.remove('hidden');
  document.getElementById('doneText').textContent = t(key);
}

function finish(answer) {
  closed({ PAID: 'sbPaid', DECLINED: 'sbDeclined', ABANDONED: 'sbAbandoned' }[answer.outcome]);
  setTimeout(() => { location.assign(answer.redirectUrl); }, 600);
}

async function send(path, body) {
  const buttons = document.querySelectorAll('#cardForm button');
  buttons.forEach(b => { b.disabled = true; });
  try {
    const r = await fetch(base + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const answer = await r.json();
    if (r.ok) { finish(answer); return; }
    if (r.status === 409) { closed('sbDone'); return; }
    const errors = answer.errors || [];
    errors.forEach(fe => fieldError(fe.field, { number: 'sbBadNumber', expiry: /expired/.test(fe.message) ? 'sbExpired' : 'sbBadExpiry', cvc: 'sbBadCvc' }[fe.field] || 'sbFailed'));
    if (!errors.length) { document.getElementById('pageError').textContent = t('sbFailed'); }
  } catch (err) {
    document.getElementById('pageError').textContent = t('sbFailed');
  } finally {
    buttons.forEach(b => { b.disabled = false; });
  }
}

// Groups the number in fours as it is typed, and the expiry's slash, the way card forms do.
document.getElementById('number').addEventListener('input', e => {
  const digits = e.target.value.replace(/\D/g, '').slice(0, 19);
  e.target.value = digits.replace(/(\d{4})(?=\d)/g, '$1 ');
});
document.getElementById('expiry').addEventListener('input', e => {
  const digits = e.target.value.replace(/\D/g, '').slice(0, 4);
  e.target.value = digits.length > 2 ? digits.slice(0, 2) + '/' + digits.slice(2) : digits;
});
document.getElementById('cardForm').addEventListener('submit', e => {
  e.preventDefault();
  clearErrors();
  const v = id => document.getElementById(id).value.trim();
  const problems = cardProblems(v('number'), v('expiry'), v('cvc'));
  problems.forEach(([field, key]) => fieldError(field, key));
  if (problems.length) { document.getElementById(problems[0][0]).focus(); return; }
  send('/card', { number: v('number'), expiry: v('expiry'), cvc: v('cvc') });
});
document.getElementById('cancelButton').addEventListener('click', () => { clearErrors(); send('/cancel', {}); });
document.getElementById('langButton').addEventListener('click', () => {
  setLang(lang === 'sq' ? 'en' : 'sq');
  langButton();
});

async function load() {
  try {
    const r = await fetch(base + '/info');
    if (r.status === 404) { closed('sbUnknown'); return; }
    info = await r.json();
    showAmount();
    if (info.status !== 'PENDING') {
      closed('sbDone');
      const a = document.createElement('a');
      a.href = info.returnUrl;
      a.textContent = t('sbBack');
      document.getElementById('done').appendChild(a);
    }
  } catch (err) {
    document.getElementById('pageError').textContent = t('sbFailed');
  }
}

setLang(lang);
langButton();
load();
