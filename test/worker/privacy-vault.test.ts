import { drizzle } from 'drizzle-orm/d1';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../../worker/db/batch';
import { destroyPersonKeys, personKeyInserts } from '../../worker/db/queries/privacy-keys';
import * as schema from '../../worker/db/schema';
import { EVENT_TYPES } from '../../worker/domain/ledger/constants';
import { personalMatcher } from '../../worker/domain/ledger/erasure';
import {
  joinPayload,
  KeysUnavailableError,
  keyIdOfSealed,
  parseSealed,
  slot,
  splitPayload,
} from '../../worker/domain/privacy';
import { webHost } from '../../worker/platform/web-host';
import type { DatabaseContext, EncryptionSecrets } from '../../worker/services/context';
import { vaultOf } from '../../worker/services/privacy';
import {
  forgetWorkspaceKeys,
  WORKSPACE_KEYS_TTL_MS,
} from '../../worker/services/privacy/held-workspace-keys';
import { createTestWorkspace, env } from './harness';
import { meteredD1 } from './metered-d1';

const secrets = { key: env.LEADPACT_ENCRYPTION_KEY };

function context(encryption: EncryptionSecrets = secrets, binding: D1Database = env.DB): DatabaseContext {
  return { db: drizzle(binding, { schema }), now: new Date(), encryption };
}

/** A vault whose freshly minted key for `leadId` is stored, as the write that first uses it would. */
async function vaultWithKey(ctx: DatabaseContext, workspaceId: string, leadId: string) {
  const vault = vaultOf(ctx, workspaceId);
  const keyId = await vault.keyOfLead(leadId);
  const minted = vault.minted(keyId);
  expect(minted?.leadId).toBe(leadId);
  await runBatch(ctx.db, personKeyInserts(ctx.db, workspaceId, minted ? [minted] : [], ctx.now));
  return { vault, keyId };
}

