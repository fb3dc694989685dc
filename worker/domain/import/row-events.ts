import { profileChanges, profileOfSubmission } from '../intake/profile';
import { type Actor, applyEvent, type LeadState, type LedgerEvent } from '../ledger/lead';
import type { ImportedPayload } from './fold';
import type { ReadyRow } from './row';

/** What every row of one import shares: who imports, under which key, whom and what the list may name. */
export interface RowEventSettings {
  actor: Actor;
  importKey: string;
  /** The currency of an amount the row gives without one (the agreement's; null: none). */
  currency: string | null;
  /** The workspace's members by lower-cased e-mail. */
  owners: ReadonlyMap<string, string>;
  /** The workspace's sources by lower-cased name. */
  sources: ReadonlyMap<string, { id: string; name: string }>;
}

/** The events one row adds to its lead (new or existing), folded as they go. */
export function rowEvents(
  lead: LeadState,
  row: ReadyRow,
  outcome: 'created' | 'merged',
  settings: RowEventSettings,
): { events: LedgerEvent[]; state: LeadState; sourceName: string | null } {
  const s = row.submission;
  const source = row.history.sourceName
    ? settings.sources.get(row.history.sourceName.toLowerCase())
    : undefined;
  const base = {
    occurredAt: s.submittedAt,
    actor: settings.actor,
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
        importKey: settings.importKey,
        utm: { source: s.utmSource, medium: s.utmMedium, campaign: s.utmCampaign },
      },
    });
  } else {
    const changes = profileChanges(lead.profile, profileOfSubmission(s));
    if (Object.keys(changes).length > 0)
      events.push({ ...base, type: 'profile_updated', payload: { changes } });
  }
  if (s.consent === true && !lead.consent) {
    events.push({ ...base, type: 'consent_given', payload: { text: s.consentText, purposes: ['contact'] } });
  }
  const h = row.history;
  const payload: ImportedPayload = {
    importKey: settings.importKey,
    row: row.row,
    outcome,
    stage: h.stage,
    stageAt: h.stageAt,
    submittedAt: s.submittedAt,
    ownerId: h.ownerEmail ? (settings.owners.get(h.ownerEmail) ?? null) : null,
    sourceName: source?.name ?? null,
    amount: h.amount,
    currency: h.amount === null ? null : (h.currency ?? settings.currency),
    reason: h.reason,
    message: s.message,
  };
  events.push({ ...base, occurredAt: h.stageAt, type: 'imported', payload: { ...payload } });
  let state = lead;
  for (const event of events) state = applyEvent(state, event);
  return { events, state, sourceName: source?.name ?? null };
}
