// The public tracking page: a code typed in, or taken from /track/{code}, shows the case's status and history.
Object.assign(STRINGS.sq, { trackTitle: 'Ndiqni ankesën ose aplikimin', trackButton: 'Kërko', notFound: 'Nuk u gjet asnjë kërkesë me këtë kod.',
  codeLabel: 'Kodi i ndjekjes', enterCode: 'Shkruani kodin që morët kur e paraqitët kërkesën (p.sh. ANK-2026-7KQ9XM).',
  overdue: 'Afati i përgjigjes ka kaluar; po e përshpejtojmë.', RECEIVED: 'E marrë', IN_REVIEW: 'Në shqyrtim', RESOLVED: 'E zgjidhur',
  REJECTED: 'E refuzuar', APPROVED: 'E miratuar', trackTooMany: 'Shumë kërkime në pak kohë. Prisni një minutë dhe provoni përsëri.',
  trackUnavailable: 'Kërkimi nuk mund të bëhet tani. Provoni përsëri pas pak.' });
Object.assign(STRINGS.en, { trackTitle: 'Track a complaint or application', trackButton: 'Look up', notFound: 'No case with this code.',
  codeLabel: 'Tracking code', enterCode: 'Enter the code you received when you filed it (e.g. ANK-2026-7KQ9XM).',
  overdue: 'The answer is overdue; we are speeding it up.', RECEIVED: 'Received', IN_REVIEW: 'In review', RESOLVED: 'Resolved',
  REJECTED: 'Rejected', APPROVED: 'Approved', trackTooMany: 'Too many look-ups in a short time. Wait a minute and try again.',
  trackUnavailable: 'The look-up cannot be done right now. Please try again in a little while.' });
let last = null;

function render(c) {
  last = c;
  document.getElementById('result').classList.remove('hidden');
  document.getElementById('caseCategory').textContent = c.trackingCode + ' · ' + (lang === 'en' ? c.categoryNameEn : c.categoryName);
  document.getElementById('caseStatus').textContent = t(c.status);
  document.getElementById('caseOverdue').classList.toggle('hidden', !c.overdue);
  const ol = document.getElementById('caseHistory');
  ol.innerHTML = '';
  c.history.forEach(h => {
    const li = document.createElement('li');
    const when = document.createElement('time');
    when.className = 'when';
    when.dateTime = h.at;
    when.textContent = dateTimeOf(h.at);
    li.appendChild(when);
    li.appendChild(document.createTextNode(' — ' + t(h.status) + (h.note ? ': ' + h.note : '')));
    ol.appendChild(li);
  });
}

async function lookup(raw) {
  const code = raw.trim().toUpperCase();
  const error = document.getElementById('trackError');
  const input = document.getElementById('trackCode');
  error.textContent = '';
  input.removeAttribute('aria-invalid');
  if (!code) {
    // nothing to search for: ask for the code instead of asking the server about an empty one
    document.getElementById('result').classList.add('hidden');
    error.textContent = t('enterCode');
    input.setAttribute('aria-invalid', 'true');
    input.focus();
    return;
  }
  // only a 404 means the code matches no case: a limit reached, a server or network failure is ours to say
  let c = null;
  let problem = 'trackUnavailable';
  try {
    const r = await fetch('/api/v1/public/track/' + encodeURIComponent(code));
    if (r.ok) { c = await r.json(); } else if (r.status === 404) { problem = 'notFound'; } else if (r.status === 429) { problem = 'trackTooMany'; }
  } catch (err) {
    problem = 'trackUnavailable'; // offline, or an answer that was not the case's JSON
  }
  if (!c) { document.getElementById('result').classList.add('hidden'); error.textContent = t(problem); return; }
  render(c);
  history.replaceState(null, '', '/track/' + encodeURIComponent(code));
}

document.getElementById('trackForm').addEventListener('submit', e => { e.preventDefault(); lookup(document.getElementById('trackCode').value); });
document.getElementById('langButton').addEventListener('click', () => {
  setLang(lang === 'sq' ? 'en' : 'sq');
  langButton();
  if (last) { render(last); }
});
setLang(new URLSearchParams(location.search).get('lang') || lang);
langButton();
const fromPath = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] || '');
if (fromPath) { document.getElementById('trackCode').value = fromPath; lookup(fromPath); }
