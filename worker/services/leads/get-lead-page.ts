import { getLeadState } from '../../db/queries/leads';
import { getMember } from '../../db/queries/members';
import { leadDeadlines } from '../../db/queries/sla';
import { getWorkspace } from '../../db/queries/workspaces';
import { NotFoundError } from '../../domain/errors';
import type { LeadState } from '../../domain/ledger/lead';
import type { Workspace } from '../../domain/workspace';
import type { ServiceContext } from '../context';
import { vaultOf } from '../privacy';

export interface LeadPageFacts {
  lead: LeadState;
  ownerName: string | null;
  deadlines: { kind: string; dueAt: string; status: string }[];
}

/**
 * What the signed read-only lead page shows. `null` when the workspace is gone;
 * `lead: null` when the link expired (only the workspace's language is needed
 * then) or the lead is unknown or erased (an erased person is gone from the
 * page too).
 */
export async function getLeadPage({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { leadId: string; expired: boolean };
}): Promise<{ workspace: Workspace; lead: LeadPageFacts | null } | null> {
  const workspace = await getWorkspace(ctx.db, ctx.workspaceId);
  if (!workspace) return null;
  if (input.expired) return { workspace, lead: null };
  const lead = await getLeadState(ctx.db, vaultOf(ctx, ctx.workspaceId), ctx.workspaceId, input.leadId).catch(
    (error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    },
  );
  if (!lead || lead.erasedAt) return { workspace, lead: null };
  const [sla, owner] = await Promise.all([
    leadDeadlines(ctx.db, ctx.workspaceId, input.leadId),
    lead.ownerId ? getMember(ctx.db, ctx.workspaceId, lead.ownerId).catch(() => null) : null,
  ]);
  return { workspace, lead: { lead, ownerName: owner?.name ?? null, deadlines: sla.deadlines } };
}
