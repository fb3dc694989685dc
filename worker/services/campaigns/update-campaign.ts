import { getCampaign, saveCampaign } from '../../db/queries/campaigns';
import {
  type Campaign,
  campaignKeyTaken,
  changedCampaign,
  type UpdateCampaign,
} from '../../domain/campaigns';
import type { ServiceContext } from '../context';
import { personaSegments } from './persona-segments';

/** Changes or archives a campaign; the agreement is read only when the change names a segment. */
export async function updateCampaign({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: string; patch: UpdateCampaign };
}): Promise<Campaign> {
  const current = await getCampaign(ctx.db, ctx.workspaceId, input.id);
  const segments = input.patch.personaSegment !== undefined ? await personaSegments(ctx) : null;
  const next = changedCampaign(current, input.patch, segments, ctx.now);
  if (!(await saveCampaign(ctx.db, ctx.workspaceId, next))) throw campaignKeyTaken(next.key);
  return next;
}
