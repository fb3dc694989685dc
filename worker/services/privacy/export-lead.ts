import { type LeadExport, exportLead as readExport } from '../../db/queries/erasure';
import type { ServiceContext } from '../context';

/** Everything stored about the person behind a lead (GDPR access), as of now. */
export async function exportLead({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { leadId: string };
}): Promise<LeadExport & { exportedAt: string; workspaceId: string }> {
  const data = await readExport(ctx.db, ctx.workspaceId, input.leadId);
  return { exportedAt: ctx.now.toISOString(), workspaceId: ctx.workspaceId, ...data };
}
