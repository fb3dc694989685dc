import { type LeadExport, exportLead as readExport } from '../../db/queries/erasure';
import type { ServiceContext } from '../context';
import { vaultOf } from './vault';

/** Everything stored about the person behind a lead (GDPR access), as of now. */
export async function exportLead({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { leadId: string };
}): Promise<LeadExport & { exportedAt: string; workspaceId: string }> {
  const data = await readExport(ctx.db, vaultOf(ctx, ctx.workspaceId), ctx.workspaceId, input.leadId);
  return { exportedAt: ctx.now.toISOString(), workspaceId: ctx.workspaceId, ...data };
}
