import { KeysUnavailableError, type MasterKey, masterKeyOf, masterSecretBytes } from '../domain/privacy';
import { webCipher } from '../platform/web-cipher';
import { webHost } from '../platform/web-host';

/** Imported master keys per secret, for the isolate's life: a request does not re-import them. */
const masterCache = new Map<string, Promise<MasterKey>>();

function masterOf(secret: string): Promise<MasterKey> {
  let key = masterCache.get(secret);
  if (!key) {
    const raw = masterSecretBytes(secret);
    // A secret that is not 32 bytes of base64 is as good as none: fail closed.
    key = raw
      ? masterKeyOf({ cipher: webCipher, host: webHost }, raw)
      : Promise.reject(new KeysUnavailableError('missing'));
    key.catch(() => masterCache.delete(secret));
    masterCache.set(secret, key);
  }
  return key;
}

/**
 * The configured master keys, the current one first, by id: what the privacy vault wraps
 * workspace keys with and the secret box seals a team's Google key with. A previous key
 * that is not well-formed is ignored; a missing or malformed current one is `KeysUnavailableError`.
 */
export async function masterKeysOf(
  /** `LEADPACT_ENCRYPTION_KEY` and `LEADPACT_ENCRYPTION_KEY_PREVIOUS`. */
  secrets: { key?: string; previousKey?: string } | undefined,
): Promise<{ current: MasterKey; all: Map<string, MasterKey> }> {
  if (!secrets?.key) throw new KeysUnavailableError('missing');
  const current = await masterOf(secrets.key);
  const all = new Map([[current.id, current]]);
  if (secrets.previousKey) {
    const previous = await masterOf(secrets.previousKey).catch(() => null);
    if (previous) all.set(previous.id, previous);
  }
  return { current, all };
}
