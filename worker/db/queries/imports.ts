import { and, eq, inArray, sql } from 'drizzle-orm';
import { formatDate, say, thing } from '../../domain/i18n';
import type { ImportedPayload } from '../../domain/import/fold';
import type { ImportRowResult } from '../../domain/import/request';
import { type ReadRow, type ReadyRow, type RowIssue, rowIssue } from '../../domain/import/row';
import { profileChanges, profileOfSubmission } from '../../domain/intake/profile';
import { type IdentityCandidate, matchIdentity } from '../../domain/ledger/identity';
import { type JudgingAgreement, judgeLead } from '../../domain/ledger/judge';
import {
  type Actor,
  applyEvent,
  type LeadState,
  type LedgerEvent,
  leadProfileOf,
  newLeadState,
} from '../../domain/ledger/lead';
import { slot, type Vault } from '../../domain/privacy';
import { newId } from '../../platform/ids';
import { runBatch, type Statement } from '../batch';
import type { Database } from '../client';
import { retryOnConflict } from '../conflict';
import { consents, importRows, leads, members } from '../schema';
import { chunks } from '../scope';
import { erasedIndexQuery } from './erased-identities';
import { appendStatements, openLeadRows } from './leads';

/**
 * Rows planned and written together: one read batch and one write batch each. A chunk of 200 new
 * leads is about 1,200 statements (lead row, four events, consent, import key), each binding at most
 * the lead row's columns, well under D1's 100 parameters; 20,000 rows are about 200 D1 calls.
 */
export const IMPORT_CHUNK_ROWS = 200;
/** D1 binds at most 100 parameters per statement; `IN (...)` lists leave room for the scoping ones. */
const IN_LIST = 90;
const MAX_ATTEMPTS = 8;

export interface ImportRowsInput {
  workspaceId: string;
  agreement: JudgingAgreement;
  actor: Actor;
  importKey: string;
  /** The workspace's sources by lower-cased name: every `sourceName` of `rows` is in it (the import verb resolves them). */
  sources: ReadonlyMap<string, { id: string; name: string }>;
  rows: readonly ReadRow[];
  /** Field → the column it came from, to name columns in per-row reasons. */
  columnOf: ReadonlyMap<string, string>;
  now: Date;
  /** Wall-clock milliseconds after which no new chunk starts; the answer says where to resume. */
  budgetMs?: number;
}

export interface ImportRowsOutput {
  results: ImportRowResult[];
  /** How many of `rows` were handled (all, unless the time budget ran out). */
  handled: number;
}

/** Owners named by e-mail: every member of the workspace (a past owner may be inactive now). */
async function loadMembersByEmail(db: Database, workspaceId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: members.id, email: members.email })
    .from(members)
    .where(eq(members.workspaceId, workspaceId))
    .all();
  return new Map(rows.map((m) => [m.email.toLowerCase(), m.id]));
}

interface StoredRow {
  contentHash: string;
  leadId: string;
  /** Set when the row was handled earlier in this same call. */
  row?: number;
}

/** What one chunk needs from the database, read in one batch. */
interface ChunkReads {
  stored: Map<string, StoredRow>;
  /** Each row key → its blind index, what `import_rows.row_key` stores (an external id may be an e-mail). */
  rowKeyIndex: Map<string, string>;
  leads: Map<string, LeadState>;
  /** `email:<value>` / `phone:<value>` of erased people → when they were erased. */
  erased: Map<string, string>;
}

