// Booking an appointment (/book/{branch}): a service, a day, a free hour from the capacity the supervisor
// set, a name and (for the SMS reminder) a phone. The answer is the code to give at check-in. Opened from
// the kiosk (?kiosk=1) it offers the way back and returns there by itself when left alone.
Object.assign(STRINGS.sq, { bookTitle: 'Rezervoni një takim', bookService: 'Shërbimi', bookDate: 'Dita',
  bookSlots: 'Orari (orë të lira)', bookNoSlots: 'Për këtë ditë nuk ka orë për takime. Zgjidhni një ditë tjetër.',
  bookName: 'Emri dhe mbiemri', bookPhone: 'Telefoni (jo i detyrueshëm)',
  bookPhoneHelp: 'Ju dërgojmë një SMS një orë para takimit.', bookButton: 'Rezervo', bookFree: '{0} të lira', bookFull: 'e plotë',
  bookChooseSlot: 'Zgjidhni një orë të lirë.', bookNameMissing: 'Shkruani emrin tuaj.',
  bookPhoneBad: 'Shkruani një numër telefoni, p.sh. +355 69 123 4567.',
  bookPhoneLimit: 'Ky numër telefoni ka tashmë 3 takime të rezervuara. Anuloni njërin para se të rezervoni një tjetër.',
  bookSlotFull: 'Kjo orë sapo u mbush. Zgjidhni një orë tjetër.', bookSlotPast: 'Kjo orë ka filluar tashmë. Zgjidhni një orë më vonë.',
  bookTooMany: 'Shumë rezervime nga kjo adresë. Provoni përsëri pas {0} minutash.',
  bookFailed: 'Rezervimi nuk u krye. Provoni përsëri.', bookLoadFailed: 'Orët nuk u ngarkuan. Provoni përsëri.',
  bookDoneTitle: 'Takimi u rezervua', bookCodeLabel: 'Kodi i takimit (shkruajeni ose fotografojeni):',
  bookWhen: '{0}, ora {1}–{2} · {3}',
  bookCheckIn: 'Në qendër, shkruajeni këtë kod në kioskë (Takimet → Paraqitu) ose jepeni te sporteli, nga 60 minuta para orës deri 15 minuta pasi fillon. Do të thirreni brenda orës suaj para radhës së zakonshme; nëse vini më vonë, merrni një biletë të zakonshme.',
  bookReminder: 'Kujtesa me SMS shkon në {0} një orë para takimit.', bookCancel: 'Anuloje takimin', bookAnother: 'Rezervo një tjetër',
  bookCancelled: 'Takimi u anulua.', bookCancelFailed: 'Takimi nuk u anulua. Provoni përsëri.',
  bookCancelConflict: 'Ky takim nuk mund të anulohet më: është anuluar tashmë ose është përdorur në qendër.',
  bookCancelTooMany: 'Shumë ndryshime nga kjo adresë. Provoni përsëri pas disa minutash.',
  bookCancelOffline: 'Nuk ka lidhje me serverin. Takimi nuk u anulua; provoni përsëri.', backToKiosk: '← Kthehu te kioska',
  unknownBranch: 'Nuk ka qendër me kodin {0}. Kontrolloni adresën.' });
