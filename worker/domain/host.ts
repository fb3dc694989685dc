/**
 * What the domain needs from the runtime it runs in, passed in by the caller the way the time is:
 * the Worker passes WebCrypto (`worker/platform/web-host.ts`), the Sheets add-on passes Apps Script's
 * `Utilities` (`apps-script/src/host/apps-script-host.ts`), tests pass whatever they like. Nothing in
 * the domain reaches for a global API, so the same code loads in all three.
 *
 * Digests are async because WebCrypto only offers them as promises; a synchronous host (Apps Script)
 * answers with a resolved promise. Everything else is synchronous, since every host has it that way.
 * UTF-8, base64, hex and form decoding are not here: pure ECMAScript does them exactly
 * (`worker/domain/encoding`).
 */

/** The parts of a WHATWG-parsed absolute URL the domain reads. */
export interface ParsedUrl {
  /** With the colon: `https:`. */
  protocol: string;
  username: string;
  password: string;
  /** Lower-case, IDN hosts in punycode (`xn--…`), IPv6 in brackets. */
  hostname: string;
  /** `scheme://host[:port]`, as `URL#origin`. */
  origin: string;
  pathname: string;
}

/**
 * The wall clock of an IANA time zone at instant `t` (epoch ms), as milliseconds on a UTC axis
 * (`Date.UTC` of the local fields, milliseconds kept). The base of zoned and business time.
 */
export type WallClock = (t: number, timeZone: string) => number;

export interface Host {
  sha256: (data: Uint8Array) => Promise<Uint8Array>;
  hmacSha256: (key: Uint8Array, message: Uint8Array) => Promise<Uint8Array>;
  /** Cryptographically strong random bytes. */
  randomBytes: (n: number) => Uint8Array;
  /** Equality of two byte strings of the same length in time independent of their content. */
  timingSafeEqual: (a: Uint8Array, b: Uint8Array) => boolean;
  /** An absolute URL parsed as WHATWG URL does, or null when it is not one. */
  parseUrl: (text: string) => ParsedUrl | null;
  wallClock: WallClock;
}
