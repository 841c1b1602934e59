// Offline and updates: registers the service worker (sw.js) and, when a new version has
// installed and is waiting, says so with an "Update now" button. Only that click sends
// SKIP_WAITING; the page reloads once the new worker has taken over. updateViaCache
// 'none': each check fetches sw.js and precache.js past the HTTP cache, so a host's
// cache headers cannot hide a new version.
import { h } from './dom.js';
import { journalMessages as jm } from './messages-journal.js';

export function watchForUpdates(swUrl = new URL('../sw.js', import.meta.url)) {
  if (!('serviceWorker' in navigator)) return;
  let accepted = false;

  const announce = (worker) => {
    if (document.querySelector('.tc-update')) return;
    const button = h('button', { type: 'button', class: 'tc-primary', onclick: () => {
      accepted = true;
      button.disabled = true;
      worker.postMessage({ type: 'SKIP_WAITING' });
    } }, jm.update.button);
    const bar = h('div', { class: 'tc-update', role: 'status' }, h('p', null, jm.update.ready), button);
    document.querySelector('header')?.after(bar) ?? document.body.prepend(bar);
  };

  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (accepted) location.reload();
  });

  navigator.serviceWorker.register(swUrl, { scope: './', updateViaCache: 'none' }).then((registration) => {
    const watch = (worker) => {
      worker.addEventListener('statechange', () => {
        // "installed" with a controller in place: a new version waits for the person.
        if (worker.state === 'installed' && navigator.serviceWorker.controller) announce(worker);
      });
    };
    if (registration.waiting && navigator.serviceWorker.controller) announce(registration.waiting);
    if (registration.installing) watch(registration.installing);
    registration.addEventListener('updatefound', () => watch(registration.installing));
    // A tab left open for days still learns about new versions.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') registration.update().catch(() => {});
    });
  }, () => {
    /* without a service worker the app still works online */
  });
}
