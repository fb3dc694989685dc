import {
  draftRow,
  getActiveAgreement,
  insertPersonaReview,
  insertPersonaReviewWithDraft,
  toReview,
} from '../../db/queries/agreement';
import {
  type CreatePersonaReview,
  type PersonaReview,
  parseAgreement,
  personaReviewDates,
  staleDraft,
} from '../../domain/agreement';
import { localDateOf } from '../../domain/zoned-time';
import { newId } from '../../platform/ids';
import type { CallerContext } from '../context';
import { assertGuardian } from './write-draft';

/**
 * Records what both teams brought to the review and sets the next due date
 * (review date + the persona's cadence unless given). The signed text does not
 * change by itself: when the review changed the persona, the new persona is
 * written to the draft (in the same batch), to be proposed and signed like any other change.
 */
export async function recordPersonaReview({
  ctx,
  input,
}: {
  ctx: CallerContext;
  input: CreatePersonaReview;
}): Promise<PersonaReview> {
  const { db, workspaceId, caller, now } = ctx;
  const [draft, active] = await Promise.all([
    draftRow(db, workspaceId, now),
    getActiveAgreement(db, workspaceId),
  ]);
  const governing = active?.content ?? draft.content;
  const today = localDateOf(now, governing.sla.timezone);
  const persona = input.persona ?? governing.persona;
  const { reviewedOn, nextDueOn } = personaReviewDates(input, persona, today);
  const content = input.persona
    ? parseAgreement({ ...draft.content, persona: { ...input.persona, lastReviewedOn: reviewedOn } })
    : null;
  if (content) await assertGuardian(ctx, content);
  const row = {
    id: newId('prv', now.getTime()),
    workspaceId,
    reviewedOn,
    fromSales: input.fromSales,
    fromMarketing: input.fromMarketing,
    changes: input.changes,
    nextDueOn,
    personaChanged: content !== null,
    recordedByTokenId: caller.tokenId,
    recordedByMemberId: caller.memberId,
    createdAt: now.toISOString(),
  };
  if (content === null) {
    await insertPersonaReview(db, row);
    return toReview(row);
  }
  const next = {
    content,
    revision: draft.revision + 1,
    updatedAt: now.toISOString(),
    updatedByTokenId: caller.tokenId,
  };
  if (!(await insertPersonaReviewWithDraft(db, row, draft.revision, next)))
    throw staleDraft((await draftRow(db, workspaceId, now)).revision);
  return toReview(row);
}