Object.assign(STRINGS.en, { bookTitle: 'Book an appointment', bookService: 'Service', bookDate: 'Day',
  bookSlots: 'Time (free hours)', bookNoSlots: 'No appointment hours on this day. Please choose another day.',
  bookName: 'Full name', bookPhone: 'Phone (optional)',
  bookPhoneHelp: 'We send you an SMS an hour before the appointment.', bookButton: 'Book', bookFree: '{0} free', bookFull: 'full',
  bookChooseSlot: 'Choose a free hour.', bookNameMissing: 'Enter your name.',
  bookPhoneBad: 'Enter a phone number such as +355 69 123 4567.',
  bookPhoneLimit: 'This phone number already holds 3 appointments to come. Cancel one before booking another.',
  bookSlotFull: 'This hour has just filled up. Please choose another hour.', bookSlotPast: 'This hour has already begun. Please choose a later one.',
  bookTooMany: 'Too many bookings from this address. Please try again in {0} minutes.',
  bookFailed: 'The booking did not go through. Please try again.', bookLoadFailed: 'The hours could not be loaded. Please try again.',
  bookDoneTitle: 'Your appointment is booked', bookCodeLabel: 'Appointment code (write it down or take a photo):',
  bookWhen: '{0}, {1}–{2} · {3}',
  bookCheckIn: 'At the centre, type this code at the kiosk (Appointments → Check in) or give it at a counter, from 60 minutes before your hour until 15 minutes after it starts. You are called within your hour ahead of the ordinary queue; if you come later, take an ordinary ticket.',
  bookReminder: 'The SMS reminder goes to {0} an hour before the appointment.', bookCancel: 'Cancel the appointment', bookAnother: 'Book another',
  bookCancelled: 'The appointment is cancelled.', bookCancelFailed: 'The appointment was not cancelled. Please try again.',
  bookCancelConflict: 'This appointment can no longer be cancelled: it is already cancelled or was used at the centre.',
  bookCancelTooMany: 'Too many changes from this address. Please try again in a few minutes.',
  bookCancelOffline: 'No connection to the server. The appointment was not cancelled; please try again.', backToKiosk: '← Back to the kiosk',
  unknownBranch: 'There is no centre with the code {0}. Please check the address.' });

const bookBranch = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] || '');
const fromKiosk = new URLSearchParams(location.search).get('kiosk') === '1';
let bookServices = [];
let booked = null;
let slotsLoad = 0;

function el(id) { return document.getElementById(id); }

function dayOf(iso) { return dateTimeOf(iso).slice(0, 10); }

// The next 14 days in the centres' time zone, as yyyy-mm-dd for the API.
function nextDays() {
  const out = [];
  const now = Date.now();
  for (let i = 0; i < 14; i++) {
    const shown = dayOf(new Date(now + i * 86400000).toISOString());
    const [d, m, y] = shown.split('.');
    if (!out.some(x => x.value === y + '-' + m + '-' + d)) { out.push({ value: y + '-' + m + '-' + d, shown }); }
  }
  return out;
}

// Our own names: a browser without Albanian locale data would otherwise say "Thursday".
const WEEKDAYS = { sq: ['e diel', 'e hënë', 'e martë', 'e mërkurë', 'e enjte', 'e premte', 'e shtunë'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] };

