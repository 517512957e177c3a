// The phone app's shell (issue 19): hash routing, strings, the account session and the API helper.
// Feature modules (js/*.js) register their screens through window.SportelApp; see docs/app-contract in
// the README. Everything is plain script, no framework, so the first load stays small on slow networks.
(function () {
  'use strict';

  const SESSION_KEY = 'sportel.app.session';
  const routes = {};
  const order = [];
  const strings = { sq: {}, en: {} };
  let current = localStorage.getItem('sportel.lang') || 'sq';
  let shown = { name: '', params: {} };
  let online = true;

  function addStrings(l, table) {
    strings[l] = Object.assign(strings[l] || {}, table);
  }

  /** A string in the chosen language; {name} or {0} placeholders filled from vars (an object or an array). */
  function t(key, vars) {
    let s = (strings[current] && strings[current][key]) || strings.sq[key] || key;
    if (vars !== undefined && vars !== null) {
      const table = typeof vars === 'object' ? vars : [vars];
      Object.keys(table).forEach(k => { s = s.split('{' + k + '}').join(String(table[k])); });
    }
    return s;
  }

  function lang() {
    return current;
  }

  /** A DOM element: h('p', {class: 'x', text: 'y'}, child, ...). Text always goes through textContent. */
  function h(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === undefined || v === null || v === false) { return; }
      if (k === 'text') { e.textContent = v; } else if (k.startsWith('on')) { e.addEventListener(k.slice(2), v); } else { e.setAttribute(k, v === true ? '' : v); }
    });
    children.flat().forEach(c => { if (c !== null && c !== undefined) { e.append(c.nodeType ? c : String(c)); } });
    return e;
  }

  function route(name, options) {
    if (!routes[name]) { order.push(name); }
    routes[name] = Object.assign({ menu: false, icon: '', needsAccount: false }, options);
  }

  function hashOf(name, params) {
    const q = new URLSearchParams(params || {}).toString();
    return '#/' + (name === 'home' ? '' : name) + (q ? '?' + q : '');
  }

  function go(name, params) {
    const target = hashOf(name, params);
    if (location.hash === target) { show(); } else { location.hash = target; }
  }

  function parseHash() {
    const raw = location.hash.replace(/^#\/?/, '');
    const [path, query] = raw.split('?');
    return { name: path || 'home', params: Object.fromEntries(new URLSearchParams(query || '')) };
  }

  // ----- the account session (sessionStorage: it ends with the browser tab, as a bank's would) -----

  function session() {
    try { return JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null'); } catch (e) { return null; }
  }

  function saveSession(s) {
    if (s) { sessionStorage.setItem(SESSION_KEY, JSON.stringify(s)); } else { sessionStorage.removeItem(SESSION_KEY); }
  }

  function account() {
    const s = session();
    if (!s || (s.expiresAt && Date.parse(s.expiresAt) < Date.now())) { return null; }
    return s.account;
  }

  function setAccount(summary) {
    const s = session();
    if (s) { s.account = summary; saveSession(s); }
  }

  /** True when signed in; otherwise opens the sign-in screen, which comes back here afterwards. */
  function requireAccount() {
    if (account()) { return true; }
    const here = parseHash();
    go('signin', { next: here.name === 'signin' ? 'home' : here.name });
    return false;
  }

  async function signOut() {
    const s = session();
    saveSession(null);
    if (s) {
      try { await fetch('/api/v1/public/app/session', { method: 'DELETE', headers: { 'X-Sportel-Account': s.accountToken } }); } catch (e) { /* offline: the token expires by itself */ }
    }
    go('home');
  }

  // ----- the API helper -----

  // once: a submission's keys (submissionKeys, /web/submission.js) for a request that creates a record, so a retry
  // after a lost answer gets the first record back instead of a second one
  async function api(method, path, body, once) {
    const headers = { Accept: 'application/json' };
    const s = session();
    if (s && s.accountToken) { headers['X-Sportel-Account'] = s.accountToken; }
    if (once) { headers['Idempotency-Key'] = once.key(); }
    const init = { method: method, headers: headers, cache: 'no-store' };
    if (body instanceof FormData) {
      init.body = body;
    } else if (body !== undefined && body !== null) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let res;
    try {
      res = await fetch(path, init);
    } catch (e) {
      setOnline(false);
      const err = new Error(t('app.offlineAction'));
      err.status = 0;
      throw err;
    }
    setOnline(true);
    if (once) { once.answered(res.status); }
    const type = res.headers.get('Content-Type') || '';
    const data = res.status === 204 ? null : (type.includes('json') ? await res.json() : await res.text());
    if (!res.ok) {
      const problem = data && typeof data === 'object' ? data : { detail: String(data || res.statusText) };
      if (res.status === 401 && s) { saveSession(null); }
      const err = new Error(problem.detail || problem.title || res.statusText);
      err.status = res.status;
      err.problem = problem;
      throw err;
    }
    return data;
  }

  function has(key) {
    return Boolean((strings[current] && strings[current][key]) || strings.sq[key]);
  }

  // A problem without a body of ours (a receipt download, a proxy's page) still has a status.
  const STATUS_TYPES = { 400: 'bad-request', 403: 'forbidden', 404: 'not-found', 409: 'conflict', 413: 'too-large', 500: 'internal', 502: 'busy', 503: 'busy', 504: 'busy' };

  /**
   * What to tell the citizen about a failed request, always in their language. The server's detail and
   * field messages are English for developers and never shown: a problem's type (the last part of its
   * URI, "app.problem.<type>") and a field error's field ("app.field.<field>") choose a translated string,
   * which a feature module may add for its own types and fields; anything unknown is "app.failed".
   */
  function errorText(err) {
    if (err.status === 0) { return t('app.offlineAction'); }
    if (err.status === 401) { return t('app.sessionExpired'); }
    if (err.status === 429) { return t('app.tooMany'); }
    const p = err.problem;
    if (p && Array.isArray(p.errors) && p.errors.length) {
      const said = [];
      p.errors.forEach(e => {
        const key = 'app.field.' + (e && e.field);
        const text = has(key) ? t(key) : t('app.invalid');
        if (!said.includes(text)) { said.push(text); }
      });
      return said.join(' ');
    }
    const type = p && typeof p.type === 'string' && p.type ? p.type.split('/').pop() : STATUS_TYPES[err.status];
    return type && has('app.problem.' + type) ? t('app.problem.' + type) : t('app.failed');
  }

  /** An inline error box (role=alert) a screen puts under its form; show(err) or clear(). */
  function errorBox() {
    const box = h('p', { class: 'error', role: 'alert' });
    box.show = err => { box.textContent = typeof err === 'string' ? err : errorText(err); };
    box.clear = () => { box.textContent = ''; };
    return box;
  }

  let noticeTimer = null;
  function notify(text, options) {
    const n = document.getElementById('notice');
    n.textContent = text;
    n.classList.add('shown');
    if (options && options.vibrate && navigator.vibrate) { navigator.vibrate(options.vibrate === true ? [200, 100, 200] : options.vibrate); }
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => { n.classList.remove('shown'); n.textContent = ''; }, (options && options.ms) || 8000);
  }

  function setOnline(on) {
    online = on;
    const b = document.getElementById('offline');
    b.textContent = t('app.offline');
    b.classList.toggle('hidden', on);
  }

  // Amounts come as "2450.50"; shown the Albanian way, "2 450,50 lekë".
  function money(amount) {
    const [whole, cents] = String(amount).split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
    return grouped + ',' + ((cents || '00') + '00').slice(0, 2) + '\u00a0' + t('app.lek');
  }

  function dateTime(iso) {
    return typeof dateTimeOf === 'function' ? dateTimeOf(iso) : new Date(iso).toLocaleString();
  }

  // ----- screens -----

  async function show() {
    const { name, params } = parseHash();
    const r = routes[name] || routes.home;
    const screen = document.getElementById('screen');
    if (r.needsAccount && !account()) { requireAccount(); return; }
    shown = { name: routes[name] ? name : 'home', params: params };
    document.title = (r.title ? t(r.title) + ' — ' : '') + 'Sportel';
    const title = h('h1', { tabindex: '-1', id: 'screenTitle', text: t(r.title || 'app.title') });
    const body = h('div', { class: 'screen-body', id: 'screen-' + shown.name });
    screen.replaceChildren(shown.name === 'home' ? '' : h('a', { class: 'back', href: '#/', text: '‹ ' + t('app.home') }), title, body);
    try {
      await r.render(body, params);
    } catch (e) {
      body.querySelectorAll('.loading').forEach(n => n.remove()); // "Loading…" next to the error would promise more
      body.append(h('p', { class: 'error', role: 'alert', text: errorText(e) }));
    }
    if (document.activeElement === document.body || document.activeElement === null) { title.focus({ preventScroll: true }); }
  }

  function renderHome(el) {
    const a = account();
    el.append(h('p', { class: 'intro', text: t('app.intro') }));
    if (a) {
      el.append(h('p', { class: 'signed-in' }, t('app.signedInAs', { code: a.customerCode, initials: a.initials }), ' ',
        h('button', { type: 'button', class: 'link-button', id: 'signOut', onclick: signOut, text: t('app.signOut') })));
    }
    const nav = h('nav', { class: 'menu', 'aria-label': t('app.menu') });
    order.filter(n => routes[n].menu).forEach(n => {
      nav.append(h('a', { class: 'tile', href: hashOf(n), id: 'menu-' + n },
        h('span', { class: 'icon', 'aria-hidden': 'true', text: routes[n].icon || '•' }),
        h('span', { class: 'label', text: t(routes[n].title) })));
    });
    el.append(nav);
  }

  async function renderSignIn(el, params) {
    if (account()) { go(params.next || 'home'); return; }
    const code = h('input', { id: 'signinCode', name: 'customerCode', inputmode: 'numeric', autocomplete: 'off', maxlength: '20', required: true, 'aria-describedby': 'signinCodeHelp' });
    const proof = h('input', { id: 'signinProof', name: 'proof', autocomplete: 'off', maxlength: '20', required: true, 'aria-describedby': 'signinProofHelp' });
    const err = errorBox();
    const button = h('button', { type: 'submit', class: 'primary', id: 'signinButton', text: t('app.signIn') });
    const form = h('form', { class: 'form', id: 'signinForm', novalidate: true },
      h('p', { text: t('app.signInWhy') }),
      h('label', { for: 'signinCode', text: t('app.customerCode') }), code,
      h('p', { class: 'help', id: 'signinCodeHelp', text: t('app.customerCodeHelp') }),
      h('label', { for: 'signinProof', text: t('app.proof') }), proof,
      h('p', { class: 'help', id: 'signinProofHelp', text: t('app.proofHelp') }),
      err, button);
    form.addEventListener('submit', async e => {
      e.preventDefault();
      err.clear();
      if (!code.value.trim() || !proof.value.trim()) { err.show(t('app.signInMissing')); return; }
      button.disabled = true;
      try {
        const s = await api('POST', '/api/v1/public/app/session', { customerCode: code.value.trim(), proof: proof.value.trim() });
        saveSession(s);
        notify(t('app.welcome', { initials: s.account.initials }));
        go(params.next && routes[params.next] ? params.next : 'home');
      } catch (x) {
        err.show(x.status === 404 ? t('app.noMatch') : x);
      } finally {
        button.disabled = false;
      }
    });
    el.append(form);
  }

  addStrings('sq', {
    'app.title': 'Sportel', 'app.home': 'Kreu', 'app.menu': 'Shërbimet', 'app.lek': 'lekë',
    'app.intro': 'Llogaria juaj, ankesat dhe kërkesat — pa pritur në radhë.',
    'app.offline': 'Jeni pa internet. Aplikacioni u hap nga kujtesa; të dhënat e reja do të vijnë kur të lidheni.',
    'app.offlineAction': 'Nuk ka lidhje me internetin. Provoni përsëri kur të lidheni.',
    'app.sessionExpired': 'Seanca mbaroi. Verifikoni llogarinë përsëri.', 'app.tooMany': 'Shumë përpjekje. Provoni përsëri më vonë.',
    'app.failed': 'Diçka nuk shkoi. Provoni përsëri.', 'app.signIn': 'Hyr në llogari', 'app.signOut': 'Dil',
    'app.signInWhy': 'Shkruani kodin e klientit dhe një provë nga fatura e letrës — kurrë vetëm kodin.',
    'app.customerCode': 'Kodi i klientit', 'app.customerCodeHelp': 'Në krye të faturës, p.sh. 1000001.',
    'app.proof': 'Shuma e faturës së fundit ose kodi i verifikimit',
    'app.proofHelp': 'Shuma, p.sh. 2450,00, ose kodi i shkurtër i verifikimit i shtypur në faturë, p.sh. K7M-2QX.',
    'app.signInMissing': 'Shkruani kodin e klientit dhe provën nga fatura.',
    'app.noMatch': 'Asnjë llogari nuk përputhet me këtë kod dhe këtë provë.',
    'app.welcome': 'Mirë se erdhët, {initials}', 'app.signedInAs': 'Llogaria {code} ({initials}).',
    'app.loading': 'Po ngarkohet…',
    'app.invalid': 'Disa fusha mungojnë ose nuk janë të sakta. Kontrolloni formularin.',
    'app.field.description': 'Përshkrimi duhet të ketë të paktën 10 shkronja.',
    'app.field.phone': 'Shkruani një numër telefoni të saktë, p.sh. +355 69 123 4567, ose një e-mail.',
    'app.field.email': 'Adresa e e-mailit nuk është e saktë.',
    'app.field.name': 'Shkruani emrin dhe mbiemrin.',
    'app.field.category': 'Zgjidhni llojin.', 'app.field.type': 'Zgjidhni llojin.', 'app.field.kind': 'Zgjidhni ankesë ose kërkesë.',
    'app.field.attachments': 'Zgjidhni jo më shumë se 3 skedarë JPEG, PNG ose PDF.',
    'app.field.amount': 'Kjo shumë nuk pranohet: është më e madhe se ç’keni për të paguar ose se kufiri i një pagese.',
    'app.field.customerCode': 'Kodi i klientit nuk është i saktë.',
    'app.problem.not-found': 'Nuk u gjet. Kontrolloni kodin dhe provoni përsëri.',
    'app.problem.too-large': 'Skedarët janë shumë të mëdhenj: deri në 3, secili deri në 5 MB.',
    'app.problem.unsupported-media-type': 'Skedari nuk është foto JPEG/PNG ose PDF.',
    'app.problem.busy': 'Shërbimi është shumë i ngarkuar. Provoni përsëri pas pak.',
    'app.problem.online-payment-off': 'Pagesa online nuk është e mundur tani. Provoni më vonë.',
    'app.problem.illegal-transition': 'Kjo nuk mund të bëhet më: gjendja ka ndryshuar. Rifreskoni faqen.',
    'app.problem.duplicate': 'Kjo kërkesë është regjistruar tashmë.',
    'app.problem.centre-closed': 'Qendra është e mbyllur tani.',
    'app.problem.centre-closed-day': 'Qendra është e mbyllur atë ditë. Zgjidhni një ditë tjetër.',
    'app.problem.slot-full': 'Ky orar u mbush. Zgjidhni një orar tjetër.',
  });
  addStrings('en', {
    'app.title': 'Sportel', 'app.home': 'Home', 'app.menu': 'Services', 'app.lek': 'lek',
    'app.intro': 'Your account, complaints and applications — without queueing.',
    'app.offline': 'You are offline. The app opened from memory; new data will come when you reconnect.',
    'app.offlineAction': 'No internet connection. Try again when you are online.',
    'app.sessionExpired': 'The session has ended. Verify the account again.', 'app.tooMany': 'Too many tries. Try again later.',
    'app.failed': 'Something went wrong. Try again.', 'app.signIn': 'Open my account', 'app.signOut': 'Sign out',
    'app.signInWhy': 'Enter the customer code and a proof from the paper bill — never the code alone.',
    'app.customerCode': 'Customer code', 'app.customerCodeHelp': 'At the top of the bill, e.g. 1000001.',
    'app.proof': 'Last bill amount or verification code',
    'app.proofHelp': 'The amount, e.g. 2450.00, or the short verification code printed on the bill, e.g. K7M-2QX.',
    'app.signInMissing': 'Enter the customer code and the proof from the bill.',
    'app.noMatch': 'No account matches this code and proof.',
    'app.welcome': 'Welcome, {initials}', 'app.signedInAs': 'Account {code} ({initials}).',
    'app.loading': 'Loading…',
    'app.invalid': 'Some fields are missing or not right. Check the form.',
    'app.field.description': 'The description must have at least 10 characters.',
    'app.field.phone': 'Enter a valid phone number, e.g. +355 69 123 4567, or an e-mail address.',
    'app.field.email': 'The e-mail address is not valid.',
    'app.field.name': 'Enter your full name.',
    'app.field.category': 'Choose the type.', 'app.field.type': 'Choose the type.', 'app.field.kind': 'Choose complaint or application.',
    'app.field.attachments': 'Choose at most 3 JPEG, PNG or PDF files.',
    'app.field.amount': 'This amount is not accepted: it is more than you owe or more than one payment may be.',
    'app.field.customerCode': 'The customer code is not valid.',
    'app.problem.not-found': 'Not found. Check the code and try again.',
    'app.problem.too-large': 'The files are too large: up to 3, 5 MB each at most.',
    'app.problem.unsupported-media-type': 'The file is not a JPEG/PNG photo or a PDF.',
    'app.problem.busy': 'The service is very busy. Try again in a moment.',
    'app.problem.online-payment-off': 'Online payment is not available now. Try later.',
    'app.problem.illegal-transition': 'This can no longer be done: its state has changed. Refresh the page.',
    'app.problem.duplicate': 'This request is already registered.',
    'app.problem.centre-closed': 'The centre is closed now.',
    'app.problem.centre-closed-day': 'The centre is closed that day. Choose another day.',
    'app.problem.slot-full': 'This time is full. Choose another time.',
  });

  route('home', { title: 'app.title', render: renderHome });
  route('signin', { title: 'app.signIn', render: renderSignIn });

  window.SportelApp = {
    route, go, t, addStrings, api, account, setAccount, requireAccount, signOut, notify, errorText, errorBox, h, money,
    dateTime, lang, isOnline: () => online, token: () => (session() || {}).accountToken || null,
  };

  function applyLang() {
    document.documentElement.lang = current;
    const b = document.getElementById('langButton');
    b.textContent = current === 'sq' ? 'English' : 'Shqip';
    b.setAttribute('lang', current === 'sq' ? 'en' : 'sq');
    document.getElementById('skipLink').textContent = current === 'sq' ? 'Kalo te përmbajtja' : 'Skip to content';
    if (typeof setLang === 'function') { setLang(current); } // the accessibility switches' labels (i18n.js)
  }

  // Runs after every deferred module script has registered its routes.
  document.addEventListener('DOMContentLoaded', () => {
    applyLang();
    document.getElementById('langButton').addEventListener('click', () => {
      current = current === 'sq' ? 'en' : 'sq';
      localStorage.setItem('sportel.lang', current);
      applyLang();
      show();
    });
    window.addEventListener('hashchange', show);
    window.addEventListener('offline', () => setOnline(false));
    window.addEventListener('online', () => setOnline(true));
    show();
    // Tell the citizen at once when the shell came from the service worker's cache without a network.
    fetch('/health', { cache: 'no-store' }).then(() => setOnline(true), () => setOnline(false));
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.register('/app/sw.js', { scope: '/app' }).catch(() => { /* the app still works online */ });
    }
  });
})();
