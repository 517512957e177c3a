// The kiosk (/kiosk/{code}): signs in once; its home screen (kiosk-citizen.js) leads to the tickets,
// where one tap on a service issues and prints a ticket.
const branch = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] || '');
const tokenKey = 'sportel.kiosk.token.' + branch;
let services = [];
let backTimer = null;
let printTimer = null;
// The ticket still waiting for its QR code, if any: a next ticket prints it first, without the code.
let pendingPrint = null;
// How long the printed ticket waits for its QR code: then it prints without it, with the link alone.
const QR_WAIT_MS = 3000;

const VIEWS = ['loginView', 'homeView', 'serviceView', 'priorityView', 'appointmentView', 'ticketView', 'billView', 'trackView', 'complaintView'];

function show(id) {
  VIEWS.forEach(v => document.getElementById(v).classList.toggle('hidden', v !== id));
}

async function api(path, options = {}) {
  const headers = Object.assign({ 'Content-Type': 'application/json' }, options.headers || {});
  const token = localStorage.getItem(tokenKey);
  if (token) { headers.Authorization = 'Bearer ' + token; }
  const r = await fetch(path, Object.assign({}, options, { headers }));
  if (r.status === 401) { localStorage.removeItem(tokenKey); show('loginView'); throw new Error('login'); }
  return r;
}

