import { getDraft as readDraft } from '../../db/queries/agreement';
import { type AgreementDraft, warningsIn } from '../../domain/agreement';
import type { ServiceContext } from '../context';

/** The workspace's draft (created from the starter when missing). */
export async function getDraft({ ctx }: { ctx: ServiceContext }): Promise<AgreementDraft> {
  return warningsIn(await readDraft(ctx.db, ctx.workspaceId, ctx.now), ctx.language);
}
