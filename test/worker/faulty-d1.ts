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
  const sqlOf = new WeakMap<object, string>();
  const originals = new WeakMap<object, D1PreparedStatement>();
  const wrap = (stmt: D1PreparedStatement, sql: string): D1PreparedStatement => {
    const proxy = new Proxy(stmt, {
      get(target, prop) {
        if (prop === 'bind') return (...args: unknown[]) => wrap(target.bind(...args), sql);
        const value = Reflect.get(target, prop);
        if (typeof value !== 'function') return value;
        const fails = fault.unreachable || fault.failing?.test(sql);
        if (fails && ['all', 'run', 'first', 'raw'].includes(String(prop))) {
          return () => Promise.reject(new Error(UNREACHABLE));
        }
        return value.bind(target);
      },
    });
    sqlOf.set(proxy, sql);
    originals.set(proxy, stmt);
    return proxy;
  };
  const binding = new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') return (sql: string) => wrap(target.prepare(sql), sql);
      if (prop === 'batch') {
        return async (statements: D1PreparedStatement[]) => {
          const failing = fault.failing;
          if (fault.unreachable || (failing && statements.some((s) => failing.test(sqlOf.get(s) ?? '')))) {
            throw new Error(UNREACHABLE);
          }
          const writes = statements.some((s) => WRITE.test(sqlOf.get(s) ?? ''));
          const real = statements.map((s) => originals.get(s) ?? s);
          if (writes) {
            seen.writeBatches += 1;
            if (fault.killAfterWrites !== undefined && seen.writeBatches > fault.killAfterWrites) {
              seen.failedBatches += 1;
              throw new Error(
                `killed after ${fault.killAfterWrites} write batches (injected by the fault suite)`,
              );
            }
            if (fault.lastStatement) {
              seen.failedBatches += 1;
              real.push(target.prepare(fault.lastStatement));
            }
          }
          return target.batch(real);
        };
      }
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { binding, seen };
}
