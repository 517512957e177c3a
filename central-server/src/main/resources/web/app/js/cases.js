// Apply and complain (issue 19): file a complaint or an application with up to 3 photos or PDFs, get the
// tracking code, follow it, and list "my cases" for the verified account.
(function () {
  'use strict';
  const A = window.SportelApp;
  const h = A.h;
  const MAX_FILES = 3;
  const MAX_BYTES = 5 * 1024 * 1024;

  A.addStrings('sq', {
    'cases.fileTitle': 'Ankesë ose kërkesë', 'cases.mineTitle': 'Rastet e mia', 'cases.trackTitle': 'Ndiq një rast',
    'cases.kind': 'Çfarë doni të bëni?', 'cases.COMPLAINT': 'Ankesë', 'cases.APPLICATION': 'Kërkesë (aplikim)',
    'cases.category': 'Lloji', 'cases.name': 'Emri dhe mbiemri', 'cases.phone': 'Telefoni', 'cases.email': 'E-maili (nëse s’keni telefon)',
    'cases.description': 'Përshkrimi', 'cases.descriptionHelp': 'Tregoni me të paktën 10 shkronja çfarë ndodhi ose çfarë kërkoni.',
    'cases.files': 'Foto ose PDF (jo e detyrueshme)', 'cases.filesHelp': 'Deri në 3 skedarë JPEG, PNG ose PDF, secili deri në 5 MB.',
    'cases.tooMany': 'Zgjidhni jo më shumë se 3 skedarë.', 'cases.tooBig': '{name} është më i madh se 5 MB.',
    'cases.badType': '{name} nuk është foto JPEG/PNG ose PDF.', 'cases.send': 'Dërgo',
    'cases.linked': 'Rasti do të lidhet me llogarinë {code}: e ndiqni te “Rastet e mia”.',
    'cases.notLinked': 'Nëse hyni në llogari, rastin do ta gjeni edhe te “Rastet e mia”.',
    'cases.sent': 'U regjistrua! Ruani kodin e ndjekjes:', 'cases.follow': 'Ndiqe rastin', 'cases.answerBy': 'Përgjigje deri më {date}',
    'cases.none': 'Nuk keni ende asnjë rast.', 'cases.new': 'Rast i ri', 'cases.code': 'Kodi i ndjekjes',
    'cases.lookup': 'Kërko', 'cases.history': 'Ecuria', 'cases.overdue': 'Afati ka kaluar', 'cases.attachments': '{n} skedarë', 'cases.attachmentOne': '1 skedar',
    'cases.missing': 'Plotësoni fushat e shënuara.', 'cases.badCode': 'Kodi duket si ANK-2026-7KQ9XM.',
    'cases.descriptionShort': 'Përshkrimi duhet të ketë të paktën 10 shkronja.',
    'cases.phoneBad': 'Shkruani një numër telefoni të saktë, p.sh. +355 69 123 4567.',
    'cases.emailBad': 'Adresa e e-mailit nuk është e saktë.',
    'cases.notFound': 'Nuk ka asnjë rast me kodin {code}. Kontrolloni kodin në fletën ose në mesazhin që morët.',
    'status.RECEIVED': 'U mor', 'status.IN_REVIEW': 'Në shqyrtim', 'status.RESOLVED': 'U zgjidh', 'status.REJECTED': 'U refuzua',
    'status.APPROVED': 'U miratua',
  });
  A.addStrings('en', {
    'cases.fileTitle': 'Complaint or application', 'cases.mineTitle': 'My cases', 'cases.trackTitle': 'Follow a case',
    'cases.kind': 'What do you want to do?', 'cases.COMPLAINT': 'Complaint', 'cases.APPLICATION': 'Application',
    'cases.category': 'Type', 'cases.name': 'Full name', 'cases.phone': 'Phone', 'cases.email': 'E-mail (if you have no phone)',
    'cases.description': 'Details', 'cases.descriptionHelp': 'Say in at least 10 characters what happened or what you ask for.',
    'cases.files': 'Photos or PDF (optional)', 'cases.filesHelp': 'Up to 3 JPEG, PNG or PDF files, 5 MB each at most.',
    'cases.tooMany': 'Choose at most 3 files.', 'cases.tooBig': '{name} is larger than 5 MB.',
    'cases.badType': '{name} is not a JPEG/PNG photo or a PDF.', 'cases.send': 'Send',
    'cases.linked': 'The case will be linked to account {code}: follow it in “My cases”.',
    'cases.notLinked': 'If you open your account first, you will also find the case in “My cases”.',
    'cases.sent': 'Registered! Keep the tracking code:', 'cases.follow': 'Follow the case', 'cases.answerBy': 'Answer by {date}',
    'cases.none': 'You have no cases yet.', 'cases.new': 'New case', 'cases.code': 'Tracking code',
    'cases.lookup': 'Look up', 'cases.history': 'Progress', 'cases.overdue': 'Past its deadline', 'cases.attachments': '{n} files', 'cases.attachmentOne': '1 file',
    'cases.missing': 'Fill in the marked fields.', 'cases.badCode': 'A code looks like ANK-2026-7KQ9XM.',
    'cases.descriptionShort': 'The description must have at least 10 characters.',
    'cases.phoneBad': 'Enter a valid phone number, e.g. +355 69 123 4567.',
    'cases.emailBad': 'The e-mail address is not valid.',
    'cases.notFound': 'There is no case with the code {code}. Check the code on your slip or in the message you got.',
    'status.RECEIVED': 'Received', 'status.IN_REVIEW': 'In review', 'status.RESOLVED': 'Resolved', 'status.REJECTED': 'Rejected',
    'status.APPROVED': 'Approved',
  });

  function day(iso) {
    return A.dateTime(iso).slice(0, 10);
  }

  function field(id, label, input, help) {
    input.id = id;
    if (help) { input.setAttribute('aria-describedby', id + 'Help'); }
    return [h('label', { for: id, text: label }), input, help ? h('p', { class: 'help', id: id + 'Help', text: help }) : null];
  }

  // The server checks the bytes again; this only spares a slow upload that would be refused.
  function fileProblem(files) {
    if (files.length > MAX_FILES) { return A.t('cases.tooMany'); }
    for (const f of files) {
      if (f.size > MAX_BYTES) { return A.t('cases.tooBig', { name: f.name }); }
      if (f.type && !['image/jpeg', 'image/png', 'application/pdf'].includes(f.type)) { return A.t('cases.badType', { name: f.name }); }
    }
    return null;
  }

  async function renderFile(el, params) {
    const acc = A.account();
    const kind = params.kind === 'APPLICATION' ? 'APPLICATION' : 'COMPLAINT';
    const kinds = h('fieldset', { class: 'kinds' }, h('legend', { text: A.t('cases.kind') }),
      ['COMPLAINT', 'APPLICATION'].map(k => h('label', { class: 'radio' },
        h('input', { type: 'radio', name: 'kind', value: k, id: 'kind-' + k, checked: k === kind }), ' ', A.t('cases.' + k))));
    const category = h('select', { name: 'category', required: true });
    const name = h('input', { name: 'name', autocomplete: 'name', maxlength: '200', required: true });
    const phone = h('input', { name: 'phone', type: 'tel', autocomplete: 'tel', maxlength: '40' });
    const email = h('input', { name: 'email', type: 'email', autocomplete: 'email', maxlength: '200' });
    const description = h('textarea', { name: 'description', maxlength: '4000', rows: '5', required: true });
    const files = h('input', { name: 'attachments', type: 'file', multiple: true, accept: 'image/jpeg,image/png,application/pdf' });
    const err = A.errorBox();
    const send = h('button', { type: 'submit', class: 'primary', id: 'caseSend', text: A.t('cases.send') });
    const form = h('form', { class: 'form', id: 'caseForm', novalidate: true }, kinds,
      field('caseCategory', A.t('cases.category'), category),
      field('caseName', A.t('cases.name'), name),
      field('casePhone', A.t('cases.phone'), phone),
      field('caseEmail', A.t('cases.email'), email),
      field('caseDescription', A.t('cases.description'), description, A.t('cases.descriptionHelp')),
      field('caseFiles', A.t('cases.files'), files, A.t('cases.filesHelp')),
      h('p', { class: 'muted', text: acc ? A.t('cases.linked', { code: acc.customerCode }) : A.t('cases.notLinked') }),
      err, send);

    async function loadCategories(k) {
      const list = await A.api('GET', k === 'APPLICATION' ? '/api/v1/public/application-types' : '/api/v1/public/complaint-categories');
      category.replaceChildren(...list.map(c => h('option', { value: c.code, text: A.lang() === 'en' ? c.nameEn : c.name })));
    }
    kinds.addEventListener('change', e => loadCategories(e.target.value).catch(x => err.show(x)));
    files.addEventListener('change', () => { const p = fileProblem(files.files); if (p) { err.show(p); } else { err.clear(); } });
    function bad(input, key) {
      input.setAttribute('aria-invalid', 'true');
      err.show(A.t(key));
      input.focus();
    }
    const once = submissionKeys(form);
    form.addEventListener('submit', async e => {
      e.preventDefault();
      err.clear();
      email.setAttribute('aria-invalid', 'false');
      const missing = [name, description].filter(i => !i.value.trim());
      if (!phone.value.trim() && !email.value.trim()) { missing.push(phone); }
      [name, description, phone].forEach(i => i.setAttribute('aria-invalid', missing.includes(i) ? 'true' : 'false'));
      if (missing.length) { err.show(A.t('cases.missing')); missing[0].focus(); return; }
      // the server's own rules (CaseRoutes.readCase), so the citizen hears them in their language at once
      if (description.value.trim().length < 10) { bad(description, 'cases.descriptionShort'); return; }
      if (phone.value.trim() && !/^\+?[0-9 ()-]{6,40}$/.test(phone.value.trim())) { bad(phone, 'cases.phoneBad'); return; }
      if (email.value.trim() && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.value.trim())) { bad(email, 'cases.emailBad'); return; }
      const problem = fileProblem(files.files);
      if (problem) { err.show(problem); files.focus(); return; }
      const data = new FormData(form);
      data.delete('attachments');
      Array.from(files.files).forEach(f => data.append('attachments', f, f.name));
      send.disabled = true;
      try {
        // one key per submission (submission.js): sending again after a lost answer is the same case, photos and all
        const c = await A.api('POST', '/api/v1/public/app/cases', data, once);
        el.replaceChildren(h('div', { class: 'card', id: 'caseDone' },
          h('p', { text: A.t('cases.sent') }), h('p', { class: 'code', id: 'trackingCode', text: c.trackingCode }),
          h('p', { text: A.t('cases.answerBy', { date: day(c.dueAt) }) }),
          h('a', { class: 'primary', id: 'followCase', href: '#/track?code=' + encodeURIComponent(c.trackingCode), text: A.t('cases.follow') })));
        A.notify(A.t('cases.sent') + ' ' + c.trackingCode);
        document.getElementById('screenTitle').focus();
      } catch (x) {
        err.show(x);
      } finally {
        send.disabled = false;
      }
    });
    el.append(form);
    await loadCategories(kind);
  }

  function statusTag(c) {
    return h('span', { class: 'tag status-' + c.status, text: A.t('status.' + c.status) });
  }

  async function renderMine(el) {
    const list = await A.api('GET', '/api/v1/public/app/cases');
    if (!list.length) {
      el.append(h('p', { class: 'muted', id: 'noCases', text: A.t('cases.none') }));
    } else {
      el.append(h('ul', { class: 'list', id: 'myCases' }, list.map(c => h('li', { class: 'case' },
        h('div', { class: 'row' }, h('a', { href: '#/track?code=' + encodeURIComponent(c.trackingCode), class: 'code', text: c.trackingCode }), statusTag(c)),
        h('p', { text: A.t('cases.' + c.kind) + ' — ' + (A.lang() === 'en' ? c.categoryNameEn : c.categoryName) }),
        h('p', { class: 'muted' }, day(c.createdAt) + ' · ' + A.t('cases.answerBy', { date: day(c.dueAt) }),
          c.attachments ? ' · ' + (c.attachments === 1 ? A.t('cases.attachmentOne') : A.t('cases.attachments', { n: c.attachments })) : '',
          c.overdue ? h('strong', { text: ' · ' + A.t('cases.overdue') }) : null)))));
    }
    el.append(h('a', { class: 'primary', href: '#/complain', id: 'newCase', text: A.t('cases.new') }));
  }

  async function renderTrack(el, params) {
    const code = h('input', { name: 'code', maxlength: '15', autocomplete: 'off', autocapitalize: 'characters', placeholder: 'ANK-2026-7KQ9XM', value: params.code || '' });
    const err = A.errorBox();
    const result = h('div', { id: 'trackResult', 'aria-live': 'polite' });
    const form = h('form', { class: 'form', id: 'trackForm', novalidate: true }, field('trackCode', A.t('cases.code'), code), err,
      h('button', { type: 'submit', class: 'primary', id: 'trackButton', text: A.t('cases.lookup') }));
    async function lookup() {
      err.clear();
      result.replaceChildren();
      const value = code.value.trim().toUpperCase();
      if (!/^(ANK|APL)-\d{4}-[A-Z0-9]{6}$/.test(value)) { err.show(A.t('cases.badCode')); return; }
      try {
        const c = await A.api('GET', '/api/v1/public/track/' + encodeURIComponent(value));
        result.append(h('div', { class: 'card' },
          h('div', { class: 'row' }, h('span', { class: 'code', text: c.trackingCode }), statusTag(c)),
          h('p', { text: A.t('cases.' + c.kind) + ' — ' + (A.lang() === 'en' ? c.categoryNameEn : c.categoryName) }),
          h('p', { class: 'muted' }, A.t('cases.answerBy', { date: day(c.dueAt) }), c.overdue ? ' · ' + A.t('cases.overdue') : ''),
          h('h2', { text: A.t('cases.history') }),
          h('ol', { class: 'history', id: 'trackHistory' }, c.history.map(e => h('li', {},
            h('strong', { text: A.t('status.' + e.status) }), ' — ' + A.dateTime(e.at), e.note ? h('p', { text: e.note }) : null)))));
      } catch (x) {
        err.show(x.status === 404 ? A.t('cases.notFound', { code: value }) : x);
      }
    }
    form.addEventListener('submit', e => { e.preventDefault(); lookup(); });
    el.append(form, result);
    if (params.code) { await lookup(); }
  }

  A.route('complain', { title: 'cases.fileTitle', menu: true, icon: '✎', render: renderFile });
  A.route('mycases', { title: 'cases.mineTitle', menu: true, icon: '☰', needsAccount: true, render: renderMine });
  A.route('track', { title: 'cases.trackTitle', menu: true, icon: '⌕', render: renderTrack });
})();
