/** Signs deliveries the way each forms tool does, for tests that post through the real route. */
const enc = new TextEncoder();

async function hmac(secret: string, message: string): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    'raw',
    enc.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(message)));
}
const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
const base64 = (b: Uint8Array) => btoa(String.fromCharCode(...b));

export type Provider = 'generic' | 'google-forms' | 'typeform' | 'tally' | 'webflow';

/** The headers a provider sends with `body`, signed with `secret` at `now`. */
export async function signedHeaders(
  provider: Provider,
  body: string,
  secret: string,
  now = Date.now(),
): Promise<Record<string, string>> {
  switch (provider) {
    case 'generic':
    case 'google-forms': {
      const t = Math.floor(now / 1000);
      return { 'leadpact-signature': `t=${t},v1=${hex(await hmac(secret, `${t}.${body}`))}` };
    }
    case 'typeform':
      return { 'typeform-signature': `sha256=${base64(await hmac(secret, body))}` };
    case 'tally':
      return { 'tally-signature': base64(await hmac(secret, body)) };
    case 'webflow':
      return {
        'x-webflow-timestamp': String(now),
        'x-webflow-signature': hex(await hmac(secret, `${now}:${body}`)),
      };
  }
}
