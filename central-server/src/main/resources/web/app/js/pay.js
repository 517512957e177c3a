// Pay online (issue 19): the signed-in account chooses how much to pay, goes to the payment provider's
// page, and comes back to #/pay-result, which asks the server until the provider's webhook has settled
// the payment and then shows the receipt. The browser's return proves nothing; only the server's status does.
(function () {
  'use strict';
  const A = window.SportelApp;
  const h = A.h;
  const POLL_MS = 1500;
  const POLL_LIMIT = 40;
  // The payment under way: if the session ran out while the citizen was on the provider's page, the
  // sign-in screen comes back to #/pay-result without the reference, so it is kept here too.
  const LAST_REF = 'sportel.pay.lastRef';

  A.addStrings('sq', {
    'pay.title': 'Paguaj online', 'pay.due': 'Për të paguar', 'pay.nothingDue': 'Nuk keni asgjë për të paguar tani.',
    'pay.all': 'Gjithë shumën', 'pay.other': 'Një shumë tjetër', 'pay.amount': 'Shuma në lekë',
    'pay.amountHelp': 'P.sh. 1500,00 — jo më shumë se shuma për të paguar.', 'pay.go': 'Paguaj me kartë',
    'pay.badAmount': 'Shkruani një shumë mbi zero, me të shumtën dy shifra pas presjes.',
    'pay.tooMuch': 'Shuma është më e madhe se ç’keni për të paguar.', 'pay.redirecting': 'Po kaloni te faqja e pagesës…',
    'pay.secure': 'Të dhënat e kartës i shkruani në faqen e ofruesit të pagesave; Sportel nuk i sheh.',
    'pay.resultTitle': 'Rezultati i pagesës', 'pay.waiting': 'Po presim konfirmimin nga ofruesi i pagesës…',
    'pay.stillWaiting': 'Konfirmimi po vonon. Pagesa do të regjistrohet sapo të vijë; mund ta kontrolloni më vonë.',
    'pay.retrying': 'Pagesa nuk ka humbur: po e pyesim përsëri serverin pas pak.',
    'pay.check': 'Kontrollo përsëri', 'pay.paid': 'Pagesa u krye. Faleminderit!',
    'pay.declined': 'Karta u refuzua. Asnjë para nuk u mor.', 'pay.abandoned': 'Pagesa u anulua. Asnjë para nuk u mor.',
    'pay.again': 'Provo përsëri', 'pay.amountPaid': 'Shuma', 'pay.receipt': 'Mandati', 'pay.code': 'Kodi i verifikimit',
    'pay.download': 'Shkarko mandatin (PDF)', 'pay.verify': 'Hap faqen e verifikimit', 'pay.toAccount': 'Te llogaria ime',
    'pay.downloaded': 'Mandati {number} u shkarkua.',
    'pay.review': 'Pagesën tuaj po e kontrollojmë ne. Mos paguani përsëri.',
    'pay.reviewMismatch': 'Ofruesi i pagesës na njoftoi një shumë tjetër nga ajo që zgjodhët. Paratë mund të jenë marrë nga karta: '
      + 'do ta rregullojmë ne dhe llogaria juaj do të përditësohet. Referenca e pagesës: {ref}.',
    'pay.reviewOther': 'Nuk mundëm ta konfirmojmë rezultatin. Shikoni llogarinë tuaj para se të paguani përsëri. Referenca e pagesës: {ref}.',
  });
  A.addStrings('en', {
    'pay.title': 'Pay online', 'pay.due': 'Amount due', 'pay.nothingDue': 'You have nothing to pay now.',
    'pay.all': 'The whole amount', 'pay.other': 'Another amount', 'pay.amount': 'Amount in lek',
    'pay.amountHelp': 'E.g. 1500.00 — not more than the amount due.', 'pay.go': 'Pay by card',
    'pay.badAmount': 'Enter an amount above zero, with at most two decimals.',
    'pay.tooMuch': 'The amount is more than you owe.', 'pay.redirecting': 'Taking you to the payment page…',
    'pay.secure': 'You type the card details on the payment provider’s page; Sportel never sees them.',
    'pay.resultTitle': 'Payment result', 'pay.waiting': 'Waiting for the payment provider’s confirmation…',
    'pay.stillWaiting': 'The confirmation is late. The payment is recorded as soon as it comes; you can check again later.',
    'pay.retrying': 'The payment is not lost: we ask the server again in a moment.',
    'pay.check': 'Check again', 'pay.paid': 'Payment done. Thank you!',
    'pay.declined': 'The card was declined. No money was taken.', 'pay.abandoned': 'The payment was cancelled. No money was taken.',
    'pay.again': 'Try again', 'pay.amountPaid': 'Amount', 'pay.receipt': 'Receipt', 'pay.code': 'Verification code',
    'pay.download': 'Download the receipt (PDF)', 'pay.verify': 'Open the verification page', 'pay.toAccount': 'To my account',
    'pay.downloaded': 'Receipt {number} downloaded.',
    'pay.review': 'We are checking your payment. Do not pay again.',
    'pay.reviewMismatch': 'The payment provider told us an amount different from the one you chose. The money may have been taken '
      + 'from the card: we will sort it out and your account will be updated. Payment reference: {ref}.',
    'pay.reviewOther': 'We could not confirm the result. Check your account before paying again. Payment reference: {ref}.',
  });

  // "1 500,50", "1500.5" → "1500.50"; null when it is not an amount.
  function amountOf(text) {
    const plain = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
    if (!/^\d{1,13}(\.\d{1,2})?$/.test(plain)) { return null; }
    const [whole, cents] = plain.split('.');
    return whole.replace(/^0+(?=\d)/, '') + '.' + ((cents || '') + '00').slice(0, 2);
  }

  function cents(amount) {
    const [whole, c] = amount.split('.');
    return Number(whole) * 100 + Number(c || 0);
  }

  async function renderPay(el) {
    el.append(h('p', { class: 'loading', text: A.t('app.loading') }));
    const a = await A.api('GET', '/api/v1/public/app/account');
    el.replaceChildren();
    el.append(h('section', { class: 'card', 'aria-labelledby': 'payDueLabel' },
      h('p', { id: 'payDueLabel', class: 'muted', text: A.t('pay.due') + ' — ' + a.customerCode + ' (' + a.initials + ')' }),
      h('p', { class: 'big', id: 'payDue', text: A.money(a.amountDue) })));
    if (cents(a.amountDue) <= 0) {
      el.append(h('p', { id: 'payNothingDue', text: A.t('pay.nothingDue') }));
      return;
    }
    const all = h('input', { type: 'radio', name: 'payChoice', id: 'payAll', value: 'all', checked: true });
    const other = h('input', { type: 'radio', name: 'payChoice', id: 'payOther', value: 'other' });
    const amount = h('input', { id: 'payAmount', inputmode: 'decimal', autocomplete: 'off', maxlength: '16', disabled: true,
      'aria-describedby': 'payAmountHelp' });
    const err = A.errorBox();
    err.id = 'payError';
    const button = h('button', { type: 'submit', class: 'primary', id: 'payButton', text: A.t('pay.go') });
    const toggle = () => {
      amount.disabled = !other.checked;
      if (other.checked) { amount.focus(); }
    };
    all.addEventListener('change', toggle);
    other.addEventListener('change', toggle);
    const form = h('form', { class: 'form', id: 'payForm', novalidate: true },
      h('fieldset', { class: 'choices' }, h('legend', { class: 'label', text: A.t('pay.title') }),
        h('label', { class: 'choice', for: 'payAll' }, all, ' ', A.t('pay.all') + ' (' + A.money(a.amountDue) + ')'),
        h('label', { class: 'choice', for: 'payOther' }, other, ' ', A.t('pay.other'))),
      h('label', { for: 'payAmount', text: A.t('pay.amount') }), amount,
      h('p', { class: 'help', id: 'payAmountHelp', text: A.t('pay.amountHelp') }),
      err, button, h('p', { class: 'muted', text: A.t('pay.secure') }));
    form.addEventListener('submit', async e => {
      e.preventDefault();
      err.clear();
      amount.removeAttribute('aria-invalid');
      const body = {};
      if (other.checked) {
        const v = amountOf(amount.value);
        if (!v || cents(v) <= 0) { err.show(A.t('pay.badAmount')); amount.setAttribute('aria-invalid', 'true'); amount.focus(); return; }
        if (cents(v) > cents(a.amountDue)) { err.show(A.t('pay.tooMuch')); amount.setAttribute('aria-invalid', 'true'); amount.focus(); return; }
        body.amount = v;
      }
      button.disabled = true;
      try {
        const started = await A.api('POST', '/api/v1/public/app/payments', body);
        sessionStorage.setItem(LAST_REF, started.ref);
        A.notify(A.t('pay.redirecting'));
        location.assign(started.redirectUrl);
      } catch (x) {
        err.show(x);
        button.disabled = false;
      }
    });
    el.append(form);
  }

  async function download(receiptNumber, button) {
    button.disabled = true;
    try {
      const res = await fetch('/api/v1/public/app/receipts/' + encodeURIComponent(receiptNumber) + '?lang=' + A.lang(),
        { headers: { 'X-Sportel-Account': A.token() }, cache: 'no-store' });
      if (!res.ok) { throw Object.assign(new Error(res.statusText), { status: res.status }); }
      const url = URL.createObjectURL(await res.blob());
      const link = h('a', { href: url, download: receiptNumber + '.pdf', class: 'hidden' });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      A.notify(A.t('pay.downloaded', { number: receiptNumber }));
    } catch (e) {
      A.notify(A.errorText(e));
    } finally {
      button.disabled = false;
    }
  }

  function outcome(el, p) {
    const box = el.querySelector('#payStatus');
    if (p.status === 'PAID') {
      box.className = 'card ok';
      const r = p.receipt;
      const button = h('button', { type: 'button', class: 'secondary', id: 'payDownload', text: A.t('pay.download') });
      button.addEventListener('click', () => download(r.receiptNumber, button));
      box.replaceChildren(h('p', { class: 'big', id: 'payOutcome', text: A.t('pay.paid') }),
        h('dl', { class: 'facts', id: 'payReceipt' },
          h('dt', { text: A.t('pay.amountPaid') }), h('dd', { text: A.money(p.amount) }),
          h('dt', { text: A.t('pay.receipt') }), h('dd', { id: 'payReceiptNumber', text: r.receiptNumber }),
          h('dt', { text: A.t('pay.code') }), h('dd', { class: 'code-text', text: r.verificationCode })),
        h('p', {}, button), h('p', {}, h('a', { href: r.url, id: 'payVerify', text: A.t('pay.verify') })));
      A.notify(A.t('pay.paid'), { vibrate: [100] });
    } else if (p.status === 'DECLINED' || p.status === 'ABANDONED') {
      box.className = 'card bad';
      box.replaceChildren(h('p', { class: 'big', id: 'payOutcome', text: A.t(p.status === 'DECLINED' ? 'pay.declined' : 'pay.abandoned') }),
        h('p', {}, h('a', { class: 'primary', href: '#/pay', id: 'payAgain', text: A.t('pay.again') })));
    } else {
      // AMOUNT_MISMATCH: the provider says it took money, only not the sum asked for, so the server booked nothing
      // and finance reconciles it by hand (docs/online-payments.md). Any status this page does not know is treated
      // the same way: "no money was taken" and a retry button could make the citizen pay twice.
      box.className = 'card review';
      box.replaceChildren(h('p', { class: 'big', id: 'payOutcome', text: A.t('pay.review') }),
        h('p', { id: 'payReview', text: A.t(p.status === 'AMOUNT_MISMATCH' ? 'pay.reviewMismatch' : 'pay.reviewOther', { ref: p.ref }) }));
    }
    el.append(h('p', {}, h('a', { href: '#/account', id: 'payToAccount', text: A.t('pay.toAccount') })));
  }

  async function renderResult(el, params) {
    const ref = params.ref || sessionStorage.getItem(LAST_REF) || '';
    if (!ref) { A.go('account'); return; }
    const hash = location.hash;
    const box = h('section', { class: 'card', id: 'payStatus', 'aria-live': 'polite' }, h('p', { text: A.t('pay.waiting') }));
    el.append(box);
    const again = h('button', { type: 'button', class: 'secondary', id: 'payCheck', text: A.t('pay.check') });
    again.addEventListener('click', () => A.go('pay-result', { ref: ref, t: Date.now() }));
    let failures = 0;
    for (let i = 0; i < POLL_LIMIT; i++) {
      if (location.hash !== hash) { return; } // the citizen went elsewhere: stop asking
      let p = null;
      try {
        p = await A.api('GET', '/api/v1/public/app/payments/' + encodeURIComponent(ref));
      } catch (x) {
        if (location.hash !== hash) { return; }
        // a 401 means the session is gone (api() dropped it): asking again cannot help, the button signs in again
        if (x.status === 401 || x.status === 404) {
          box.replaceChildren(h('p', { class: 'error', role: 'alert', id: 'payPollError', text: A.errorText(x) }), again);
          return;
        }
        // one lost answer (a weak signal, a busy server) does not end the wait: say so and keep asking, slower
        failures++;
        box.replaceChildren(h('p', { class: 'error', role: 'alert', id: 'payPollError', text: A.errorText(x) }),
          h('p', { text: A.t('pay.retrying') }), again);
      }
      if (p && p.status !== 'PENDING') { outcome(el, p); return; }
      if (p && failures) { failures = 0; box.replaceChildren(h('p', { text: A.t('pay.waiting') })); }
      await new Promise(resolve => setTimeout(resolve, POLL_MS * (failures ? Math.min(4, failures + 1) : 1)));
    }
    if (location.hash !== hash) { return; }
    box.replaceChildren(h('p', { text: A.t('pay.stillWaiting') }), again);
  }

  A.route('pay', { title: 'pay.title', menu: true, icon: 'L', needsAccount: true, render: renderPay });
  A.route('pay-result', { title: 'pay.resultTitle', needsAccount: true, render: renderResult });
})();
