// My account (issue 19): what is due, unpaid bills, credit, last payments with their channel and a
// receipt to download for each. The data comes from GET /api/v1/public/app/account for the session's customer.
(function () {
  'use strict';
  const A = window.SportelApp;
  const h = A.h;

  A.addStrings('sq', {
    'account.title': 'Llogaria ime', 'account.due': 'Për të paguar', 'account.nothingDue': 'Nuk keni asgjë për të paguar.',
    'account.unpaid': 'Faturat e papaguara', 'account.period': 'Fatura {period}', 'account.dueDate': 'afati {date}',
    'account.credit': 'Kredi në llogari', 'account.creditNote': 'Ky tepricë zbritet nga faturat e ardhshme.',
    'account.payments': 'Pagesat e fundit', 'account.noPayments': 'Nuk ka pagesa të regjistruara.',
    'account.receipt': 'Shkarko mandatin', 'account.verify': 'Verifiko', 'account.cancelled': 'ANULUAR',
    'account.refresh': 'Rifresko', 'account.downloaded': 'Mandati {number} u shkarkua.',
    'channel.COUNTER_CASH': 'Në sportel, me para në dorë', 'channel.COUNTER_CARD': 'Në sportel, me kartë',
    'channel.COUNTER': 'Në sportel', 'channel.POST': 'Në postë', 'channel.BANK': 'Në bankë', 'channel.MOBILE': 'Me celular',
    'channel.ONLINE': 'Online', 'channel.other': 'Partner',
  });
  A.addStrings('en', {
    'account.title': 'My account', 'account.due': 'Amount due', 'account.nothingDue': 'You have nothing to pay.',
    'account.unpaid': 'Unpaid bills', 'account.period': 'Bill {period}', 'account.dueDate': 'due {date}',
    'account.credit': 'Credit on the account', 'account.creditNote': 'This overpayment is taken off your next bills.',
    'account.payments': 'Last payments', 'account.noPayments': 'No payments recorded.',
    'account.receipt': 'Download receipt', 'account.verify': 'Verify', 'account.cancelled': 'CANCELLED',
    'account.refresh': 'Refresh', 'account.downloaded': 'Receipt {number} downloaded.',
    'channel.COUNTER_CASH': 'At a counter, in cash', 'channel.COUNTER_CARD': 'At a counter, by card',
    'channel.COUNTER': 'At a counter', 'channel.POST': 'At the post office', 'channel.BANK': 'At a bank', 'channel.MOBILE': 'By mobile phone',
    'channel.ONLINE': 'Online', 'channel.other': 'Partner',
  });

  function channelText(p) {
    const key = 'channel.' + p.channel;
    const known = A.t(key) !== key ? A.t(key) : (p.channel.startsWith('COUNTER') ? A.t('channel.COUNTER') : A.t('channel.other'));
    return p.partner ? known + ' — ' + p.partner : known;
  }

  function date(iso) {
    const [y, m, d] = iso.split('-');
    return d + '.' + m + '.' + y;
  }

  // The receipt needs the session header, so it is fetched and handed to the browser as a file.
  async function download(p, button) {
    button.disabled = true;
    try {
      const res = await fetch(p.receiptPdf + '?lang=' + A.lang(), { headers: { 'X-Sportel-Account': A.token() }, cache: 'no-store' });
      if (!res.ok) { throw Object.assign(new Error(res.statusText), { status: res.status }); }
      const url = URL.createObjectURL(await res.blob());
      const a = h('a', { href: url, download: p.receiptNumber + '.pdf', class: 'hidden' });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      A.notify(A.t('account.downloaded', { number: p.receiptNumber }));
    } catch (e) {
      A.notify(A.errorText(e));
    } finally {
      button.disabled = false;
    }
  }

  async function render(el) {
    el.append(h('p', { class: 'loading', text: A.t('app.loading') }));
    const a = await A.api('GET', '/api/v1/public/app/account');
    A.setAccount({ customerCode: a.customerCode, initials: a.initials, amountDue: a.amountDue, unpaidBills: a.unpaidBills });
    el.replaceChildren();
    const due = Number(a.amountDue) > 0;
    el.append(h('section', { class: 'card', 'aria-labelledby': 'dueLabel' },
      h('p', { id: 'dueLabel', class: 'muted', text: A.t('account.due') + ' — ' + a.customerCode + ' (' + a.initials + ')' }),
      h('p', { class: 'big', id: 'amountDue', text: A.money(a.amountDue) }),
      due ? null : h('p', { text: A.t('account.nothingDue') })));

    if (a.unpaidBills.length) {
      el.append(h('h2', { text: A.t('account.unpaid') }),
        h('ul', { class: 'list', id: 'unpaidBills' }, a.unpaidBills.map(b => h('li', { class: 'row' },
          h('span', { text: A.t('account.period', { period: b.period }) + ', ' + A.t('account.dueDate', { date: date(b.dueDate) }) }),
          h('strong', { text: A.money(b.amount) })))));
    }
    if (Number(a.credit) > 0) {
      el.append(h('section', { class: 'card', id: 'credit' }, h('h2', { text: A.t('account.credit') }),
        h('p', { class: 'big', text: A.money(a.credit) }), h('p', { class: 'muted', text: A.t('account.creditNote') })));
    }
    el.append(h('h2', { text: A.t('account.payments') }));
    if (!a.payments.length) {
      el.append(h('p', { class: 'muted', id: 'noPayments', text: A.t('account.noPayments') }));
    } else {
      el.append(h('ul', { class: 'list', id: 'payments' }, a.payments.map(p => {
        const button = h('button', { type: 'button', class: 'secondary receipt', text: A.t('account.receipt'),
          'aria-label': A.t('account.receipt') + ' ' + p.receiptNumber });
        button.addEventListener('click', () => download(p, button));
        return h('li', { class: 'payment' + (p.cancelled ? ' cancelled' : '') },
          h('div', { class: 'row' }, h('strong', { text: A.money(p.amount) }), h('span', { text: A.dateTime(p.paidAt) })),
          h('p', { class: 'channel', text: channelText(p) }),
          h('p', { class: 'muted' }, p.receiptNumber, p.cancelled ? h('span', { class: 'tag', text: ' ' + A.t('account.cancelled') }) : null),
          h('div', { class: 'row' }, button, p.receiptPage ? h('a', { href: p.receiptPage, class: 'verify', text: A.t('account.verify') }) : null));
      })));
    }
    const refresh = h('button', { type: 'button', class: 'secondary', id: 'refreshAccount', text: A.t('account.refresh') });
    refresh.addEventListener('click', () => A.go('account', { r: Date.now() }));
    el.append(h('p', {}, refresh));
  }

  A.route('account', { title: 'account.title', menu: true, icon: '⌂', needsAccount: true, render: render });
})();
