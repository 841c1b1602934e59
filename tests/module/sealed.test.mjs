// The encrypted backup (web/app/storage/sealed.js, docs/sealed-backup.md) under Node's WebCrypto:
// the round trip, a wrong passphrase, a flipped bit in every field, a cut-off file, a
// file from a newer version, and a file that shows none of the journal's words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { repoDir, sharedJsonFiles } from './module_support.mjs';

const sealed = await import(pathToFileURL(join(repoDir, 'web', 'app', 'storage', 'sealed.js')).href);
// The page's English words for the journal screens, as the page fetches them.
const journalMessages = JSON.parse(readFileSync(join(repoDir, 'web', 'lang', 'en', 'journal.json'), 'utf8'));
const { format } = await import(pathToFileURL(join(repoDir, 'web', 'app', 'shared', 'text.js')).href);
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
  // UTF-8 of the text padded to its bucket (sealed.paddedLength), plus the 16-byte tag.
  assert.equal(Buffer.byteLength(journalText), 2395);
  assert.equal(Buffer.from(doc.ciphertext, 'base64').length, 4352 + 16);
});

test('the size does not give the twitch count: journals of 0 to 100 episodes seal to one size', async () => {
  const sizes = new Set();
  for (const n of [0, 1, 10, 20]) {
    const doc = { schema: 'twitchcheck.journal/1', days: [],
      episodes: Array.from({ length: n }, (_, i) => ({ id: `e${i}`, at: '2026-05-01T10:00:00Z', region: 'calf', side: 'left' })) };
    sizes.add(JSON.parse(await seal(JSON.stringify(doc), PASS)).ciphertext.length);
  }
  assert.deepEqual([...sizes], [5824]);
  // Above the smallest bucket, at most 12% more (Padmé).
  assert.deepEqual([4096, 5000, 100000, 1000000].map(sealed.paddedLength), [4352, 5376, 102400, 1032192]);
  for (let n = 4097; n < 3e6; n = Math.ceil(n * 1.37)) {
    const padded = sealed.paddedLength(n);
    assert.ok(padded >= n && padded <= n * 1.12, `${n} → ${padded}`);
  }
});

test('a file sealed before padding (an older version\'s) still opens to the same backup', async () => {
  // Made as the first version of sealed.js made it: the text's own bytes, no padding.
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const header = { format: FORMAT, kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: ITERATIONS, salt: b64(salt) },
    cipher: { name: 'AES-GCM', length: 256, iv: b64(iv) } };
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(PASS), 'PBKDF2', false, ['deriveKey']);
  const key = await crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: ITERATIONS }, material,
    { name: 'AES-GCM', length: 256 }, false, ['encrypt']);
  const aad = new TextEncoder().encode([header.format, 'PBKDF2', 'SHA-256', ITERATIONS, header.kdf.salt, 'AES-GCM', 256, header.cipher.iv].join('\n'));
  const bytes = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad, tagLength: 128 }, key, new TextEncoder().encode(journalText));
  const older = `${JSON.stringify({ ...header, ciphertext: b64(new Uint8Array(bytes)) }, null, 2)}\n`;
  assert.equal(await open(older, PASS), journalText);
});

test('only the form seal() writes opens: an extra field, 6e5, other spacing or another base64 spelling is refused', async () => {
  // 5,000 bytes pad to 5,376; with the tag 5,392, which base64 writes with "==".
  const plain = JSON.stringify({ words: 'x'.repeat(4988) });
  assert.equal(plain.length, 5000);
  const file = await seal(plain, PASS);
  const withDoc = (change) => {
    const d = JSON.parse(file);
    change(d);
    return JSON.stringify(d, null, 2);
  };
  const doc = JSON.parse(file);
  const last = doc.ciphertext.replace(/=*$/, '').slice(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  // The ciphertext's length leaves spare bits in its last base64 character: another
  // character with the same meaningful bits decodes to the same bytes.
  const padding = doc.ciphertext.length - doc.ciphertext.replace(/=*$/, '').length;
  const spare = padding === 2 ? 15 : padding === 1 ? 3 : 0;
  assert.ok(spare > 0, 'the test ciphertext has spare bits');
  const sameBytes = alphabet[alphabet.indexOf(last) ^ 1];
  const variants = {
    'an extra top-level field': withDoc((d) => { d.note = 'x'; }),
    'an extra kdf field': withDoc((d) => { d.kdf.extra = 1; }),
    'iterations written 6e5': file.replace('"iterations": 600000', '"iterations": 6e5'),
    'reformatted JSON': JSON.stringify(doc),
    'another base64 spelling of the same bytes': file.replace(`${last}${'='.repeat(padding)}"`, `${sameBytes}${'='.repeat(padding)}"`),
  };
  assert.deepEqual(Buffer.from(variants['another base64 spelling of the same bytes'].match(/"ciphertext": "([^"]*)"/)[1], 'base64'),
    Buffer.from(doc.ciphertext, 'base64'));
  for (const [what, text] of Object.entries(variants)) {
    assert.notEqual(text, file, what);
    assert.equal(isSealed(text), true, what);
    assert.equal((await refused(text)).reason, 'locked', what);
  }
  // A line-end change made by copying between systems is not a change to the file.
  assert.equal(await open(file.replace(/\n/g, '\r\n'), PASS), plain);
});

test('a plain journal with a "kdf" key is not taken for an encrypted backup; a file cut inside its first key is', () => {
  assert.equal(isSealed(JSON.stringify({ schema: 'twitchcheck.journal/1', episodes: [], days: [], kdf: {} })), false);
  for (const length of [5, 8, 12, 20]) assert.equal(isSealed(file.slice(0, length)), true, `cut at ${length}`);
  assert.equal(isSealed('{"schema"'), false);
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
