import { and, eq, sql } from 'drizzle-orm';
import { fieldIssue, InvalidError } from '../../domain/errors';
import { say } from '../../domain/i18n';
import type { CanonicalSubmission } from '../../domain/intake/types';
import { type LeadStage, PROFILE_FIELDS } from '../../domain/ledger/constants';
import { identityConflictWarning } from '../../domain/ledger/identity';
import { type JudgingAgreement, judgeLead, type NewTouch } from '../../domain/ledger/judge';
import {
  type Actor,
  applyEvent,
  type LeadState,
  type LedgerEvent,
  leadProfileOf,
  newLeadState,
  type Profile,
} from '../../domain/ledger/lead';
import type { SourceWithSecret } from '../../domain/ledger/sources';
import { newId } from '../../platform/ids';
import { runBatch } from '../batch';
import type { Database } from '../client';
import { retryOnConflict } from '../conflict';
import { consents, intakeDeliveries } from '../schema';
import { appendStatements, findLeadByIdentity } from './leads';
import { advanceCursorStatement, loadRouting } from './routing';

export interface IntakeAnswer {
  leadId: string;
  stage: LeadStage;
  duplicate: boolean;
}

export interface Delivery {
  /** Provider event id, `Idempotency-Key`, or the body's hash. */
  key: string;
  bodyHash: string;
}

/** How often a delivery retries on a write conflict before answering 503 (the sender retries later). */
const MAX_ATTEMPTS = 12;

async function storedDelivery(db: Database, workspaceId: string, sourceId: string, delivery: Delivery) {
  const row = await db
    .select()
    .from(intakeDeliveries)
    .where(
      and(
        eq(intakeDeliveries.workspaceId, workspaceId),
        eq(intakeDeliveries.sourceId, sourceId),
        eq(intakeDeliveries.key, delivery.key),
      ),
    )
    .get();
  if (!row) return null;
  if (row.bodyHash !== delivery.bodyHash) {
    throw new InvalidError(say('intakeKeyReused'), [fieldIssue('Idempotency-Key', say('intakeKeySameBody'))]);
  }
  return { ...(row.response as unknown as IntakeAnswer), duplicate: true };
}

export function profileOfSubmission(s: CanonicalSubmission): Profile {
  return {
    email: s.email,
    phone: s.phone,
    firstName: s.firstName,
    lastName: s.lastName,
    company: s.company,
    companyDomain: s.companyDomain,
    website: s.website,
    title: s.title,
    industry: s.industry,
    employees: s.employees,
    country: s.country,
  };
}

/** Fields the delivery brings that differ from what the lead holds: new values win, absent ones change nothing. */
export function profileChanges(current: Profile, incoming: Profile) {
  const changes: Record<string, { from: string | number | null; to: string | number | null }> = {};
  for (const field of PROFILE_FIELDS) {
    const to = incoming[field];
    if (to !== null && to !== current[field]) changes[field] = { from: current[field], to };
  }
  return changes;
}

export interface RecordSubmissionInput {
  workspaceId: string;
  source: SourceWithSecret;
  agreement: JudgingAgreement;
  submission: CanonicalSubmission;
  delivery: Delivery;
  now: Date;
}

/**
 * Lands one form delivery exactly once: the delivery key, the lead (new or
 * existing), its events, the consent record and the routing cursor are written
 * in one `db.batch`. Concurrent deliveries of the same key or person collide on
 * unique indexes; the loser re-reads and either returns the stored answer or
 * tries again on fresh state.
 */
