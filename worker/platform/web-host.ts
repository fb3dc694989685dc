import type { Host, ParsedUrl } from '../domain/host';
import { intlWallClock } from '../domain/zoned-time';

function parseUrl(text: string): ParsedUrl | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const { protocol, username, password, hostname, origin, pathname } = url;
  return { protocol, username, password, hostname, origin, pathname };
}

/**
 * HMAC keys imported once per key array, for as long as the array lives: a workspace's index key
 * is held by the isolate (held-workspace-keys.ts), so its blind indexes do not import it per value.
 * Key bytes are never changed in place once used.
 */
const hmacKeys = new WeakMap<Uint8Array, Promise<CryptoKey>>();

function hmacKeyOf(key: Uint8Array): Promise<CryptoKey> {
  let imported = hmacKeys.get(key);
  if (!imported) {
    imported = crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    hmacKeys.set(key, imported);
  }
  return imported;
}

/**
 * The host capabilities as the Worker has them: WebCrypto (with workerd's constant-time compare),
 * the WHATWG URL parser and the runtime's Intl time zones. Only called, never run at import.
 */
export const webHost: Host = {
  sha256: async (data) => new Uint8Array(await crypto.subtle.digest('SHA-256', data)),
  hmacSha256: async (key, message) =>
    new Uint8Array(await crypto.subtle.sign('HMAC', await hmacKeyOf(key), message)),
  randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)),
  timingSafeEqual: (a, b) => crypto.subtle.timingSafeEqual(a, b),
  parseUrl,
  wallClock: intlWallClock,
};