document.getElementById('loginView').addEventListener('submit', async e => {
  e.preventDefault();
  if (!document.getElementById('kioskUser').value || !document.getElementById('kioskPassword').value) {
    document.getElementById('loginError').textContent = t('loginMissing');
    return;
  }
  const r = await fetch('/api/v1/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: document.getElementById('kioskUser').value, password: document.getElementById('kioskPassword').value }) });
  if (!r.ok) { document.getElementById('loginError').textContent = t('loginError'); return; }
  localStorage.setItem(tokenKey, (await r.json()).token);
  document.getElementById('kioskPassword').value = '';
  start();
});

async function loadServices() {
  const [servicesResponse, displayResponse] = await Promise.all([api('/api/v1/branches/' + encodeURIComponent(branch) + '/services'),
    fetch('/api/v1/public/branches/' + encodeURIComponent(branch) + '/display')]);
  if (displayResponse.status === 404) { showUnknown(); return; }
  services = await servicesResponse.json();
  const display = await displayResponse.json();
  document.getElementById('branchName').textContent = display.branchName;
  const open = Object.fromEntries(display.waiting.map(w => [w.serviceId, w.openCounters]));
  const closed = display.waiting.every(w => w.openCounters === 0);
  document.getElementById('closedBanner').classList.toggle('hidden', !closed);
  const box = document.getElementById('services');
  box.innerHTML = '';
  services.forEach(s => {
    const b = document.createElement('button');
    b.className = 'service';
    b.id = 'service-' + s.letter;
    b.innerHTML = '<span class="letter"></span><span class="name"></span><span class="note"></span>';
    b.querySelector('.letter').textContent = s.letter;
    b.querySelector('.name').textContent = lang === 'en' ? s.nameEn : s.name;
    if (!open[s.id]) { b.disabled = true; b.querySelector('.note').textContent = t('notAvailable'); }
    b.addEventListener('click', () => choosePriority(s)); // kiosk-priority.js, then issue()
    box.appendChild(b);
  });
}

// One tap, one ticket: when the answer is lost on the way (the network blinked after the server issued
// it), the same request goes again with the same Idempotency-Key, and the server answers with that ticket
// instead of issuing a second one that would be called for nobody.
async function sendTap(path, body) {
  const bytes = crypto.getRandomValues(new Uint8Array(16)); // randomUUID needs https; a kiosk may be on plain http
  const key = 'kiosk-' + Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
  for (let attempt = 1; ; attempt++) {
    const abort = new AbortController(); // a request that hangs counts as lost, not as a frozen kiosk
    const timer = setTimeout(() => abort.abort(), 8000);
    try {
      const r = await api(path, { method: 'POST', body, headers: { 'Idempotency-Key': key }, signal: abort.signal });
      // a proxy in front answers 502-504 when it lost the server's answer: as safe to resend as no answer
      if (![502, 503, 504].includes(r.status) || attempt >= 3) { return r; }
    } catch (e) {
      if (e.message === 'login' || attempt >= 3) { throw e; }
    } finally {
      clearTimeout(timer);
    }
    await new Promise(resolve => setTimeout(resolve, 700 * attempt));
  }
}

// category: null for no priority, else a code of /api/v1/priority-categories (the ticket is then a priority one).
async function issue(service, category) {
  document.getElementById('issueError').textContent = '';
  document.querySelectorAll('.service, .priority-choice').forEach(b => b.disabled = true); // one tap, one ticket
  try {
    const request = category ? { serviceId: service.id, priority: true, priorityCategory: category } : { serviceId: service.id, priority: false };
    const r = await sendTap('/api/v1/branches/' + branch + '/tickets', JSON.stringify(request));
    if (!r.ok) { throw new Error('issue'); }
    const issued = await r.json();
    showTicket(issued, service, issued.viewUrl);
  } catch (e) {
    if (e.message !== 'login') { show('serviceView'); document.getElementById('issueError').textContent = t('issueError'); }
  } finally {
    document.querySelectorAll('.priority-choice').forEach(b => b.disabled = false);
    loadServices().catch(() => {});
  }
}

// The printed ticket, for a ticket just issued here or an appointment checked in (kiosk-book.js).
// viewUrl is the ticket's phone view at the server's public address, the one its QR code holds: this
// page's own address may be one citizens cannot reach (an internal name, a kiosk network).
function showTicket(ticket, service, viewUrl) {
  if (pendingPrint) { pendingPrint(false); } // a ticket issued seconds ago is printed before this one replaces it
  document.getElementById('ticketNumber').textContent = ticket.number;
  document.getElementById('ticketService').textContent = service ? (lang === 'en' ? service.nameEn : service.name) : '';
  document.getElementById('ticketTime').textContent = t('issuedAt', dateTimeOf(ticket.issuedAt));
  document.getElementById('ticketAhead').textContent = t('ahead', ticket.position - 1);
  document.getElementById('ticketWait').textContent = t('wait', Math.max(1, Math.round(ticket.estimatedWaitSeconds / 60)));
  // the same address as the QR code, for a phone without a camera or a ticket read aloud
  const link = viewUrl ? viewUrl.replace(/^https?:\/\//, '') : '';
  document.getElementById('ticketLink').textContent = link ? t('phoneLink', link) : '';
  printWithQr(ticket, link);
  showTicketPriority(ticket.priorityCategory);
  document.getElementById('ticketAppointment').classList.add('hidden'); // kiosk-book.js shows it for a check-in
  show('ticketView');
  clearTimeout(backTimer);
  backTimer = setTimeout(back, 12000);
}

// The ticket prints once its QR code is drawn; if the code fails to load, or has not come after QR_WAIT_MS,
// it prints without it, the link alone saying where to follow the queue. A citizen never leaves without a
// number, and never with two copies: whichever comes first prints, the others find it done.
function printWithQr(ticket, link) {
  const qr = document.getElementById('ticketQr');
  const scan = document.getElementById('ticketScan');
  let printed = false;
  const print = withQr => {
    if (printed) { return; }
    printed = true;
    pendingPrint = null;
    clearTimeout(printTimer);
    qr.onload = null;
    qr.onerror = null;
    if (!withQr) {
      qr.classList.add('hidden');
      scan.classList.add('hidden');
      document.getElementById('ticketLink').textContent = link ? t('phoneLinkOnly', link) : '';
    }
    if (!navigator.webdriver) { window.print(); }
  };
  clearTimeout(printTimer);
  qr.classList.remove('hidden');
  scan.classList.remove('hidden');
  qr.onload = () => print(true);
  qr.onerror = () => print(false);
  printTimer = setTimeout(() => print(false), QR_WAIT_MS);
  pendingPrint = print;
  qr.src = '/public/tickets/' + encodeURIComponent(ticket.id) + '/qr.svg';
}

// A kiosk at a wrong address must not look like a closed centre: it says the address is wrong.
function showUnknown() {
  document.getElementById('unknown').textContent = t('unknownCentre', branch);
  document.getElementById('unknown').classList.remove('hidden');
  VIEWS.forEach(v => document.getElementById(v).classList.add('hidden'));
}

function back() { clearTimeout(backTimer); show('homeView'); }
document.getElementById('doneButton').addEventListener('click', back);
document.getElementById('langButton').addEventListener('click', () => {
  setLang(lang === 'sq' ? 'en' : 'sq');
  langButton();
  loadServices().catch(() => {});
});

function start() {
  if (!localStorage.getItem(tokenKey)) { show('loginView'); return; }
  show('homeView');
  loadServices().catch(() => {});
}

setLang(lang);
langButton();
start();
setInterval(() => { if (!document.getElementById('serviceView').classList.contains('hidden')) { loadServices().catch(() => {}); } }, 30000);
