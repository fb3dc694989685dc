import { and, eq, inArray } from 'drizzle-orm';
import { InvalidError } from '../../domain/errors';
import type { StoredAnswer } from '../../domain/idempotency';
import type { LeadStage } from '../../domain/ledger/constants';
import { type JudgingAgreement, judgeLead } from '../../domain/ledger/judge';
import {
  type Actor,
  applyEvent,
  type LeadState,
  type LedgerEvent,
  leadProfileOf,
  newLeadState,
} from '../../domain/ledger/lead';
import { FUTURE_SKEW_MS, type TouchInput } from '../../domain/ledger/touches';
import { newId } from '../../platform/ids';
import { runBatch } from '../batch';
import type { Database } from '../client';
import { retryOnConflict } from '../conflict';
import { leads } from '../schema';
import { inWorkspace } from '../scope';
import { erasedEmails } from './erasure';
import type { IdempotencyHooks } from './idempotency';
import { appendStatements, leadStateOfRow } from './leads';
import { advanceCursorStatement, loadRouting } from './routing';

export interface TouchResult {
  index: number;
  leadId: string;
  stage: LeadStage;
  created: boolean;
}

const MAX_ATTEMPTS = 12;

/**
 * Records up to 100 touches in one batch: every touch lands or none does. A
 * touch naming an unknown e-mail creates a prospect (it asked us for nothing
 * yet); an unknown leadId is the caller's mistake (422 naming the item).
 */
export async function recordTouches(
  db: Database,
  workspaceId: string,
  items: readonly TouchInput[],
  agreement: JudgingAgreement,
  actor: Actor,
  now: Date,
  /** With an `Idempotency-Key`: a retry answers the stored answer, and the key lands in the touches' batch. */
  idempotency?: IdempotencyHooks<TouchResult[]>,
): Promise<TouchResult[] | StoredAnswer> {
  items.forEach((item, i) => {
    if (Date.parse(item.occurredAt) > now.getTime() + FUTURE_SKEW_MS) {
      throw new InvalidError('A touch cannot happen in the future.', [
        { path: `events[${i}].occurredAt`, message: 'Must not be later than now.' },
      ]);
    }
  });
  return retryOnConflict<TouchResult[] | StoredAnswer>(
    async () => {
      const earlier = await idempotency?.replay();
      if (earlier) return earlier;
      const emails = [...new Set(items.flatMap((t) => (t.email ? [t.email] : [])))];
      const ids = [...new Set(items.flatMap((t) => (t.leadId ? [t.leadId] : [])))];
      const [byEmail, byId, routingState] = await Promise.all([
        emails.length
          ? db
              .select()
              .from(leads)
              .where(and(eq(leads.workspaceId, workspaceId), inArray(leads.email, emails)))
              .all()
          : [],
        ids.length
          ? db
              .select()
              .from(leads)
              .where(and(inWorkspace(leads.workspaceId, workspaceId), inArray(leads.id, ids)))
              .all()
          : [],
        loadRouting(db, workspaceId),
      ]);
      const states = new Map<
        string,
        {
          before: LeadState | null;
          state: LeadState;
          events: LedgerEvent[];
          touches: { type: string; occurredAt: string; url?: string | null }[];
        }
      >();
      const keyOf = new Map<string, string>();
      for (const row of [...byEmail, ...byId]) {
        const state = leadStateOfRow(row);
        states.set(state.id, { before: state, state, events: [], touches: [] });
        if (row.email) keyOf.set(`email:${row.email}`, state.id);
        keyOf.set(`id:${row.id}`, state.id);
      }
      // Erased people come back only through a new form with fresh consent, never through a tracked touch.
      const erased = await erasedEmails(
        db,
        workspaceId,
        emails.filter((email) => !keyOf.has(`email:${email}`)),
      );
      const results: TouchResult[] = [];
      items.forEach((item, index) => {
        const key = item.email ? `email:${item.email}` : `id:${item.leadId}`;
        let leadId = keyOf.get(key);
        let created = false;
        if (!leadId) {
          if (!item.email) {
            throw new InvalidError('No such lead in this workspace.', [
              { path: `events[${index}].leadId`, message: `No lead ${item.leadId} in this workspace.` },
            ]);
          }
          if (erased.has(item.email)) {
            throw new InvalidError(
              'This person was erased; only a new form submission with consent may bring them back.',
              [
                {
                  path: `events[${index}].email`,
                  message: 'Belongs to a person erased from this workspace.',
                },
              ],
            );
          }
          const state = newLeadState(newId('lead', now.getTime()), item.occurredAt);
          const event: LedgerEvent = {
            type: 'created',
            occurredAt: item.occurredAt,
            actor,
            sourceId: null,
            campaign: item.campaign ?? null,
            agreementVersion: agreement.version,
            payload: { profile: { email: item.email }, createsLead: false, provider: 'events' },
          };
          states.set(state.id, {
            before: null,
            state: applyEvent(state, event),
            events: [event],
            touches: [],
          });
          keyOf.set(key, state.id);
          leadId = state.id;
          created = true;
        }
        const entry = states.get(leadId);
        if (!entry) return;
        const touch: LedgerEvent = {
          type: 'touch',
          occurredAt: item.occurredAt,
          actor,
          sourceId: null,
          campaign: item.campaign ?? null,
          agreementVersion: agreement.version,
          payload: { touchType: item.type, url: item.url ?? null },
        };
        entry.events.push(touch);
        entry.state = applyEvent(entry.state, touch);
        entry.touches.push({ type: item.type, occurredAt: item.occurredAt, url: item.url ?? null });
        results.push({ index, leadId, stage: entry.state.stage, created });
      });

      const statements = [];
      let lastMemberId = routingState.lastMemberId;
      for (const entry of states.values()) {
        if (entry.events.length === 0) continue;
        const judgement = judgeLead({
          state: entry.state,
          touches: entry.touches,
          profile: leadProfileOf(entry.state),
          agreement,
          candidates: routingState.candidates,
          routing: { rules: routingState.rules, lastMemberId },
          actor: { type: 'system', id: null },
          now,
        });
        for (const event of judgement.events) {
          entry.events.push(event);
          entry.state = applyEvent(entry.state, event);
        }
        if (judgement.assignedTo) lastMemberId = judgement.assignedTo;
        statements.push(
          ...appendStatements(db, workspaceId, entry.before?.seq ?? 0, entry.state, entry.events, now),
        );
      }
      if (lastMemberId && lastMemberId !== routingState.lastMemberId) {
        statements.push(advanceCursorStatement(db, workspaceId, lastMemberId, now));
      }
      const answer = results.map((r) => ({ ...r, stage: states.get(r.leadId)?.state.stage ?? r.stage }));
      await runBatch(db, idempotency ? [...statements, idempotency.remember(answer)] : statements);
      return answer;
    },
    { attempts: MAX_ATTEMPTS, what: 'these leads' },
  );
}
