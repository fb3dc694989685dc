import { listCampaigns as readCampaigns } from '../../db/queries/campaigns';
import type { Campaign, CampaignListQuery } from '../../domain/campaigns';
import type { ServiceContext } from '../context';

/** The workspace's campaigns by start date, filtered by start and archive state. */
export function listCampaigns({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CampaignListQuery;
}): Promise<Campaign[]> {
  return readCampaigns(ctx.db, ctx.workspaceId, input);
}
