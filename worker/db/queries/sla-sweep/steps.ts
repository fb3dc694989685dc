import { and, eq, type SQL, sql } from 'drizzle-orm';
import {
  type DeadlineStatus,
  type GovernancePlan,
  nextCheckAt,
  type SweepOutcome,
  type TransitionStep,
} from '../../../domain/sla';
import type { Statement } from '../../batch';
import type { Database } from '../../client';
import { slaDeadlines, slaTransitions } from '../../schema';
import { enqueueStatements, type OutboxMessage } from '../notifications';
import type { DeadlineRow } from './due';
import { insertGovernanceStatement } from './governance';

const stepAt = (step: TransitionStep, d: DeadlineRow, now: string): string =>
  step === 'due_soon'
    ? d.dueSoonAt
    : step === 'breached'
      ? d.dueAt
      : step === 'escalated'
        ? (d.escalateAt ?? now)
        : now;

/** A row whose times were moved and is not due after all: just put its next look right. */
export function recheckStatement(db: Database, d: DeadlineRow, now: Date): Statement {
  return db
    .update(slaDeadlines)
    .set({ nextAt: nextCheckAt(d, d.status), updatedAt: now.toISOString() })
    .where(and(eq(slaDeadlines.id, d.id), eq(slaDeadlines.workspaceId, d.workspaceId)));
}

/** What one due deadline's steps write: each step's messages, and the deadline that follows a posted agenda. */
export interface StepWrites {
  outcome: SweepOutcome;
  messages: ReadonlyMap<TransitionStep, readonly OutboxMessage[]>;
  /** The weekly report to schedule in the same batch, once this week's agenda is posted. */
  nextWeekly: { plan: GovernancePlan; version: number } | null;
}

/**
 * The statements that record a due deadline's steps, queue their messages and
 * move it on. The deadline's update goes first and holds only while the row is
 * as the sweep read it; every insert after it holds only if the statement before
 * it wrote its row (`changes() = 1`), so a concurrent sweep or writer makes the
 * whole chain a no-op, and nothing but the update reads the deadline again.
 */
export function stepStatements(db: Database, d: DeadlineRow, writes: StepWrites, now: Date): Statement[] {
  const { outcome } = writes;
  const at = now.toISOString();
  const wroteOne: SQL = sql`changes() = 1`;
  const statements: Statement[] = [
    db
      .update(slaDeadlines)
      .set({
        status: outcome.status,
        nextAt: outcome.nextAt,
        updatedAt: at,
        ...(outcome.steps.includes('due_soon') ? { dueSoonRecordedAt: at } : {}),
        ...(outcome.steps.includes('breached') ? { breachedAt: at } : {}),
        ...(outcome.steps.includes('escalated') ? { escalatedAt: at } : {}),
        ...(outcome.steps.includes('settled') ? { settledAt: at } : {}),
      })
      .where(
        and(
          eq(slaDeadlines.id, d.id),
          eq(slaDeadlines.workspaceId, d.workspaceId),
          eq(slaDeadlines.status, d.status),
          eq(slaDeadlines.nextAt, d.nextAt ?? ''),
        ),
      ),
  ];
  let from: DeadlineStatus = d.status;
  for (const step of outcome.steps) {
    const to: DeadlineStatus =
      step === 'due_soon' ? 'due_soon' : step === 'settled' ? outcome.status : 'breached';
    statements.push(
      db
        .insert(slaTransitions)
        .select(
          sql`select ${`${d.id}:${step}`}, ${d.workspaceId}, ${d.id}, ${d.leadId}, ${d.kind}, ${step}, ${from}, ${to},
            ${d.ownerId}, ${stepAt(step, d, at)}, ${at}
          where ${wroteOne}`,
        )
        .onConflictDoNothing(),
    );
    from = to;
    // Each message and its key are one more link of the chain (the key follows its message the same way).
    for (const message of writes.messages.get(step) ?? [])
      statements.push(...enqueueStatements(db, message, now, wroteOne));
  }
  if (writes.nextWeekly)
    statements.push(
      insertGovernanceStatement(
        db,
        d.workspaceId,
        writes.nextWeekly.plan,
        null,
        writes.nextWeekly.version,
        now,
      ),
    );
  return statements;
}
