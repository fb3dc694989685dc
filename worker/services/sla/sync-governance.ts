import { runBatches } from '../../db/batch';
import { getActiveAgreement, latestPersonaReview } from '../../db/queries/agreement';
import { governanceStatements, openGovernanceRows } from '../../db/queries/sla-sweep';
import type { ActiveAgreement } from '../../domain/agreement';
import { reconcileGovernance } from '../../domain/sla';
import type { ServiceContext } from '../context';

/** Statements per D1 batch: each is guarded on its own, so a long list may span batches. */
export const STATEMENTS_PER_BATCH = 150;

/**
 * Brings a workspace's team deadlines in line with its signed agreement (the
 * domain's `reconcileGovernance` decides what changes). Reads only the
 * workspace's open team deadlines and its latest persona review; the agreement
 * is handed in when the caller read it already.
 */
export async function syncGovernance({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  /** The active agreement when the caller read it already; read here when left out. */
  input?: { active?: ActiveAgreement | null };
}): Promise<void> {
  const { db, workspaceId, now } = ctx;
  const active = input?.active !== undefined ? input.active : await getActiveAgreement(db, workspaceId);
  if (!active) return;
  const [latestReview, open] = await Promise.all([
    latestPersonaReview(db, workspaceId),
    openGovernanceRows(db, workspaceId),
  ]);
  const changes = reconcileGovernance(active, latestReview, open, now);
  await runBatches(
    db,
    governanceStatements(db, workspaceId, changes, active.version, now),
    STATEMENTS_PER_BATCH,
  );
}
