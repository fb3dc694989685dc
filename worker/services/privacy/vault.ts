import { runBatch } from '../../db/batch';
import {
  getPersonKeyOfLead,
  getPersonKeys,
  getWorkspaceKeys,
  insertWorkspaceKeys,
  rewrapWorkspaceKeysStatement,
} from '../../db/queries/privacy-keys';
import {
  additionalDataOf,
  blindIndex,
  type CipherKey,
  KeysUnavailableError,
  keyIdOfSealed,
  mintPersonKey,
  mintWorkspaceKeys,
  type NewPersonKey,
  openPersonKey,
  openText,
  openWorkspaceKeys,
  sealText,
  type Vault,
  type WorkspaceKeys,
  wrapWorkspaceKeys,
} from '../../domain/privacy';
import { webCipher } from '../../platform/web-cipher';
import { webHost } from '../../platform/web-host';
import { masterKeysOf } from '../../secrets/master-keys';
import type { DatabaseContext, EncryptionSecrets } from '../context';
import { forgetWorkspaceKeys, heldWorkspaceKeys, holdWorkspaceKeys } from './held-workspace-keys';

const tools = { cipher: webCipher, host: webHost };

/** True when a master key is configured and well-formed (`/health` says so). */
export async function encryptionConfigured(secrets: EncryptionSecrets | undefined): Promise<boolean> {
  return masterKeysOf(secrets).then(
    () => true,
    () => false,
  );
}

const vaults = new WeakMap<DatabaseContext, Map<string, Vault>>();

/**
 * The request's vault for a workspace: the same one for every call with the same context, so
 * a verb and the queries it calls share one key cache. Nothing is read until a key is needed;
 * the workspace's own keys are then held by the isolate for a minute (held-workspace-keys.ts).
 */
export function vaultOf(ctx: DatabaseContext, workspaceId: string): Vault {
  let byWorkspace = vaults.get(ctx);
  if (!byWorkspace) {
    byWorkspace = new Map();
    vaults.set(ctx, byWorkspace);
  }
  let vault = byWorkspace.get(workspaceId);
  if (!vault) {
    vault = createVault(ctx, workspaceId);
    byWorkspace.set(workspaceId, vault);
  }
  return vault;
}

function createVault(ctx: DatabaseContext, workspaceId: string): Vault {
  const { db } = ctx;
  let workspace: Promise<WorkspaceKeys> | undefined;
  const keys = new Map<string, Promise<CipherKey | null>>();
  const leadKeys = new Map<string, Promise<string>>();
  const minted = new Map<string, NewPersonKey>();
  const indexes = new Map<string, Promise<string>>();

  async function loadWorkspace(): Promise<WorkspaceKeys> {
    const masters = await masterKeysOf(ctx.encryption);
    const at = ctx.now.getTime();
    // Held by this isolate for a short while, and only for the master key that opened them.
    const held = heldWorkspaceKeys(workspaceId, masters.current.id, at);
    if (held) return held;
    let stored = await getWorkspaceKeys(db, workspaceId);
    if (!stored) {
      // The first personal write of a workspace makes its keys; a concurrent first write keeps the winner's.
      await insertWorkspaceKeys(
        db,
        workspaceId,
        await mintWorkspaceKeys(tools, masters.current, workspaceId),
        ctx.now,
      );
      stored = await getWorkspaceKeys(db, workspaceId);
    }
    const opened = stored && (await openWorkspaceKeys(webCipher, masters.all, workspaceId, stored));
    if (!opened) throw new KeysUnavailableError('wrong');
    if (opened.masterKeyId !== masters.current.id) {
      // Rotation: the workspace keys move under the current master key; nothing sealed with them changes.
      // What this isolate held under the previous master key is forgotten at once.
      forgetWorkspaceKeys(workspaceId);
      const rewrapped = await wrapWorkspaceKeys(tools, masters.current, workspaceId, {
        dataKey: opened.rawDataKey,
        indexKey: opened.indexKey,
      });
      await runBatch(db, [
        rewrapWorkspaceKeysStatement(db, workspaceId, opened.masterKeyId, rewrapped, ctx.now),
      ]);
    }
    return holdWorkspaceKeys(workspaceId, opened, masters.current.id, at);
  }

  function workspaceKeys(): Promise<WorkspaceKeys> {
    if (!workspace) {
      workspace = loadWorkspace();
      workspace.catch(() => {
        workspace = undefined;
      });
    }
    return workspace;
  }

  function keyOf(keyId: string): Promise<CipherKey | null> {
    let key = keys.get(keyId);
    if (!key) {
      key = loadKeys([keyId]).then(() => keys.get(keyId) ?? Promise.resolve(null));
      keys.set(keyId, key);
    }
    return key;
  }

  async function loadKeys(ids: readonly string[]): Promise<void> {
    const { dataKey } = await workspaceKeys();
    const rows = await getPersonKeys(db, workspaceId, ids);
    const found = new Map(rows.map((r) => [r.id, r]));
    for (const id of ids) {
      const row = found.get(id);
      keys.set(id, row ? openPersonKey(webCipher, dataKey, workspaceId, row) : Promise.resolve(null));
    }
  }

  async function mint(leadId: string | null): Promise<NewPersonKey> {
    const { dataKey } = await workspaceKeys();
    const { key, ...stored } = await mintPersonKey(tools, dataKey, workspaceId);
    const fresh = { ...stored, leadId };
    minted.set(fresh.id, fresh);
    keys.set(fresh.id, Promise.resolve(key));
    return fresh;
  }

  return {
    workspaceId,
    load: async (ids) => {
      const wanted = [...new Set([...ids].filter((id): id is string => !!id && !keys.has(id)))];
      if (wanted.length === 0) return;
      const loading = loadKeys(wanted);
      for (const id of wanted)
        keys.set(
          id,
          loading.then(() => keys.get(id) ?? Promise.resolve(null)),
        );
      await loading;
    },
    keyOfLead: (leadId, known, options) => {
      if (known) {
        const remembered = Promise.resolve(known);
        leadKeys.set(leadId, remembered);
        return remembered;
      }
      let id = leadKeys.get(leadId);
      if (!id) {
        id = (async () => {
          if (options?.isNew) return (await mint(leadId)).id;
          const stored = await getPersonKeyOfLead(db, workspaceId, leadId);
          if (!stored) return (await mint(leadId)).id;
          const { dataKey } = await workspaceKeys();
          keys.set(stored.id, openPersonKey(webCipher, dataKey, workspaceId, stored));
          return stored.id;
        })();
        id.catch(() => leadKeys.delete(leadId));
        leadKeys.set(leadId, id);
      }
      return id;
    },
    mintKey: (leadId = null) => mint(leadId),
    minted: (keyId) => minted.get(keyId),
    seal: async (keyId, slot, text) => {
      const key = await keyOf(keyId);
      if (!key) throw new Error(`person key ${keyId} does not exist (destroyed by an erasure?)`);
      return sealText(tools, key, keyId, additionalDataOf(workspaceId, slot), text);
    },
    open: async (sealed, slot) => {
      const keyId = keyIdOfSealed(sealed);
      if (!sealed || !keyId) return null;
      const key = await keyOf(keyId);
      return key ? openText(webCipher, key, additionalDataOf(workspaceId, slot), sealed) : null;
    },
    blindIndex: (kind, value) => {
      const cacheKey = `${kind}:${value}`;
      let index = indexes.get(cacheKey);
      if (!index) {
        index = workspaceKeys().then((w) => blindIndex(webHost, w.indexKey, kind, value));
        indexes.set(cacheKey, index);
      }
      return index;
    },
  };
}
