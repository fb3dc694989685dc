import { and, desc, eq, sql } from 'drizzle-orm';
import type { PersonaReview } from '../../../domain/agreement';
import { runBatch } from '../../batch';
import type { Database } from '../../client';
import { agreementDrafts, personaReviews } from '../../schema';
import { type DraftWrite, draftUpdateStatement } from './drafts';

export type PersonaReviewRow = typeof personaReviews.$inferSelect;

export function toReview(row: PersonaReviewRow): PersonaReview {
  return {
    id: row.id,
    reviewedOn: row.reviewedOn,
    fromSales: row.fromSales,
    fromMarketing: row.fromMarketing,
    changes: row.changes,
    nextDueOn: row.nextDueOn,
    personaChanged: row.personaChanged,
    recordedByMemberId: row.recordedByMemberId,
    createdAt: row.createdAt,
  };
}

/** The newest recorded review (by review date, then by when it was recorded). */
export async function latestPersonaReview(
  db: Database,
  workspaceId: string,
): Promise<PersonaReviewRow | undefined> {
  return db
    .select()
    .from(personaReviews)
    .where(eq(personaReviews.workspaceId, workspaceId))
    .orderBy(desc(personaReviews.reviewedOn), desc(personaReviews.createdAt))
    .limit(1)
    .get();
}

/** The newest `limit` reviews, newest first. */
export async function listPersonaReviewRows(
  db: Database,
  workspaceId: string,
  limit: number,
): Promise<PersonaReviewRow[]> {
  return db
    .select()
    .from(personaReviews)
    .where(eq(personaReviews.workspaceId, workspaceId))
    .orderBy(desc(personaReviews.reviewedOn), desc(personaReviews.createdAt))
    .limit(limit)
    .all();
}

export async function insertPersonaReview(db: Database, row: PersonaReviewRow): Promise<void> {
  await db.insert(personaReviews).values(row);
}

/**
 * Writes the changed persona to the draft and records the review in one batch;
 * false (nothing written) when the draft moved from `expectedRevision`. The
 * review is selected from the draft row carrying the revision and write stamp
 * the update leaves, so a draft that moved under us leaves nothing behind.
 */
export async function insertPersonaReviewWithDraft(
  db: Database,
  row: PersonaReviewRow,
  expectedRevision: number,
  next: DraftWrite,
): Promise<boolean> {
  const { workspaceId } = row;
  const [updated] = (await runBatch(db, [
    draftUpdateStatement(db, workspaceId, expectedRevision, next),
    db.insert(personaReviews).select(
      db
        .select({
          id: sql<string>`${row.id}`.as('id'),
          workspaceId: agreementDrafts.workspaceId,
          reviewedOn: sql<string>`${row.reviewedOn}`.as('reviewed_on'),
          fromSales: sql<string>`${row.fromSales}`.as('from_sales'),
          fromMarketing: sql<string>`${row.fromMarketing}`.as('from_marketing'),
          changes: sql<string>`${row.changes}`.as('changes'),
          nextDueOn: sql<string>`${row.nextDueOn}`.as('next_due_on'),
          personaChanged: sql<boolean>`1`.as('persona_changed'),
          recordedByTokenId: sql<string | null>`${row.recordedByTokenId}`.as('recorded_by_token_id'),
          recordedByMemberId: sql<string | null>`${row.recordedByMemberId}`.as('recorded_by_member_id'),
          createdAt: sql<string>`${row.createdAt}`.as('created_at'),
        })
        .from(agreementDrafts)
        .where(
          and(
            eq(agreementDrafts.workspaceId, workspaceId),
            eq(agreementDrafts.revision, next.revision),
            eq(agreementDrafts.updatedAt, next.updatedAt),
            eq(agreementDrafts.updatedByTokenId, next.updatedByTokenId),
          ),
        ),
    ),
  ])) as { meta: { changes: number } }[];
  return (updated?.meta.changes ?? 0) > 0;
}
