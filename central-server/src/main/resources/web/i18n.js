// Strings of the customer pages, Albanian first, English on request; saved per device.
const STRINGS = {
  sq: {
    chooseService: 'Zgjidhni shërbimin', priority: 'Kam përparësi (i moshuar, me aftësi të kufizuara, shtatzënë)',
    yourTicket: 'Bileta juaj', ahead: 'Para jush: {0}', wait: 'Pritja e përafërt: {0} min', notAvailable: 'Jo në dispozicion tani',
    closed: 'Qendra është e mbyllur tani. Ju lutemi ejani më vonë.', printing: 'Po printohet bileta…', done: 'Mirë',
    scan: 'Skanoni për të ndjekur radhën në telefon', login: 'Hyrja e kioskës', username: 'Përdoruesi', password: 'Fjalëkalimi',
    loginButton: 'Hyr', loginError: 'Përdoruesi ose fjalëkalimi është i gabuar.', issueError: 'Bileta nuk u lëshua. Provoni përsëri.',
    waiting: 'Presin', counter: 'Sporteli', lastCalls: 'Thirrjet e fundit', nowServing: 'Po thërritet',
    offline: 'Nuk ka lidhje me serverin — po rilidhet…', yourTurn: 'Është radha juaj!', goTo: 'Shkoni te sporteli {0}',
    position: 'Pozicioni në radhë: {0}', served: 'Shërbimi përfundoi. Faleminderit!', cancelled: 'Bileta u anulua.',
    noShow: 'Nuk u paraqitët kur u thirrët. Merrni një biletë të re.', unknownTicket: 'Kjo biletë nuk u gjet.',
    serving: 'Po shërbeheni te sporteli {0}', issuedAt: 'Marrë në {0}', people: 'klientë', say: 'Bileta {0}, sporteli {1}',
    unknownCentre: 'Qendra „{0}” nuk njihet. Kontrolloni adresën e faqes.', soundBlocked: 'Zëri është i bllokuar — klikoni këtu për ta aktivizuar',
    phoneLink: 'ose hapni: {0}', phoneLinkOnly: 'Ndiqni radhën në telefon: {0}', loginMissing: 'Shkruani përdoruesin dhe fjalëkalimin.',
    required: 'Kjo fushë kërkohet.', contact: 'Jepni telefonin ose e-mailin që t’ju përgjigjemi.',
    badPhone: 'Ky nuk është numër telefoni (p.sh. 069 123 4567).', badEmail: 'Kjo nuk është adresë e-maili (p.sh. emri@shembull.al).',
    badCustomer: 'Kodi i klientit ka vetëm shifra dhe shkronja.', shortDescription: 'Tregoni me të paktën 10 shkronja çfarë ndodhi.',
    tooLong: 'Teksti është shumë i gjatë.', badValue: 'Kjo vlerë nuk pranohet.',
  },
  en: {
    chooseService: 'Choose a service', priority: 'I have priority (elderly, disabled, pregnant)',
    yourTicket: 'Your ticket', ahead: 'Ahead of you: {0}', wait: 'Estimated wait: {0} min', notAvailable: 'Not available now',
    closed: 'The centre is closed now. Please come back later.', printing: 'Printing your ticket…', done: 'OK',
    scan: 'Scan to follow the queue on your phone', login: 'Kiosk sign-in', username: 'Username', password: 'Password',
    loginButton: 'Sign in', loginError: 'Wrong username or password.', issueError: 'The ticket was not issued. Please try again.',
    waiting: 'Waiting', counter: 'Counter', lastCalls: 'Last calls', nowServing: 'Now calling',
    offline: 'No connection to the server — reconnecting…', yourTurn: 'It is your turn!', goTo: 'Go to counter {0}',
    position: 'Position in the queue: {0}', served: 'Service finished. Thank you!', cancelled: 'The ticket was cancelled.',
    noShow: 'You did not come when called. Please take a new ticket.', unknownTicket: 'This ticket was not found.',
    serving: 'Being served at counter {0}', issuedAt: 'Taken at {0}', people: 'customers', say: 'Ticket {0}, counter {1}',
    unknownCentre: 'The centre “{0}” is unknown. Check the page address.', soundBlocked: 'Sound is blocked — click here to enable it',
    phoneLink: 'or open: {0}', phoneLinkOnly: 'Follow the queue on your phone: {0}', loginMissing: 'Enter the username and the password.',
    required: 'This field is required.', contact: 'Give a phone number or an e-mail so we can answer.',
    badPhone: 'This is not a phone number (e.g. 069 123 4567).', badEmail: 'This is not an e-mail address (e.g. name@example.al).',
    badCustomer: 'The customer code has only digits and letters.', shortDescription: 'Say in at least 10 characters what happened.',
    tooLong: 'The text is too long.', badValue: 'This value is not accepted.',
  },
};

let lang = localStorage.getItem('sportel.lang') || 'sq';

function t(key, ...args) {
  let s = (STRINGS[lang] && STRINGS[lang][key]) || STRINGS.sq[key] || key;
  args.forEach((a, i) => { s = s.replace('{' + i + '}', a); });
  return s;
}

function setLang(l) {
  lang = l;
  localStorage.setItem('sportel.lang', l);
  document.documentElement.lang = l;
  document.querySelectorAll('[data-t]').forEach(el => { el.textContent = t(el.dataset.t); });
}

// Albanian dates whatever the browser's language: 25.11.2026 18:47, in the centres' time zone.
const TIRANE_PARTS = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Tirane', day: '2-digit', month: '2-digit',
  year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

function dateTimeOf(iso) {
  const p = Object.fromEntries(TIRANE_PARTS.formatToParts(new Date(iso)).map(x => [x.type, x.value]));
  return p.day + '.' + p.month + '.' + p.year + ' ' + p.hour + ':' + p.minute;
}

function langButton() {
  const b = document.getElementById('langButton');
  if (b) { b.textContent = lang === 'sq' ? 'English' : 'Shqip'; }
}

function timeOf(iso) {
  return dateTimeOf(iso).slice(11);
}

// A live stream that survives server restarts: EventSource retries by itself on a dropped
// connection but gives up after an error answer, so then we start a new one after a pause.
// maxRetryMs (optional): a stream refused again and again (429 past the per-address limit) waits
// twice as long each time, up to that, instead of asking every few seconds.
function liveStream(url, lastId, onEvent, onState, maxRetryMs) {
  let source = null;
  let last = lastId;
  let refusals = 0;
  function open() {
    source = new EventSource(url + (url.includes('?') ? '&' : '?') + 'lastEventId=' + last);
    source.onopen = () => { refusals = 0; onState(true); };
    source.onerror = () => {
      onState(false);
      if (source.readyState === EventSource.CLOSED) {
        const pause = Math.min(2000 * Math.pow(2, refusals), Math.max(2000, maxRetryMs || 0));
        refusals++;
        setTimeout(open, pause + Math.random() * pause);
      }
    };
    const handler = e => { if (e.lastEventId) { last = Number(e.lastEventId); } onEvent(e.type, JSON.parse(e.data)); };
    ['ticket.issued', 'ticket.called', 'ticket.recalled', 'ticket.started', 'ticket.finished', 'ticket.no_show',
      'ticket.returned', 'ticket.transferred', 'ticket.cancelled', 'ticket.reactivated', 'ticket.checked_in', 'counter.updated', 'snapshot.required']
      .forEach(type => source.addEventListener(type, handler));
  }
  open();
  return { resumeFrom(id) { last = id; } };
}
