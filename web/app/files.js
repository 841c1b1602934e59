// Files the person downloads (backup, spreadsheet, report) are made here, in the page:
// a Blob and an a[download], nothing sent anywhere.
import { h } from './dom.js';

export function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

export function downloadBackup(store, date) {
  download(`twitchcheck-backup-${date}.json`, store.text(), 'application/json');
  store.markBackedUp();
}
