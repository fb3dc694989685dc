import { insertCampaign } from '../../db/queries/campaigns';
import { type Campaign, type CreateCampaign, campaignKeyTaken, newCampaign } from '../../domain/campaigns';
import { newId } from '../../platform/ids';
import type { ServiceContext } from '../context';
import { personaSegments } from './persona-segments';

/** Records a campaign; its key (default: its name) must be free, its segment one the agreement names. */
export async function createCampaign({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateCampaign;
}): Promise<Campaign> {
  const campaign = newCampaign(input, await personaSegments(ctx), newId('cmp', ctx.now.getTime()), ctx.now);
  if (!(await insertCampaign(ctx.db, ctx.workspaceId, campaign))) throw campaignKeyTaken(campaign.key);
  return campaign;
}
