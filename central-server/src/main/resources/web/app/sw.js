// The phone app's service worker: keeps the shell and the feature modules so that the app opens without a
// network (app.js then says it is offline). Pages and files: the network first while it answers within a
// few seconds, so a new version shows at once; the cached copy otherwise. The API is never cached.
const CACHE = 'sportel-app-v2';
const ASSETS = [
  '/app',
  '/app/app.js',
  '/app/app.css',
  '/app/pay.css',
  '/app/manifest.webmanifest',
  '/app/icon.svg',
  '/app/icon-192.png',
  '/web/sportel.css',
  '/web/i18n.js',
  '/web/a11y.js',
  '/web/submission.js',
  '/app/js/account.js',
  '/app/js/cases.js',
  '/app/js/pay.js',
  '/app/js/queue.js',
  '/app/js/book.js',
  '/app/book.css',
];

self.addEventListener('install', event => {
  event.waitUntil(caches.open(CACHE).then(c => c.addAll(ASSETS.map(a => new Request(a, { cache: 'reload' }))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k.startsWith('sportel-app-') && k !== CACHE).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

// The app is one page whose screen is in the hash (which never reaches us): /app and /app/ are that page.
// Other pages that happen to live under /app (a payment provider's return page…) are left to the network.
const SHELL = ['/app', '/app/'];

function shellKey(request) {
  const url = new URL(request.url);
  return request.mode === 'navigate' ? '/app' : url.pathname;
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  const key = shellKey(request);
  const network = fetch(request).then(fresh => {
    if (fresh.ok) { cache.put(key, fresh.clone()); }
    return fresh;
  });
  try {
    return await Promise.race([network, new Promise((resolve, reject) => setTimeout(() => reject(new Error('slow')), 4000))]);
  } catch (e) {
    const cached = await cache.match(key);
    return cached || network;
  }
}

self.addEventListener('fetch', event => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) { return; }
  const shell = event.request.mode === 'navigate' ? SHELL.includes(url.pathname) : ASSETS.includes(url.pathname);
  if (!shell || url.pathname.startsWith('/api/')) { return; }
  event.respondWith(networkFirst(event.request));
});
