// The display's line for tickets taken from home that missed their turn before checking in (issue 19):
// their holders see that the ticket can still come back if they check in at the kiosk.
Object.assign(STRINGS.sq, { skippedRemote: 'Radha kaloi — bëni check-in në kioskë: {0}' });
Object.assign(STRINGS.en, { skippedRemote: 'Turn passed — check in at the kiosk: {0}' });

window.renderSkippedRemote = async function () {
  const code = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] || '');
  const r = await fetch('/api/v1/public/branches/' + encodeURIComponent(code) + '/skipped-remote');
  if (!r.ok) { return; }
  const numbers = await r.json();
  const p = document.getElementById('skippedRemote');
  p.textContent = numbers.length ? t('skippedRemote', numbers.join(', ')) : '';
  p.classList.toggle('hidden', numbers.length === 0);
};
