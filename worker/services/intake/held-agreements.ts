import type { Database } from '../../db/client';
import { type ActiveVersion, type JudgingReads, loadJudgingReads } from '../../db/queries/judging';
import { isolateCache } from '../isolate-cache';

/**
 * How long an isolate holds a workspace's active agreement version for its judges. A version's
 * content never changes once proposed (a new one gets a new number and hash) and every batch still
 * asks D1 which version is active, so this bounds memory, never staleness.
 */
export const HELD_AGREEMENT_TTL_MS = 10 * 60_000;

const held = isolateCache<ActiveVersion>({ ttlMs: HELD_AGREEMENT_TTL_MS, maxEntries: 200 });

/**
 * A batch's judging reads (`loadJudgingReads`), the active version's content (about 13 KB of JSON,
 * parsed twice) crossing from D1 only when this isolate does not hold that version already.
 */
export async function loadHeldJudgingReads(
  db: Database,
  workspaceId: string,
  deliveryIds: readonly string[],
  now: Date,
): Promise<JudgingReads | null> {
  const at = now.getTime();
  const reads = await loadJudgingReads(db, workspaceId, deliveryIds, held.get(workspaceId, at));
  // Frozen before any delivery is judged by it: every later batch of the isolate judges by this same copy.
  if (reads?.active) held.set(workspaceId, frozen(reads.active), at);
  return reads;
}

function frozen<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) frozen(inner);
    Object.freeze(value);
  }
  return value;
}
