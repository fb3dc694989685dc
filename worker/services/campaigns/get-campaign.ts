import { getCampaign as readCampaign } from '../../db/queries/campaigns';
import type { Campaign } from '../../domain/campaigns';
import type { ServiceContext } from '../context';

/** One campaign, or a 404. */
export function getCampaign({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: string };
}): Promise<Campaign> {
  return readCampaign(ctx.db, ctx.workspaceId, input.id);
}
