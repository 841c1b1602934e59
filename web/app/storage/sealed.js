// The encrypted backup, `twitchcheck.sealed/1` (docs/sealed-backup.md): the JSON backup
// sealed with a passphrase by WebCrypto alone — PBKDF2-SHA-256 turns the passphrase and a
// random salt into an AES-256-GCM key, and GCM both hides and guards the text. No DOM
// here, so Node's tests import this very file.
//
// The file: {"format", "kdf": {name, hash, iterations, salt}, "cipher": {name, length, iv},
// "ciphertext"}, salt, iv and ciphertext in base64; the text inside is padded with
// spaces (paddedLength). Every parameter is also bound into
// GCM's additional data, so a changed byte anywhere fails the check like a wrong
// passphrase does.

export const FORMAT = 'twitchcheck.sealed/1';
export const ITERATIONS = 600000; // OWASP's figure for PBKDF2-HMAC-SHA256
const MAX_ITERATIONS = 10000000; // a changed file must not make opening take minutes
const SALT_BYTES = 16;
const IV_BYTES = 12;
const VERSION = /^twitchcheck\.sealed\/(\d+)$/;
const MIN_PADDED = 4096;

// The length the plain text is padded to (Padmé: at most 12% more, and the size tells
// only the order of magnitude), so the file's size does not give the twitch count. The
// padding is spaces after the JSON, which JSON allows; open() takes them off again, and a
// file sealed before padding (none) opens the same.
export function paddedLength(length) {
  const n = Math.max(length, MIN_PADDED);
  const e = Math.floor(Math.log2(n));
  const s = Math.floor(Math.log2(e)) + 1;
  const mask = 2 ** (e - s) - 1;
  return Math.ceil((n + mask) / (mask + 1)) * (mask + 1);
}

// Why a file could not be opened: 'locked' (wrong passphrase, or a changed or cut file:
// GCM cannot tell these apart, and neither do we), or 'newer' (a later format version,
// named in `format`).
export class SealedError extends Error {
  constructor(reason, format = null) {
    super(reason === 'newer' ? `made by a newer version: ${format}` : 'the passphrase does not open this file');
    this.name = 'SealedError';
    this.reason = reason;
    this.format = format;
  }
}

const subtle = () => globalThis.crypto.subtle;

function toBase64(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(text) {
  if (typeof text !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  const s = atob(text);
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return bytes;
}

// The bytes GCM authenticates besides the ciphertext: every header field, in one order.
function additionalData({ format, kdf, cipher }) {
  return new TextEncoder().encode([format, kdf.name, kdf.hash, kdf.iterations, kdf.salt, cipher.name, cipher.length, cipher.iv].join('\n'));
}

async function deriveKey(passphrase, salt, iterations, usage) {
  const material = await subtle().importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material,
    { name: 'AES-GCM', length: 256 }, false, [usage]);
}

// Seals `plainText` (the JSON backup) with `passphrase`: the file's text.
export async function seal(plainText, passphrase, { iterations = ITERATIONS } = {}) {
  if (!Number.isInteger(iterations) || iterations < ITERATIONS) throw new RangeError(`iterations must be at least ${ITERATIONS}`);
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const header = {
    format: FORMAT,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', length: 256, iv: toBase64(iv) },
  };
  const key = await deriveKey(passphrase, salt, iterations, 'encrypt');
  const bytes = new TextEncoder().encode(plainText);
  const padded = new Uint8Array(paddedLength(bytes.length)).fill(0x20);
  padded.set(bytes);
  const sealed = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: additionalData(header), tagLength: 128 },
    key, padded);
  return `${JSON.stringify({ ...header, ciphertext: toBase64(new Uint8Array(sealed)) }, null, 2)}\n`;
}

// Whether `text` is (or was, before it was cut or changed) a sealed backup rather than a
// plain JSON one.
// (A plain journal, which has "schema", is never taken for one: its own checks name any
// unknown field. A file cut anywhere, even inside its first key, is still a sealed one.)
export function isSealed(text) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch {
    const head = text.slice(0, 200).replace(/\s+/g, '');
    const start = '{"format":"twitchcheck.sealed';
    return head.length >= 2 && (start.startsWith(head) || head.startsWith(start));
  }
  return doc !== null && typeof doc === 'object' && !Array.isArray(doc) &&
    ((typeof doc.format === 'string' && doc.format.startsWith('twitchcheck.sealed')) ||
      (!('schema' in doc) && ('ciphertext' in doc || 'kdf' in doc)));
}

// The format of a sealed file that a newer version made ("twitchcheck.sealed/2"), or null.
export function sealedVersion(text) {
  try {
    const doc = JSON.parse(text);
    const version = VERSION.exec(typeof doc?.format === 'string' ? doc.format : '');
    return version && Number(version[1]) > 1 ? doc.format : null;
  } catch {
    return null;
  }
}

// The header, checked; a SealedError for anything that this version cannot open.
function readHeader(text) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new SealedError('locked');
  }
  const version = typeof doc?.format === 'string' ? VERSION.exec(doc.format) : null;
  if (version && Number(version[1]) > 1) throw new SealedError('newer', doc.format);
  const { kdf, cipher } = doc ?? {};
  const salt = fromBase64(kdf?.salt);
  const iv = fromBase64(cipher?.iv);
  const ciphertext = fromBase64(doc?.ciphertext);
  const fits = doc?.format === FORMAT && kdf?.name === 'PBKDF2' && kdf.hash === 'SHA-256' &&
    Number.isInteger(kdf.iterations) && kdf.iterations >= ITERATIONS && kdf.iterations <= MAX_ITERATIONS &&
    salt?.length === SALT_BYTES && cipher?.name === 'AES-GCM' && cipher.length === 256 && iv?.length === IV_BYTES &&
    ciphertext !== null && ciphertext.length >= 16;
  if (!fits) throw new SealedError('locked');
  // Only the form seal() writes opens: no other field, no other spelling (6e5 for
  // 600000, another base64 of the same bytes, other spacing), so what the doc promises
  // holds: any change to the file refuses it, as GCM refuses a changed byte it guards.
  const canonical = `${JSON.stringify({ format: doc.format,
    kdf: { name: kdf.name, hash: kdf.hash, iterations: kdf.iterations, salt: toBase64(salt) },
    cipher: { name: cipher.name, length: cipher.length, iv: toBase64(iv) },
    ciphertext: toBase64(ciphertext) }, null, 2)}\n`;
  if (text.replace(/\r\n/g, '\n').trimEnd() !== canonical.trimEnd()) throw new SealedError('locked');
  return { header: { format: doc.format, kdf, cipher }, salt, iv, ciphertext };
}

// The plain JSON backup inside a sealed file, or a SealedError.
export async function open(text, passphrase) {
  const { header, salt, iv, ciphertext } = readHeader(text);
  const key = await deriveKey(passphrase, salt, header.kdf.iterations, 'decrypt');
  let plain;
  try {
    plain = await subtle().decrypt({ name: 'AES-GCM', iv, additionalData: additionalData(header), tagLength: 128 }, key, ciphertext);
  } catch {
    throw new SealedError('locked');
  }
  try {
    // The padding's spaces off: the plain backup exactly as it was downloaded.
    return new TextDecoder('utf-8', { fatal: true }).decode(plain).replace(/ +$/, '');
  } catch {
    throw new SealedError('locked');
  }
}
