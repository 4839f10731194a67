// Caches the app shell only (style, script, icons, manifest). Pages and everything under /api are always fetched from
// the network: lead data, scores and prices must never be served stale from a phone's cache.
const SHELL = 'jorge-shell-v1';
const SHELL_FILES = ['/dashboard/assets/site.css', '/dashboard/assets/site.js', '/dashboard/manifest.webmanifest',
  '/dashboard/icon-192.png', '/dashboard/icon-512.png'];

self.addEventListener('install', event => {
  event.waitUntil(caches.open(SHELL).then(cache => cache.addAll(SHELL_FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k !== SHELL).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || !SHELL_FILES.includes(url.pathname)) {
    return; // the browser fetches it from the network as usual
  }
  event.respondWith(caches.match(event.request).then(hit => hit || fetch(event.request)));
});
