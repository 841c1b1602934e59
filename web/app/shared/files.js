// Files the person downloads (backup, spreadsheet, report) are made here, in the page:
// a Blob and an a[download], nothing sent anywhere.
import { h } from './dom.js';
import { format } from './messages.js';
import { journalMessages as jm } from './messages-journal.js';

export function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

// The backup holds every stored record as it is. A journal with a record this version
// cannot read is written as stored (that record too) and not counted as backed up, so the
// reminder stays; when nothing can be read, nothing is downloaded.
// → null | {unreadable: {path, message}} | {none: true}: what the page should tell.
export function downloadBackup(store, date) {
  const backup = store.backup();
  if (backup.text === null) return { none: true };
  if (backup.complete) {
    download(`twitchcheck-backup-${date}.json`, backup.text, 'application/json');
    store.markBackedUp();
    return null;
  }
  download(`twitchcheck-backup-${date}-as-stored.json`, backup.text, 'application/json');
  return { unreadable: backup.unreadable };
}

// downloadBackup's outcome in words, for a status line ('' when all went as usual).
export function backupWords(outcome) {
  if (!outcome) return '';
  return outcome.none ? jm.store.backupNone : format(jm.store.backupUnreadable, outcome.unreadable);
}
