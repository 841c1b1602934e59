// JournalStore's texts kept aside (never the journal itself), the app's metadata (start
// date, last backup, persistence), and how much this site stores.

import { request, transactionDone } from './database.js';
import { DOC_PREFIX, ASIDE_PREFIX } from './legacy.js';

export class Kept {
  // → Promise of [{key, text}]: texts kept aside (never the journal itself).
  async keptCopies() {
    if (this.backend === 'indexedDB' && this.db) {
      const tx = this.db.transaction('aside', 'readonly');
      const items = await request(tx.objectStore('aside').getAll());
      return items.map((item) => ({ key: item.seq, text: item.text }));
    }
    if (this.backend === 'localStorage') return this.legacy.asideCopies();
    return [];
  }

  async dropKeptCopy(key) {
    if (this.backend === 'indexedDB' && this.db) {
      const tx = this.db.transaction('aside', 'readwrite');
      tx.objectStore('aside').delete(key);
      await transactionDone(tx);
    } else if (this.backend === 'localStorage' && typeof key === 'string' && key.startsWith(ASIDE_PREFIX)) {
      const storage = this.legacy.storage;
      if (key.endsWith('.ref')) {
        const target = storage.getItem(key);
        if (target && target.startsWith(DOC_PREFIX)) storage.removeItem(target);
      }
      storage.removeItem(key);
    }
    this.emit();
  }

  async putAside(item) {
    const tx = this.db.transaction('aside', 'readwrite');
    tx.objectStore('aside').put(item);
    return transactionDone(tx);
  }

  async putMeta(key, value) {
    try {
      const tx = this.db.transaction('meta', 'readwrite', { durability: 'strict' });
      tx.objectStore('meta').put(value, key);
      return await transactionDone(tx);
    } catch {
      return { ok: false };
    }
  }

  // App metadata: read, merged and written in one transaction, so two tabs keep both.
  async writeMeta(patch) {
    this.meta = { ...this.meta, ...patch };
    if (this.backend === 'indexedDB' && this.db) {
      try {
        const tx = this.db.transaction('meta', 'readwrite');
        const meta = tx.objectStore('meta');
        const stored = await request(meta.get('app'));
        meta.put({ ...(stored ?? {}), ...patch }, 'app');
        await transactionDone(tx);
      } catch {
        /* metadata is a convenience; the journal is what matters */
      }
      this.tell({ meta: patch });
    } else if (this.backend === 'localStorage' && this.state !== 'memory') {
      this.legacy.writeMeta(this.meta);
    }
  }

  // A backup was downloaded: the reminder waits, and layout 1's old copy (kept since the
  // move) is not needed any more.
  markBackedUp() {
    const done = this.writeMeta({ lastBackup: this.now().toISOString() });
    if (this.oldText) this.removeOldCopy();
    this.emit();
    return done;
  }

  // → Promise of {bytes, quota}: what this site stores, as the browser counts it.
  async usage() {
    if (this.backend === 'localStorage') return { bytes: this.legacy.usage(), quota: 10 * 1024 * 1024 };
    const storage = this.win.navigator?.storage;
    if (this.backend !== 'indexedDB' || !storage?.estimate) return { bytes: 0, quota: 0 };
    try {
      const { usage, quota } = await storage.estimate();
      return { bytes: usage ?? 0, quota: quota ?? 0 };
    } catch {
      return { bytes: 0, quota: 0 };
    }
  }
}