describe('the vault: per-person keys under the workspace keys', () => {
  it('seals and opens a value, and the stored ciphertext holds no plaintext', async () => {
    const ws = await createTestWorkspace();
    const ctx = context();
    const { vault, keyId } = await vaultWithKey(ctx, ws.id, 'lead_a');
    const sealed = await vault.seal(keyId, slot.lead('lead_a'), 'Zofia Kowalska <zofia@example.pl>');
    expect(sealed).not.toContain('Zofia');
    expect(keyIdOfSealed(sealed)).toBe(keyId);
    expect(parseSealed(sealed)?.iv.length).toBe(12);
    expect(await vault.open(sealed, slot.lead('lead_a'))).toBe('Zofia Kowalska <zofia@example.pl>');
    // A second request loads the key from D1: the stored key opens it too.
    const later = vaultOf(context(), ws.id);
    expect(await later.keyOfLead('lead_a')).toBe(keyId);
    expect(await later.open(sealed, slot.lead('lead_a'))).toBe('Zofia Kowalska <zofia@example.pl>');
    // Two seals of the same text differ (fresh iv).
    expect(await vault.seal(keyId, slot.lead('lead_a'), 'x')).not.toBe(
      await vault.seal(keyId, slot.lead('lead_a'), 'x'),
    );
  });

  it('refuses a tampered value, one copied to another row, and one copied to another workspace', async () => {
    const a = await createTestWorkspace();
    const b = await createTestWorkspace();
    const ctx = context();
    const { vault, keyId } = await vaultWithKey(ctx, a.id, 'lead_t');
    const sealed = await vault.seal(keyId, slot.event('evt_1'), '{"message":"call me"}');
    const parts = sealed.split('.');
    const data = parts[3] ?? '';
    const flipped = `${data.slice(0, 5)}${data[5] === 'A' ? 'B' : 'A'}${data.slice(6)}`;
    expect(
      await vault.open([parts[0], parts[1], parts[2], flipped].join('.'), slot.event('evt_1')),
    ).toBeNull();
    expect(await vault.open(sealed, slot.event('evt_2'))).toBeNull();
    expect(await vault.open(sealed, slot.consent('evt_1'))).toBeNull();
    expect(await vault.open('not sealed', slot.event('evt_1'))).toBeNull();
    // Workspace B has its own keys: A's person key id is unknown there, and its row copied over does not open.
    const other = vaultOf(context(), b.id);
    expect(await other.open(sealed, slot.event('evt_1'))).toBeNull();
    const db = ctx.db;
    const stored = await db.select().from(schema.personKeys).all();
    const row = stored.find((r) => r.id === keyId);
    expect(row).toBeDefined();
    if (row) {
      await db
        .insert(schema.personKeys)
        .values({ ...row, workspaceId: b.id })
        .run();
      expect(await vaultOf(context(), b.id).open(sealed, slot.event('evt_1'))).toBeNull();
    }
    expect(await vaultOf(context(), a.id).open(sealed, slot.event('evt_1'))).toBe('{"message":"call me"}');
  });

  it('destroying a person key leaves their values unopenable, and other people untouched', async () => {
    const ws = await createTestWorkspace();
    const ctx = context();
    const one = await vaultWithKey(ctx, ws.id, 'lead_gone');
    const two = await vaultWithKey(context(), ws.id, 'lead_kept');
    const gone = await one.vault.seal(one.keyId, slot.lead('lead_gone'), 'erase me');
    const kept = await two.vault.seal(two.keyId, slot.lead('lead_kept'), 'keep me');
    await runBatch(ctx.db, destroyPersonKeys(ctx.db, ws.id, [one.keyId]));
    const fresh = vaultOf(context(), ws.id);
    await fresh.load([keyIdOfSealed(gone), keyIdOfSealed(kept)]);
    expect(await fresh.open(gone, slot.lead('lead_gone'))).toBeNull();
    expect(await fresh.open(kept, slot.lead('lead_kept'))).toBe('keep me');
    // A new write for the erased lead gets a new key, never the old one back.
    const again = await fresh.keyOfLead('lead_gone');
    expect(again).not.toBe(one.keyId);
    expect(fresh.minted(again)?.leadId).toBe('lead_gone');
  });

  it('loads a list of keys in one read of person_keys', async () => {
    const ws = await createTestWorkspace();
    const sealed: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const { vault, keyId } = await vaultWithKey(context(), ws.id, `lead_${i}`);
      sealed.push(await vault.seal(keyId, slot.lead(`lead_${i}`), `person ${i}`));
    }
    const metered = meteredD1(env.DB);
    const vault = vaultOf(context(secrets, metered.binding), ws.id);
    await vault.load(sealed.map(keyIdOfSealed));
    const keyReads = () => metered.log.filter((s) => s.sql.includes('"person_keys"')).length;
    expect(keyReads()).toBe(1);
    expect(await Promise.all(sealed.map((s, i) => vault.open(s, slot.lead(`lead_${i}`))))).toEqual(
      sealed.map((_, i) => `person ${i}`),
    );
    expect(keyReads()).toBe(1);
  });

  it('gives a stable, workspace-specific blind index of normalised e-mails and phones', async () => {
    const a = await createTestWorkspace();
    const b = await createTestWorkspace();
    const va = vaultOf(context(), a.id);
    const index = await va.blindIndex('email', 'Zofia@Example.PL ');
    expect(index).toMatch(/^[0-9a-f]{64}$/);
    expect(await vaultOf(context(), a.id).blindIndex('email', 'zofia@example.pl')).toBe(index);
    expect(await va.blindIndex('email', 'zofia2@example.pl')).not.toBe(index);
    expect(await va.blindIndex('phone', '+48 600 100 200')).toBe(
      await va.blindIndex('phone', '+48600100200'),
    );
    expect(await vaultOf(context(), b.id).blindIndex('email', 'zofia@example.pl')).not.toBe(index);
  });

  it('fails closed without a master key, and with a key that did not seal the workspace', async () => {
    const ws = await createTestWorkspace();
    const before = await vaultOf(context(), ws.id).blindIndex('email', 'a@b.pl');
    await expect(vaultOf(context({}), ws.id).blindIndex('email', 'a@b.pl')).rejects.toBeInstanceOf(
      KeysUnavailableError,
    );
    await expect(vaultOf(context({ key: 'too short' }), ws.id).keyOfLead('x')).rejects.toBeInstanceOf(
      KeysUnavailableError,
    );
    const other = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
    const refusal = await vaultOf(context({ key: other }), ws.id)
      .blindIndex('email', 'a@b.pl')
      .catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(KeysUnavailableError);
    expect((refusal as KeysUnavailableError).code).toBe('unavailable');
    expect((refusal as KeysUnavailableError).message).toContain('LEADPACT_ENCRYPTION_KEY_PREVIOUS');
    // A rotation: the old key set as the previous one opens the workspace keys, which move under the new one.
    const rotated = vaultOf(context({ key: other, previousKey: secrets.key }), ws.id);
    expect(await rotated.blindIndex('email', 'a@b.pl')).toBe(before);
    expect(await vaultOf(context({ key: other }), ws.id).blindIndex('email', 'a@b.pl')).toBe(before);
    await expect(vaultOf(context(), ws.id).blindIndex('email', 'a@b.pl')).rejects.toBeInstanceOf(
      KeysUnavailableError,
    );
  });
});

