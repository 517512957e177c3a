// The kiosk's "check in" screen (issue 19): a citizen who took a ticket from home checks in by holding the
// ticket's QR code under the scanner or by typing the ticket's number on the on-screen keys. The scanner is
// a keyboard wedge: it types the code and Enter. That works in the field, and from the home screen too,
// where a burst of fast keys ending in Enter opens this screen and checks in at once.
Object.assign(STRINGS.sq, { choiceCheckIn: 'Check-in për biletën nga telefoni',
  checkInHelp: 'Vendosni kodin QR të biletës në telefon para lexuesit, ose shkruani numrin e biletës.',
  checkInLabel: 'Numri i biletës (p.sh. A012) ose kodi', checkInButton: 'Bëj check-in',
  checkInMissing: 'Shkruani numrin e biletës ose skanoni kodin QR.', checkInNotFound: 'Nuk u gjet asnjë biletë nga telefoni me këtë numër ose kod sot.',
  checkInOtherCentre: 'Kjo biletë është për një qendër tjetër.', checkInRecalledOnce: 'Kjo biletë e humbi radhën dy herë. Ju lutemi merrni një biletë të re.',
  checkInTooLate: 'Kjo biletë nuk mund të kthehet më në radhë. Ju lutemi merrni një biletë të re.',
  checkInFailed: 'Check-in nuk u krye. Pyesni në sportel.', checkInDone: 'Jeni në radhë. Prisni thirrjen në ekran.',
  checkInRecalled: 'Radha juaj kishte kaluar; bileta u kthye në radhë një herë. Prisni thirrjen në ekran.',
  checkInAlready: 'Keni bërë check-in më parë. Prisni thirrjen në ekran.', checkInPosition: 'Përpara jush: {0}' });
Object.assign(STRINGS.en, { choiceCheckIn: 'Check in a ticket from the phone',
  checkInHelp: 'Hold the QR code of the ticket on your phone under the reader, or type the ticket number.',
  checkInLabel: 'Ticket number (e.g. A012) or code', checkInButton: 'Check in',
  checkInMissing: 'Type the ticket number or scan the QR code.', checkInNotFound: 'No phone ticket with this number or code today.',
  checkInOtherCentre: 'This ticket is for another centre.', checkInRecalledOnce: 'This ticket missed its turn twice. Please take a new ticket.',
  checkInTooLate: 'This ticket cannot go back into the queue any more. Please take a new ticket.',
  checkInFailed: 'Check-in failed. Please ask at a counter.', checkInDone: 'You are in the queue. Wait for your number on the screen.',
  checkInRecalled: 'Your turn had passed; the ticket is back in the queue, once. Wait for your number on the screen.',
  checkInAlready: 'You had already checked in. Wait for your number on the screen.', checkInPosition: 'People ahead of you: {0}' });
setLang(lang);
VIEWS.push('checkInView');
// Ticket numbers use every service letter (the tracking-code keys leave out I and O).
KEY_ROWS.ticket = ['1 2 3 4 5 6 7 8 9 0', 'Q W E R T Y U I O P', 'A S D F G H J K L', 'Z X C V B N M ⌫ ✕'];

const checkInKeys = attachKeys(document.getElementById('checkInForm'), document.getElementById('checkInKeys'));
const TICKET_NUMBER = /^[A-Z][0-9]{1,4}$/;

function openCheckIn() {
  show('checkInView');
  checkInKeys.focusFirst();
}

window.resetCheckIn = function () {
  document.getElementById('checkInInput').value = '';
  document.getElementById('checkInError').textContent = '';
  document.getElementById('checkInResult').classList.add('hidden');
  document.getElementById('checkInForm').classList.remove('hidden');
  checkInKeys.clear();
};

async function checkIn(raw) {
  const value = raw.trim().toUpperCase();
  const error = document.getElementById('checkInError');
  error.textContent = '';
  if (!value) { error.textContent = t('checkInMissing'); return; }
  const body = TICKET_NUMBER.test(value) ? { number: value } : { code: value };
  const r = await api('/api/v1/kiosk/check-in', { method: 'POST', body: JSON.stringify(body) });
  if (!r.ok) {
    const p = await r.json().catch(() => ({}));
    const type = String(p.type || '');
    error.textContent = r.status === 404 || r.status === 422 ? t('checkInNotFound')
      : type.endsWith('other-centre') ? t('checkInOtherCentre') : type.endsWith('recalled-once') ? t('checkInRecalledOnce')
        : r.status === 409 ? t('checkInTooLate') : t('checkInFailed');
    document.getElementById('checkInInput').value = '';
    return;
  }
  const res = await r.json();
  document.getElementById('checkInNumber').textContent = res.ticket.number;
  const ahead = res.ticket.position ? ' ' + t('checkInPosition', res.ticket.position - 1) : '';
  document.getElementById('checkInMessage').textContent =
    { CHECKED_IN: t('checkInDone'), RECALLED: t('checkInRecalled'), ALREADY_CHECKED_IN: t('checkInAlready') }[res.outcome] + ahead;
  document.getElementById('checkInForm').classList.add('hidden');
  checkInKeys.clear();
  document.getElementById('checkInResult').classList.remove('hidden');
}

document.getElementById('goCheckIn').addEventListener('click', openCheckIn);
document.getElementById('checkInDone').addEventListener('click', () => { resetCitizen(); });
document.getElementById('checkInForm').addEventListener('submit', e => {
  e.preventDefault();
  checkIn(document.getElementById('checkInInput').value).catch(() => { document.getElementById('checkInError').textContent = t('checkInFailed'); });
});

// The wedge scanner on the home screen: keys arriving faster than a person types, then Enter.
(function scannerOnHome() {
  let buffer = '';
  let last = 0;
  document.addEventListener('keydown', e => {
    if (document.getElementById('homeView').classList.contains('hidden')) { buffer = ''; return; }
    const now = Date.now();
    if (now - last > 100) { buffer = ''; }
    last = now;
    if (e.key === 'Enter' && buffer.length >= 6) {
      e.preventDefault();
      const code = buffer;
      buffer = '';
      openCheckIn();
      document.getElementById('checkInInput').value = code;
      checkIn(code).catch(() => { document.getElementById('checkInError').textContent = t('checkInFailed'); });
    } else if (/^[A-Za-z0-9]$/.test(e.key)) {
      buffer += e.key;
    }
  });
}());
