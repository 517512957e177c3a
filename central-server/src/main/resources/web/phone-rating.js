// The phone view's rating (issue 20): once its ticket is served, 1–5 and an optional comment, asked once.
// The server keeps one rating per ticket; this phone remembers it sent one, and a second attempt from
// anywhere (another tab, the counter tablet) gets a clear "already rated".
Object.assign(STRINGS.sq, { ratingQuestion: 'Si ju shërbyem? Zgjidhni nga 1 (keq) deri në 5 (shumë mirë)',
  ratingComment: 'Koment (jo i detyrueshëm)', ratingSend: 'Dërgo vlerësimin', ratingThanks: 'Faleminderit për vlerësimin!',
  ratingChoose: 'Zgjidhni një vlerësim nga 1 deri në 5.', ratingAlready: 'Kjo biletë është vlerësuar tashmë. Çdo biletë vlerësohet një herë.',
  ratingFailed: 'Vlerësimi nuk u dërgua. Provoni përsëri.', ratingTooMany: 'Shumë vlerësime nga kjo adresë. Provoni më vonë.',
  score1: '1 — keq', score2: '2 — jo mirë', score3: '3 — mesatar', score4: '4 — mirë', score5: '5 — shumë mirë' });
Object.assign(STRINGS.en, { ratingQuestion: 'How did we serve you? Choose from 1 (poor) to 5 (very good)',
  ratingComment: 'Comment (optional)', ratingSend: 'Send the rating', ratingThanks: 'Thank you for your rating!',
  ratingChoose: 'Choose a rating from 1 to 5.', ratingAlready: 'This ticket has already been rated. Each ticket is rated once.',
  ratingFailed: 'The rating was not sent. Please try again.', ratingTooMany: 'Too many ratings from this address. Please try later.',
  score1: '1 — poor', score2: '2 — not good', score3: '3 — fair', score4: '4 — good', score5: '5 — very good' });

const ratedKey = 'sportel.rated.' + ticketId;
let ratingMessageKey = null;

function ratingMessage(key) {
  ratingMessageKey = key;
  document.getElementById('ratingMessage').textContent = key ? t(key) : '';
}

// Called by phone.js on every render of the ticket.
function offerRating(tk) {
  const form = document.getElementById('rating');
  const ask = tk.status === 'DONE' && !localStorage.getItem(ratedKey);
  form.classList.toggle('hidden', !ask);
  if (ratingMessageKey) { ratingMessage(ratingMessageKey); } // the language may have changed
}

async function sendRating(e) {
  e.preventDefault();
  const chosen = document.querySelector('#rating input[name=score]:checked');
  if (!chosen) { ratingMessage('ratingChoose'); document.getElementById('score-1').focus(); return; }
  const body = { score: Number(chosen.value) };
  const comment = document.getElementById('ratingComment').value.trim();
  if (comment) { body.comment = comment; }
  const send = document.getElementById('ratingSend');
  send.disabled = true;
  try {
    const r = await fetch('/api/v1/public/tickets/' + encodeURIComponent(ticketId) + '/rating', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const problem = r.ok ? null : await r.json().catch(() => ({}));
    if (r.status === 201 || (r.status === 409 && String(problem.type || '').endsWith('already-rated'))) {
      localStorage.setItem(ratedKey, '1');
      document.getElementById('rating').classList.add('hidden');
      ratingMessage(r.status === 201 ? 'ratingThanks' : 'ratingAlready');
    } else {
      ratingMessage(r.status === 429 ? 'ratingTooMany' : 'ratingFailed');
    }
  } catch (err) {
    ratingMessage('ratingFailed');
  } finally {
    send.disabled = false;
  }
}

document.getElementById('rating').addEventListener('submit', e => sendRating(e));
setLang(lang);
