// The kiosk's appointments (issue 20): book one on the booking page (the same page a phone uses, told it
// runs on the kiosk so it offers the way back and returns home by itself), or check in with the code of
// one already booked: the ticket is then called during its hour ahead of walk-ins, and more than 15
// minutes late it is an ordinary ticket.
Object.assign(STRINGS.sq, { choiceBook: 'Takimet: rezervo ose paraqitu', apptTitle: 'Takimet', apptBook: 'Rezervo një takim',
  apptCode: 'Keni një takim? Shkruani kodin e tij', apptHelp: 'Kodi ka 6 shenja, p.sh. K7M2QX; paraqituni nga 60 minuta para orës.',
  apptCheckIn: 'Paraqitu', apptMissing: 'Shkruani kodin e takimit.', apptUnknown: 'Nuk ka takim me këtë kod në këtë qendër.',
  apptTooEarly: 'Është shumë herët: paraqituni nga 60 minuta para orës së takimit.',
  apptExpired: 'Ky takim ishte për një ditë tjetër. Merrni një biletë ose rezervoni një orë të re.',
  apptUsed: 'Ky takim është paraqitur ose anuluar tashmë.', apptFailed: 'Paraqitja nuk u krye. Provoni përsëri ose pyesni në sportel.',
  apptOnTime: 'Takim në orën {0}: thirreni brenda orës suaj.', apptLate: 'Erdhët me vonesë: bileta është e zakonshme.' });
Object.assign(STRINGS.en, { choiceBook: 'Appointments: book or check in', apptTitle: 'Appointments', apptBook: 'Book an appointment',
  apptCode: 'Have an appointment? Enter its code', apptHelp: 'The code has 6 characters, e.g. K7M2QX; check in from 60 minutes before your hour.',
  apptCheckIn: 'Check in', apptMissing: 'Enter the appointment code.', apptUnknown: 'There is no appointment with this code at this centre.',
  apptTooEarly: 'It is too early: check in from 60 minutes before your appointment.',
  apptExpired: 'This appointment was for another day. Take a ticket or book a new time.',
  apptUsed: 'This appointment has already been checked in or cancelled.', apptFailed: 'The check-in did not go through. Try again or ask at a counter.',
  apptOnTime: 'Appointment at {0}: you are called within your hour.', apptLate: 'You came late: the ticket is an ordinary one.' });

const apptKeys = attachKeys(document.getElementById('apptForm'), document.getElementById('apptKeys'));

document.getElementById('goBook').addEventListener('click', () => {
  document.getElementById('apptCode').value = '';
  document.getElementById('apptError').textContent = '';
  show('appointmentView');
  apptKeys.focusFirst();
});
document.getElementById('apptBook').addEventListener('click', () => {
  location.assign('/book/' + encodeURIComponent(branch) + '?kiosk=1');
});

document.getElementById('apptForm').addEventListener('submit', async e => {
  e.preventDefault();
  const error = document.getElementById('apptError');
  const code = document.getElementById('apptCode').value.trim().toUpperCase();
  error.textContent = '';
  if (!code) { error.textContent = t('apptMissing'); return; }
  try {
    // sendTap (kiosk.js): a check-in whose answer was lost is sent again with its key and gets that ticket
    const r = await sendTap('/api/v1/branches/' + encodeURIComponent(branch) + '/appointments/check-in', JSON.stringify({ code }));
    if (r.status !== 201) {
      const p = await r.json().catch(() => ({}));
      const type = String(p.type || '');
      error.textContent = t(r.status === 422 ? 'apptUnknown' : type.endsWith('too-early') ? 'apptTooEarly'
        : type.endsWith('appointment-expired') ? 'apptExpired' : type.endsWith('illegal-transition') ? 'apptUsed' : 'apptFailed');
      return;
    }
    const done = await r.json();
    if (!services.length) { await loadServices().catch(() => {}); }
    showTicket(done.ticket, services.find(s => s.id === done.ticket.serviceId), done.viewUrl);
    const line = document.getElementById('ticketAppointment');
    line.textContent = done.late ? t('apptLate') : t('apptOnTime', timeOf(done.appointment.slotStart));
    line.classList.remove('hidden');
    apptKeys.clear();
  } catch (err) {
    if (err.message !== 'login') { error.textContent = t('apptFailed'); }
  }
});

setLang(lang);
