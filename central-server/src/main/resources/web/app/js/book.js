// Book an appointment from the phone app (issue 20): a centre that takes appointments, a service, a day,
// a free hour, a name and a phone for the SMS reminder; the answer is the code to give at check-in.
// The same public API as the standalone page /book/{branch}; no account needed.
(function () {
  'use strict';
  const A = window.SportelApp;
  const h = A.h;
  A.addStrings('sq', {
    'book.title': 'Rezervo një takim', 'book.centre': 'Qendra', 'book.service': 'Shërbimi', 'book.day': 'Dita',
    'book.slots': 'Ora (orë të lira)', 'book.none': 'Asnjë qendër nuk pranon takime tani.',
    'book.noSlots': 'Për këtë ditë nuk ka orë të lira. Zgjidhni një ditë tjetër.', 'book.free': '{0} të lira', 'book.full': 'e plotë',
    'book.name': 'Emri dhe mbiemri', 'book.phone': 'Telefoni (jo i detyrueshëm)', 'book.phoneHelp': 'Ju dërgojmë një SMS një orë para takimit.',
    'book.button': 'Rezervo', 'book.chooseSlot': 'Zgjidhni një orë të lirë.', 'book.nameMissing': 'Shkruani emrin tuaj.',
    'book.phoneBad': 'Shkruani një numër telefoni, p.sh. +355 69 123 4567.',
    'book.phoneLimit': 'Ky numër telefoni ka tashmë 3 takime të rezervuara. Anuloni njërin para se të rezervoni një tjetër.',
    'book.slotFull': 'Kjo orë sapo u mbush. Zgjidhni një orë tjetër.', 'book.slotPast': 'Kjo orë ka filluar tashmë. Zgjidhni një orë më vonë.',
    'book.tooMany': 'Shumë rezervime nga kjo adresë. Provoni përsëri më vonë.',
    'book.done': 'Takimi u rezervua. Kodi juaj:', 'book.when': '{0}, ora {1}–{2}',
    'book.checkIn': 'Në qendër, shkruajeni këtë kod në kioskë (Takimet → Paraqitu) ose jepeni te sporteli, nga 60 minuta para orës deri 15 minuta pasi fillon; më vonë merrni një biletë të zakonshme.',
    'book.reminder': 'Kujtesa me SMS shkon në {0} një orë para takimit.',
  });
  A.addStrings('en', {
    'book.title': 'Book an appointment', 'book.centre': 'Centre', 'book.service': 'Service', 'book.day': 'Day',
    'book.slots': 'Time (free hours)', 'book.none': 'No centre takes appointments at the moment.',
    'book.noSlots': 'No free hours on this day. Please choose another day.', 'book.free': '{0} free', 'book.full': 'full',
    'book.name': 'Full name', 'book.phone': 'Phone (optional)', 'book.phoneHelp': 'We send you an SMS an hour before the appointment.',
    'book.button': 'Book', 'book.chooseSlot': 'Choose a free hour.', 'book.nameMissing': 'Enter your name.',
    'book.phoneBad': 'Enter a phone number such as +355 69 123 4567.',
    'book.phoneLimit': 'This phone number already holds 3 appointments to come. Cancel one before booking another.',
    'book.slotFull': 'This hour has just filled up. Please choose another hour.', 'book.slotPast': 'This hour has already begun. Please choose a later one.',
    'book.tooMany': 'Too many bookings from this address. Please try again later.',
    'book.done': 'Your appointment is booked. Your code:', 'book.when': '{0}, {1}–{2}',
    'book.checkIn': 'At the centre, type this code at the kiosk (Appointments → Check in) or give it at a counter, from 60 minutes before your hour until 15 minutes after it starts; later, take an ordinary ticket.',
    'book.reminder': 'The SMS reminder goes to {0} an hour before the appointment.',
  });

  const time = iso => A.dateTime(iso).slice(11);

  // The next 14 days in the centres' time zone: [{value: yyyy-mm-dd, shown: dd.mm.yyyy}]
  function days() {
    const out = [];
    for (let i = 0; i < 14; i++) {
      const shown = A.dateTime(new Date(Date.now() + i * 86400000).toISOString()).slice(0, 10);
      const [d, m, y] = shown.split('.');
      if (!out.some(x => x.shown === shown)) { out.push({ value: y + '-' + m + '-' + d, shown }); }
    }
    return out;
  }

  function options(select, items) {
    select.replaceChildren(...items.map(([value, text]) => h('option', { value, text })));
  }

  async function render(el) {
    const centres = await A.api('GET', '/api/v1/public/appointment-centres');
    if (!centres.length) { el.append(h('p', { text: A.t('book.none') })); return; }
    const centre = h('select', { id: 'appBookCentre' });
    const service = h('select', { id: 'appBookService' });
    const day = h('select', { id: 'appBookDay' });
    const slots = h('ul', { class: 'list', id: 'appBookSlots' });
    const slotError = A.errorBox();
    const name = h('input', { id: 'appBookName', autocomplete: 'name', maxlength: '100' });
    const phone = h('input', { id: 'appBookPhone', type: 'tel', inputmode: 'tel', autocomplete: 'tel', maxlength: '30',
      placeholder: '+355 69 123 4567', 'aria-describedby': 'appBookPhoneHelp' });
    const err = A.errorBox();
    const button = h('button', { type: 'submit', class: 'primary', id: 'appBookButton', text: A.t('book.button') });
    const legend = h('legend', { class: 'label', text: A.t('book.slots') });
    const form = h('form', { class: 'form', id: 'appBookForm', novalidate: true },
      h('label', { for: 'appBookCentre', text: A.t('book.centre') }), centre,
      h('label', { for: 'appBookService', text: A.t('book.service') }), service,
      h('label', { for: 'appBookDay', text: A.t('book.day') }), day,
      h('fieldset', { class: 'card' }, legend, slots), slotError,
      h('label', { for: 'appBookName', text: A.t('book.name') }), name,
      h('label', { for: 'appBookPhone', text: A.t('book.phone') }), phone,
      h('p', { class: 'help', id: 'appBookPhoneHelp', text: A.t('book.phoneHelp') }),
      err, button);
    const chosenCentre = () => centres.find(c => c.code === centre.value);

    options(centre, centres.map(c => [c.code, c.name + ' (' + c.city + ')']));
    options(day, days().map(d => [d.value, d.shown]));
    const fillServices = () => options(service, chosenCentre().services.map(s => [String(s.id), s.letter + ' — ' + (A.lang() === 'en' ? s.nameEn : s.name)]));

    // Each change asks again; answers can come back out of order, so only the latest question's answer is shown.
    let asked = 0;
    async function loadSlots() {
      slotError.clear();
      const mine = ++asked;
      const forDay = day.value;
      const list = await A.api('GET', '/api/v1/public/branches/' + encodeURIComponent(centre.value) + '/appointment-slots?serviceId='
        + encodeURIComponent(service.value) + '&date=' + encodeURIComponent(forDay));
      if (mine !== asked) { return; }
      slots.dataset.day = forDay;
      slots.replaceChildren(...list.map(s => {
        const id = 'appSlot-' + time(s.start).slice(0, 2);
        return h('li', {}, h('input', { type: 'radio', name: 'slot', id, value: s.start, disabled: s.free === 0 }),
          h('label', { for: id, text: time(s.start) + '–' + time(s.end) + ' · ' + (s.free === 0 ? A.t('book.full') : A.t('book.free', [s.free])) }));
      }));
      if (!list.length) { slots.append(h('li', { text: A.t('book.noSlots') })); }
    }
    const reload = () => loadSlots().catch(e => slotError.show(e));
    centre.addEventListener('change', () => { fillServices(); reload(); });
    service.addEventListener('change', reload);
    day.addEventListener('change', reload);

    const once = submissionKeys(form);
    form.addEventListener('submit', async e => {
      e.preventDefault();
      err.clear();
      slotError.clear();
      const slot = slots.querySelector('input:checked');
      if (!slot) { slotError.show(A.t('book.chooseSlot')); return; }
      if (!name.value.trim()) { err.show(A.t('book.nameMissing')); name.focus(); return; }
      if (phone.value.trim() && !/^\+?[0-9 ]{6,20}$/.test(phone.value.trim())) { err.show(A.t('book.phoneBad')); phone.focus(); return; }
      const body = { serviceId: Number(service.value), start: slot.value, name: name.value.trim() };
      if (phone.value.trim()) { body.phone = phone.value.trim(); }
      button.disabled = true;
      try {
        // one key per submission (submission.js): sending again after a lost answer is the same booking
        const a = await A.api('POST', '/api/v1/public/branches/' + encodeURIComponent(centre.value) + '/appointments', body, once);
        el.replaceChildren(h('section', { class: 'card', id: 'appBookDone', 'aria-live': 'polite' },
          h('p', { text: A.t('book.done') }), h('p', { class: 'code big', id: 'appBookCode', text: a.code }),
          h('p', { text: A.t('book.when', [A.dateTime(a.slotStart).slice(0, 10), time(a.slotStart), time(a.slotEnd)]) + ' · ' + chosenCentre().name }),
          h('p', { text: A.t('book.checkIn') }),
          body.phone ? h('p', { class: 'help', text: A.t('book.reminder', [body.phone]) }) : null));
        A.notify(A.t('book.done') + ' ' + a.code);
      } catch (x) {
        const fields = ((x.problem && x.problem.errors) || []).map(f => f.field);
        if (x.status === 409 && String((x.problem && x.problem.type) || '').endsWith('phone-limit')) {
          err.show(A.t('book.phoneLimit'));
        } else if (x.status === 409) { await reload(); slotError.show(A.t('book.slotFull')); } else if (fields.includes('start')) {
          await reload(); slotError.show(A.t('book.slotPast'));
        } else if (x.status === 429) { err.show(A.t('book.tooMany')); } else if (fields.includes('phone')) { err.show(A.t('book.phoneBad')); } else {
          err.show(x);
        }
      } finally {
        button.disabled = false;
      }
    });
    el.append(form);
    fillServices();
    await loadSlots();
  }

  A.route('book', { title: 'book.title', menu: true, icon: '📅', render });
})();
