import { base64url, base64urlDecode, utf8Decode, utf8Encode } from '../encoding';
import type { Host } from '../host';
import type { Cipher, CipherKey } from './cipher';

/**
 * A sealed value as stored in a column: `lps1.<key id>.<iv>.<ciphertext>` (base64url parts).
 * The prefix versions the format; the key id names the key that opens it (a person key
 * `pk…`, the workspace's data key `wk`, or a master key id), so a reader knows which key to
 * load before decrypting. The additional data is the workspace and the slot (`lead:<id>`,
 * `event:<id>`…): a ciphertext copied to another row or tenant does not open.
 */
export const SEALED_PREFIX = 'lps1';

export interface SealedParts {
  keyId: string;
  iv: Uint8Array;
  data: Uint8Array;
}

/** The parts of a sealed value, or null when it is not one. */
export function parseSealed(sealed: string): SealedParts | null {
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== SEALED_PREFIX) return null;
  const [, keyId, iv, data] = parts;
  if (!keyId || !iv || !data) return null;
  const ivBytes = base64urlDecode(iv);
  const dataBytes = base64urlDecode(data);
  if (ivBytes?.length !== 12 || !dataBytes || dataBytes.length < 16) return null;
  return { keyId, iv: ivBytes, data: dataBytes };
}

/** The key id a sealed value names, or null when it is not one (cheap: no decoding). */
export function keyIdOfSealed(sealed: string | null | undefined): string | null {
  if (!sealed?.startsWith(`${SEALED_PREFIX}.`)) return null;
  const end = sealed.indexOf('.', SEALED_PREFIX.length + 1);
  return end > SEALED_PREFIX.length + 1 ? sealed.slice(SEALED_PREFIX.length + 1, end) : null;
}

/** Where a sealed value lives: binds it to its workspace and row. */
export function additionalDataOf(workspaceId: string, slot: string): Uint8Array {
  return utf8Encode(`leadpact:${workspaceId}:${slot}`);
}

export interface SealingTools {
  cipher: Cipher;
  host: Pick<Host, 'randomBytes'>;
}

export async function sealBytes(
  tools: SealingTools,
  key: CipherKey,
  keyId: string,
  additionalData: Uint8Array,
  plaintext: Uint8Array,
): Promise<string> {
  const iv = tools.host.randomBytes(12);
  const data = await tools.cipher.encrypt(key, iv, plaintext, additionalData);
  return `${SEALED_PREFIX}.${keyId}.${base64url(iv)}.${base64url(data)}`;
}

/** The plaintext bytes, or null when the value is not sealed, or `key` does not open it here. */
export async function openBytes(
  cipher: Cipher,
  key: CipherKey,
  additionalData: Uint8Array,
  sealed: string,
): Promise<Uint8Array | null> {
  const parts = parseSealed(sealed);
  if (!parts) return null;
  return cipher.decrypt(key, parts.iv, parts.data, additionalData);
}

export async function sealText(
  tools: SealingTools,
  key: CipherKey,
  keyId: string,
  additionalData: Uint8Array,
  text: string,
): Promise<string> {
  return sealBytes(tools, key, keyId, additionalData, utf8Encode(text));
}

export async function openText(
  cipher: Cipher,
  key: CipherKey,
  additionalData: Uint8Array,
  sealed: string,
): Promise<string | null> {
  const bytes = await openBytes(cipher, key, additionalData, sealed);
  return bytes === null ? null : utf8Decode(bytes);
}
