import { utf8Decode, utf8Encode } from './utf8';

const PLUS = 0x2b;
const PERCENT = 0x25;

function hexValue(byte: number | undefined): number {
  if (byte === undefined) return -1;
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  return -1;
}

/** WHATWG percent-decode of a name or value, `+` read as a space, then UTF-8 with U+FFFD for bad bytes. */
function decodePart(part: string): string {
  const bytes = utf8Encode(part);
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    const high = byte === PERCENT ? hexValue(bytes[i + 1]) : -1;
    const low = high >= 0 ? hexValue(bytes[i + 2]) : -1;
    if (byte === PLUS) out.push(0x20);
    else if (low >= 0) {
      out.push(high * 16 + low);
      i += 2;
    } else out.push(byte);
  }
  return utf8Decode(new Uint8Array(out), { keepBom: true });
}

/**
 * The name–value pairs of an `application/x-www-form-urlencoded` string, in order, exactly as
 * `[...new URLSearchParams(text)]` gives them (a leading `?` is dropped, empty sequences skipped).
 */
export function parseFormUrlencoded(text: string): Array<[string, string]> {
  const input = text.startsWith('?') ? text.slice(1) : text;
  const pairs: Array<[string, string]> = [];
  for (const sequence of input.split('&')) {
    if (sequence === '') continue;
    const eq = sequence.indexOf('=');
    const name = eq < 0 ? sequence : sequence.slice(0, eq);
    const value = eq < 0 ? '' : sequence.slice(eq + 1);
    pairs.push([decodePart(name), decodePart(value)]);
  }
  return pairs;
}
