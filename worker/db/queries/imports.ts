import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ChunkReads, PlannedConsent, PlannedRowKey, StoredRow } from '../../domain/import/plan-chunk';
import type { ReadyRow } from '../../domain/import/row';
import type { LeadState } from '../../domain/ledger/lead';
import type { Vault } from '../../domain/privacy';
import { runBatch, type Statement } from '../batch';
import type { Database } from '../client';
import { insertStatements } from '../insert-rows';
import { consents, importRows, leads, members } from '../schema';
import { chunks, inWorkspace, rowsPerInsert } from '../scope';
import { erasedIndexQuery } from './erased-identities';
import { openLeadRows } from './leads';

/** Owners named by e-mail: every member of the workspace (a past owner may be inactive now). */
export async function loadMembersByEmail(db: Database, workspaceId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: members.id, email: members.email })
    .from(members)
    .where(eq(members.workspaceId, workspaceId))
    .all();
  return new Map(rows.map((m) => [m.email.toLowerCase(), m.id]));
}

/**
 * What one chunk of an import needs from the database, in one batch of reads: earlier imports of
 * its rows under the same key, the leads their e-mails and phones (and stored keys) name, and which
 * of those e-mails and phones belong to erased people. Looked up by blind index only.
 */
export async function readChunk(
  db: Database,
  vault: Vault,
  workspaceId: string,
  importKey: string,
  rows: readonly ReadyRow[],
): Promise<ChunkReads> {
  const keys = [...new Set(rows.map((r) => r.key))];
  const keyIndexes = await Promise.all(keys.map((k) => vault.blindIndex('import-row', k)));
  const rowKeyIndex = new Map(keys.map((k, i) => [k, keyIndexes[i] as string]));
  const keyOfIndex = new Map(keys.map((k, i) => [keyIndexes[i] as string, k]));
  const emails = [...new Set(rows.flatMap((r) => (r.submission.email ? [r.submission.email] : [])))];
  const phones = [...new Set(rows.flatMap((r) => (r.submission.phone ? [r.submission.phone] : [])))];
  const keyReads = chunks(keyIndexes).map((part) =>
    db
      .select({ rowKey: importRows.rowKey, contentHash: importRows.contentHash, leadId: importRows.leadId })
      .from(importRows)
      .where(
        and(
          eq(importRows.workspaceId, workspaceId),
          eq(importRows.importKey, importKey),
          inArray(importRows.rowKey, part),
        ),
      ),
  );
  // E-mails and phones are searched, and erased people remembered, by blind index only.
  const identities = [
    ...emails.map((value) => ({ kind: 'email' as const, value })),
    ...phones.map((value) => ({ kind: 'phone' as const, value })),
  ];
  const hashes = await Promise.all(identities.map((i) => vault.blindIndex(i.kind, i.value)));
  const identityOfHash = new Map(hashes.map((hash, i) => [`${identities[i]?.kind}:${hash}`, identities[i]]));
  const emailIndexes = hashes.slice(0, emails.length);
  const phoneIndexes = hashes.slice(emails.length);
  const emailReads = chunks(emailIndexes).map((part) =>
    db
      .select()
      .from(leads)
      .where(and(eq(leads.workspaceId, workspaceId), inArray(leads.emailIndex, part))),
  );
  // Every lead a phone names, with or without an e-mail: Identities picks by intake's rule.
  const phoneReads = chunks(phoneIndexes).map((part) =>
    db
      .select()
      .from(leads)
      .where(and(eq(leads.workspaceId, workspaceId), inArray(leads.phoneIndex, part))),
  );
  const erasedReads = chunks(hashes).map((part) => erasedIndexQuery(db, workspaceId, part));
  const reads = [...keyReads, ...erasedReads, ...emailReads, ...phoneReads];
  // A batch of selects answers one row array per select.
  const results = (await runBatch(db, reads)) as unknown[][];
  const stored = new Map<string, StoredRow>();
  const found = new Map<string, LeadState>();
  const erased = new Map<string, string>();
  const leadRows: (typeof leads.$inferSelect)[] = [];
  results.forEach((result, i) => {
    if (i < keyReads.length) {
      for (const r of result as { rowKey: string; contentHash: string; leadId: string }[]) {
        const key = keyOfIndex.get(r.rowKey);
        if (key !== undefined) stored.set(key, { contentHash: r.contentHash, leadId: r.leadId });
      }
    } else if (i < keyReads.length + erasedReads.length) {
      for (const r of result as { kind: string; hash: string; erasedAt: string }[]) {
        const identity = identityOfHash.get(`${r.kind}:${r.hash}`);
        if (identity) erased.set(`${identity.kind}:${identity.value}`, r.erasedAt);
      }
    } else leadRows.push(...(result as (typeof leads.$inferSelect)[]));
  });
  for (const state of await openLeadRows(vault, leadRows)) found.set(state.id, state);
  // A changed row with an external id merges into the lead it made before, whatever its e-mail now.
  const missing = [...new Set([...stored.values()].map((s) => s.leadId))].filter((id) => !found.has(id));
  for (const part of chunks(missing)) {
    const rowsById = await db
      .select()
      .from(leads)
      .where(and(inWorkspace(leads.workspaceId, workspaceId), inArray(leads.id, part)))
      .all();
    for (const state of await openLeadRows(vault, rowsById)) found.set(state.id, state);
  }
  return { stored, rowKeyIndex, leads: found, erased };
}

/** The chunk's consent records (texts already sealed) and row keys, as statements for its write batch. */
export function importChunkStatements(
  db: Database,
  workspaceId: string,
  importKey: string,
  plan: { consents: readonly PlannedConsent[]; rowKeys: readonly PlannedRowKey[] },
  now: Date,
): Statement[] {
  const at = now.toISOString();
  const statements: Statement[] = [];
  const consentRows = plan.consents.map((c) => ({ ...c, workspaceId, formId: null }));
  statements.push(...insertStatements(db, consents, consentRows));
  const keyRows = plan.rowKeys.map((r) => ({ ...r, workspaceId, importKey, createdAt: at, updatedAt: at }));
  for (const part of chunks(keyRows, rowsPerInsert(importRows))) {
    statements.push(
      db
        .insert(importRows)
        .values(part)
        .onConflictDoUpdate({
          target: [importRows.workspaceId, importRows.importKey, importRows.rowKey],
          set: {
            contentHash: sql`excluded.content_hash`,
            leadId: sql`excluded.lead_id`,
            updatedAt: sql`excluded.updated_at`,
          },
        }),
    );
  }
  return statements;
}
