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
 * The host capabilities as the Worker has them: WebCrypto (with workerd's constant-time compare),
 * the WHATWG URL parser and the runtime's Intl time zones. Only called, never run at import.
 */
export const webHost: Host = {
  sha256: async (data) => new Uint8Array(await crypto.subtle.digest('SHA-256', data)),
  hmacSha256: async (key, message) => {
    const hmac = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]);
    return new Uint8Array(await crypto.subtle.sign('HMAC', hmac, message));
  },
  randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)),
  timingSafeEqual: (a, b) => crypto.subtle.timingSafeEqual(a, b),
  parseUrl,
  wallClock: intlWallClock,
};