export async function recordSubmission(db: Database, input: RecordSubmissionInput): Promise<IntakeAnswer> {
  const { workspaceId, source, submission, now } = input;
  const consentRequired = input.agreement.content.leadDefinition.consentRequired;

  const first = await storedDelivery(db, workspaceId, source.id, input.delivery);
  if (first) return first;
  if (!submission.email && !submission.phone) {
    throw new InvalidError(say('contactMissing'), [fieldIssue('email', say('contactField'))]);
  }
  if (consentRequired && submission.consent !== true) {
    throw new InvalidError(say('consentMissing'), [fieldIssue('consent', say('consentField'))]);
  }

  return retryOnConflict(
    async () => {
      const [{ lead: existing, conflicts }, routingState] = await Promise.all([
        findLeadByIdentity(db, workspaceId, submission),
        loadRouting(db, workspaceId),
      ]);
      const plan = planSubmission(existing, conflicts, input, routingState);
      const answer: IntakeAnswer = { leadId: plan.state.id, stage: plan.state.stage, duplicate: false };
      const statements = [
        db.insert(intakeDeliveries).values({
          workspaceId,
          sourceId: source.id,
          key: input.delivery.key,
          bodyHash: input.delivery.bodyHash,
          response: { ...answer },
          createdAt: now.toISOString(),
        }),
        ...appendStatements(db, workspaceId, existing?.seq ?? 0, plan.state, plan.events, now),
        ...(submission.consent === true
          ? [
              db.insert(consents).values({
                id: newId('cns', now.getTime()),
                workspaceId,
                leadId: plan.state.id,
                sourceId: source.id,
                formId: submission.formId,
                givenAt: submission.submittedAt,
                text: submission.consentText,
                purposes: ['contact'],
                deliveryKey: input.delivery.key,
              }),
            ]
          : []),
        ...(plan.assignedTo ? [advanceCursorStatement(db, workspaceId, plan.assignedTo, now)] : []),
      ] as const;
      await runBatch(db, statements);
      return answer;
    },
    // The loser of a race for the same delivery key answers what the winner stored.
    { attempts: MAX_ATTEMPTS, onConflict: () => storedDelivery(db, workspaceId, source.id, input.delivery) },
  );
}

interface Plan {
  state: LeadState;
  events: LedgerEvent[];
  assignedTo: string | null;
}

function planSubmission(
  existing: LeadState | null,
  conflicts: readonly string[],
  input: RecordSubmissionInput,
  routingState: Awaited<ReturnType<typeof loadRouting>>,
): Plan {
  const { source, submission, agreement, now } = input;
  const actor: Actor = { type: 'source', id: source.id };
  const base = {
    occurredAt: submission.submittedAt,
    actor,
    sourceId: source.id,
    campaign: submission.campaign,
    agreementVersion: agreement.version,
  };
  const events: LedgerEvent[] = [];
  const incoming = profileOfSubmission(submission);
  let state = existing ?? newLeadState(newId('lead', now.getTime()), submission.submittedAt);
  const push = (event: LedgerEvent) => {
    events.push(event);
    state = applyEvent(state, event);
  };

  if (!existing) {
    push({
      ...base,
      type: 'created',
      payload: {
        profile: incoming,
        createsLead: source.createsLead,
        provider: submission.provider,
        utm: { source: submission.utmSource, medium: submission.utmMedium, campaign: submission.utmCampaign },
      },
    });
  } else {
    const changes = profileChanges(existing.profile, incoming);
    if (Object.keys(changes).length > 0) push({ ...base, type: 'profile_updated', payload: { changes } });
    if (source.createsLead && existing.stage === 'prospect')
      push({ ...base, type: 'became_lead', payload: {} });
  }
  const touch: NewTouch = { type: 'form_submitted', occurredAt: submission.submittedAt };
  push({
    ...base,
    type: 'touch',
    payload: {
      touchType: touch.type,
      provider: submission.provider,
      formId: submission.formId,
      formName: submission.formName,
      responseId: submission.responseId,
      message: submission.message,
      phoneRaw: submission.phoneRaw,
      answers: submission.answers,
      warnings: [...submission.warnings, ...conflicts.map(identityConflictWarning)],
    },
  });
  if (submission.consent === true && !state.consent) {
    push({
      ...base,
      type: 'consent_given',
      payload: { text: submission.consentText, purposes: ['contact'] },
    });
  }

  const judgement = judgeLead({
    state,
    touches: [touch],
    profile: leadProfileOf(state, [source.id, source.name]),
    agreement,
    candidates: routingState.candidates,
    routing: routingState,
    actor: { type: 'system', id: null },
    now,
    handRaise: source.createsLead,
  });
  for (const event of judgement.events) push(event);
  return { state, events, assignedTo: judgement.assignedTo };
}

/** How long a delivery key is remembered: senders retry for hours (Typeform up to 10 h), we keep a week. */
export const DELIVERY_RETENTION_MS = 7 * 24 * 3600 * 1000;

/** Forgets delivery keys older than the retention, a chunk at a time through the created_at index. */
export async function purgeDeliveries(db: Database, now: Date, chunk = 1000): Promise<number> {
  const before = new Date(now.getTime() - DELIVERY_RETENTION_MS).toISOString();
  let total = 0;
  for (;;) {
    const result = await db.run(
      sql`delete from intake_deliveries where rowid in (select rowid from intake_deliveries where created_at < ${before} limit ${chunk})`,
    );
    const changed = result.meta.changes ?? 0;
    total += changed;
    if (changed < chunk) return total;
  }
}
