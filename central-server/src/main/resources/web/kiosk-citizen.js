// The kiosk's home screen and what a citizen does there besides taking a ticket: check a bill (code and
// the amount of the last bill, never the code alone), track a case, file a complaint. A kiosk is shared,
// so after a minute without a touch it clears everything typed and returns home.
Object.assign(STRINGS.sq, { homeWelcome: 'Mirë se vini! Çfarë dëshironi të bëni?', choiceTicket: 'Merr biletë për sportelin',
  choiceBill: 'Kontrollo faturën', choiceComplaint: 'Paraqit një ankesë', choiceTrack: 'Ndiq ankesën ose aplikimin',
  backHome: '← Kreu', billCode: 'Kodi i klientit (në faturë)', billProof: 'Shuma e faturës së fundit (lekë)',
  billProofHelp: 'P.sh. 2450,00 — e shkruar në faturën e fundit që morët.', billCheck: 'Kontrollo',
  billNoMatch: 'Kodi dhe shuma nuk përputhen me asnjë llogari. Kontrolloni faturën.',
  billTooMany: 'Shumë përpjekje të gabuara. Provoni përsëri më vonë ose pyesni në sportel.',
  lookupUnavailable: 'Kontrolli nuk mund të bëhet tani. Provoni përsëri pas pak ose pyesni në sportel.',
  trackTooMany: 'Shumë kërkime në pak kohë. Prisni një minutë dhe provoni përsëri.',
  billMissing: 'Shkruani kodin e klientit dhe shumën e faturës së fundit.', billDue: 'Për të paguar: {0}',
  billNothing: 'Nuk keni asgjë për të paguar.', billNoTicket: 'Nuk ju duhet biletë për sportelin.',
  billPayAtCounter: 'Mund të paguani te sporteli: merrni një biletë.', billLine: '{0}: {1}, afati {2}',
  otherWays: 'Mund të paguani edhe në bankë, në postë ose me transfertë bankare, me kodin e klientit si përshkrim.',
  billTakeTicket: 'Merr biletë për pagesë', trackCodeLabel: 'Kodi i ndjekjes (p.sh. ANK-2026-7KQ9XM)', trackLookup: 'Kërko',
  trackMissing: 'Shkruani kodin që morët kur e paraqitët kërkesën.', trackNotFound: 'Nuk u gjet asnjë kërkesë me këtë kod.',
  kcCategory: 'Për çfarë është ankesa', kcName: 'Emri dhe mbiemri', kcPhone: 'Telefoni (që t’ju përgjigjemi)',
  kcDescription: 'Çfarë ndodhi', kcSend: 'Dërgo ankesën', kcThanks: 'Ankesa u regjistrua. Shkruani ose fotografoni këtë kod për ta ndjekur:',
  kcFailed: 'Ankesa nuk u dërgua. Provoni përsëri.', keyBack: 'Fshi', keyClear: 'Pastro', keyShift: 'Shkronjë e madhe', keySpace: 'Hapësirë',
  RECEIVED: 'E marrë', IN_REVIEW: 'Në shqyrtim', RESOLVED: 'E zgjidhur', REJECTED: 'E refuzuar', APPROVED: 'E miratuar' });
Object.assign(STRINGS.en, { homeWelcome: 'Welcome! What would you like to do?', choiceTicket: 'Take a ticket for the counter',
  choiceBill: 'Check my bill', choiceComplaint: 'File a complaint', choiceTrack: 'Track a complaint or application',
  backHome: '← Home', billCode: 'Customer code (on the bill)', billProof: 'Amount of the last bill (lek)',
  billProofHelp: 'E.g. 2450,00 — as printed on the last bill you received.', billCheck: 'Check',
  billNoMatch: 'The code and the amount match no account. Please check the bill.',
  billTooMany: 'Too many wrong tries. Please try again later or ask at a counter.',
  lookupUnavailable: 'The check cannot be done right now. Please try again in a little while or ask at a counter.',
  trackTooMany: 'Too many look-ups in a short time. Wait a minute and try again.',
  billMissing: 'Enter the customer code and the amount of the last bill.', billDue: 'Amount due: {0}',
  billNothing: 'You have nothing to pay.', billNoTicket: 'You do not need a ticket for the counter.',
  billPayAtCounter: 'You can pay at a counter: take a ticket.', billLine: '{0}: {1}, due {2}',
  otherWays: 'You can also pay at a bank, at the post office or by bank transfer, with the customer code as reference.',
  billTakeTicket: 'Take a ticket to pay', trackCodeLabel: 'Tracking code (e.g. ANK-2026-7KQ9XM)', trackLookup: 'Look up',
  trackMissing: 'Enter the code you received when you filed it.', trackNotFound: 'No case with this code.',
  kcCategory: 'What is it about', kcName: 'Full name', kcPhone: 'Phone (so we can answer)',
  kcDescription: 'What happened', kcSend: 'Send the complaint', kcThanks: 'Your complaint is registered. Write down or photograph this code to follow it:',
  kcFailed: 'The complaint was not sent. Please try again.', keyBack: 'Delete', keyClear: 'Clear', keyShift: 'Capital letter', keySpace: 'Space',
  RECEIVED: 'Received', IN_REVIEW: 'In review', RESOLVED: 'Resolved', REJECTED: 'Rejected', APPROVED: 'Approved' });

