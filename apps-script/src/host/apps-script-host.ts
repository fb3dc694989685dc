/**
 * The domain's `Host` (worker/domain/host.ts) built from Apps Script's `Utilities`, passed in so this
 * module stays pure and testable in Node. Apps Script has no WebCrypto, no URL and no TextEncoder; it
 * has SHA-256, HMAC-SHA256 and random UUIDs as synchronous services working on signed bytes
 * (Java's `byte`, -128…127). Digests come back as resolved promises, which is all the domain awaits.
 */
import type { Host, ParsedUrl, WallClock } from '../../../worker/domain/host';
import { intlWallClock } from '../../../worker/domain/zoned-time';

/** The part of Apps Script's `Utilities` the host uses, with Google's names and signatures. */
export interface UtilitiesLike {
  DigestAlgorithm: { SHA_256: unknown };
  computeDigest(algorithm: never, value: number[]): number[];
  computeHmacSha256Signature(value: number[], key: number[]): number[];
  getUuid(): string;
  formatDate(date: Date, timeZone: string, format: string): string;
}

export interface AppsScriptHostOptions {
  /**
   * How the zone's wall clock is read: `intl` (ECMA-402 `formatToParts`, the Worker's own reading, fast)
   * or `utilities` (`Utilities.formatDate`, a service call per reading) should Apps Script's Intl lack
   * time zones. See apps-script/README.md for what was verified.
   */
  zoneClock?: 'intl' | 'utilities';
}

/** Unsigned bytes as Apps Script's signed `Byte[]`. */
export function toSignedBytes(bytes: Uint8Array): number[] {
  return Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
}

/** Apps Script's signed `Byte[]` as unsigned bytes. */
export function fromSignedBytes(bytes: readonly number[]): Uint8Array {
  return Uint8Array.from(bytes, (b) => b & 0xff);
}

/** The random bytes of a version-4 UUID: all but the version nibble's byte (6) and the variant's (8). */
const RANDOM_UUID_BYTES = [0, 1, 2, 3, 4, 5, 7, 9, 10, 11, 12, 13, 14, 15];

function randomBytesFrom(utilities: UtilitiesLike, n: number): Uint8Array {
  const out = new Uint8Array(n);
  let filled = 0;
  while (filled < n) {
    const hex = utilities.getUuid().replace(/-/g, '');
    if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error('Utilities.getUuid() did not return a UUID.');
    for (const i of RANDOM_UUID_BYTES) {
      if (filled === n) break;
      out[filled++] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
    }
  }
  return out;
}

/** Constant-time equality of two byte strings of the same length: every byte is looked at. */
function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  let diff = 0;
  for (let i = 0; i < a.byteLength; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };
const ABSOLUTE =
  /^([a-z][a-z0-9+.-]*:)\/\/(?:([^:@/?#\\]*)(?::([^@/?#\\]*))?@)?([^:/?#\\]*)(?::(\d*))?([^?#]*)/i;

/**
 * A small reader of absolute http(s) URLs with ASCII host names, for where Apps Script has no URL:
 * it agrees with WHATWG URL on those (lower-case host, default port dropped, `/` for an empty path)
 * and answers null for anything it cannot read as exactly as the Worker would (IDN hosts, IPv6,
 * backslashes, percent-encoded hosts, other schemes).
 */
export function parseHttpUrl(text: string): ParsedUrl | null {
  const trimmed = text.trim();
  if (/[\t\n\r]/.test(trimmed)) return null;
  const match = ABSOLUTE.exec(trimmed);
  if (!match) return null;
  const [, scheme = '', username = '', password = '', host = '', port = '', path = ''] = match;
  const protocol = scheme.toLowerCase();
  if (!(protocol in DEFAULT_PORTS)) return null;
  const hostname = host.toLowerCase();
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*\.?$/.test(hostname)) return null;
  // A host ending in a number is an IPv4 address to WHATWG, which rewrites short forms (127.1): only
  // the canonical dotted quad is read here.
  const last = hostname.replace(/\.$/, '').split('.').pop() ?? '';
  if (
    /^(\d+|0x[0-9a-f]*)$/.test(last) &&
    !/^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(hostname)
  )
    return null;
  if (port !== '' && Number(port) > 65_535) return null;
  // Paths WHATWG would rewrite (percent-encoding, dot segments) are not read here.
  if (/[^\x21-\x7e]|["<>`{}]|%2e/i.test(path) || /%(?![0-9a-f]{2})/i.test(path) || /\/\.\.?(\/|$)/.test(path))
    return null;
  const shownPort = port === '' || String(Number(port)) === DEFAULT_PORTS[protocol] ? '' : `:${Number(port)}`;
  return {
    protocol,
    username,
    password,
    hostname,
    origin: `${protocol}//${hostname}${shownPort}`,
    pathname: path === '' ? '/' : path,
  };
}

/** The wall clock through `Utilities.formatDate`, with the milliseconds the format does not carry. */
function utilitiesWallClock(utilities: UtilitiesLike): WallClock {
  return (t, timeZone) => {
    const text = utilities.formatDate(new Date(t), timeZone, "yyyy-MM-dd'T'HH:mm:ss");
    const local = Date.parse(`${text}Z`);
    if (Number.isNaN(local)) throw new RangeError(`Utilities.formatDate gave "${text}" for ${timeZone}.`);
    return local + (((t % 1000) + 1000) % 1000);
  };
}

/** The domain's host capabilities in Apps Script. */
export function appsScriptHost(utilities: UtilitiesLike, options: AppsScriptHostOptions = {}): Host {
  const sha256Algorithm = utilities.DigestAlgorithm.SHA_256 as never;
  return {
    sha256: async (data) => fromSignedBytes(utilities.computeDigest(sha256Algorithm, toSignedBytes(data))),
    hmacSha256: async (key, message) =>
      fromSignedBytes(utilities.computeHmacSha256Signature(toSignedBytes(message), toSignedBytes(key))),
    randomBytes: (n) => randomBytesFrom(utilities, n),
    timingSafeEqual,
    parseUrl: parseHttpUrl,
    wallClock: options.zoneClock === 'utilities' ? utilitiesWallClock(utilities) : intlWallClock,
  };
}