describe('the workspace keys held by the isolate', () => {
  const at = (ms: number, encryption: EncryptionSecrets = secrets, binding: D1Database = env.DB) => ({
    ...context(encryption, binding),
    now: new Date(ms),
  });

  it('reads workspace_keys once per WORKSPACE_KEYS_TTL_MS, and again once that has passed', async () => {
    const ws = await createTestWorkspace();
    const start = Date.now();
    // The workspace's keys exist (its first personal write made them); this isolate holds nothing yet.
    const first = await vaultOf(at(start), ws.id).blindIndex('email', 'a@b.pl');
    forgetWorkspaceKeys(ws.id);
    const metered = meteredD1(env.DB);
    const keyReads = () => metered.log.filter((s) => s.sql.includes('"workspace_keys"')).length;
    expect(await vaultOf(at(start, secrets, metered.binding), ws.id).blindIndex('email', 'a@b.pl')).toBe(
      first,
    );
    expect(keyReads()).toBe(1);
    // Another request (another vault) within the time: the held keys, no read.
    const held = vaultOf(at(start + WORKSPACE_KEYS_TTL_MS - 1, secrets, metered.binding), ws.id);
    expect(await held.blindIndex('email', 'a@b.pl')).toBe(first);
    const { id } = await held.mintKey(null);
    expect(await held.open(await held.seal(id, slot.delivery('dlv_1'), 'x'), slot.delivery('dlv_1'))).toBe(
      'x',
    );
    expect(keyReads()).toBe(1);
    // Past it: read again.
    const later = vaultOf(at(start + WORKSPACE_KEYS_TTL_MS + 1, secrets, metered.binding), ws.id);
    expect(await later.blindIndex('email', 'a@b.pl')).toBe(first);
    expect(keyReads()).toBe(2);
  });

  it('never lends held keys to a request whose master key did not open them, and forgets them at a rotation', async () => {
    const ws = await createTestWorkspace();
    const start = Date.now();
    const before = await vaultOf(at(start), ws.id).blindIndex('email', 'a@b.pl');
    // Held, yet no master key or another one still fails closed, by reading the row.
    await expect(vaultOf(at(start + 1, {}), ws.id).blindIndex('email', 'a@b.pl')).rejects.toBeInstanceOf(
      KeysUnavailableError,
    );
    const other = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
    const metered = meteredD1(env.DB);
    const keyReads = () => metered.log.filter((s) => s.sql.includes('"workspace_keys"')).length;
    await expect(
      vaultOf(at(start + 2, { key: other }, metered.binding), ws.id).blindIndex('email', 'a@b.pl'),
    ).rejects.toBeInstanceOf(KeysUnavailableError);
    expect(keyReads()).toBe(1);
    // The rotation re-wraps them in this isolate: the retired master key opens nothing at once,
    // not after WORKSPACE_KEYS_TTL_MS.
    const rotated = vaultOf(at(start + 3, { key: other, previousKey: secrets.key }), ws.id);
    expect(await rotated.blindIndex('email', 'a@b.pl')).toBe(before);
    await expect(vaultOf(at(start + 4), ws.id).blindIndex('email', 'a@b.pl')).rejects.toBeInstanceOf(
      KeysUnavailableError,
    );
    // The new master key is served from what the rotation held.
    expect(
      await vaultOf(at(start + 5, { key: other }, metered.binding), ws.id).blindIndex('email', 'a@b.pl'),
    ).toBe(before);
    expect(keyReads()).toBe(1);
  });
});

describe('payload split: scrubbed facts plain, the original sealed', () => {
  it('reads back the original when the key opens, the scrubbed facts when it does not', () => {
    const personal = personalMatcher({ emails: ['ola@example.pl'], phones: [], names: ['Ola'], texts: [] });
    fc.assert(
      fc.property(
        fc.constantFrom(...EVENT_TYPES),
        fc.dictionary(
          fc.constantFrom(
            'note',
            'message',
            'amount',
            'currency',
            'reason',
            'reasons',
            'memberId',
            'url',
            'text',
          ),
          fc.oneof(
            fc.string(),
            fc.integer(),
            fc.constant('Ola called back'),
            fc.array(fc.constantFrom('no_budget', 'ola@example.pl')),
          ),
        ),
        (type, payload) => {
          const split = splitPayload(type, payload, personal, webHost);
          expect(joinPayload(split.plain, split.personal)).toEqual(JSON.parse(JSON.stringify(payload)));
          expect(JSON.stringify(split.plain)).not.toContain('ola@example.pl');
          expect(JSON.stringify(split.plain)).not.toMatch(/Ola called/);
          if (split.personal === null) expect(split.plain).toEqual(JSON.parse(JSON.stringify(payload)));
          expect(joinPayload(split.plain, null)).toBe(split.plain);
        },
      ),
      { numRuns: 300 },
    );
  });
});
