import { base64url } from '../domain/tokens';

/**
 * Secrets at rest (a team's Google key): AES-256-GCM with WebCrypto, the key
 * from the Worker secret `LEADPACT_ENCRYPTION_KEY` (32 bytes, base64). The
 * ciphertext names its key (`lpk1.<key id>.<iv>.<data>`), so after a rotation
 * — new key in `LEADPACT_ENCRYPTION_KEY`, old one in
 * `LEADPACT_ENCRYPTION_KEY_PREVIOUS` — old ciphertexts still open and are
 * re-sealed with the new key when next used. The additional data binds a
 * ciphertext to its workspace, so a row copied to another tenant does not open.
 */
export interface SecretBox {
  /** The id of the key `seal` uses. */
  currentKeyId: string;
  seal(plaintext: string, context: string): Promise<string>;
  /** Null when no configured key opens it (rotated away) or it was tampered with. */
  open(sealed: string, context: string): Promise<string | null>;
  /** The id of the key a ciphertext was sealed with. */
  keyIdOf(sealed: string): string | null;
}

const PREFIX = 'lpk1';

function fromBase64(text: string): Uint8Array {
  const normal = text.trim().replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(normal + '='.repeat((4 - (normal.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function keyOf(secret: string): Promise<{ id: string; key: CryptoKey }> {
  const raw = fromBase64(secret);
  if (raw.length !== 32) throw new Error('LEADPACT_ENCRYPTION_KEY must be 32 bytes, base64-encoded');
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', raw));
  const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
  return { id: base64url(digest).slice(0, 8), key };
}

/** The box for the configured keys, or null when `LEADPACT_ENCRYPTION_KEY` is not set. */
export async function secretBoxOf(env: {
  LEADPACT_ENCRYPTION_KEY?: string;
  LEADPACT_ENCRYPTION_KEY_PREVIOUS?: string;
}): Promise<SecretBox | null> {
  if (!env.LEADPACT_ENCRYPTION_KEY) return null;
  const current = await keyOf(env.LEADPACT_ENCRYPTION_KEY);
  const keys = new Map([[current.id, current.key]]);
  if (env.LEADPACT_ENCRYPTION_KEY_PREVIOUS) {
    const previous = await keyOf(env.LEADPACT_ENCRYPTION_KEY_PREVIOUS);
    keys.set(previous.id, previous.key);
  }
  const encoder = new TextEncoder();
  return {
    currentKeyId: current.id,
    keyIdOf: (sealed) => {
      const [prefix, id] = sealed.split('.');
      return prefix === PREFIX && id ? id : null;
    },
    seal: async (plaintext, context) => {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const data = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: encoder.encode(context) },
        current.key,
        encoder.encode(plaintext),
      );
      return [PREFIX, current.id, base64url(iv), base64url(new Uint8Array(data))].join('.');
    },
    open: async (sealed, context) => {
      const [prefix, id, iv, data] = sealed.split('.');
      const key = id ? keys.get(id) : undefined;
      if (prefix !== PREFIX || !key || !iv || !data) return null;
      try {
        const plain = await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: fromBase64(iv), additionalData: encoder.encode(context) },
          key,
          fromBase64(data),
        );
        return new TextDecoder().decode(plain);
      } catch {
        return null;
      }
    },
  };
}
