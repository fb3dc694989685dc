import { proxyD1 } from './d1-proxy';

/**
 * A D1 binding that fails the way D1 can, for the fault suite: the real
 * database answers everything the fault leaves alone.
 *
 * - `unreachable`: every statement and batch rejects (the network to D1 is gone);
 * - `failing`: statements whose SQL matches reject, alone or in a batch (one table's writes fail);
 * - `lastStatement`: every batch that writes gets one more statement at its end
 *   (a constraint violation), so D1 runs the batch and rolls all of it back;
 * - `killAfterWrites`: the write batch after that many throws before reaching D1
 *   (the isolate dies halfway through a job).
 */
export interface D1Fault {
  unreachable?: boolean;
  failing?: RegExp;
  lastStatement?: string;
  killAfterWrites?: number;
}

const UNREACHABLE = 'D1_ERROR: Network connection lost. (injected by the fault suite)';
const WRITE = /^\s*(insert|update|delete|replace)\b/i;

export function faultyD1(db: D1Database, fault: D1Fault) {
  const seen = { writeBatches: 0, failedBatches: 0 };
  const fails = (sql: string) => fault.unreachable || fault.failing?.test(sql);
  const binding = proxyD1(db, {
    run: (_target, _method, { sql }) =>
      fails(sql) ? () => Promise.reject(new Error(UNREACHABLE)) : undefined,
    async batch(real, statements, texts) {
      const sqls = texts.map((t) => t?.sql ?? '');
      if (fault.unreachable || sqls.some((sql) => fault.failing?.test(sql))) throw new Error(UNREACHABLE);
      if (sqls.some((sql) => WRITE.test(sql))) {
        seen.writeBatches += 1;
        if (fault.killAfterWrites !== undefined && seen.writeBatches > fault.killAfterWrites) {
          seen.failedBatches += 1;
          throw new Error(
            `killed after ${fault.killAfterWrites} write batches (injected by the fault suite)`,
          );
        }
        if (fault.lastStatement) {
          seen.failedBatches += 1;
          return real.batch([...statements, real.prepare(fault.lastStatement)]);
        }
      }
      return real.batch(statements);
    },
  });
  return { binding, seen };
}
