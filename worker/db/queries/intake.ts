import { sql } from 'drizzle-orm';
import type { SubmissionPlan } from '../../domain/intake/plan';
import type { CanonicalSubmission } from '../../domain/intake/types';
import { slot, type Vault } from '../../domain/privacy';
import { DELIVERY_RETENTION_MS } from '../../domain/retention';
import { newId } from '../../platform/ids';
import type { Statement } from '../batch';
import type { Database } from '../client';
import type { InsertRows } from '../insert-rows';
import { consents } from '../schema';
import { forgetSealedBodies } from './intake-deliveries';
import { appendStatements } from './leads';

export interface SubmissionWrite {
  workspaceId: string;
  sourceId: string;
  submission: CanonicalSubmission;
  deliveryKey: string;
  /** The lead's version the plan started from (0 for a new lead): the optimistic lock. */
  fromSeq: number;
  plan: SubmissionPlan;
  /** Arrival of the delivery: events are recorded and deadlines start at it. */
  at: Date;
}

/**
 * The statements that land one judged delivery: the lead's events and
 * projection (its unique `(lead_id, seq)` fails the batch when a concurrent
 * writer got there first) and the consent record. The routing cursor is the
 * caller's (`advanceCursorStatement`): a batch of deliveries moves it once.
 */
export async function submissionStatements(
  db: Database,
  vault: Vault,
  write: SubmissionWrite,
  /** Where a judge writing a round of leads gathers the plain inserts (see appendStatements). */
  into?: InsertRows,
): Promise<Statement[]> {
  const { workspaceId, submission, plan, at } = write;
  const appended = await appendStatements(
    db,
    vault,
    workspaceId,
    write.fromSeq,
    plan.state,
    plan.events,
    at,
    undefined,
    into,
  );
  const consentId = newId('cns', at.getTime());
  // The text shown to the person is theirs: sealed with their key (appendStatements made or found it).
  const consentText =
    submission.consent === true && submission.consentText !== null
      ? await vault.seal(
          await vault.keyOfLead(plan.state.id),
          slot.consent(consentId),
          submission.consentText,
        )
      : null;
  const consent = {
    id: consentId,
    workspaceId,
    leadId: plan.state.id,
    sourceId: write.sourceId,
    formId: submission.formId,
    givenAt: submission.submittedAt,
    text: consentText,
    purposes: ['contact'],
    deliveryKey: write.deliveryKey,
  };
  if (submission.consent !== true) return appended;
  if (into) {
    into.add(consents, [consent]);
    return appended;
  }
  return [...appended, db.insert(consents).values(consent)];
}

/**
 * Forgets judged and rejected deliveries older than the retention, a chunk at a
 * time through the created_at index. Stored and failed ones stay until judged:
 * forgetting them would lose a lead.
 */
export async function purgeDeliveries(db: Database, now: Date, chunk = 1000): Promise<number> {
  const before = new Date(now.getTime() - DELIVERY_RETENTION_MS).toISOString();
  await forgetSealedBodies(db, before);
  let total = 0;
  for (;;) {
    const result = await db.run(
      sql`delete from intake_deliveries where rowid in (select rowid from intake_deliveries where created_at < ${before} and status in ('judged', 'rejected') limit ${chunk})`,
    );
    const changed = result.meta.changes ?? 0;
    total += changed;
    if (changed < chunk) return total;
  }
}
