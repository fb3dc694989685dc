import { runBatch } from '../../db/batch';
import { retryOnConflict } from '../../db/conflict';
import { importChunkStatements, loadMembersByEmail, readChunk } from '../../db/queries/imports';
import { appendStatements } from '../../db/queries/leads';
import { chunks } from '../../db/scope';
import { thing } from '../../domain/i18n';
import { type ChunkSettings, planChunk, type StoredRow } from '../../domain/import/plan-chunk';
import type { ImportRowResult } from '../../domain/import/request';
import type { ReadRow, ReadyRow } from '../../domain/import/row';
import type { JudgingAgreement } from '../../domain/ledger/judge';
import type { Actor } from '../../domain/ledger/lead';
import { slot } from '../../domain/privacy';
import { webHost } from '../../platform/web-host';
import type { ServiceContext } from '../context';
import { vaultOf } from '../privacy/vault';

/**
 * Rows planned and written together: one read batch and one write batch each. A chunk of 200 new
 * leads is about 1,200 statements (lead row, four events, consent, import key), each binding at most
 * the lead row's columns, well under D1's 100 parameters; 20,000 rows are about 200 D1 calls.
 */
export const IMPORT_CHUNK_ROWS = 200;

export interface ImportRowsInput {
  agreement: JudgingAgreement;
  actor: Actor;
  importKey: string;
  /** The workspace's sources by lower-cased name: every `sourceName` of `rows` is in it (the import verb resolves them). */
  sources: ReadonlyMap<string, { id: string; name: string }>;
  rows: readonly ReadRow[];
  /** Field → the column it came from, to name columns in per-row reasons. */
  columnOf: ReadonlyMap<string, string>;
  /** Wall-clock milliseconds after which no new chunk starts; the answer says where to resume. */
  budgetMs?: number;
}

export interface ImportRowsOutput {
  results: ImportRowResult[];
  /** How many of `rows` were handled (all, unless the time budget ran out). */
  handled: number;
}

/**
 * Imports read rows in chunks: per chunk one read batch (earlier imports of the same rows, the
 * leads their e-mails and phones name), the domain's plan (`planChunk`), and one write batch (events
 * and projections through `appendStatements`, consent records sealed with their lead's key, import
 * keys), all or nothing. A concurrent write to one of the chunk's leads fails the batch on the
 * ledger's unique (lead_id, seq); the chunk is then read and planned again. Refused rows write
 * nothing; repeated rows are answered from `import_rows`.
 */
export async function importLeadRows({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ImportRowsInput;
}): Promise<ImportRowsOutput> {
  const { db, workspaceId, now } = ctx;
  const vault = vaultOf(ctx, workspaceId);
  // The budget is the request's own running time, not business time: the one clock a verb reads.
  const started = Date.now();
  const settings: ChunkSettings = {
    agreement: input.agreement,
    actor: input.actor,
    importKey: input.importKey,
    currency: input.agreement.content.goals.currency,
    owners: await loadMembersByEmail(db, workspaceId),
    sources: input.sources,
    columnOf: input.columnOf,
    now,
    host: webHost,
  };
  const results: ImportRowResult[] = [];
  let seen = new Map<string, StoredRow>();
  let handled = 0;
  for (const rows of chunks(input.rows, IMPORT_CHUNK_ROWS)) {
    if (handled > 0 && input.budgetMs !== undefined && Date.now() - started > input.budgetMs) break;
    const readyRows = rows.filter((r): r is ReadyRow => r.kind === 'ready');
    const plan = await retryOnConflict(
      async () => {
        const reads = await readChunk(db, vault, workspaceId, input.importKey, readyRows);
        const candidate = planChunk(readyRows, reads, seen, settings);
        // Sealed concurrently: each lead's crypto is independent; the statements keep the plan's order.
        const appends = await Promise.all(
          candidate.leads.map((l) =>
            appendStatements(db, vault, workspaceId, l.fromSeq, l.state, l.events, now),
          ),
        );
        // Consent text is the person's: sealed with the key appendStatements found or made for their lead.
        const consents = await Promise.all(
          candidate.consents.map(async (c) => ({
            ...c,
            text:
              c.text === null
                ? null
                : await vault.seal(await vault.keyOfLead(c.leadId), slot.consent(c.id), c.text),
          })),
        );
        await runBatch(db, [
          ...appends.flat(),
          ...importChunkStatements(db, workspaceId, input.importKey, { ...candidate, consents }, now),
        ]);
        return candidate;
      },
      { what: thing('theseLeads') },
    );
    seen = plan.seen;
    const byRow = new Map(plan.results.map((r) => [r.row, r]));
    for (const row of rows) {
      results.push(
        row.kind === 'refused'
          ? { row: row.row, status: 'refused', leadId: null, reasons: row.reasons }
          : (byRow.get(row.row) as ImportRowResult),
      );
    }
    handled += rows.length;
  }
  return { results, handled };
}
