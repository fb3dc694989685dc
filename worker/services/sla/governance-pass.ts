import { activeAgreementsAfter, governanceCursor, saveGovernanceCursor } from '../../db/queries/sla-sweep';
import type { DatabaseContext } from '../context';
import { syncGovernance } from './sync-governance';
import { WorkspaceFactsCache } from './workspace-facts';

/** Workspaces whose governance deadlines one sweep refreshes (the pass walks all of them in turn). */
export const GOVERNANCE_CHUNK = 20;

/**
 * Refreshes the team deadlines of the next GOVERNANCE_CHUNK workspaces that run
 * under a signed agreement, continuing where the previous sweep stopped, so
 * every workspace is visited in turn at a bounded cost per minute. Answers how
 * many workspaces it visited.
 */
export async function governancePass({
  ctx,
  input = {},
}: {
  ctx: DatabaseContext;
  input?: { chunk?: number; facts?: WorkspaceFactsCache };
}): Promise<number> {
  const { db, now } = ctx;
  const chunk = input.chunk ?? GOVERNANCE_CHUNK;
  const facts = input.facts ?? new WorkspaceFactsCache(ctx);
  const cursor = await governanceCursor(db);
  let page = await activeAgreementsAfter(db, cursor, chunk);
  if (page.length === 0 && cursor !== '') page = await activeAgreementsAfter(db, '', chunk);
  for (const { workspaceId, active } of page) {
    facts.seedAgreement(workspaceId, active);
    await syncGovernance({ ctx: { db, now, workspaceId, encryption: ctx.encryption }, input: { active } });
  }
  await saveGovernanceCursor(db, page.length < chunk ? '' : (page.at(-1)?.workspaceId ?? ''), now);
  return page.length;
}
