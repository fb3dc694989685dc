/** Base64 (RFC 4648) in pure ECMAScript, so the domain needs neither `btoa` nor `atob`. */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Standard base64 with `=` padding. */
export function base64Encode(bytes: Uint8Array): string {
  const out = encodeWith(bytes, ALPHABET);
  const rest = bytes.length % 3;
  return rest === 0 ? out : out + (rest === 1 ? '==' : '=');
}

/** RFC 4648 base64url without padding. */
export function base64url(bytes: Uint8Array): string {
  return encodeWith(bytes, URL_ALPHABET);
}

/**
 * Each 12 bits of an alphabet as its two characters: an encoder appending two characters per lookup
 * does half the work of one appending one (sealed values are base64url'd on every intake request and
 * judgement). Made on first use: nothing runs when the module loads (Apps Script loads every file
 * on every run).
 */
const PAIRS: Record<string, string[]> = {};

function pairsOf(alphabet: string): string[] {
  let pairs = PAIRS[alphabet];
  if (!pairs) {
    pairs = [];
    for (let n = 0; n < 4096; n++) pairs.push(alphabet.charAt(n >> 6) + alphabet.charAt(n & 63));
    PAIRS[alphabet] = pairs;
  }
  return pairs;
}

/** The unpadded encoding of `bytes` in `alphabet`. */
function encodeWith(bytes: Uint8Array, alphabet: string): string {
  const pairs = pairsOf(alphabet);
  const whole = bytes.length - (bytes.length % 3);
  let out = '';
  for (let i = 0; i < whole; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out += (pairs[n >> 12] as string) + (pairs[n & 4095] as string);
  }
  if (whole < bytes.length) {
    const b = bytes[whole + 1];
    const n = ((bytes[whole] as number) << 16) | ((b ?? 0) << 8);
    out += pairs[n >> 12] as string;
    if (b !== undefined) out += alphabet.charAt((n >> 6) & 63);
  }
  return out;
}

/** Each character code's six bits in an alphabet, -1 outside it; made on first use. */
const SEXTETS: Record<string, Int8Array> = {};

function sextetsOf(alphabet: string): Int8Array {
  let table = SEXTETS[alphabet];
  if (!table) {
    table = new Int8Array(128).fill(-1);
    for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
    SEXTETS[alphabet] = table;
  }
  return table;
}

/**
 * The bytes of `body` (no padding) in `alphabet`; null when a character is outside it or the length
 * cannot end a byte (one character over a multiple of four). Leftover bits are ignored, as `atob` does.
 */
function decodeWith(body: string, alphabet: string): Uint8Array | null {
  if (body.length % 4 === 1) return null;
  const sextets = sextetsOf(alphabet);
  const out = new Uint8Array(Math.floor((body.length * 6) / 8));
  let buffer = 0;
  let bits = 0;
  let j = 0;
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    const sextet = code < 128 ? (sextets[code] as number) : -1;
    if (sextet < 0) return null;
    buffer = ((buffer << 6) | sextet) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

/**
 * The bytes of standard, padded base64 (length a multiple of 4, at most two `=`); null for anything
 * else. Leftover bits after the last byte are ignored, as `atob` does.
 */
export function base64Decode(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return decodeWith(text.slice(0, text.length - padding), ALPHABET);
}

/** The bytes of unpadded base64url (as `base64url` writes it); null for anything else. */
export function base64urlDecode(text: string): Uint8Array | null {
  return decodeWith(text, URL_ALPHABET);
}