setLang(lang); // kiosk.js applied the strings before these were added

const IDLE_SECONDS = Math.max(2, Number(new URLSearchParams(location.search).get('idle')) || 60);
const keys = {
  bill: attachKeys(document.getElementById('billForm'), document.getElementById('billKeys')),
  track: attachKeys(document.getElementById('kioskTrackForm'), document.getElementById('trackKeys')),
  complaint: attachKeys(document.getElementById('kioskComplaintForm'), document.getElementById('complaintKeys')),
};

// "16 263,19 L": the amounts as Albanians write them.
function money(decimal) {
  const [whole, part] = String(decimal).split('.');
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ') + ',' + (part || '00').padEnd(2, '0') + ' L';
}

function dateOf(isoDate) {
  const [y, m, d] = isoDate.split('-');
  return d + '.' + m + '.' + y;
}

// What a failed check tells the citizen. Only a 404 (or a 422, a code or amount the server cannot read)
// means nothing matches what they typed; a 429 means wait; a 5xx, a proxy's page or no network is our
// failure, not a wrong code, and says to try again later.
function lookupProblem(status, notFoundKey, tooManyKey) {
  return t(status === 404 || status === 422 ? notFoundKey : status === 429 ? tooManyKey : 'lookupUnavailable');
}

function openView(view, keyboard) {
  show(view);
  if (keyboard) { keyboard.focusFirst(); }
}

document.getElementById('goTicket').addEventListener('click', () => { show('serviceView'); loadServices().catch(() => {}); });
document.getElementById('goBill').addEventListener('click', () => openView('billView', keys.bill));
document.getElementById('goTrack').addEventListener('click', () => openView('trackView', keys.track));
document.getElementById('goComplaint').addEventListener('click', () => { openView('complaintView', null); loadKioskCategories().then(() => keys.complaint.focusFirst()); });
document.querySelectorAll('.back').forEach(b => b.addEventListener('click', resetCitizen));
document.getElementById('billTicket').addEventListener('click', () => { resetCitizen(); show('serviceView'); loadServices().catch(() => {}); });

document.getElementById('billForm').addEventListener('submit', async e => {
  e.preventDefault();
  const error = document.getElementById('billError');
  const code = document.getElementById('billCode').value.trim();
  const proof = document.getElementById('billProof').value.trim();
  error.textContent = '';
  document.getElementById('billResult').classList.add('hidden');
  if (!code || !proof) { error.textContent = t('billMissing'); return; }
  // as the signed-in kiosk (api, kiosk.js): its failures count for it, not for every device behind the centre's address
  let a;
  try {
    const r = await api('/api/v1/kiosk/account/verify', { method: 'POST', body: JSON.stringify({ customerCode: code, proof }) });
    if (!r.ok) { error.textContent = lookupProblem(r.status, 'billNoMatch', 'billTooMany'); return; }
    a = await r.json();
  } catch (err) {
    if (err.message !== 'login') { error.textContent = t('lookupUnavailable'); } // 'login': api() showed the kiosk's sign-in
    return;
  }
  const nothing = Number(a.amountDue) === 0;
  document.getElementById('billDue').textContent = nothing ? t('billNothing') : t('billDue', money(a.amountDue));
  const list = document.getElementById('billList');
  list.innerHTML = '';
  a.unpaidBills.forEach(b => { const li = document.createElement('li'); li.textContent = t('billLine', b.period, money(b.amount), dateOf(b.dueDate)); list.appendChild(li); });
  document.getElementById('billAdvice').textContent = nothing ? t('billNoTicket') : t('billPayAtCounter');
  document.getElementById('billTicket').classList.toggle('hidden', nothing);
  document.getElementById('billForm').classList.add('hidden');
  keys.bill.clear();
  document.getElementById('billResult').classList.remove('hidden');
});

