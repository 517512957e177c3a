// The kiosk's on-screen keys: a kiosk has a touch screen and no keyboard. Each field says which keys it
// needs (data-keys="digits", "amount", "code" or "text"); the keys under the form type into the field
// that last had focus. The fields keep inputmode="none" so the system keyboard does not cover them,
// and a physical keyboard still works for those who bring one (accessibility).
const KEY_ROWS = {
  digits: ['1 2 3', '4 5 6', '7 8 9', '⌫ 0 ✕'],
  amount: ['1 2 3', '4 5 6', '7 8 9', ', 0 ⌫', '✕'],
  code: ['1 2 3 4 5 6 7 8 9 0 -', 'Q W E R T Y U P', 'A S D F G H J K L', 'Z X C V B N M ⌫ ✕'],
  text: ['1 2 3 4 5 6 7 8 9 0', 'q w e r t y u i o p ë', 'a s d f g h j k l ç', 'z x c v b n m , . @ ⌫', '⇧ ␣ ✕'],
};

function attachKeys(form, panel) {
  let target = null;
  let upper = false;
  const fields = Array.from(form.querySelectorAll('[data-keys]'));

  function render() {
    panel.innerHTML = '';
    if (!target) { return; }
    KEY_ROWS[target.dataset.keys].forEach(row => {
      const line = document.createElement('div');
      line.className = 'key-row';
      row.split(' ').forEach(k => {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'key' + (k === '␣' ? ' space' : '');
        const typed = upper && k.length === 1 ? k.toUpperCase() : k;
        b.dataset.key = typed;
        b.textContent = typed;
        b.setAttribute('aria-label', { '⌫': t('keyBack'), '✕': t('keyClear'), '⇧': t('keyShift'), '␣': t('keySpace') }[k] || b.textContent);
        // keep the focus in the field: a tap on a key must not take it away
        b.addEventListener('mousedown', e => e.preventDefault());
        b.addEventListener('click', () => press(typed));
        line.appendChild(b);
      });
      panel.appendChild(line);
    });
  }

  function press(k) {
    if (!target) { return; }
    if (k === '⇧') { upper = !upper; render(); return; }
    let v = target.value;
    if (k === '⌫') { v = v.slice(0, -1); } else if (k === '✕') { v = ''; } else if (k === '␣') { v += ' '; } else { v += k; }
    const max = Number(target.getAttribute('maxlength')) || 4000;
    target.value = v.slice(0, max);
    target.dispatchEvent(new Event('input', { bubbles: true }));
    if (upper && k !== '⇧') { upper = false; render(); }
  }

  fields.forEach(f => {
    f.setAttribute('inputmode', 'none');
    f.addEventListener('focus', () => { if (target !== f) { target = f; upper = f.dataset.keys === 'text' && !f.value; render(); } });
  });
  return { focusFirst() { if (fields.length) { fields[0].focus(); } }, clear() { target = null; render(); } };
}