async function readChunk(
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
  const keyReads = chunks(keyIndexes, IN_LIST).map((part) =>
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
  const emailReads = chunks(emailIndexes, IN_LIST).map((part) =>
    db
      .select()
      .from(leads)
      .where(and(eq(leads.workspaceId, workspaceId), inArray(leads.emailIndex, part))),
  );
  // Every lead a phone names, with or without an e-mail: Identities picks by intake's rule.
  const phoneReads = chunks(phoneIndexes, IN_LIST).map((part) =>
    db
      .select()
      .from(leads)
      .where(and(eq(leads.workspaceId, workspaceId), inArray(leads.phoneIndex, part))),
  );
  const erasedReads = chunks(hashes, IN_LIST).map((part) => erasedIndexQuery(db, workspaceId, part));
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
  for (const part of chunks(missing, IN_LIST)) {
    const rowsById = await db
      .select()
      .from(leads)
      .where(and(eq(leads.workspaceId, workspaceId), inArray(leads.id, part)))
      .all();
    for (const state of await openLeadRows(vault, rowsById)) found.set(state.id, state);
  }
  return { stored, rowKeyIndex, leads: found, erased };
}

interface Entry {
  before: LeadState | null;
  state: LeadState;
  events: LedgerEvent[];
  sourceNames: string[];
}

/**
 * Who is who inside one chunk, by intake's own rule (`matchIdentity`): the
 * e-mail's lead, else the lead known only by the phone, else (a row with only a
 * phone) the lead that has it beside an e-mail and was updated last.
 */
class Identities {
  private readonly candidates = new Map<string, IdentityCandidate>();
  private readonly byEmail = new Map<string, string>();
  private readonly byPhone = new Map<string, Set<string>>();

  index(state: LeadState): void {
    const email = state.profile.email === null ? null : String(state.profile.email);
    const phone = state.profile.phone === null ? null : String(state.profile.phone);
    const before = this.candidates.get(state.id);
    if (before?.phone && before.phone !== phone) this.byPhone.get(before.phone)?.delete(state.id);
    this.candidates.set(state.id, { id: state.id, email, phone, updatedAt: state.updatedAt });
    if (email) this.byEmail.set(email, state.id);
    if (phone) this.byPhone.set(phone, (this.byPhone.get(phone) ?? new Set()).add(state.id));
  }

  find(email: string | null, phone: string | null): string | undefined {
    const ids = new Set([
      ...(email && this.byEmail.has(email) ? [this.byEmail.get(email) as string] : []),
      ...(phone ? (this.byPhone.get(phone) ?? []) : []),
    ]);
    const named = [...ids].flatMap((id) => this.candidates.get(id) ?? []);
    return matchIdentity({ email, phone }, named).lead?.id;
  }

  /** The other lead that already holds what `state` would hold uniquely (its e-mail; a phone among phone-only leads), if any. */
  clash(state: LeadState): string | undefined {
    const email = state.profile.email === null ? null : String(state.profile.email);
    const phone = state.profile.phone === null ? null : String(state.profile.phone);
    if (email) {
      const holder = this.byEmail.get(email);
      return holder !== undefined && holder !== state.id ? holder : undefined;
    }
    if (!phone) return undefined;
    return [...(this.byPhone.get(phone) ?? [])].find(
      (id) => id !== state.id && this.candidates.get(id)?.email === null,
    );
  }
}

interface ChunkContext {
  input: ImportRowsInput;
  owners: ReadonlyMap<string, string>;
  sources: ReadonlyMap<string, { id: string; name: string }>;
}

/** The events one row adds to its lead (new or existing), folded as they go. */
function rowEvents(entry: Entry, row: ReadyRow, outcome: 'created' | 'merged', ctx: ChunkContext) {
  const { input } = ctx;
  const s = row.submission;
  const source = row.history.sourceName ? ctx.sources.get(row.history.sourceName.toLowerCase()) : undefined;
  const base = {
    occurredAt: s.submittedAt,
    actor: input.actor,
    sourceId: source?.id ?? null,
    campaign: s.campaign,
    // History: no agreement version judged these facts, and none starts a clock.
    agreementVersion: null,
  };
  const events: LedgerEvent[] = [];
  if (outcome === 'created') {
    events.push({
      ...base,
      type: 'created',
      payload: {
        profile: profileOfSubmission(s),
        createsLead: true,
        provider: 'import',
        importKey: input.importKey,
        utm: { source: s.utmSource, medium: s.utmMedium, campaign: s.utmCampaign },
      },
    });
  } else {
    const changes = profileChanges(entry.state.profile, profileOfSubmission(s));
    if (Object.keys(changes).length > 0)
      events.push({ ...base, type: 'profile_updated', payload: { changes } });
  }
  if (s.consent === true && !entry.state.consent) {
    events.push({ ...base, type: 'consent_given', payload: { text: s.consentText, purposes: ['contact'] } });
  }
  const h = row.history;
  const payload: ImportedPayload = {
    importKey: input.importKey,
    row: row.row,
    outcome,
    stage: h.stage,
    stageAt: h.stageAt,
    submittedAt: s.submittedAt,
    ownerId: h.ownerEmail ? (ctx.owners.get(h.ownerEmail) ?? null) : null,
    sourceName: source?.name ?? null,
    amount: h.amount,
    currency: h.amount === null ? null : (h.currency ?? input.agreement.content.goals.currency),
    reason: h.reason,
    message: s.message,
  };
  events.push({ ...base, occurredAt: h.stageAt, type: 'imported', payload: { ...payload } });
  let state = entry.state;
  for (const event of events) state = applyEvent(state, event);
  return { events, state, sourceName: source?.name ?? null };
}

interface ChunkPlan {
  results: ImportRowResult[];
  statements: Statement[];
  seen: Map<string, StoredRow>;
}

/** Plans one chunk against fresh reads: per-row outcomes and every statement of its write batch. */
async function planChunk(
  db: Database,
  vault: Vault,
  rows: readonly ReadyRow[],
  reads: ChunkReads,
  seenBefore: ReadonlyMap<string, StoredRow>,
  ctx: ChunkContext,
): Promise<ChunkPlan> {
  const { input } = ctx;
  const now = input.now;
  const at = now.toISOString();
  const seen = new Map(seenBefore);
  // Every row of the chunk was indexed when it was read.
  const rowKeyIndex = (key: string) => reads.rowKeyIndex.get(key) as string;
  const identities = new Identities();
  for (const state of reads.leads.values()) identities.index(state);
  const entries = new Map<string, Entry>();
  const entryOf = (id: string): Entry | undefined => {
    const existing = entries.get(id);
    if (existing) return existing;
    const state = reads.leads.get(id);
    if (!state) return undefined;
    const entry = { before: state, state, events: [], sourceNames: [] };
    entries.set(id, entry);
    return entry;
  };
  const results: ImportRowResult[] = [];
  // By row key: a row whose external id comes twice in one chunk with other values is stored once, as last seen.
  const keyRows = new Map<string, typeof importRows.$inferInsert>();
  const consentRows: (typeof consents.$inferInsert)[] = [];

  const columnOf = (field: string) => input.columnOf.get(field) ?? null;
  for (const row of rows) {
    const warnings = [...row.warnings];
    const prior = seen.get(row.key) ?? reads.stored.get(row.key);
    // A row imported before as a person since erased is not 'unchanged': it is judged as a new
    // row, so the erased people's memory refuses it (the row key is a blind index, it never named them).
    const priorErased = prior
      ? (entries.get(prior.leadId)?.state ?? reads.leads.get(prior.leadId))?.erasedAt
      : null;
    if (prior && prior.contentHash === row.contentHash && !priorErased) {
      results.push({
        row: row.row,
        status: 'unchanged',
        leadId: prior.leadId,
        ...(prior.row !== undefined ? { sameAs: prior.row } : {}),
      });
      continue;
    }
    const s = row.submission;
    let entry = prior ? entryOf(prior.leadId) : undefined;
    // An erased lead is an anonymous tombstone: the person can only come back as a new lead.
    if (!entry || entry.state.erasedAt) {
      const leadId = identities.find(s.email, s.phone);
      entry = leadId === undefined ? undefined : entryOf(leadId);
    }
    if (!entry) {
      const refusal = erasedRefusal(row, reads.erased, columnOf);
      if (refusal) {
        results.push({ row: row.row, status: 'refused', leadId: null, reasons: [refusal] });
        continue;
      }
    }
    const outcome = entry ? 'merged' : 'created';
    if (!entry) {
      const fresh = newLeadState(newId('lead', now.getTime()), s.submittedAt);
      entry = { before: null, state: fresh, events: [], sourceNames: [] };
    }
    const planned = rowEvents(entry, row, outcome, ctx);
    const holder = identities.clash(planned.state);
    if (holder !== undefined) {
      results.push({
        row: row.row,
        status: 'refused',
        leadId: null,
        reasons: [
          rowIssue(
            s.email ? 'email' : 'phone',
            columnOf(s.email ? 'email' : 'phone'),
            say(s.email ? 'rowEmailTaken' : 'rowPhoneTaken', { lead: holder }),
          ),
        ],
      });
      continue;
    }
    entry.events.push(...planned.events);
    entry.state = planned.state;
    if (planned.sourceName) entry.sourceNames.push(planned.sourceName);
    entries.set(entry.state.id, entry);
    identities.index(entry.state);

    const h = row.history;
    if (h.ownerEmail && !ctx.owners.has(h.ownerEmail)) {
      warnings.push(rowIssue('owner', columnOf('owner'), say('rowOwnerUnknown', { email: h.ownerEmail })));
    }
    if (s.consent === true) {
      consentRows.push({
        id: newId('cns', now.getTime()),
        workspaceId: input.workspaceId,
        leadId: entry.state.id,
        sourceId: planned.events[0]?.sourceId ?? null,
        formId: null,
        givenAt: s.submittedAt,
        text: s.consentText,
        purposes: ['contact'],
        deliveryKey: `import:${input.importKey}:${rowKeyIndex(row.key)}`.slice(0, 500),
      });
    }
    keyRows.set(row.key, {
      workspaceId: input.workspaceId,
      importKey: input.importKey,
      rowKey: rowKeyIndex(row.key),
      contentHash: row.contentHash,
      leadId: entry.state.id,
      outcome,
      createdAt: at,
      updatedAt: at,
    });
    seen.set(row.key, { contentHash: row.contentHash, leadId: entry.state.id, row: row.row });
    results.push({
      row: row.row,
      status: outcome,
      leadId: entry.state.id,
      ...(warnings.length > 0 ? { warnings } : {}),
    });
  }

  const statements: Statement[] = [];
  const appends: Promise<Statement[]>[] = [];
  for (const entry of entries.values()) {
    if (entry.events.length === 0) continue;
    // Imported leads are scored (fit, quadrant) but never made MQLs or routed: they are history.
    const judgement = judgeLead({
      state: entry.state,
      touches: [],
      profile: leadProfileOf(entry.state, entry.sourceNames),
      agreement: input.agreement,
      candidates: [],
      routing: { rules: [], lastMemberId: null },
      actor: { type: 'system', id: null },
      now,
    });
    for (const event of judgement.events.filter((e) => e.type === 'scored')) {
      entry.events.push(event);
      entry.state = applyEvent(entry.state, event);
    }
    // Sealed concurrently: each lead's crypto is independent; the statements keep the entries' order.
    appends.push(
      appendStatements(db, vault, input.workspaceId, entry.before?.seq ?? 0, entry.state, entry.events, now),
    );
  }
  for (const appended of await Promise.all(appends)) statements.push(...appended);
  // Consent text is the person's: sealed with the key appendStatements found or made for their lead.
  const sealedConsents = await Promise.all(
    consentRows.map(async (c) => ({
      ...c,
      text:
        c.text === null || c.text === undefined
          ? null
          : await vault.seal(await vault.keyOfLead(c.leadId), slot.consent(c.id), c.text),
    })),
  );
  for (const part of chunks(sealedConsents, 11)) statements.push(db.insert(consents).values(part));
  for (const part of chunks([...keyRows.values()], 12)) {
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
  return { results, statements, seen };
}

/**
 * A person erased on request comes back from a list only with consent given after the erasure: the
 * row says consent yes and dates it (submittedAt, in the row or the defaults) later than the erasure.
 * A list that merely still holds the address is exactly the silent re-creation erasure forbids.
 */
function erasedRefusal(
  row: ReadyRow,
  erased: ReadonlyMap<string, string>,
  columnOf: (field: string) => string | null,
): RowIssue | null {
  const s = row.submission;
  const byEmail = s.email ? erased.get(`email:${s.email}`) : undefined;
  const byPhone = s.phone ? erased.get(`phone:${s.phone}`) : undefined;
  const erasedAt = [byEmail, byPhone]
    .filter((v): v is string => v !== undefined)
    .sort()
    .pop();
  if (erasedAt === undefined) return null;
  if (s.consent === true && row.dated && s.submittedAt > erasedAt) return null;
  const path = byEmail !== undefined ? 'email' : 'phone';
  const date = erasedAt.slice(0, 10);
  return rowIssue(path, columnOf(path), say('rowErased', { date: (language) => formatDate(language, date) }));
}

/**
 * Imports read rows in chunks: per chunk one read batch (earlier imports of the same rows, the
 * leads their e-mails and phones name) and one write batch (events and projections through
 * `appendStatements`, consent records, import keys), all or nothing. A concurrent write to one of
 * the chunk's leads fails the batch on the ledger's unique (lead_id, seq); the chunk is then read
 * and planned again. Refused rows write nothing; repeated rows are answered from `import_rows`.
 */
export async function importLeadRows(
  db: Database,
  vault: Vault,
  input: ImportRowsInput,
): Promise<ImportRowsOutput> {
  const started = Date.now();
  const owners = await loadMembersByEmail(db, input.workspaceId);
  const ctx: ChunkContext = { input, owners, sources: input.sources };
  const results: ImportRowResult[] = [];
  let seen = new Map<string, StoredRow>();
  let handled = 0;
  for (const rows of chunks(input.rows, IMPORT_CHUNK_ROWS)) {
    if (handled > 0 && input.budgetMs !== undefined && Date.now() - started > input.budgetMs) break;
    const readyRows = rows.filter((r): r is ReadyRow => r.kind === 'ready');
    const plan = await retryOnConflict(
      async () => {
        const reads = await readChunk(db, vault, input.workspaceId, input.importKey, readyRows);
        const candidate = await planChunk(db, vault, readyRows, reads, seen, ctx);
        await runBatch(db, candidate.statements);
        return candidate;
      },
      { attempts: MAX_ATTEMPTS, what: thing('theseLeads') },
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