document.getElementById('kioskTrackForm').addEventListener('submit', async e => {
  e.preventDefault();
  const error = document.getElementById('kioskTrackError');
  const code = document.getElementById('kioskTrackCode').value.trim().toUpperCase();
  error.textContent = '';
  document.getElementById('kioskTrackResult').classList.add('hidden');
  if (!code) { error.textContent = t('trackMissing'); return; }
  let c;
  try {
    const r = await fetch('/api/v1/public/track/' + encodeURIComponent(code));
    if (!r.ok) { error.textContent = lookupProblem(r.status, 'trackNotFound', 'trackTooMany'); return; }
    c = await r.json();
  } catch (err) {
    error.textContent = t('lookupUnavailable');
    return;
  }
  document.getElementById('kioskTrackStatus').textContent = c.trackingCode + ': ' + t(c.status);
  const ol = document.getElementById('kioskTrackHistory');
  ol.innerHTML = '';
  c.history.forEach(h => { const li = document.createElement('li'); li.textContent = dateTimeOf(h.at) + ' — ' + t(h.status) + (h.note ? ': ' + h.note : ''); ol.appendChild(li); });
  document.getElementById('kioskTrackResult').classList.remove('hidden');
});

async function loadKioskCategories() {
  const cats = await (await fetch('/api/v1/public/complaint-categories')).json();
  const sel = document.getElementById('kcCategory');
  const keep = sel.value;
  sel.innerHTML = '';
  cats.forEach(c => { const o = document.createElement('option'); o.value = c.code; o.textContent = lang === 'en' ? c.nameEn : c.name; sel.appendChild(o); });
  if (keep) { sel.value = keep; }
}

document.getElementById('kioskComplaintForm').addEventListener('submit', async e => {
  e.preventDefault();
  const v = id => document.getElementById(id).value.trim();
  ['kcName', 'kcPhone', 'kcDescription'].forEach(id => { document.getElementById('err-' + id).textContent = ''; });
  document.getElementById('kcError').textContent = '';
  const problems = [];
  if (!v('kcName')) { problems.push(['kcName', 'required']); }
  if (!v('kcPhone')) { problems.push(['kcPhone', 'contact']); } else if (!/^\+?[0-9 ()-]{6,40}$/.test(v('kcPhone'))) { problems.push(['kcPhone', 'badPhone']); }
  if (v('kcDescription').length < 10) { problems.push(['kcDescription', 'shortDescription']); }
  problems.forEach(([id, key]) => { document.getElementById('err-' + id).textContent = t(key); });
  if (problems.length) { document.getElementById(problems[0][0]).focus(); return; }
  const send = document.getElementById('kcSend');
  send.disabled = true; // one tap, one complaint; sendTap (kiosk.js) keys it, so a resend after a lost answer is the same one
  let r;
  try {
    r = await sendTap('/api/v1/kiosk/complaints',
      JSON.stringify({ category: v('kcCategory'), name: v('kcName'), phone: v('kcPhone'), description: v('kcDescription') }));
  } catch (x) {
    r = null;
  } finally {
    send.disabled = false;
  }
  if (!r || r.status !== 201) { document.getElementById('kcError').textContent = t('kcFailed'); return; }
  document.getElementById('kcCode').textContent = (await r.json()).trackingCode;
  document.getElementById('kioskComplaintForm').classList.add('hidden');
  keys.complaint.clear();
  document.getElementById('kcDone').classList.remove('hidden');
});

// Back to a clean home screen: nothing the last citizen typed or saw stays on the screen.
function resetCitizen() {
  document.querySelectorAll('#billView input, #trackView input, #complaintView input, #complaintView textarea').forEach(i => { i.value = ''; });
  document.querySelectorAll('#billView .error, #trackView .error, #complaintView .error').forEach(p => { p.textContent = ''; });
  ['billResult', 'kioskTrackResult', 'kcDone'].forEach(id => document.getElementById(id).classList.add('hidden'));
  ['billForm', 'kioskTrackForm', 'kioskComplaintForm'].forEach(id => document.getElementById(id).classList.remove('hidden'));
  Object.values(keys).forEach(k => k.clear());
  if (window.resetCheckIn) { window.resetCheckIn(); } // kiosk-checkin.js
  if (lang !== 'sq') { // the next citizen is greeted in Albanian, whatever the last one chose
    setLang('sq');
    langButton();
    loadServices().catch(() => {});
  }
  if (document.getElementById('loginView').classList.contains('hidden') && document.getElementById('unknown').classList.contains('hidden')) {
    back();
  }
}

let idleTimer = null;
function touched() {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(resetCitizen, IDLE_SECONDS * 1000);
}
['pointerdown', 'keydown', 'input'].forEach(type => document.addEventListener(type, touched, true));
touched();
