import { base64Decode, base64url } from '../encoding';
import type { Host } from '../host';
import type { Cipher, CipherKey } from './cipher';
import { additionalDataOf, keyIdOfSealed, openBytes, type SealingTools, sealBytes } from './sealed';
import { slot } from './slots';

/**
 * The key hierarchy. A master key (the Worker secret `LEADPACT_ENCRYPTION_KEY`; the one
 * before a rotation in `…_PREVIOUS`) wraps each workspace's two random keys: the data key,
 * which wraps person keys, and the index key, which makes blind indexes. Each person has a
 * random AES-256 key, wrapped by the data key; destroying that one row makes everything
 * sealed with it unreadable, wherever a copy of it lies. A rotation re-wraps the workspace
 * keys only: no row sealed with a person key changes.
 */

/** The id a person key's sealed values name: `pk` and 16 random base64url characters. */
export const PERSON_KEY_PREFIX = 'pk';
/** The key id naming the workspace's data key in a wrapped person key. */
export const WORKSPACE_DATA_KEY_ID = 'wk';

export interface MasterKey {
  /** The first 8 base64url characters of the raw key's SHA-256 (`worker/secrets/master-keys.ts`). */
  id: string;
  key: CipherKey;
}

/** The 32 raw bytes of a master secret (base64 or base64url), or null when it is not one. */
export function masterSecretBytes(secret: string): Uint8Array | null {
  const text = secret.trim().replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  const bytes = base64Decode(text + '='.repeat((4 - (text.length % 4)) % 4));
  return bytes && bytes.length === 32 ? bytes : null;
}

export async function masterKeyOf(
  tools: { cipher: Cipher; host: Pick<Host, 'sha256'> },
  raw: Uint8Array,
): Promise<MasterKey> {
  const digest = await tools.host.sha256(raw);
  return { id: base64url(digest).slice(0, 8), key: await tools.cipher.importKey(raw) };
}

/** A workspace's keys as stored: each wrapped by the master key `masterKeyId`. */
export interface StoredWorkspaceKeys {
  masterKeyId: string;
  dataKey: string;
  indexKey: string;
}

export interface WorkspaceKeys {
  /** The master key that wrapped them (a rotation re-wraps when it is not the current one). */
  masterKeyId: string;
  dataKey: CipherKey;
  /** Raw bytes: the HMAC key of blind indexes. */
  indexKey: Uint8Array;
  /** The raw data key, kept only to re-wrap on rotation. */
  rawDataKey: Uint8Array;
}

/** Wraps raw workspace keys with a master key. */
export async function wrapWorkspaceKeys(
  tools: SealingTools,
  master: MasterKey,
  workspaceId: string,
  raw: { dataKey: Uint8Array; indexKey: Uint8Array },
): Promise<StoredWorkspaceKeys> {
  const [dataKey, indexKey] = await Promise.all([
    sealBytes(
      tools,
      master.key,
      master.id,
      additionalDataOf(workspaceId, slot.workspaceKey('data')),
      raw.dataKey,
    ),
    sealBytes(
      tools,
      master.key,
      master.id,
      additionalDataOf(workspaceId, slot.workspaceKey('index')),
      raw.indexKey,
    ),
  ]);
  return { masterKeyId: master.id, dataKey, indexKey };
}

/** New random keys for a workspace, wrapped by the current master key. */
export async function mintWorkspaceKeys(
  tools: SealingTools,
  master: MasterKey,
  workspaceId: string,
): Promise<StoredWorkspaceKeys> {
  const raw = { dataKey: tools.host.randomBytes(32), indexKey: tools.host.randomBytes(32) };
  return wrapWorkspaceKeys(tools, master, workspaceId, raw);
}

/** The workspace's keys, or null when no configured master key opens them. */
export async function openWorkspaceKeys(
  cipher: Cipher,
  masters: ReadonlyMap<string, MasterKey>,
  workspaceId: string,
  stored: StoredWorkspaceKeys,
): Promise<WorkspaceKeys | null> {
  const master = masters.get(keyIdOfSealed(stored.dataKey) ?? '');
  if (!master || keyIdOfSealed(stored.indexKey) !== master.id) return null;
  const [rawDataKey, indexKey] = await Promise.all([
    openBytes(cipher, master.key, additionalDataOf(workspaceId, slot.workspaceKey('data')), stored.dataKey),
    openBytes(cipher, master.key, additionalDataOf(workspaceId, slot.workspaceKey('index')), stored.indexKey),
  ]);
  if (!rawDataKey || !indexKey) return null;
  return { masterKeyId: master.id, dataKey: await cipher.importKey(rawDataKey), indexKey, rawDataKey };
}

/** A person key as stored: its id and its raw bytes wrapped by the workspace's data key. */
export interface StoredPersonKey {
  id: string;
  wrapped: string;
}

/** A new random person key: what to store, and the key to seal with now. */
export async function mintPersonKey(
  tools: SealingTools,
  dataKey: CipherKey,
  workspaceId: string,
): Promise<StoredPersonKey & { key: CipherKey }> {
  const id = `${PERSON_KEY_PREFIX}${base64url(tools.host.randomBytes(12))}`;
  const raw = tools.host.randomBytes(32);
  const wrapped = await sealBytes(
    tools,
    dataKey,
    WORKSPACE_DATA_KEY_ID,
    additionalDataOf(workspaceId, slot.personKey(id)),
    raw,
  );
  return { id, wrapped, key: await tools.cipher.importKey(raw) };
}

/** A stored person key, or null when the data key does not open it (another workspace, another id, tampered). */
export async function openPersonKey(
  cipher: Cipher,
  dataKey: CipherKey,
  workspaceId: string,
  stored: StoredPersonKey,
): Promise<CipherKey | null> {
  const raw = await openBytes(
    cipher,
    dataKey,
    additionalDataOf(workspaceId, slot.personKey(stored.id)),
    stored.wrapped,
  );
  return raw && raw.length === 32 ? cipher.importKey(raw) : null;
}
