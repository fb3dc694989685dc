/**
 * One chunk of an import, planned against what was read for it: each row's outcome (unchanged,
 * created, merged, refused), the events each touched lead gets (scored, never made an MQL or
 * routed: imported leads are history), the consent records and the row keys to store. Pure: the
 * verb (worker/services/import/import-rows.ts) reads, seals and writes.
 */
import type { Host } from '../host';
import { say } from '../i18n';
import { newId } from '../ids';
import { type JudgingAgreement, judgeLead } from '../ledger/judge';
import { applyEvent, type LeadState, type LedgerEvent, leadProfileOf, newLeadState } from '../ledger/lead';
import { erasedRefusal } from './erased-refusal';
import { ImportIdentities } from './identities';
import type { ImportRowResult } from './request';
import { type ReadyRow, rowIssue } from './row';
import { type RowEventSettings, rowEvents } from './row-events';

/** A row key already handled: by an earlier import under the same key, or (with `row`) earlier in this call. */
export interface StoredRow {
  contentHash: string;
  leadId: string;
  /** Set when the row was handled earlier in this same call. */
  row?: number;
}

/** What one chunk needs from the database. */
export interface ChunkReads {
  stored: ReadonlyMap<string, StoredRow>;
  /** Each row key → what `import_rows.row_key` stores for it (its blind index: an external id may be an e-mail). */
  rowKeyIndex: ReadonlyMap<string, string>;
  /** The leads the rows' e-mails, phones and stored keys name. */
  leads: ReadonlyMap<string, LeadState>;
  /** `email:<value>` / `phone:<value>` of erased people → when they were erased. */
  erased: ReadonlyMap<string, string>;
}

export interface ChunkSettings extends RowEventSettings {
  agreement: JudgingAgreement;
  /** Field → the column it came from, to name columns in per-row reasons. */
  columnOf: ReadonlyMap<string, string>;
  now: Date;
  host: Pick<Host, 'randomBytes'>;
}

/** A lead the chunk appends to: its events after `fromSeq` and the projection they leave. */
export interface PlannedLead {
  fromSeq: number;
  state: LeadState;
  events: LedgerEvent[];
}

/** A consent the list gives (its text plain: the writer seals it with the lead's key). */
export interface PlannedConsent {
  id: string;
  leadId: string;
  sourceId: string | null;
  givenAt: string;
  text: string | null;
  purposes: string[];
  deliveryKey: string;
}

/** What `import_rows` remembers of a row, so the same row again is answered `unchanged`. */
export interface PlannedRowKey {
  rowKey: string;
  contentHash: string;
  leadId: string;
  outcome: 'created' | 'merged';
}

export interface ChunkPlan {
  results: ImportRowResult[];
  leads: PlannedLead[];
  consents: PlannedConsent[];
  rowKeys: PlannedRowKey[];
  /** `seenBefore` and this chunk's rows: what the next chunk compares against. */
  seen: Map<string, StoredRow>;
}

interface Entry {
  before: LeadState | null;
  state: LeadState;
  events: LedgerEvent[];
  sourceNames: string[];
}

export function planChunk(
  rows: readonly ReadyRow[],
  reads: ChunkReads,
  seenBefore: ReadonlyMap<string, StoredRow>,
  settings: ChunkSettings,
): ChunkPlan {
  const { now, host } = settings;
  const id = (prefix: string) => newId(prefix, now.getTime(), host.randomBytes(10));
  const seen = new Map(seenBefore);
  // Every row of the chunk was indexed when it was read.
  const rowKeyIndex = (key: string) => reads.rowKeyIndex.get(key) as string;
  const identities = new ImportIdentities();
  for (const state of reads.leads.values()) identities.index(state);
  const entries = new Map<string, Entry>();
  const entryOf = (leadId: string): Entry | undefined => {
    const existing = entries.get(leadId);
    if (existing) return existing;
    const state = reads.leads.get(leadId);
    if (!state) return undefined;
    const entry = { before: state, state, events: [], sourceNames: [] };
    entries.set(leadId, entry);
    return entry;
  };
  const results: ImportRowResult[] = [];
  // By row key: a row whose external id comes twice in one chunk with other values is stored once, as last seen.
  const rowKeys = new Map<string, PlannedRowKey>();
  const consents: PlannedConsent[] = [];

  const columnOf = (field: string) => settings.columnOf.get(field) ?? null;
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
      const fresh = newLeadState(id('lead'), s.submittedAt);
      entry = { before: null, state: fresh, events: [], sourceNames: [] };
    }
    const planned = rowEvents(entry.state, row, outcome, settings);
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
    if (h.ownerEmail && !settings.owners.has(h.ownerEmail)) {
      warnings.push(rowIssue('owner', columnOf('owner'), say('rowOwnerUnknown', { email: h.ownerEmail })));
    }
    if (s.consent === true) {
      consents.push({
        id: id('cns'),
        leadId: entry.state.id,
        sourceId: planned.events[0]?.sourceId ?? null,
        givenAt: s.submittedAt,
        text: s.consentText,
        purposes: ['contact'],
        deliveryKey: `import:${settings.importKey}:${rowKeyIndex(row.key)}`.slice(0, 500),
      });
    }
    rowKeys.set(row.key, {
      rowKey: rowKeyIndex(row.key),
      contentHash: row.contentHash,
      leadId: entry.state.id,
      outcome,
    });
    seen.set(row.key, { contentHash: row.contentHash, leadId: entry.state.id, row: row.row });
    results.push({
      row: row.row,
      status: outcome,
      leadId: entry.state.id,
      ...(warnings.length > 0 ? { warnings } : {}),
    });
  }

  const leads: PlannedLead[] = [];
  for (const entry of entries.values()) {
    if (entry.events.length === 0) continue;
    // Imported leads are scored (fit, quadrant) but never made MQLs or routed: they are history.
    const judgement = judgeLead({
      state: entry.state,
      touches: [],
      profile: leadProfileOf(entry.state, entry.sourceNames),
      agreement: settings.agreement,
      candidates: [],
      routing: { rules: [], lastMemberId: null },
      actor: { type: 'system', id: null },
      now,
    });
    for (const event of judgement.events.filter((e) => e.type === 'scored')) {
      entry.events.push(event);
      entry.state = applyEvent(entry.state, event);
    }
    leads.push({ fromSeq: entry.before?.seq ?? 0, state: entry.state, events: entry.events });
  }
  return { results, leads, consents, rowKeys: [...rowKeys.values()], seen };
}
