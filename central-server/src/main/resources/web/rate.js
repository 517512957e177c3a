// The tablet beside a counter (/rate/{counterId}): asks the customer who was just served for 1–5 and a comment.
const RATE_STRINGS = {
  sq: { question: 'Si ju shërbyem?', comment: 'Koment (jo i detyrueshëm)', send: 'Dërgo', thanks: 'Faleminderit për vlerësimin!',
        idle: 'Mirë se vini', counter: 'Sporteli {0}', failed: 'Vlerësimi nuk u dërgua. Provoni përsëri.' },
  en: { question: 'How did we serve you?', comment: 'Comment (optional)', send: 'Send', thanks: 'Thank you for your rating!',
        idle: 'Welcome', counter: 'Counter {0}', failed: 'The rating was not sent. Please try again.' },
};
let rateLang = localStorage.getItem('sportel.lang') || 'sq';
const counterId = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] || '');
let ratingPrompt = null;
let score = null;

function rt(key, arg) {
  return (RATE_STRINGS[rateLang][key] || key).replace('{0}', arg);
}

function render() {
  document.getElementById('question').textContent = ratingPrompt && ratingPrompt.ticketNumber ? rt('question') : rt('idle');
  document.getElementById('comment').placeholder = rt('comment');
  document.getElementById('send').textContent = rt('send');
  document.getElementById('thanks').textContent = rt('thanks');
  document.getElementById('langButton').textContent = rateLang === 'sq' ? 'English' : 'Shqip';
  if (!ratingPrompt) { return; }
  document.getElementById('title').textContent = ratingPrompt.branchName + ' — ' + rt('counter', ratingPrompt.counterNumber);
  document.getElementById('number').textContent = ratingPrompt.ticketNumber || '';
  const asking = !!ratingPrompt.ticketNumber;
  document.getElementById('scores').classList.toggle('hidden', !asking);
  document.getElementById('comment').classList.toggle('hidden', !asking);
  document.getElementById('send').classList.toggle('hidden', !asking);
  document.getElementById('send').disabled = score === null;
  document.querySelectorAll('#scores button').forEach(b => b.classList.toggle('chosen', Number(b.dataset.score) === score));
}

async function refresh() {
  const r = await fetch('/api/v1/public/counters/' + encodeURIComponent(counterId) + '/rating');
  if (!r.ok) { return; }
  const next = await r.json();
  if (!ratingPrompt || next.ticketNumber !== ratingPrompt.ticketNumber) {
    score = null;
    document.getElementById('comment').value = '';
  }
  ratingPrompt = next;
  render();
}

async function send() {
  const body = { ticketNumber: ratingPrompt.ticketNumber, score: score };
  const comment = document.getElementById('comment').value.trim();
  if (comment) { body.comment = comment; }
  const r = await fetch('/api/v1/public/counters/' + encodeURIComponent(counterId) + '/rating', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const thanks = document.getElementById('thanks');
  thanks.textContent = r.status === 201 ? rt('thanks') : rt('failed');
  thanks.classList.remove('hidden');
  setTimeout(() => thanks.classList.add('hidden'), 4000);
  await refresh();
}

document.querySelectorAll('#scores button').forEach(b => b.addEventListener('click', () => { score = Number(b.dataset.score); render(); }));
document.getElementById('send').addEventListener('click', () => send().catch(() => {}));
document.getElementById('langButton').addEventListener('click', () => {
  rateLang = rateLang === 'sq' ? 'en' : 'sq';
  localStorage.setItem('sportel.lang', rateLang);
  render();
});
render();
refresh().catch(() => {});
setInterval(() => refresh().catch(() => {}), 3000);
