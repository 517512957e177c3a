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
  // what was last shown (thanks or "not sent"), in the language now chosen; a redraw never turns a failure into thanks
  document.getElementById('thanks').textContent = rt(showThanks.key || 'thanks');
  document.getElementById('langButton').textContent = rateLang === 'sq' ? 'English' : 'Shqip';
  if (!ratingPrompt) { return; }
  document.getElementById('title').textContent = ratingPrompt.branchName + ' — ' + rt('counter', ratingPrompt.counterNumber);
  document.getElementById('number').textContent = ratingPrompt.ticketNumber || '';
  const asking = !!ratingPrompt.ticketNumber;
  document.getElementById('scores').classList.toggle('hidden', !asking);
  document.getElementById('comment').classList.toggle('hidden', !asking);
  document.getElementById('send').classList.toggle('hidden', !asking);
  document.getElementById('send').disabled = score === null || sending;
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

// Send is held while the request is out, and a 409 for the ticket this tablet has just rated (a double tap
// that got through, a retried request) is not a failure: the first answer's "thank you" stands.
let sending = false;
let ratedTicket = null;

function showThanks(key) {
  const thanks = document.getElementById('thanks');
  showThanks.key = key;
  thanks.textContent = rt(key);
  thanks.classList.remove('hidden');
  clearTimeout(showThanks.timer);
  showThanks.timer = setTimeout(() => thanks.classList.add('hidden'), 4000);
}

async function send() {
  if (sending || !ratingPrompt || !ratingPrompt.ticketNumber || score === null) { return; }
  const ticketNumber = ratingPrompt.ticketNumber;
  const body = { ticketNumber: ticketNumber, score: score };
  const comment = document.getElementById('comment').value.trim();
  if (comment) { body.comment = comment; }
  sending = true;
  render();
  try {
    const r = await fetch('/api/v1/public/counters/' + encodeURIComponent(counterId) + '/rating', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (r.status === 201) {
      ratedTicket = ticketNumber;
      showThanks('thanks');
    } else if (!(r.status === 409 && ratedTicket === ticketNumber)) {
      showThanks('failed');
    }
  } catch (e) {
    showThanks('failed');
  } finally {
    sending = false;
  }
  await refresh();
}

document.querySelectorAll('#scores button').forEach(b => b.addEventListener('click', () => { score = Number(b.dataset.score); render(); }));
document.getElementById('send').addEventListener('click', () => send().catch(() => { render(); }));
document.getElementById('langButton').addEventListener('click', () => {
  rateLang = rateLang === 'sq' ? 'en' : 'sq';
  localStorage.setItem('sportel.lang', rateLang);
  render();
});
render();
refresh().catch(() => {});
setInterval(() => refresh().catch(() => {}), 3000);
