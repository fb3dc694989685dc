import type { Database } from '../../db/client';
import { owedSheets, quotaUsed } from '../../db/queries/sheet';
import {
  type LeadsLayout,
  READS_PER_MINUTE,
  schedulePushes,
  WRITES_PER_MINUTE,
} from '../../domain/live-sheet';
import type { Env } from '../../env';
import { type PushOutcome, pushSheet } from './push';

/** Pushes at once: enough to spend a minute's budget in seconds, few enough to be kind to D1 and Google. */
const CONCURRENCY = 4;

export interface PushReport {
  owed: number;
  scheduled: number;
  pushed: number;
  failed: number;
  rows: number;
}

/**
 * The minute's pushes for one database: every sheet owed a write, fairly
 * shared out of each service account's remaining quota (SLA transitions first,
 * then the longest waiting), each written once with everything it is owed.
 */
export async function pushOwedSheets({
  ctx,
  input,
}: {
  ctx: { db: Database; env: Env; now: Date; random?: () => number; sleep?: (ms: number) => Promise<void> };
  input: { layout: LeadsLayout };
}): Promise<PushReport> {
  const owed = await owedSheets(ctx.db, ctx.now);
  const used = await quotaUsed(
    ctx.db,
    [...new Set(owed.map((o) => o.connection.serviceAccountEmail))],
    ctx.now,
  );
  const remaining = new Map(
    [...used].map(([account, u]) => [
      account,
      { reads: READS_PER_MINUTE - u.reads, writes: WRITES_PER_MINUTE - u.writes },
    ]),
  );
  const byWorkspace = new Map(owed.map((o) => [o.connection.workspaceId, o]));
  const picked = schedulePushes(
    owed.map((o) => ({
      workspaceId: o.connection.workspaceId,
      account: o.connection.serviceAccountEmail,
      urgent: o.upTo.transitions > o.connection.cursorTransitions,
      waitingSince: o.connection.lastAttemptAt ?? o.connection.createdAt,
    })),
    remaining,
  );
  const outcomes: PushOutcome[] = [];
  const queue = [...picked];
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, queue.length) }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const sheet = byWorkspace.get(next.workspaceId);
        if (!sheet) continue;
        // One sheet's bug must not cost the others their minute; its cursor stays, so nothing is lost.
        try {
          outcomes.push(await pushSheet({ ctx, input: { owed: sheet, layout: input.layout } }));
        } catch (error) {
          console.error(
            JSON.stringify({
              level: 'error',
              message: 'sheet push failed',
              workspaceId: sheet.connection.workspaceId,
              error: error instanceof Error ? error.name : 'unknown',
            }),
          );
          outcomes.push({
            workspaceId: sheet.connection.workspaceId,
            result: 'failed',
            rows: 0,
            error: 'internal',
          });
        }
      }
    }),
  );
  return {
    owed: owed.length,
    scheduled: picked.length,
    pushed: outcomes.filter((o) => o.result === 'pushed').length,
    failed: outcomes.filter((o) => o.result === 'failed').length,
    rows: outcomes.reduce((sum, o) => sum + o.rows, 0),
  };
}
