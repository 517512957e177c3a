// Join the queue from home (issue 19): choose a centre and a service with the people waiting and the
// estimated wait, say how long the trip takes, take a remote ticket, then follow it: its QR code for the
// kiosk's check-in, a countdown that says "leave now" when the wait falls under the trip, and a notice
// with vibration when 3 people are ahead and when it is called.
(function () {
  'use strict';
  const A = window.SportelApp;
  const h = A.h;
  const NEAR_AHEAD = 3;
  const REFRESH_MS = 10000;

  A.addStrings('sq', {
    'queue.title': 'Zini radhën nga shtëpia', 'queue.ticketTitle': 'Bileta ime nga larg',
    'queue.centre': 'Qendra', 'queue.service': 'Shërbimi', 'queue.waiting': '{n} në pritje · rreth {min} min',
    'queue.travel': 'Sa minuta ju duhen për të arritur?', 'queue.travelHelp': 'Do t’ju themi kur të niseni.',
    'queue.sms': 'Më njoftoni me SMS kur të jem afër radhës', 'queue.phone': 'Numri i telefonit', 'queue.phoneHelp': 'P.sh. 069 123 4567. Vetëm për këtë biletë.',
    'queue.take': 'Merr biletë', 'queue.mine': 'Biletat e mia sot', 'queue.open': 'Hap', 'queue.none': 'Asnjë qendër nuk është e hapur.',
    'queue.centreClosed': 'Kjo qendër e ka mbyllur ditën. Biletat nga larg hapen sërish nesër në mëngjes.',
    'queue.phoneBad': 'Shkruani një numër telefoni (8 deri 15 shifra).', 'queue.travelBad': 'Koha e rrugës duhet të jetë nga 0 deri 240 minuta.',
    'queue.taken': 'Bileta {number} u mor.', 'queue.number': 'Bileta', 'queue.at': '{service} — {centre}',
    'queue.checkInHow': 'Kur të arrini, bëni check-in në kioskë: skanoni këtë kod ose shkruani numrin e biletës.',
    'queue.code': 'Kodi:', 'queue.checkedIn': 'Keni bërë check-in. Prisni thirrjen në ekran.',
    'queue.ahead': 'Përpara jush: {n}', 'queue.countdown': 'Radha juaj pas rreth {min} min',
    'queue.leave': 'Nisuni tani! Rruga zgjat {min} min.', 'queue.travelIs': 'Koha e rrugës: {min} min',
    'queue.near': 'Afër radhës: {n} persona përpara jush.', 'queue.called': 'Është radha juaj! Shkoni te sporteli {counter}.',
    'queue.skipped': 'Radha juaj kaloi para se të bënit check-in.', 'queue.recall': 'Bëni check-in në kioskë brenda pak minutash që bileta të kthehet në radhë (vetëm një herë).',
    'queue.noRecall': 'Bileta nuk mund të kthehet më në radhë.', 'queue.ended': 'Kjo biletë ka përfunduar.',
    'queue.view': 'Hap pamjen e biletës', 'queue.another': 'Merr një biletë tjetër',
  });
  A.addStrings('en', {
    'queue.title': 'Join the queue from home', 'queue.ticketTitle': 'My remote ticket',
    'queue.centre': 'Centre', 'queue.service': 'Service', 'queue.waiting': '{n} waiting · about {min} min',
    'queue.travel': 'How many minutes does it take you to get there?', 'queue.travelHelp': 'We will tell you when to leave.',
    'queue.sms': 'Text me when I am near the front', 'queue.phone': 'Phone number', 'queue.phoneHelp': 'E.g. 069 123 4567. For this ticket only.',
    'queue.take': 'Take a ticket', 'queue.mine': 'My tickets today', 'queue.open': 'Open', 'queue.none': 'No centre is open.',
    'queue.centreClosed': 'This centre has closed for the day. Remote tickets open again tomorrow morning.',
    'queue.phoneBad': 'Enter a phone number (8 to 15 digits).', 'queue.travelBad': 'The travel time must be 0 to 240 minutes.',
    'queue.taken': 'Ticket {number} taken.', 'queue.number': 'Ticket', 'queue.at': '{service} — {centre}',
    'queue.checkInHow': 'When you arrive, check in at the kiosk: scan this code or type the ticket number.',
    'queue.code': 'Code:', 'queue.checkedIn': 'You have checked in. Wait for your number on the screen.',
    'queue.ahead': 'People ahead of you: {n}', 'queue.countdown': 'Your turn in about {min} min',
    'queue.leave': 'Leave now! The trip takes {min} min.', 'queue.travelIs': 'Travel time: {min} min',
    'queue.near': 'Nearly there: {n} people ahead of you.', 'queue.called': 'It is your turn! Go to counter {counter}.',
    'queue.skipped': 'Your turn passed before you checked in.', 'queue.recall': 'Check in at the kiosk within a few minutes to go back into the queue (once only).',
    'queue.noRecall': 'The ticket cannot go back into the queue any more.', 'queue.ended': 'This ticket has ended.',
    'queue.view': 'Open the ticket view', 'queue.another': 'Take another ticket',
  });

  const minutes = seconds => Math.max(0, Math.ceil(seconds / 60));

  async function renderJoin(el) {
    el.append(h('p', { class: 'loading', text: A.t('app.loading') }));
    const [centres, mine] = await Promise.all([A.api('GET', '/api/v1/public/app/centres'), A.api('GET', '/api/v1/public/app/remote-tickets')]);
    el.replaceChildren();
    const active = mine.filter(r => r.status === 'WAITING' || r.status === 'CALLED' || r.status === 'SERVING' || r.canRecall);
    if (active.length) {
      el.append(h('h2', { text: A.t('queue.mine') }), h('ul', { class: 'list', id: 'myRemoteTickets' }, active.map(r => h('li', { class: 'row' },
        h('span', { text: r.number + ' · ' + (A.lang() === 'en' ? r.serviceNameEn : r.serviceName) }),
        h('a', { href: '#/ticket?id=' + encodeURIComponent(r.ticketId), class: 'link-button', text: A.t('queue.open') })))));
    }
    if (!centres.length) { el.append(h('p', { text: A.t('queue.none') })); return; }
    const centre = h('select', { id: 'queueCentre' }, centres.map(c => h('option', { value: c.code, text: c.name })));
    const services = h('fieldset', { class: 'choices', id: 'queueServices' });
    const travel = h('input', { id: 'queueTravel', type: 'number', inputmode: 'numeric', min: '0', max: '240', value: '20', 'aria-describedby': 'queueTravelHelp' });
    const optIn = h('input', { id: 'queueSms', type: 'checkbox' });
    const phone = h('input', { id: 'queuePhone', type: 'tel', autocomplete: 'tel', maxlength: '20', disabled: true, 'aria-describedby': 'queuePhoneHelp' });
    const err = A.errorBox();
    const button = h('button', { type: 'submit', class: 'primary', id: 'queueTake', text: A.t('queue.take') });

    function fillServices() {
      const c = centres.find(x => x.code === centre.value);
      services.replaceChildren(h('legend', { text: A.t('queue.service') }));
      c.services.forEach((s, i) => {
        const id = 'queueService-' + s.letter;
        services.append(h('div', { class: 'choice' },
          h('input', { type: 'radio', name: 'service', id: id, value: String(s.id), checked: i === 0 }),
          h('label', { for: id }, h('strong', { text: A.lang() === 'en' ? s.nameEn : s.name }), h('br'),
            h('span', { class: 'help', text: A.t('queue.waiting', { n: s.waiting, min: minutes(s.estimatedWaitSeconds) }) }))));
      });
    }
    centre.addEventListener('change', fillServices);
    optIn.addEventListener('change', () => { phone.disabled = !optIn.checked; if (optIn.checked) { phone.focus(); } });
    fillServices();

    const form = h('form', { class: 'form', id: 'queueForm', novalidate: true },
      h('label', { for: 'queueCentre', text: A.t('queue.centre') }), centre, services,
      h('label', { for: 'queueTravel', text: A.t('queue.travel') }), travel, h('p', { class: 'help', id: 'queueTravelHelp', text: A.t('queue.travelHelp') }),
      h('div', { class: 'check' }, optIn, h('label', { for: 'queueSms', text: A.t('queue.sms') })),
      h('label', { for: 'queuePhone', text: A.t('queue.phone') }), phone, h('p', { class: 'help', id: 'queuePhoneHelp', text: A.t('queue.phoneHelp') }),
      err, button);
    const once = submissionKeys(form);
    form.addEventListener('submit', async e => {
      e.preventDefault();
      err.clear();
      const minutesToGo = Number(travel.value);
      if (travel.value === '' || !Number.isInteger(minutesToGo) || minutesToGo < 0 || minutesToGo > 240) { err.show(A.t('queue.travelBad')); travel.focus(); return; }
      const number = phone.value.replace(/[\s()-]/g, '');
      if (optIn.checked && !/^\+?[0-9]{8,15}$/.test(number)) { err.show(A.t('queue.phoneBad')); phone.focus(); return; }
      const chosen = services.querySelector('input[name=service]:checked');
      const body = { branch: centre.value, serviceId: Number(chosen.value), travelMinutes: minutesToGo };
      if (optIn.checked) { body.phone = number; }
      button.disabled = true;
      try {
        // one key per submission (submission.js): sending again after a lost answer is the same ticket
        const r = await A.api('POST', '/api/v1/public/app/remote-tickets', body, once);
        A.notify(A.t('queue.taken', { number: r.number }));
        A.go('ticket', { id: r.ticketId });
      } catch (x) {
        const closed = x.problem && String(x.problem.type || '').endsWith('centre-closed');
        err.show(closed ? A.t('queue.centreClosed') : x);
      } finally {
        button.disabled = false;
      }
    });
    el.append(form);
  }

  // Once per ticket and phone (shared with the phone view /t/{id}): a refresh must not vibrate again.
  function alertOnce(r, kind, text) {
    const key = 'sportel.alert.' + r.ticketId + '.' + kind;
    if (localStorage.getItem(key)) { return; }
    localStorage.setItem(key, '1');
    A.notify(text, { vibrate: [400, 150, 400], ms: 20000 });
  }

  async function renderTicket(el, params) {
    const id = params.id || '';
    let r = await A.api('GET', '/api/v1/public/remote-tickets/' + encodeURIComponent(id));
    let fetchedAt = Date.now();
    const number = h('p', { class: 'big', id: 'remoteNumber' });
    const where = h('p', { class: 'muted', id: 'remoteWhere' });
    const alert = h('p', { class: 'notice-inline', id: 'remoteAlert', role: 'alert' });
    const ahead = h('p', { id: 'remoteAhead' });
    const countdown = h('p', { class: 'big', id: 'remoteCountdown', 'aria-live': 'polite' });
    const leave = h('p', { id: 'remoteLeave' });
    const state = h('p', { id: 'remoteState' });
    const qr = h('img', { id: 'remoteQr', src: r.qrUrl, alt: A.t('queue.code') + ' ' + r.checkInCode, width: '200', height: '200' });
    const checkIn = h('div', { class: 'card', id: 'remoteCheckIn' }, h('p', { text: A.t('queue.checkInHow') }), qr,
      h('p', {}, A.t('queue.code') + ' ', h('strong', { class: 'code', id: 'remoteCode', text: r.checkInCode })));
    el.append(h('section', { class: 'card' }, h('p', { class: 'muted', text: A.t('queue.number') }), number, where, alert, ahead, countdown, leave, state),
      checkIn, h('p', {}, h('a', { href: r.viewUrl, id: 'remoteView', text: A.t('queue.view') })),
      h('p', {}, h('a', { href: '#/queue', class: 'link-button', text: A.t('queue.another') })));

    function paint() {
      number.textContent = r.number;
      where.textContent = A.t('queue.at', { service: A.lang() === 'en' ? r.serviceNameEn : r.serviceName, centre: r.branchName });
      const waiting = r.status === 'WAITING';
      const left = waiting && r.estimatedWaitSeconds != null ? r.estimatedWaitSeconds - (Date.now() - fetchedAt) / 1000 : null;
      ahead.textContent = waiting && r.position ? A.t('queue.ahead', { n: r.position - 1 }) : '';
      countdown.textContent = left != null ? A.t('queue.countdown', { min: minutes(left) }) : '';
      const goNow = waiting && !r.checkedIn && left != null && left <= r.travelMinutes * 60;
      leave.textContent = waiting && !r.checkedIn ? (goNow ? A.t('queue.leave', { min: r.travelMinutes }) : A.t('queue.travelIs', { min: r.travelMinutes })) : '';
      leave.className = goNow ? 'leave' : '';
      checkIn.classList.toggle('hidden', !((waiting && !r.checkedIn) || (r.skipped && r.canRecall)));
      state.textContent = r.skipped ? A.t('queue.skipped') + ' ' + A.t(r.canRecall ? 'queue.recall' : 'queue.noRecall')
        : waiting && r.checkedIn ? A.t('queue.checkedIn') : r.status === 'CALLED' ? A.t('queue.called', { counter: r.counterNumber })
          : waiting ? '' : A.t('queue.ended');
      if (r.status === 'CALLED') {
        alert.textContent = A.t('queue.called', { counter: r.counterNumber });
        alertOnce(r, 'called', alert.textContent);
      } else if (waiting && r.position && r.position - 1 <= NEAR_AHEAD) {
        alert.textContent = A.t('queue.near', { n: r.position - 1 });
        alertOnce(r, 'near', alert.textContent);
      } else {
        alert.textContent = '';
      }
    }
    paint();
    const tick = setInterval(() => { if (!el.isConnected) { clearInterval(tick); return; } paint(); }, 1000);
    const refresh = setInterval(async () => {
      if (!el.isConnected) { clearInterval(refresh); return; }
      try { r = await A.api('GET', '/api/v1/public/remote-tickets/' + encodeURIComponent(id)); fetchedAt = Date.now(); paint(); } catch (e) { /* offline: keep counting */ }
    }, REFRESH_MS);
  }

  A.route('queue', { title: 'queue.title', menu: true, icon: '⏱', needsAccount: true, render: renderJoin });
  A.route('ticket', { title: 'queue.ticketTitle', render: renderTicket });
})();
