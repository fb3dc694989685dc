import { type LeadListFilter, listLeads as readLeads } from '../../db/queries/leads';
import { type Deadline, leadsSlaSummaries } from '../../db/queries/sla';
import type { LeadState } from '../../domain/ledger/lead';
import type { DeadlineStatus } from '../../domain/sla';
import type { ServiceContext } from '../context';
import { vaultOf } from '../privacy';

export interface LeadWithSla {
  id: string;
  lead: LeadState;
  sla: { next: Deadline | null; worst: DeadlineStatus | null };
}

/**
 * A page of leads by last change (`limit` rows; the caller asks one more to
 * know whether a next page exists), and the SLA summary of the leads it shows.
 */
export async function listLeads({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { filter: LeadListFilter; shown: number };
}): Promise<LeadWithSla[]> {
  const rows = await readLeads(ctx.db, vaultOf(ctx, ctx.workspaceId), ctx.workspaceId, input.filter);
  const sla = await leadsSlaSummaries(
    ctx.db,
    ctx.workspaceId,
    rows.slice(0, input.shown).map((lead) => lead.id),
  );
  const none = { next: null, worst: null };
  return rows.map((lead) => ({ id: lead.id, lead, sla: sla.get(lead.id) ?? none }));
}
