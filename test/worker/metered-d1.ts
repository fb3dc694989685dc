/**
 * A D1 binding that counts what the real one reports in `meta` (rows read and
 * written). Drizzle reads with `raw()`, which carries no meta, so `raw()` is
 * served from `all()` and turned back into arrays (fine for single-table reads).
 */
export function meteredD1(db: D1Database) {
  const totals = { rowsRead: 0, rowsWritten: 0, statements: 0 };
  const count = (meta: { rows_read?: number; rows_written?: number } | undefined) => {
    totals.statements += 1;
    totals.rowsRead += meta?.rows_read ?? 0;
    totals.rowsWritten += meta?.rows_written ?? 0;
  };
  const originals = new WeakMap<object, D1PreparedStatement>();
  const wrap = (stmt: D1PreparedStatement): D1PreparedStatement => {
    const proxy = new Proxy(stmt, {
      get(target, prop) {
        if (prop === 'bind') return (...args: unknown[]) => wrap(target.bind(...args));
        if (prop === 'all' || prop === 'run') {
          return async () => {
            const result = await target.all();
            count(result.meta);
            return result;
          };
        }
        if (prop === 'first') {
          return async (column?: string) => {
            const result = await target.all<Record<string, unknown>>();
            count(result.meta);
            const row = result.results[0] ?? null;
            return column && row ? row[column] : row;
          };
        }
        if (prop === 'raw') {
          return async (options?: { columnNames?: boolean }) => {
            const result = await target.all<Record<string, unknown>>();
            count(result.meta);
            const rows = result.results.map((r) => Object.values(r));
            if (options?.columnNames) return [Object.keys(result.results[0] ?? {}), ...rows];
            return rows;
          };
        }
        const value = Reflect.get(target, prop);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    originals.set(proxy, stmt);
    return proxy;
  };
  const binding = new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') return (sql: string) => wrap(target.prepare(sql));
      if (prop === 'batch') {
        return async (statements: D1PreparedStatement[]) => {
          // Unwrap: batch needs the real statements.
          const results = await target.batch(statements.map((s) => originals.get(s) ?? s));
          for (const r of results) count(r.meta);
          return results;
        };
      }
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return {
    binding,
    totals,
    reset() {
      totals.rowsRead = 0;
      totals.rowsWritten = 0;
      totals.statements = 0;
    },
  };
}