function weekday(value) {
  const name = WEEKDAYS[lang === 'en' ? 'en' : 'sq'][new Date(value + 'T12:00:00Z').getUTCDay()];
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function serviceName(s) { return s ? (lang === 'en' ? s.nameEn : s.name) : ''; }

function fillChoices() {
  const service = el('bookService').value;
  el('bookService').innerHTML = '';
  bookServices.forEach(s => {
    const o = document.createElement('option');
    o.value = s.serviceId;
    o.textContent = s.serviceLetter + ' — ' + serviceName(s);
    el('bookService').appendChild(o);
  });
  if (service) { el('bookService').value = service; }
  const date = el('bookDate').value;
  el('bookDate').innerHTML = '';
  nextDays().forEach(d => {
    const o = document.createElement('option');
    o.value = d.value;
    o.textContent = weekday(d.value) + ' ' + d.shown;
    el('bookDate').appendChild(o);
  });
  if (date) { el('bookDate').value = date; }
}

async function loadSlots() {
  const mine = ++slotsLoad;
  const forDay = el('bookDate').value;
  const chosen = (document.querySelector('#slots input:checked') || {}).value;
  el('err-start').textContent = '';
  const r = await fetch('/api/v1/public/branches/' + encodeURIComponent(bookBranch) + '/appointment-slots?serviceId='
    + encodeURIComponent(el('bookService').value) + '&date=' + encodeURIComponent(forDay));
  if (mine !== slotsLoad) { return; } // a newer choice is loading
  if (!r.ok) { el('err-start').textContent = t('bookLoadFailed'); return; }
  const slots = await r.json();
  const box = el('slots');
  box.innerHTML = '';
  box.dataset.day = forDay;
  slots.forEach(s => {
    const hour = timeOf(s.start).slice(0, 2);
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = 'slot';
    input.id = 'slot-' + hour;
    input.value = s.start;
    input.disabled = s.free === 0;
    input.checked = !input.disabled && s.start === chosen;
    const label = document.createElement('label');
    label.htmlFor = input.id;
    label.innerHTML = '<span class="hours"></span><span class="free"></span>';
    label.querySelector('.hours').textContent = timeOf(s.start) + '–' + timeOf(s.end);
    label.querySelector('.free').textContent = s.free === 0 ? t('bookFull') : t('bookFree', s.free);
    box.appendChild(input);
    box.appendChild(label);
  });
  el('slotsEmpty').classList.toggle('hidden', slots.length > 0);
}

function clearErrors() {
  ['err-start', 'err-name', 'err-phone', 'bookError'].forEach(id => { el(id).textContent = ''; });
  ['bookName', 'bookPhone'].forEach(id => el(id).removeAttribute('aria-invalid'));
}

function fieldError(field, key) {
  el('err-' + field).textContent = t(key);
  const input = { name: 'bookName', phone: 'bookPhone' }[field];
  if (input) { el(input).setAttribute('aria-invalid', 'true'); el(input).focus(); }
}

async function book(e) {
  e.preventDefault();
  clearErrors();
  const slot = document.querySelector('#slots input:checked');
  const name = el('bookName').value.trim();
  const phone = el('bookPhone').value.trim();
  if (!slot) { el('err-start').textContent = t('bookChooseSlot'); return; }
  if (!name) { fieldError('name', 'bookNameMissing'); return; }
  if (phone && !/^\+?[0-9 ]{6,20}$/.test(phone)) { fieldError('phone', 'bookPhoneBad'); return; }
  const body = { serviceId: Number(el('bookService').value), start: slot.value, name };
  if (phone) { body.phone = phone; }
  el('bookButton').disabled = true;
  try {
    // submission.js: a retry after a lost answer is the same booking, not a second place
    const r = await fetch('/api/v1/public/branches/' + encodeURIComponent(bookBranch) + '/appointments', {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': bookKeys.key() }, body: JSON.stringify(body) });
    bookKeys.answered(r.status);
    const answer = await r.json().catch(() => ({}));
    if (r.status === 201) { showBooked(answer, phone); return; }
    if (r.status === 409 && String(answer.type || '').endsWith('phone-limit')) { fieldError('phone', 'bookPhoneLimit'); return; }
    if (r.status === 409) { await loadSlots(); el('err-start').textContent = t('bookSlotFull'); return; } // reloading clears it
    if (r.status === 429) {
      el('bookError').textContent = t('bookTooMany', Math.max(1, Math.ceil(Number(r.headers.get('Retry-After') || 60) / 60)));
      return;
    }
    const fields = (answer.errors || []).map(x => x.field);
    if (fields.includes('start')) { await loadSlots(); el('err-start').textContent = t('bookSlotPast'); return; }
    if (fields.includes('phone')) { fieldError('phone', 'bookPhoneBad'); return; }
    if (fields.includes('name')) { fieldError('name', 'bookNameMissing'); return; }
    el('bookError').textContent = t('bookFailed');
  } catch (err) {
    el('bookError').textContent = t('bookFailed');
  } finally {
    el('bookButton').disabled = false;
  }
}

function renderBooked() {
  if (!booked) { return; }
  const a = booked.appointment;
  const service = bookServices.find(s => s.serviceId === a.serviceId);
  el('bookCode').textContent = a.code;
  const date = dayOf(a.slotStart);
  const [d, m, y] = date.split('.');
  el('bookWhen').textContent = t('bookWhen', weekday(y + '-' + m + '-' + d) + ' ' + date, timeOf(a.slotStart), timeOf(a.slotEnd), serviceName(service));
  el('bookCheckIn').textContent = t('bookCheckIn');
  el('bookReminder').textContent = booked.phone ? t('bookReminder', booked.phone) : '';
  el('cancelMessage').textContent = booked.message ? t(booked.message) : '';
}

function showBooked(appointment, phone) {
  booked = { appointment, phone };
  el('cancelMessage').textContent = '';
  el('bookCancel').classList.remove('hidden');
  renderBooked();
  el('bookForm').classList.add('hidden');
  el('bookDone').classList.remove('hidden');
  el('bookDoneTitle').setAttribute('tabindex', '-1');
  el('bookDoneTitle').focus();
}

// The button is held while the request is out: a double tap sent two, and the second's 409 ("only a booked
// one can be cancelled") replaced the first's "cancelled". The server's English detail is never shown.
async function cancelBooking() {
  const button = el('bookCancel');
  if (button.disabled || !booked || booked.cancelled) { return; }
  const mine = booked;
  button.disabled = true;
  el('cancelMessage').textContent = '';
  let message = 'bookCancelFailed';
  try {
    const r = await fetch('/api/v1/public/appointments/' + encodeURIComponent(mine.appointment.id) + '/cancel', { method: 'POST' });
    if (r.ok) {
      mine.cancelled = true;
      message = 'bookCancelled';
    } else if (r.status === 409) {
      message = 'bookCancelConflict';
    } else if (r.status === 429) {
      message = 'bookCancelTooMany';
    }
  } catch (e) {
    message = 'bookCancelOffline';
  } finally {
    button.disabled = false;
  }
  if (booked !== mine) { return; } // "book another" was chosen meanwhile
  mine.message = message; // kept, so that the other language says it too
  el('cancelMessage').textContent = t(message);
  if (mine.cancelled) { button.classList.add('hidden'); }
}

function another() {
  booked = null;
  el('bookName').value = '';
  el('bookPhone').value = '';
  el('bookDone').classList.add('hidden');
  el('bookForm').classList.remove('hidden');
  loadSlots().catch(() => { el('err-start').textContent = t('bookLoadFailed'); });
}

async function startBooking() {
  setLang(lang);
  langButton();
  if (fromKiosk) {
    el('backToKiosk').href = '/kiosk/' + encodeURIComponent(bookBranch);
    el('backToKiosk').classList.remove('hidden');
    // a kiosk is shared: left alone, it goes back to its home screen and forgets what was typed here
    let idle = null;
    const touched = () => { clearTimeout(idle); idle = setTimeout(() => location.assign(el('backToKiosk').href), 90000); };
    ['pointerdown', 'keydown', 'input'].forEach(type => document.addEventListener(type, touched, true));
    touched();
  }
  const r = await fetch('/api/v1/public/branches/' + encodeURIComponent(bookBranch) + '/display');
  if (r.status === 404 || !bookBranch) {
    el('unknown').textContent = t('unknownBranch', bookBranch);
    el('unknown').classList.remove('hidden');
    el('bookForm').classList.add('hidden');
    return;
  }
  const display = await r.json();
  el('branchName').textContent = display.branchName;
  bookServices = display.waiting;
  fillChoices();
  await loadSlots();
}

el('bookService').addEventListener('change', () => loadSlots().catch(() => { el('err-start').textContent = t('bookLoadFailed'); }));
el('bookDate').addEventListener('change', () => loadSlots().catch(() => { el('err-start').textContent = t('bookLoadFailed'); }));
const bookKeys = submissionKeys(el('bookForm'));
el('bookForm').addEventListener('submit', e => book(e));
[['bookName', 'err-name'], ['bookPhone', 'err-phone']].forEach(([input, error]) => el(input).addEventListener('input', () => {
  el(error).textContent = '';
  el(input).removeAttribute('aria-invalid');
}));
el('bookCancel').addEventListener('click', () => { cancelBooking(); });
el('bookAnother').addEventListener('click', another);
el('langButton').addEventListener('click', () => {
  setLang(lang === 'sq' ? 'en' : 'sq');
  langButton();
  fillChoices();
  renderBooked();
  loadSlots().catch(() => {});
});
startBooking().catch(() => { el('err-start').textContent = t('bookLoadFailed'); });
