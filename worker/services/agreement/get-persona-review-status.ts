import { draftRow, getActiveAgreement, latestPersonaReview } from '../../db/queries/agreement';
import { type PersonaReviewStatus, personaReviewStatusOf } from '../../domain/agreement';
import type { ServiceContext } from '../context';

/** The persona's governance deadline, for the SLA clock and the weekly agenda. */
export async function getPersonaReviewStatus({ ctx }: { ctx: ServiceContext }): Promise<PersonaReviewStatus> {
  const { db, workspaceId, now } = ctx;
  const [latest, active, draft] = await Promise.all([
    latestPersonaReview(db, workspaceId),
    getActiveAgreement(db, workspaceId),
    draftRow(db, workspaceId, now),
  ]);
  return personaReviewStatusOf((active?.content ?? draft.content).persona, latest);
}
