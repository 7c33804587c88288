// Service worker: caches ONLY the app shell (these files and the entry-point config) so the app
// opens when the current node is down. It never touches /api, /health or anything else: patient
// data is never cached on the phone by the service worker.
const VERSION = 'prontuario-shell-v5';
const SHELL = ['./', 'index.html', 'app.css', 'manifest.webmanifest', 'icons/icon.svg', 'icons/icon-180.png',
  'icons/icon-192.png', 'icons/icon-512.png', 'js/main.js', 'js/api.js', 'js/config.js', 'js/dom.js',
  'js/features.js', 'js/icons.js', 'js/messages.js', 'js/outbox.js', 'js/photo.js', 'js/records.js', 'js/session.js', 'js/wav.js',
  'js/screens/login.js', 'js/screens/search.js', 'js/screens/chart.js', 'js/screens/notes.js',
  'js/screens/entries.js', 'js/screens/dictation.js', 'js/screens/chat.js', 'js/screens/settings.js'];
const CONFIG = 'app/config.json';

self.addEventListener('install', event => {
  event.waitUntil(caches.open(VERSION).then(cache => cache.addAll([...SHELL, CONFIG])).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k !== VERSION).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

const scope = new URL(self.registration.scope);
const shellPaths = new Set(SHELL.map(p => new URL(p, scope).pathname));
const configPath = new URL(CONFIG, scope).pathname;

/**
 * The network, or a failure after 4 s: a frozen node must not hang the app's opening. A 5xx
 * counts as a failure too: with both nodes down the entry point itself answers 503, and the
 * clinician must get the cached app (which then finds another entry or the cloud), not that page.
 */
function network(request) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 4000);
  return fetch(request, {signal: controller.signal}).finally(() => clearTimeout(timer))
    .then(response => {
      if (response.status >= 500) throw new Error(`entry answered ${response.status}`);
      return response;
    });
}

/** The cached copy; the network's answer only when nothing is cached yet (first visit). */
function cachedOr(request, key) {
  return caches.match(key, {ignoreSearch: true}).then(hit => hit || fetch(request));
}

self.addEventListener('fetch', event => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== scope.origin) return;
  if (url.pathname === configPath) {
    // network first: a changed list of entry points wins; the copy serves when offline
    event.respondWith(network(event.request).then(response => {
      if (response.ok) {
        const copy = response.clone();
        caches.open(VERSION).then(c => c.put(CONFIG, copy));
      }
      return response;
    }).catch(() => cachedOr(event.request, CONFIG)));
    return;
  }
  if (!shellPaths.has(url.pathname)) return; // /api and everything else: straight to the network
  // shell: network first so a new version is picked up, the cached copy when unreachable
  event.respondWith(network(event.request).then(response => {
    if (response.ok) {
      const copy = response.clone();
      caches.open(VERSION).then(c => c.put(event.request, copy));
    }
    return response;
  }).catch(() => cachedOr(event.request, event.request)));
});
