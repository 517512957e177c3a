// The waiting-room display (/display/{code}): the last call large, the last calls, the waiting counts, a chime.
const branch = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] || '');
let stream = null;
let reloadTimer = null;
let audio = null;
// A call is said aloud only while it is news. After a reconnect the stream replays what was missed, and a
// call from minutes ago chimed and spoke again as if the ticket were called now: those only update the board.
const ANNOUNCE_WITHIN_MS = 30000;
// The server's clock minus this screen's (from the Date header of the last snapshot): a TV's clock may be off.
let clockSkew = 0;

function callText(number, counter) {
  return '<span class="number">' + number + '</span> <span class="arrow">→</span> ' + t('counter') + ' ' + counter;
}

function render(d) {
  document.getElementById('branchName').textContent = d.branchName;
  const calls = d.calls.filter(c => c.counterNumber != null);
  const last = calls[0];
  document.getElementById('lastCall').innerHTML = last ? callText(last.number, last.counterNumber) : '—';
  const list = document.getElementById('calls');
  list.innerHTML = '';
  calls.slice(1, 7).forEach(c => {
    const li = document.createElement('li');
    li.innerHTML = '<span></span><span></span>';
    li.children[0].textContent = c.number;
    li.children[1].textContent = t('counter') + ' ' + c.counterNumber;
    list.appendChild(li);
  });
  const w = document.getElementById('waiting');
  w.innerHTML = '';
  d.waiting.forEach(s => {
    const div = document.createElement('div');
    div.innerHTML = '<b></b><span></span>';
    div.children[0].textContent = s.serviceLetter + ' · ' + s.count;
    div.children[1].textContent = lang === 'en' ? s.nameEn : s.name;
    w.appendChild(div);
  });
  if (window.renderSkippedRemote) { window.renderSkippedRemote(); } // display-remote.js
}

// A wrong address is not a lost connection: retrying would never help, so it says so and stops.
class UnknownCentre extends Error {}

async function reload() {
  const r = await fetch('/api/v1/public/branches/' + encodeURIComponent(branch) + '/display');
  if (r.status === 404) { throw new UnknownCentre(branch); }
  if (!r.ok) { throw new Error('display ' + r.status); }
  const served = Date.parse(r.headers.get('Date') || '');
  if (!Number.isNaN(served)) { clockSkew = served - Date.now(); }
  const d = await r.json();
  render(d);
  return d;
}

function scheduleReload() {
  clearTimeout(reloadTimer);
  reloadTimer = setTimeout(() => reload().catch(() => {}), 150);
}

// A short two-tone chime made in the browser (no sound files), then the call spoken where a voice exists.
function announce(number, counter) {
  try {
    audio = audio || newAudio();
    [660, 880].forEach((f, i) => {
      const o = audio.createOscillator();
      const g = audio.createGain();
      o.frequency.value = f;
      g.gain.setValueAtTime(0.2, audio.currentTime + i * 0.35);
      g.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + i * 0.35 + 0.6);
      o.connect(g).connect(audio.destination);
      o.start(audio.currentTime + i * 0.35);
      o.stop(audio.currentTime + i * 0.35 + 0.6);
    });
  } catch (e) { /* no audio device */ }
  const speak = () => {
    if (!('speechSynthesis' in window)) { return; }
    const voices = speechSynthesis.getVoices();
    const voice = voices.find(v => v.lang.startsWith(lang)) || voices.find(v => v.lang.startsWith('en'));
    if (voice) {
      const u = new SpeechSynthesisUtterance(t('say', number.split('').join(' '), counter));
      u.voice = voice;
      u.lang = voice.lang;
      speechSynthesis.speak(u);
    }
  };
  // prerecorded clips first (display-voice.js), the browser's speech only as the fallback
  if (window.SportelVoice) { SportelVoice.announce(number, counter, speak); } else { setTimeout(speak, 800); }
}

// An unattended TV cannot be clicked: the README names the browser flag that lets it play sound
// by itself. Where the browser still blocks audio, a notice says so until someone clicks once.
function newAudio() {
  const a = new (window.AudioContext || window.webkitAudioContext)();
  const notice = document.getElementById('soundNotice');
  const update = () => notice.classList.toggle('hidden', a.state === 'running');
  a.addEventListener('statechange', update);
  update();
  return a;
}

function enableSound() {
  if (audio) { audio.resume().catch(() => {}); }
  if ('speechSynthesis' in window) { speechSynthesis.getVoices(); }
}

// The ticket's calledAt (set again by a recall), else the event's own time; either within the window of now.
function isNews(e) {
  const at = Date.parse((e.ticket && e.ticket.calledAt) || e.at || '');
  return Number.isNaN(at) || Math.abs(Date.now() + clockSkew - at) <= ANNOUNCE_WITHIN_MS;
}

function onEvent(type, e) {
  if (window.SportelVoice) { SportelVoice.onEvent(type, e); }
  if (type === 'snapshot.required') { reload().then(d => stream.resumeFrom(d.lastEventId)).catch(() => {}); return; }
  if ((type === 'ticket.called' || type === 'ticket.recalled') && e.ticket && e.ticket.counterNumber != null) {
    document.getElementById('lastCall').innerHTML = callText(e.ticket.number, e.ticket.counterNumber);
    if (isNews(e)) {
      const now = document.getElementById('now');
      now.classList.remove('flash'); void now.offsetWidth; now.classList.add('flash');
      announce(e.ticket.number, e.ticket.counterNumber);
    }
  }
  scheduleReload();
}

function onState(up) {
  const wasDown = !document.getElementById('offline').classList.contains('hidden');
  document.getElementById('offline').classList.toggle('hidden', up);
  if (up && wasDown) { scheduleReload(); }
}

function tick() {
  document.getElementById('clock').textContent = new Date().toLocaleTimeString('sq-AL',
    { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone: 'Europe/Tirane' });
}

function showUnknown() {
  document.getElementById('unknown').textContent = t('unknownCentre', branch);
  document.getElementById('unknown').classList.remove('hidden');
  document.getElementById('offline').classList.add('hidden');
  document.querySelector('main').classList.add('hidden');
}

async function start() {
  setLang(lang);
  tick();
  setInterval(tick, 1000);
  try { audio = newAudio(); } catch (e) { /* no audio device: nothing to enable */ }
  document.getElementById('soundNotice').addEventListener('click', enableSound);
  document.addEventListener('click', enableSound);
  let last = 0;
  for (;;) {
    try {
      last = (await reload()).lastEventId;
      break;
    } catch (e) {
      if (e instanceof UnknownCentre) { showUnknown(); return; }
      onState(false);
      await new Promise(r => setTimeout(r, 3000));
    }
  }
  stream = liveStream('/api/v1/public/branches/' + branch + '/display/events', last, onEvent, onState);
  setInterval(() => reload().catch(() => {}), 60000); // a slow safety net for the counts
}
start();
