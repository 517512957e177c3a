// The tablet beside a counter (/rate/{counterId}): asks the customer who was just served for 1–5 and a comment.
// The server takes its ratings only from a device signed in to the counter's centre: a supervisor pairs the
// tablet once with the centre's kiosk account, and the token stays on the tablet (as the kiosk keeps its own)
// until it expires or is logged out; then the tablet asks to be paired again.
const RATE_STRINGS = {
  sq: { question: 'Si ju shërbyem?', comment: 'Koment (jo i detyrueshëm)', send: 'Dërgo', thanks: 'Faleminderit për vlerësimin!',
        idle: 'Mirë se vini', counter: 'Sporteli {0}', failed: 'Vlerësimi nuk u dërgua. Provoni përsëri.',
        tooMany: 'Shumë vlerësime nga kjo adresë. Provoni më vonë.',
        pairTitle: 'Lidhja e tabletës me qendrën', username: 'Përdoruesi i kioskës', password: 'Fjalëkalimi', pair: 'Lidh tabletën',
        unpaired: 'Kjo tabletë nuk është lidhur ende me qendrën. Mbikëqyrësi e lidh një herë me llogarinë e kioskës së qendrës.',
        expired: 'Lidhja e kësaj tablete ka skaduar ose është mbyllur. Mbikëqyrësi duhet ta lidhë përsëri me llogarinë e kioskës.',
        otherCentre: 'Kjo llogari nuk i përket qendrës së këtij sporteli. Lidheni me llogarinë e kioskës së kësaj qendre.',
        notKiosk: 'Kjo nuk është llogari kioske. Tableta lidhet vetëm me llogarinë e kioskës së qendrës.',
        loginMissing: 'Shkruani përdoruesin dhe fjalëkalimin.', loginError: 'Përdoruesi ose fjalëkalimi është i gabuar.',
        loginLocked: 'Shumë përpjekje të gabuara. Provoni përsëri pas pak.', pairFailed: 'Tableta nuk u lidh. Provoni përsëri.',
        unknownCounter: 'Sporteli „{0}” nuk njihet. Kontrolloni adresën e faqes.' },
  en: { question: 'How did we serve you?', comment: 'Comment (optional)', send: 'Send', thanks: 'Thank you for your rating!',
        idle: 'Welcome', counter: 'Counter {0}', failed: 'The rating was not sent. Please try again.',
        tooMany: 'Too many ratings from this address. Please try later.',
        pairTitle: 'Pair this tablet with the centre', username: 'Kiosk username', password: 'Password', pair: 'Pair the tablet',
        unpaired: 'This tablet is not paired with the centre yet. A supervisor pairs it once with the centre’s kiosk account.',
        expired: 'This tablet’s sign-in has expired or was ended. A supervisor must pair it again with the kiosk account.',
        otherCentre: 'This account does not belong to this counter’s centre. Pair the tablet with this centre’s kiosk account.',
        notKiosk: 'This is not a kiosk account. The tablet is paired only with the centre’s kiosk account.',
        loginMissing: 'Enter the username and the password.', loginError: 'Wrong username or password.',
        loginLocked: 'Too many wrong attempts. Please try again in a little while.', pairFailed: 'The tablet was not paired. Please try again.',
        unknownCounter: 'The counter “{0}” is unknown. Check the page address.' },
};
let rateLang = localStorage.getItem('sportel.lang') || 'sq';
const counterId = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] || '');
const tokenKey = 'sportel.rate.token.' + counterId;
let ratingPrompt = null;
let score = null;
let pairReason = 'unpaired'; // why the pairing form shows: unpaired, expired, otherCentre
let pairError = null;        // what went wrong with the last sign-in
let unknownCounter = false;

function rt(key, arg) {
  return (RATE_STRINGS[rateLang][key] || key).replace('{0}', arg);
}

// role=alert elements: set only when the text changes, so a redraw is not read out again
function setText(id, text) {
  const el = document.getElementById(id);
  if (el.textContent !== text) { el.textContent = text; }
}

function render() {
  const paired = !!localStorage.getItem(tokenKey);
  document.documentElement.lang = rateLang;
  document.getElementById('unknown').classList.toggle('hidden', !unknownCounter);
  setText('unknown', unknownCounter ? rt('unknownCounter', counterId) : '');
  document.getElementById('pairView').classList.toggle('hidden', unknownCounter || paired);
  document.getElementById('rateView').classList.toggle('hidden', unknownCounter || !paired);
  document.getElementById('pairTitle').textContent = rt('pairTitle');
  document.getElementById('pairUserLabel').textContent = rt('username');
  document.getElementById('pairPasswordLabel').textContent = rt('password');
  document.getElementById('pairButton').textContent = rt('pair');
  setText('pairReason', paired ? '' : rt(pairReason));
  setText('pairError', pairError ? rt(pairError) : '');
  document.getElementById('question').textContent = ratingPrompt && ratingPrompt.ticketNumber ? rt('question') : rt('idle');
  document.getElementById('comment').placeholder = rt('comment');
  document.getElementById('send').textContent = rt('send');
  // what was last shown (thanks or "not sent"), in the language now chosen; a redraw never turns a failure into thanks
  document.getElementById('thanks').textContent = rt(showThanks.key || 'thanks');
  document.getElementById('langButton').textContent = rateLang === 'sq' ? 'English' : 'Shqip';
  if (!ratingPrompt) { document.getElementById('title').textContent = 'Sportel'; return; }
  document.getElementById('title').textContent = ratingPrompt.branchName + ' — ' + rt('counter', ratingPrompt.counterNumber);
  document.getElementById('number').textContent = ratingPrompt.ticketNumber || '';
  const asking = !!ratingPrompt.ticketNumber;
  document.getElementById('scores').classList.toggle('hidden', !asking);
  document.getElementById('comment').classList.toggle('hidden', !asking);
  document.getElementById('send').classList.toggle('hidden', !asking);
  document.getElementById('send').disabled = score === null || sending;
  document.querySelectorAll('#scores button').forEach(b => b.classList.toggle('chosen', Number(b.dataset.score) === score));
}

