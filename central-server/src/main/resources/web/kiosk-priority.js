// The kiosk's priority step (issue 20): after the service, big buttons "no priority" and one per active
// priority category of the server (elderly, disability, pregnancy, others an admin adds); the chosen
// category travels with the ticket and is printed on it.
Object.assign(STRINGS.sq, { priorityTitle: 'Keni përparësi?', priorityNone: 'Pa përparësi', priorityBack: '← Shërbimet',
  priorityNoneNote: 'Prisni radhën tuaj', priorityNote: 'Kaloni përpara', priorityFor: 'Shërbimi: {0}',
  ticketPriority: 'Me përparësi: {0}', priorityLoadError: 'Kategoritë e përparësisë nuk u ngarkuan. Provoni përsëri.' });
Object.assign(STRINGS.en, { priorityTitle: 'Do you have priority?', priorityNone: 'No priority', priorityBack: '← Services',
  priorityNoneNote: 'Wait for your turn', priorityNote: 'Served first', priorityFor: 'Service: {0}',
  ticketPriority: 'Priority: {0}', priorityLoadError: 'The priority categories could not be loaded. Please try again.' });

let priorityCategories = [];
let priorityService = null;

function categoryName(code) {
  const c = priorityCategories.find(x => x.code === code);
  return c ? (lang === 'en' ? c.nameEn : c.name) : code;
}

function priorityButton(id, label, note, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'priority-choice';
  b.id = id;
  b.innerHTML = '<span class="name"></span><span class="note"></span>';
  b.querySelector('.name').textContent = label;
  b.querySelector('.note').textContent = note;
  b.addEventListener('click', onClick);
  return b;
}

function renderPriorities() {
  const box = document.getElementById('priorities');
  box.innerHTML = '';
  if (!priorityService) { return; }
  document.getElementById('priorityService').textContent = t('priorityFor', lang === 'en' ? priorityService.nameEn : priorityService.name);
  box.appendChild(priorityButton('priority-none', t('priorityNone'), t('priorityNoneNote'), () => issue(priorityService, null)));
  priorityCategories.forEach(c => box.appendChild(priorityButton('priority-' + c.code, lang === 'en' ? c.nameEn : c.name,
    t('priorityNote'), () => issue(priorityService, c.code))));
}

async function loadPriorityCategories() {
  const r = await api('/api/v1/priority-categories');
  if (!r.ok) { throw new Error('categories'); }
  const next = (await r.json()).filter(c => c.active !== false);
  const changed = JSON.stringify(next) !== JSON.stringify(priorityCategories);
  priorityCategories = next;
  return changed;
}

// Called by a service button of kiosk.js. The buttons are drawn once from the list kept since the last
// visit, and again only if the server's list changed: a button must not be replaced under a finger.
async function choosePriority(service) {
  priorityService = service;
  document.getElementById('priorityError').textContent = '';
  show('priorityView');
  const known = priorityCategories.length > 0;
  if (known) { renderPriorities(); document.getElementById('priority-none').focus(); }
  try {
    if (await loadPriorityCategories() || !known) { renderPriorities(); }
  } catch (e) {
    // without the list a citizen can still take an ordinary ticket
    if (!known) { renderPriorities(); }
    if (e.message !== 'login') { document.getElementById('priorityError').textContent = t('priorityLoadError'); }
  }
  if (!known) { document.getElementById('priority-none').focus(); }
}

// Called by kiosk.js once the ticket is issued: the category is printed on the ticket.
function showTicketPriority(code) {
  const line = document.getElementById('ticketPriority');
  line.textContent = code ? t('ticketPriority', categoryName(code)) : '';
  line.classList.toggle('hidden', !code);
}

// Back one step, to the services; it is a .back button, which elsewhere means home (kiosk-citizen.js).
document.getElementById('priorityBack').addEventListener('click', e => { e.stopImmediatePropagation(); show('serviceView'); });
document.getElementById('langButton').addEventListener('click', renderPriorities);
if (localStorage.getItem(tokenKey)) { loadPriorityCategories().catch(() => {}); } // ready before the first tap
setLang(lang);
