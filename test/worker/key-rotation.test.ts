import { drizzle } from 'drizzle-orm/d1';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../../worker/db/batch';
import { destroyPersonKeys, personKeyInserts } from '../../worker/db/queries/privacy-keys';
import * as schema from '../../worker/db/schema';
import { KeysUnavailableError, slot } from '../../worker/domain/privacy';
import type { DatabaseContext, EncryptionSecrets } from '../../worker/services/context';
import { vaultOf } from '../../worker/services/privacy';
import { createTestWorkspace, env } from './harness';

function context(encryption: EncryptionSecrets): DatabaseContext {
  return { db: drizzle(env.DB, { schema }), now: new Date(), encryption };
}

const newMaster = () => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));

/** A value sealed for a person whose key is stored, as the write that first uses it would. */
async function sealedFor(ctx: DatabaseContext, workspaceId: string, leadId: string, text: string) {
  const vault = vaultOf(ctx, workspaceId);
  const keyId = await vault.keyOfLead(leadId);
  const minted = vault.minted(keyId);
  await runBatch(ctx.db, personKeyInserts(ctx.db, workspaceId, minted ? [minted] : [], ctx.now));
  return { keyId, sealed: await vault.seal(keyId, slot.lead(leadId), text) };
}

describe('rotating LEADPACT_ENCRYPTION_KEY', () => {
  it('should keep a live person readable through the rotation and after the old master is removed, and an erased one unreadable', async () => {
    const ws = await createTestWorkspace();
    const old = { key: env.LEADPACT_ENCRYPTION_KEY };
    const live = await sealedFor(context(old), ws.id, 'lead_live', 'Ola Nowak');
    const erased = await sealedFor(context(old), ws.id, 'lead_erased', 'Jan Kowal');
    const ctx = context(old);
    await runBatch(ctx.db, destroyPersonKeys(ctx.db, ws.id, [erased.keyId]));

    // Rotation: the new master in LEADPACT_ENCRYPTION_KEY, the old one in _PREVIOUS.
    const master = newMaster();
    const rotating = vaultOf(context({ key: master, previousKey: old.key }), ws.id);
    expect(await rotating.open(live.sealed, slot.lead('lead_live'))).toBe('Ola Nowak');
    expect(await rotating.open(erased.sealed, slot.lead('lead_erased'))).toBeNull();

    // The old master removed: still readable (the workspace keys moved under the new one); the erased stays gone.
    const after = vaultOf(context({ key: master }), ws.id);
    expect(await after.open(live.sealed, slot.lead('lead_live'))).toBe('Ola Nowak');
    expect(await after.open(erased.sealed, slot.lead('lead_erased'))).toBeNull();
    // The data rows were never re-encrypted: the sealed value is the very one written before the rotation.
    expect(live.sealed.split('.')[1]).toBe(live.keyId);
    // And the retired master opens nothing any more.
    await expect(
      vaultOf(context(old), ws.id).open(live.sealed, slot.lead('lead_live')),
    ).rejects.toBeInstanceOf(KeysUnavailableError);
  });
});
