import { base64url, base64urlDecode, utf8Decode, utf8Encode } from '../domain/encoding';
import { webCipher } from '../platform/web-cipher';
import { webHost } from '../platform/web-host';
import { masterKeysOf } from './master-keys';

/**
 * Secrets at rest (a team's Google key): AES-256-GCM under the master key itself, the
 * Worker secret `LEADPACT_ENCRYPTION_KEY` (32 bytes, base64), loaded as the privacy vault
 * loads it (`master-keys.ts`). The ciphertext names its key (`lpk1.<key id>.<iv>.<data>`),
 * so after a rotation — new key in `LEADPACT_ENCRYPTION_KEY`, old one in
 * `LEADPACT_ENCRYPTION_KEY_PREVIOUS` — old ciphertexts still open and are
 * re-sealed with the new key when next used. The additional data binds a
 * ciphertext to its workspace, so a row copied to another tenant does not open.
 * (The vault's `lps1` values bind `leadpact:<workspace>:<slot>`, so neither opens as the other.)
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

/** The box for the configured keys, or null when `LEADPACT_ENCRYPTION_KEY` is not set. */
export async function secretBoxOf(env: {
  LEADPACT_ENCRYPTION_KEY?: string;
  LEADPACT_ENCRYPTION_KEY_PREVIOUS?: string;
}): Promise<SecretBox | null> {
  if (!env.LEADPACT_ENCRYPTION_KEY) return null;
  // A malformed key fails closed, as in the vault (`KeysUnavailableError`, 503).
  const { current, all } = await masterKeysOf({
    key: env.LEADPACT_ENCRYPTION_KEY,
    previousKey: env.LEADPACT_ENCRYPTION_KEY_PREVIOUS,
  });
  return {
    currentKeyId: current.id,
    keyIdOf: (sealed) => {
      const [prefix, id] = sealed.split('.');
      return prefix === PREFIX && id ? id : null;
    },
    seal: async (plaintext, context) => {
      const iv = webHost.randomBytes(12);
      const data = await webCipher.encrypt(current.key, iv, utf8Encode(plaintext), utf8Encode(context));
      return [PREFIX, current.id, base64url(iv), base64url(data)].join('.');
    },
    open: async (sealed, context) => {
      const [prefix, id, iv, data] = sealed.split('.');
      const master = id ? all.get(id) : undefined;
      const ivBytes = iv ? base64urlDecode(iv) : null;
      const dataBytes = data ? base64urlDecode(data) : null;
      if (prefix !== PREFIX || !master || !ivBytes || !dataBytes) return null;
      const plain = await webCipher.decrypt(master.key, ivBytes, dataBytes, utf8Encode(context));
      return plain === null ? null : utf8Decode(plain);
    },
  };
}
