// Apply and complain (issue 19): file a complaint or an application, follow my cases.
(function () {
  'use strict';
  const A = window.SportelApp;
  A.addStrings('sq', { 'cases.title': 'Ankesë ose kërkesë' });
  A.addStrings('en', { 'cases.title': 'Complaint or application' });
  A.route('complain', { title: 'cases.title', menu: true, icon: '✎', render: async el => { el.append(A.h('p', { text: '…' })); } });
})();
