// My account (issue 19): what is due, unpaid bills, credit, last payments and their receipts.
(function () {
  'use strict';
  const A = window.SportelApp;
  A.addStrings('sq', { 'account.title': 'Llogaria ime' });
  A.addStrings('en', { 'account.title': 'My account' });
  A.route('account', {
    title: 'account.title', menu: true, icon: '⌂', needsAccount: true,
    render: async el => {
      const a = A.account();
      el.append(A.h('p', { class: 'big', text: A.money(a.amountDue) }));
    },
  });
})();
