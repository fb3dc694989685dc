import { deliveriesOf, openConsentsOf } from '../../db/queries/erasure';
import { getLeadState, listLeadEvents, type StoredEvent } from '../../db/queries/leads';
import { type LeadExport, leadExportOf } from '../../domain/ledger/lead-export';
import type { ServiceContext } from '../context';
import { vaultOf } from './vault';

/** Everything stored about the person behind a lead (GDPR access), as of now. */
export async function exportLead({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { leadId: string };
}): Promise<LeadExport<StoredEvent> & { exportedAt: string; workspaceId: string }> {
  const { db, workspaceId } = ctx;
  const vault = vaultOf(ctx, workspaceId);
  const lead = await getLeadState(db, vault, workspaceId, input.leadId);
  const [events, consents, deliveries] = await Promise.all([
    listLeadEvents(db, vault, workspaceId, input.leadId),
    openConsentsOf(db, vault, workspaceId, input.leadId),
    deliveriesOf(db, workspaceId, input.leadId),
  ]);
  const data = leadExportOf({ lead, events, consents, deliveries });
  return { exportedAt: ctx.now.toISOString(), workspaceId, ...data };
}
