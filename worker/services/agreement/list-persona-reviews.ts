import { listPersonaReviewRows, toReview } from '../../db/queries/agreement';
import type { PersonaReview, PersonaReviewStatus } from '../../domain/agreement';
import type { ServiceContext } from '../context';
import { getPersonaReviewStatus } from './get-persona-review-status';

/** Every persona review (the newest 200), newest first, with the current due date. */
export async function listPersonaReviews({
  ctx,
}: {
  ctx: ServiceContext;
}): Promise<PersonaReviewStatus & { data: PersonaReview[] }> {
  const [rows, status] = await Promise.all([
    listPersonaReviewRows(ctx.db, ctx.workspaceId, 200),
    getPersonaReviewStatus({ ctx }),
  ]);
  return { ...status, data: rows.map(toReview) };
}
