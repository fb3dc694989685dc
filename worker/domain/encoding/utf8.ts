/**
 * UTF-8 in pure ECMAScript, byte for byte what `TextEncoder` and `TextDecoder` give (WHATWG Encoding),
 * so the domain needs neither: Apps Script's V8 has no TextEncoder.
 */

const REPLACEMENT = 0xfffd;
/** Code units per `String.fromCharCode` call, well under engines' argument limits. */
const CHUNK = 8192;

/** The UTF-8 bytes of `text`; a lone surrogate becomes U+FFFD, as `TextEncoder` does. */
export function utf8Encode(text: string): Uint8Array {
  // Most text here is ASCII (tokens, keys, JSON, sealed values): a byte per code unit, straight into one
  // array. (Measured in V8: 2–4× faster than growing a number array for ASCII; an array of three bytes
  // per unit, cut to length after, was 3× slower for short text, each typed array being an allocation.)
  const ascii = new Uint8Array(text.length);
  let start = 0;
  for (; start < text.length; start++) {
    const unit = text.charCodeAt(start);
    if (unit >= 0x80) break;
    ascii[start] = unit;
  }
  if (start === text.length) return ascii;
  const out: number[] = [];
  for (let i = start; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdfff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (cp <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else cp = REPLACEMENT;
    }
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else
      out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  const bytes = new Uint8Array(start + out.length);
  bytes.set(ascii.subarray(0, start));
  bytes.set(out, start);
  return bytes;
}

/** The length of `utf8Encode(text)` without building it. */
export function utf8ByteLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    if (unit < 0x80) n += 1;
    else if (unit < 0x800) n += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export interface Utf8DecodeOptions {
  /** Throw a `TypeError` on bytes that are not UTF-8 instead of writing U+FFFD (TextDecoder's `fatal`). */
  fatal?: boolean;
  /** Keep a leading byte order mark instead of dropping it (TextDecoder's `ignoreBOM`). */
  keepBom?: boolean;
}

/**
 * Text from UTF-8 bytes, by the WHATWG UTF-8 decoder: invalid sequences become one U+FFFD per maximal
 * subpart (or throw when `fatal`), a leading BOM is dropped unless `keepBom`.
 */
export function utf8Decode(bytes: Uint8Array, options: Utf8DecodeOptions = {}): string {
  const units: number[] = [];
  let text = '';
  const emit = (cp: number) => {
    if (cp < 0x10000) units.push(cp);
    else units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
    if (units.length >= CHUNK) text += String.fromCharCode(...units.splice(0));
  };
  const error = () => {
    if (options.fatal) throw new TypeError('The bytes are not valid UTF-8.');
    emit(REPLACEMENT);
  };
  let needed = 0;
  let seen = 0;
  let codePoint = 0;
  let lower = 0x80;
  let upper = 0xbf;
  let i = 0;
  if (!options.keepBom && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length) {
    const byte = bytes[i] as number;
    if (needed === 0) {
      i++;
      if (byte <= 0x7f) emit(byte);
      else if (byte >= 0xc2 && byte <= 0xdf) {
        needed = 1;
        codePoint = byte & 0x1f;
      } else if (byte >= 0xe0 && byte <= 0xef) {
        if (byte === 0xe0) lower = 0xa0;
        if (byte === 0xed) upper = 0x9f;
        needed = 2;
        codePoint = byte & 0x0f;
      } else if (byte >= 0xf0 && byte <= 0xf4) {
        if (byte === 0xf0) lower = 0x90;
        if (byte === 0xf4) upper = 0x8f;
        needed = 3;
        codePoint = byte & 0x07;
      } else error();
      continue;
    }
    if (byte < lower || byte > upper) {
      // The byte ends the broken sequence and is read again on its own (not consumed).
      needed = 0;
      seen = 0;
      codePoint = 0;
      lower = 0x80;
      upper = 0xbf;
      error();
      continue;
    }
    i++;
    lower = 0x80;
    upper = 0xbf;
    codePoint = (codePoint << 6) | (byte & 0x3f);
    seen++;
    if (seen === needed) {
      emit(codePoint);
      needed = 0;
      seen = 0;
      codePoint = 0;
    }
  }
  if (needed !== 0) error();
  return text + String.fromCharCode(...units);
}
