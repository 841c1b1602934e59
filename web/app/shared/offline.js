// Offline and updates: registers the service worker (sw.js) and, when a new version has
// installed and is waiting, says so with an "Update now" button. Only that click sends
// SKIP_WAITING; the page reloads once the new worker has taken over. updateViaCache
// 'none': each check fetches sw.js and precache.js past the HTTP cache, so a host's
// cache headers cannot hide a new version.
import { h } from './dom.js';

// The notices' words are the journal's (lang/<tag>/journal.json), fetched when a notice
// is due; a page that never sees one never fetches them for it.
const words = () => import('./messages-journal.js').then((module) => module.journalMessages);

export function watchForUpdates(swUrl = new URL('../../sw.js', import.meta.url)) {
  if (!('serviceWorker' in navigator)) return;
  let accepted = false;

  const show = (text, label, onclick) => {
    document.querySelector('.tc-update')?.remove();
    const button = h('button', { type: 'button', class: 'tc-primary', onclick: () => {
      button.disabled = true;
      onclick();
    } }, label);
    const bar = h('div', { class: 'tc-update', role: 'status' }, h('p', null, text), button);
    const header = document.querySelector('header');
    if (header) header.after(bar);
    else document.body.prepend(bar);
    return bar;
  };
  const announce = async (worker) => {
    const jm = await words();
    if (worker.state !== 'installed') return; // no longer waiting while the words came
    const bar = show(jm.update.ready, jm.update.button, () => {
      accepted = true;
      worker.postMessage({ type: 'SKIP_WAITING' });
    });
    // Once that version no longer waits (it took over, or a newer one replaced it), its
    // notice goes. (WebKit once showed a page reloaded into the new version a worker
    // still "waiting" for a moment: the notice must not outlive that moment.)
    worker.addEventListener('statechange', () => {
      if (worker.state !== 'installed') bar.remove();
    });
  };

  const hadController = !!navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (accepted) location.reload();
    // Accepted in another tab: this page's code is the old version; a reload finishes it.
    else if (hadController) words().then((jm) => show(jm.update.elsewhere, jm.update.reload, () => location.reload()));
  });

  navigator.serviceWorker.register(swUrl, { scope: './', updateViaCache: 'none' }).then((registration) => {
    if (!registration) return; // registration blocked (a browser setting or test harness)
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
