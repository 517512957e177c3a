// The phone view of one ticket (/t/{id}): position, estimated wait, and "your turn" live from the branch stream.
// The stream is not always there: a shared address past its display-stream limit gets 429, and some proxies drop
// event streams. So when the stream has not been open for a few seconds the page reads its own ticket every
// 5–10 s (longer while that fails too), and stops as soon as the stream opens again: the call still reaches
// the customer.
Object.assign(STRINGS.sq, { polling: 'Lidhja e drejtpërdrejtë nuk hapet; faqja rifreskohet vetë çdo disa sekonda.' });
Object.assign(STRINGS.en, { polling: 'The live connection does not open; the page refreshes itself every few seconds.' });

const ticketId = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] || '');
const STREAM_GRACE_MS = 4000;      // a stream down this long is not coming back by itself soon
const POLL_MIN_MS = 5000;          // after a change, or when polling starts
const POLL_MAX_MS = 10000;         // while nothing changes: a call is still seen within 10 s
const POLL_FAILING_MAX_MS = 60000; // while the reads fail too
const STREAM_RETRY_MAX_MS = 15000; // how long, at most, the refused stream waits before asking again
const FINAL = ['DONE', 'CANCELLED'];
let stream = null;
let current = null;
let streamUp = false;
let streamDownSince = Date.now();
let polling = false;
let pollFailed = false;
let pollDelay = POLL_MIN_MS;
let pollTimer = null;

function buzz() {
  if (navigator.vibrate) { navigator.vibrate([300, 200, 300]); }
}

function render(tk) {
  const before = current;
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
  // once when the call comes (a redraw, a poll or the language button must not buzz again; a recall does, below)
  if (tk.status === 'CALLED' && !(before && before.status === 'CALLED')) { buzz(); }
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
  if (!r.ok) { throw new Error('ticket answered ' + r.status); } // 429, 5xx, a proxy's error page: try again later
  const tk = await r.json();
  render(tk);
  return tk;
}

let timer = null;
function scheduleReload() { clearTimeout(timer); timer = setTimeout(() => reload().catch(() => {}), 200); }

// The red "reconnecting" banner only when the page has no way to the server; while polling works, a calmer note.
function showConnection() {
  const pollingWorks = polling && !pollFailed;
  document.getElementById('offline').classList.toggle('hidden', streamUp || pollingWorks);
  document.getElementById('polling').classList.toggle('hidden', streamUp || !pollingWorks);
}

function onStreamState(up) {
  const wasUp = streamUp;
  streamUp = up;
  if (up) {
    stopPolling();
    if (!wasUp) { scheduleReload(); } // what changed while the stream was down
  } else if (wasUp) {
    streamDownSince = Date.now();
  }
  showConnection();
}

function startPolling() {
  polling = true;
  pollFailed = false;
  pollDelay = POLL_MIN_MS;
  poll();
}

function stopPolling() {
  polling = false;
  pollFailed = false;
  clearTimeout(pollTimer);
}

async function poll() {
  clearTimeout(pollTimer);
  if (!polling || streamUp) { return; }
  const seen = current ? current.status + '/' + current.position + '/' + current.counterNumber : null;
  try {
    const tk = await reload();
    pollFailed = false;
    if (!tk || FINAL.includes(tk.status)) { stopPolling(); showConnection(); return; } // nothing more will happen
    const changed = seen !== tk.status + '/' + tk.position + '/' + tk.counterNumber;
    pollDelay = changed ? POLL_MIN_MS : Math.min(POLL_MAX_MS, pollDelay * 1.25);
  } catch (e) {
    pollFailed = true;
    pollDelay = Math.min(POLL_FAILING_MAX_MS, pollDelay * 2);
  }
  showConnection();
  if (polling && !streamUp) { pollTimer = setTimeout(poll, pollDelay); }
}

// Polls once the stream has been down (or never opened) for STREAM_GRACE_MS, unless the ticket is finished.
function watchStream() {
  if (!streamUp && !polling && Date.now() - streamDownSince >= STREAM_GRACE_MS && !(current && FINAL.includes(current.status))) {
    startPolling();
  }
}

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
  document.getElementById('offline').classList.add('hidden');
  if (!tk) { return; }
  let lastEventId = ''; // unknown: the stream then starts from now
  try {
    lastEventId = (await (await fetch('/api/v1/public/branches/' + tk.branchCode + '/display')).json()).lastEventId;
  } catch (e) {
    // the ticket is known and shown; the stream (or the polling) follows it from now on
  }
  streamDownSince = Date.now();
  // Any change in the branch may move this ticket up the queue: re-read it (a small, public request).
  stream = liveStream('/api/v1/public/branches/' + tk.branchCode + '/display/events', lastEventId,
    (type, e) => {
      if (type === 'ticket.recalled' && e && e.ticket && current && e.ticket.number === current.number) { buzz(); }
      scheduleReload();
    },
    onStreamState, STREAM_RETRY_MAX_MS);
  setInterval(watchStream, 1000);
}
start();
