// The phone view of one ticket (/t/{id}): position, estimated wait, and "your turn" live from the branch stream.
const ticketId = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] || '');
let stream = null;
let current = null;

function render(tk) {
  current = tk;
  document.getElementById('branchName').textContent = tk.branchName;
  document.getElementById('number').textContent = tk.number;
  document.getElementById('service').textContent = lang === 'en' ? tk.serviceNameEn : tk.serviceName;
  document.getElementById('issued').textContent = t('issuedAt', timeOf(tk.issuedAt));
  const turn = document.getElementById('turn');
  const waiting = tk.status === 'WAITING';
  turn.classList.toggle('hidden', tk.status !== 'CALLED');
  // role=alert (phone.html): a screen reader says "your turn" when it appears, not again at every redraw
  const turnText = tk.status === 'CALLED' ? t('yourTurn') + ' ' + t('goTo', tk.counterNumber) : '';
  if (turn.textContent !== turnText) { turn.textContent = turnText; }
  document.getElementById('position').textContent = waiting ? t('position', tk.position) : '';
  document.getElementById('wait').textContent = waiting ? t('wait', Math.max(1, Math.round(tk.estimatedWaitSeconds / 60))) : '';
  const status = { SERVING: t('serving', tk.counterNumber), DONE: t('served'), CANCELLED: t('cancelled'), NO_SHOW: t('noShow') };
  const statusText = status[tk.status] || '';
  if (document.getElementById('status').textContent !== statusText) { document.getElementById('status').textContent = statusText; }
  if (tk.status === 'CALLED' && navigator.vibrate) { navigator.vibrate([300, 200, 300]); }
  if (window.renderRemote) { window.renderRemote(tk); } // phone-remote.js: tickets taken from home
  offerRating(tk); // phone-rating.js
}

async function reload() {
  const r = await fetch('/api/v1/public/tickets/' + encodeURIComponent(ticketId));
  if (r.status === 404) {
    document.getElementById('number').textContent = '—';
    document.getElementById('status').textContent = t('unknownTicket');
    return null;
  }
  const tk = await r.json();
  render(tk);
  return tk;
}

let timer = null;
function scheduleReload() { clearTimeout(timer); timer = setTimeout(() => reload().catch(() => {}), 200); }

document.getElementById('langButton').addEventListener('click', () => {
  setLang(lang === 'sq' ? 'en' : 'sq');
  langButton();
  if (current) { render(current); }
});

async function start() {
  setLang(lang);
  langButton();
  let tk = null;
  for (;;) {
    try { tk = await reload(); break; } catch (e) { document.getElementById('offline').classList.remove('hidden'); await new Promise(r => setTimeout(r, 3000)); }
  }
  if (!tk) { return; }
  const display = await (await fetch('/api/v1/public/branches/' + tk.branchCode + '/display')).json();
  // Any change in the branch may move this ticket up the queue: re-read it (a small, public request).
  stream = liveStream('/api/v1/public/branches/' + tk.branchCode + '/display/events', display.lastEventId,
    () => scheduleReload(),
    up => { document.getElementById('offline').classList.toggle('hidden', up); if (up) { scheduleReload(); } });
}
start();
