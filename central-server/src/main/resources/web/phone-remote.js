// The phone view of a ticket taken from home (issue 19): counts down the estimated wait, says "leave now"
// once it falls under the travel time the citizen chose, shows the QR code to check in at the kiosk, and
// vibrates with a notice when 3 people are ahead and when the ticket is called (once each per phone).
Object.assign(STRINGS.sq, { remoteCheckInHow: 'Kur të arrini, bëni check-in në kioskë: skanoni këtë kod ose shkruani numrin e biletës.',
  remoteCode: 'Kodi:', remoteCheckedIn: 'Keni bërë check-in. Prisni thirrjen në ekran.',
  remoteCountdown: 'Radha juaj pas rreth {0}', remoteLeave: 'Nisuni tani! Rruga juaj zgjat {0} min.',
  remoteTravel: 'Koha e rrugës: {0} min', remoteNear: 'Afër radhës: {0} persona përpara jush.',
  remoteCalled: 'Është radha juaj! Shkoni te sporteli {0}.',
  remoteSkipped: 'Radha juaj kaloi para se të bënit check-in.', remoteRecall: 'Bëni check-in në kioskë brenda pak minutash që bileta të kthehet në radhë (vetëm një herë).',
  remoteNoRecall: 'Bileta nuk mund të kthehet më në radhë. Merrni një biletë të re.' });
Object.assign(STRINGS.en, { remoteCheckInHow: 'When you arrive, check in at the kiosk: scan this code or type the ticket number.',
  remoteCode: 'Code:', remoteCheckedIn: 'You have checked in. Wait for your number on the screen.',
  remoteCountdown: 'Your turn in about {0}', remoteLeave: 'Leave now! Your trip takes {0} min.',
  remoteTravel: 'Travel time: {0} min', remoteNear: 'Nearly there: {0} people ahead of you.',
  remoteCalled: 'It is your turn! Go to counter {0}.',
  remoteSkipped: 'Your turn passed before you checked in.', remoteRecall: 'Check in at the kiosk within a few minutes to go back into the queue (once only).',
  remoteNoRecall: 'The ticket cannot go back into the queue any more. Please take a new ticket.' });

const NEAR_AHEAD = 3;
let remote = null;
let remoteFetchedAt = 0;
let remoteTimer = null;

function minutesText(seconds) {
  const m = Math.max(0, Math.ceil(seconds / 60));
  return m + ' min';
}

// Once per ticket and phone: a reload must not vibrate again.
function alertOnce(kind, text) {
  const key = 'sportel.alert.' + remote.ticketId + '.' + kind;
  const notice = document.getElementById('remoteNotice');
  notice.textContent = text;
  notice.classList.remove('hidden');
  if (localStorage.getItem(key)) { return; }
  localStorage.setItem(key, '1');
  if (navigator.vibrate) { navigator.vibrate([400, 150, 400]); }
}

function tickRemote() {
  if (!remote || remote.status !== 'WAITING' || remote.estimatedWaitSeconds == null) {
    document.getElementById('remoteCountdown').textContent = '';
    document.getElementById('remoteLeave').classList.add('hidden');
    return;
  }
  const left = remote.estimatedWaitSeconds - (Date.now() - remoteFetchedAt) / 1000;
  document.getElementById('remoteCountdown').textContent = t('remoteCountdown', minutesText(left));
  const leave = !remote.checkedIn && left <= remote.travelMinutes * 60;
  const el = document.getElementById('remoteLeave');
  el.textContent = leave ? t('remoteLeave', remote.travelMinutes) : t('remoteTravel', remote.travelMinutes);
  el.classList.toggle('hidden', remote.checkedIn);
  el.classList.toggle('leave', leave);
}

function showRemote(r) {
  remote = r;
  remoteFetchedAt = Date.now();
  document.getElementById('remote').classList.remove('hidden');
  document.getElementById('remoteCode').textContent = r.checkInCode;
  const qr = document.getElementById('remoteQr');
  if (!qr.getAttribute('src')) { qr.src = r.qrUrl; qr.alt = t('remoteCode') + ' ' + r.checkInCode; }
  const open = r.status === 'WAITING' || (r.skipped && r.canRecall);
  document.getElementById('remoteCheckIn').classList.toggle('hidden', r.checkedIn || !open);
  document.getElementById('remoteCheckedIn').classList.toggle('hidden', !r.checkedIn || r.status !== 'WAITING');
  const skipped = document.getElementById('remoteSkipped');
  skipped.classList.toggle('hidden', !r.skipped);
  skipped.textContent = r.skipped ? t('remoteSkipped') + ' ' + (r.canRecall ? t('remoteRecall') : t('remoteNoRecall')) : '';
  if (r.skipped) { document.getElementById('status').textContent = ''; }
  if (r.status === 'CALLED') {
    alertOnce('called', t('remoteCalled', r.counterNumber));
  } else if (r.status === 'WAITING' && r.position != null && r.position - 1 <= NEAR_AHEAD) {
    alertOnce('near', t('remoteNear', r.position - 1));
  } else {
    document.getElementById('remoteNotice').classList.add('hidden');
  }
  tickRemote();
  if (!remoteTimer) { remoteTimer = setInterval(tickRemote, 1000); }
}

window.renderRemote = async function (tk) {
  if (remote === false) { return; } // not a remote ticket: nothing more to ask
  const r = await fetch('/api/v1/public/remote-tickets/' + encodeURIComponent(ticketId));
  if (r.status === 204 || r.status === 404) { remote = false; return; } // 204: a ticket from the kiosk
  if (r.ok) { showRemote(await r.json()); }
};
