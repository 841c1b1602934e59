// The encrypted backup (web/app/sealed.js, docs/sealed-backup.md) under Node's WebCrypto:
// the round trip, a wrong passphrase, a flipped bit in every field, a cut-off file, a
// file from a newer version, and a file that shows none of the journal's words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { repoDir, sharedJsonFiles } from './module_support.mjs';

const sealed = await import(pathToFileURL(join(repoDir, 'web', 'app', 'sealed.js')).href);
// The page's English words for the journal screens, as the page fetches them.
const journalMessages = JSON.parse(readFileSync(join(repoDir, 'web', 'lang', 'en', 'journal.json'), 'utf8'));
const { format } = await import(pathToFileURL(join(repoDir, 'web', 'app', 'text.js')).href);
const { seal, open, isSealed, sealedVersion, SealedError, FORMAT, ITERATIONS } = sealed;

const example = sharedJsonFiles('journal-examples').find(({ name }) => name.startsWith('03-')).json;
const journalText = JSON.stringify(example.journal);
const PASS = 'correct horse battery staple';
const file = await seal(journalText, PASS);

async function refused(text, passphrase = PASS) {
  try {
    await open(text, passphrase);
  } catch (err) {
    assert.ok(err instanceof SealedError, `a SealedError, not ${err}`);
    return err;
  }
  assert.fail('the file opened');
}

const b64 = (bytes) => Buffer.from(bytes).toString('base64');
const flipBit = (base64, byte = 0, bit = 0) => {
  const bytes = Buffer.from(base64, 'base64');
  bytes[byte] ^= 1 << bit;
  return b64(bytes);
};
const withDoc = (change) => {
  const doc = JSON.parse(file);
  change(doc);
  return JSON.stringify(doc, null, 2);
};

test('seal then open with the same passphrase gives back the exact backup text', async () => {
  assert.equal(await open(file, PASS), journalText);
  assert.equal(isSealed(file), true);
  assert.equal(isSealed(journalText), false);
});

test('the file holds the documented fields only: format, PBKDF2-SHA-256 at 600,000 rounds, AES-256-GCM', () => {
  const doc = JSON.parse(file);
  assert.deepEqual(Object.keys(doc), ['format', 'kdf', 'cipher', 'ciphertext']);
  assert.equal(doc.format, 'twitchcheck.sealed/1');
  assert.equal(FORMAT, 'twitchcheck.sealed/1');
  assert.deepEqual(Object.keys(doc.kdf), ['name', 'hash', 'iterations', 'salt']);
  assert.deepEqual({ ...doc.kdf, salt: undefined }, { name: 'PBKDF2', hash: 'SHA-256', iterations: 600000, salt: undefined });
  assert.equal(ITERATIONS, 600000);
  assert.equal(Buffer.from(doc.kdf.salt, 'base64').length, 16);
  assert.deepEqual({ ...doc.cipher, iv: undefined }, { name: 'AES-GCM', length: 256, iv: undefined });
  assert.equal(Buffer.from(doc.cipher.iv, 'base64').length, 12);
  // UTF-8 of the text plus the 16-byte tag.
  assert.equal(Buffer.from(doc.ciphertext, 'base64').length, Buffer.byteLength(journalText) + 16);
});

test('two seals of the same backup differ (a new random salt and IV each time)', async () => {
  const again = JSON.parse(await seal(journalText, PASS));
  const first = JSON.parse(file);
  assert.notEqual(again.kdf.salt, first.kdf.salt);
  assert.notEqual(again.cipher.iv, first.cipher.iv);
  assert.notEqual(again.ciphertext, first.ciphertext);
});

test('a wrong passphrase is refused as "locked", and the message is the calm one', async () => {
  const err = await refused(file, 'correct horse battery stapler');
  assert.equal(err.reason, 'locked');
  assert.ok(journalMessages.sealed.wrong.startsWith('This passphrase does not open this backup, or the file was changed.'));
});

