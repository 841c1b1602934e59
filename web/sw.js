// The service worker: one versioned cache holding every file the app ships, so the app
// opens with the network off (a cold reload included). precache.js is written at build
// time (web/assemble.cmake) with the version and the file list.
//
// A new version installs in the background and then waits. The page announces it, and
// only when the person presses "Update" does the page send SKIP_WAITING; this worker
// never calls skipWaiting() on its own, so a page is never swapped under the person.
/* global TWITCHCHECK_PRECACHE */
importScripts('precache.js');

const { version, files } = self.TWITCHCHECK_PRECACHE;
const CACHE = `twitchcheck-${version}`;
const PREFIX = 'twitchcheck-';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // "reload" skips the HTTP cache, so a new version never caches an old file.
      cache.addAll(files.map((file) => new Request(file, { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    // The first install takes the open page at once (nothing to replace); after an
    // accepted update the page reloads on controllerchange.
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
  if (event.data && event.data.type === 'VERSION') event.source?.postMessage({ type: 'VERSION', version });
  // After "delete everything" emptied Cache Storage: the app's files again, so it still
  // opens offline (they hold nothing the person typed).
  if (event.data && event.data.type === 'PRECACHE') {
    event.waitUntil(caches.open(CACHE)
      .then((cache) => cache.addAll(files.map((file) => new Request(file, { cache: 'reload' }))))
      .catch(() => {}));
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // A page address with a query string (e.g. ?theme=dark) is the same cached page.
    const cached = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
    if (cached) return cached;
    return fetch(request);
  })());
});
