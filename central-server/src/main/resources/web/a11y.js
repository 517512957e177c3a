// The high-contrast and large-text switches in every page's header, remembered per device. They change
// classes on <html> only; sportel.css says what each means.
Object.assign(STRINGS.sq, { contrast: 'Kontrast i lartë', largeText: 'Shkronja të mëdha' });
Object.assign(STRINGS.en, { contrast: 'High contrast', largeText: 'Large text' });

(function () {
  const saved = JSON.parse(localStorage.getItem('sportel.a11y') || '{}');
  const header = document.querySelector('header');
  if (!header) { return; }
  const box = document.createElement('div');
  box.className = 'a11y';
  [['contrast', 'contrast', '◐'], ['large', 'largeText', 'A+']].forEach(([cls, key, mark]) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'a11y-switch';
    b.id = 'switch-' + cls;
    b.dataset.t = key;
    b.dataset.mark = mark;
    const apply = on => {
      document.documentElement.classList.toggle(cls, on);
      b.setAttribute('aria-pressed', on ? 'true' : 'false');
    };
    apply(!!saved[cls]);
    b.addEventListener('click', () => {
      saved[cls] = !saved[cls];
      localStorage.setItem('sportel.a11y', JSON.stringify(saved));
      apply(saved[cls]);
    });
    box.appendChild(b);
  });
  const lang = document.getElementById('langButton');
  if (lang) { header.insertBefore(box, lang); } else { header.appendChild(box); }
  box.querySelectorAll('[data-t]').forEach(el => { el.textContent = t(el.dataset.t); });
})();