test('a flipped bit in the salt, the IV, the ciphertext, the tag or any parameter is refused as "locked"', async () => {
  const cipherBytes = Buffer.from(JSON.parse(file).ciphertext, 'base64').length;
  const changes = {
    salt: (d) => { d.kdf.salt = flipBit(d.kdf.salt, 3, 5); },
    iv: (d) => { d.cipher.iv = flipBit(d.cipher.iv, 11, 0); },
    'ciphertext, first byte': (d) => { d.ciphertext = flipBit(d.ciphertext, 0, 7); },
    'ciphertext, tag': (d) => { d.ciphertext = flipBit(d.ciphertext, cipherBytes - 1, 2); },
    iterations: (d) => { d.kdf.iterations ^= 1; },
    'iterations, far too many': (d) => { d.kdf.iterations = 600000 * 1024; },
    'kdf name': (d) => { d.kdf.name = 'PBKDF3'; },
    hash: (d) => { d.kdf.hash = 'SHA-257'; },
    'cipher name': (d) => { d.cipher.name = 'AES-GCN'; },
    'key length': (d) => { d.cipher.length = 257; },
    format: (d) => { d.format = 'twitchcheck.sealee/1'; },
  };
  for (const [what, change] of Object.entries(changes)) {
    const changed = withDoc(change);
    assert.notEqual(changed, file, what);
    assert.equal(isSealed(changed), true, `${what}: still recognised as an encrypted backup`);
    assert.equal((await refused(changed)).reason, 'locked', what);
  }
});

test('a cut-off file is still recognised and refused as "locked"', async () => {
  for (const length of [40, file.length / 2, file.length - 3]) {
    const cut = file.slice(0, Math.floor(length));
    assert.equal(isSealed(cut), true, `cut at ${length}`);
    assert.equal((await refused(cut)).reason, 'locked', `cut at ${length}`);
  }
});

test('a file from a newer format version is refused as "newer", naming it', async () => {
  const newer = withDoc((d) => { d.format = 'twitchcheck.sealed/2'; });
  assert.equal(sealedVersion(newer), 'twitchcheck.sealed/2');
  assert.equal(sealedVersion(file), null);
  const err = await refused(newer);
  assert.equal(err.reason, 'newer');
  assert.equal(err.format, 'twitchcheck.sealed/2');
  assert.match(format(journalMessages.sealed.newer, { format: err.format }), /\(twitchcheck\.sealed\/2\)/);
});

test('the file shows none of the journal: no note, no date, no body part', async () => {
  const { journal } = example;
  const notes = journal.episodes.map((e) => e.note).filter((n) => n && n.length >= 6);
  const dates = [...journal.episodes.map((e) => e.at.slice(0, 10)), ...journal.days.map((d) => d.date)];
  const parts = [...new Set(journal.episodes.map((e) => `"${e.region}"`))];
  assert.ok(notes.length >= 2 && dates.length >= 10 && parts.length >= 2, 'the journal has words to hide');
  const plain = await open(file, PASS);
  for (const words of [notes.map((n) => JSON.stringify(n).slice(1, -1)), dates, parts]) {
    for (const w of words) {
      assert.ok(plain.includes(w), `the backup itself holds ${w}`);
      assert.ok(!file.includes(w), `the sealed file shows ${w}`);
    }
  }
  for (const word of ['twitchcheck.journal', 'episodes', 'region']) assert.ok(!file.includes(word), word);
});

test('the passphrase is read in its NFC form, so the same words typed elsewhere open the file', async () => {
  const composed = await seal('{"a": 1}', 'café crème');
  assert.equal(await open(composed, 'cafe\u0301 cre\u0300me'), '{"a": 1}');
});

test('sealing with fewer than 600,000 rounds is refused', async () => {
  await assert.rejects(seal(journalText, PASS, { iterations: 1000 }), RangeError);
});