function logout(token) {
  fetch('/api/v1/auth/logout', { method: 'POST', headers: { Authorization: 'Bearer ' + token } }).catch(() => {});
}

// Back to the pairing form, saying why; a token the server still takes but refuses here is logged out.
function unpair(reason, liveToken) {
  localStorage.removeItem(tokenKey);
  if (liveToken) { logout(liveToken); }
  pairReason = reason;
  ratingPrompt = null;
  score = null;
  render();
}

// The counter's rating endpoint with the tablet's token; null when the answer sent the tablet back to pairing.
async function tabletFetch(options) {
  const token = localStorage.getItem(tokenKey);
  if (!token) { render(); return null; }
  const headers = { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token };
  const r = await fetch('/api/v1/counters/' + encodeURIComponent(counterId) + '/rating', Object.assign({}, options, { headers }));
  if (r.status === 401) { unpair('expired'); return null; }
  if (r.status === 403) { unpair('otherCentre', token); return null; }
  if (r.status === 404) { unknownCounter = true; render(); return null; }
  return r;
}

async function refresh() {
  if (unknownCounter) { return; }
  const r = await tabletFetch({});
  if (!r || !r.ok) { return; }
  const next = await r.json();
  if (!ratingPrompt || next.ticketNumber !== ratingPrompt.ticketNumber) {
    score = null;
    document.getElementById('comment').value = '';
  }
  ratingPrompt = next;
  render();
}

async function pair() {
  const user = document.getElementById('pairUser');
  const password = document.getElementById('pairPassword');
  if (!user.value || !password.value) { pairError = 'loginMissing'; render(); return; }
  const button = document.getElementById('pairButton');
  button.disabled = true;
  try {
    const r = await fetch('/api/v1/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: user.value, password: password.value }) });
    if (!r.ok) {
      pairError = r.status === 401 ? 'loginError' : r.status === 429 ? 'loginLocked' : 'pairFailed';
      render();
      return;
    }
    const login = await r.json();
    password.value = '';
    // a supervisor's own account would pair the tablet for one shift, and the server refuses its ratings anyway
    if (login.user.role !== 'KIOSK') { logout(login.token); pairError = 'notKiosk'; render(); return; }
    localStorage.setItem(tokenKey, login.token);
    user.value = '';
    pairError = null;
    render();
    await refresh(); // a kiosk of another centre is refused here, and the form says so
  } finally {
    button.disabled = false;
  }
}

// Send is held while the request is out, and a 409 for the ticket this tablet has just rated (a double tap
// that got through, a retried request) is not a failure: the first answer's "thank you" stands.
let sending = false;
let ratedTicket = null;

function showThanks(key) {
  const thanks = document.getElementById('thanks');
  showThanks.key = key;
  thanks.textContent = rt(key);
  thanks.classList.remove('hidden');
  clearTimeout(showThanks.timer);
  showThanks.timer = setTimeout(() => thanks.classList.add('hidden'), 4000);
}

async function send() {
  if (sending || !ratingPrompt || !ratingPrompt.ticketNumber || score === null) { return; }
  const ticketNumber = ratingPrompt.ticketNumber;
  const body = { ticketNumber: ticketNumber, score: score };
  const comment = document.getElementById('comment').value.trim();
  if (comment) { body.comment = comment; }
  sending = true;
  render();
  try {
    const r = await tabletFetch({ method: 'POST', body: JSON.stringify(body) });
    if (r && r.status === 201) {
      ratedTicket = ticketNumber;
      showThanks('thanks');
    } else if (r && r.status === 429) {
      showThanks('tooMany');
    } else if (r && !(r.status === 409 && ratedTicket === ticketNumber)) {
      showThanks('failed');
    }
  } catch (e) {
    showThanks('failed');
  } finally {
    sending = false;
  }
  await refresh();
}

document.querySelectorAll('#scores button').forEach(b => b.addEventListener('click', () => { score = Number(b.dataset.score); render(); }));
document.getElementById('send').addEventListener('click', () => send().catch(() => { render(); }));
document.getElementById('pairView').addEventListener('submit', e => {
  e.preventDefault();
  pair().catch(() => { pairError = 'pairFailed'; render(); });
});
document.getElementById('langButton').addEventListener('click', () => {
  rateLang = rateLang === 'sq' ? 'en' : 'sq';
  localStorage.setItem('sportel.lang', rateLang);
  render();
});
render();
refresh().catch(() => {});
setInterval(() => refresh().catch(() => {}), 3000);
