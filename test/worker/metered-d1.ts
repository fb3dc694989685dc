/**
 * A D1 binding that counts what the real one reports in `meta` (rows read and
 * written). Drizzle reads with `raw()`, which carries no meta, so `raw()` is
 * served from `all()` and turned back into arrays (fine for single-table reads).
 */
export function meteredD1(db: D1Database) {
  const totals = { rowsRead: 0, rowsWritten: 0, statements: 0 };
  /** Every statement run, with its bound values and D1's counts, in order: for tests that count reads of one kind. */
  const log: { sql: string; params: unknown[]; rowsRead: number; rowsWritten: number }[] = [];
  const textOf = new WeakMap<object, { sql: string; params: unknown[] }>();
  const count = (
    meta: { rows_read?: number; rows_written?: number } | undefined,
    text: { sql: string; params: unknown[] } | undefined,
  ) => {
    if (text) log.push({ ...text, rowsRead: meta?.rows_read ?? 0, rowsWritten: meta?.rows_written ?? 0 });
    totals.statements += 1;
    totals.rowsRead += meta?.rows_read ?? 0;
    totals.rowsWritten += meta?.rows_written ?? 0;
  };
  const originals = new WeakMap<object, D1PreparedStatement>();
  const wrap = (stmt: D1PreparedStatement, sql: string, params: unknown[] = []): D1PreparedStatement => {
    const text = { sql, params };
    const proxy = new Proxy(stmt, {
      get(target, prop) {
        if (prop === 'bind') return (...args: unknown[]) => wrap(target.bind(...args), sql, args);
        if (prop === 'all' || prop === 'run') {
          return async () => {
            const result = await target.all();
            count(result.meta, text);
            return result;
          };
        }
        if (prop === 'first') {
          return async (column?: string) => {
            const result = await target.all<Record<string, unknown>>();
            count(result.meta, text);
            const row = result.results[0] ?? null;
            return column && row ? row[column] : row;
          };
        }
        if (prop === 'raw') {
          return async (options?: { columnNames?: boolean }) => {
            const result = await target.all<Record<string, unknown>>();
            count(result.meta, text);
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
    textOf.set(proxy, text);
    return proxy;
  };
  const binding = new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') return (sql: string) => wrap(target.prepare(sql), sql);
      if (prop === 'batch') {
        return async (statements: D1PreparedStatement[]) => {
          // Unwrap: batch needs the real statements.
          const results = await target.batch(statements.map((s) => originals.get(s) ?? s));
          results.forEach((r, i) => {
            count(r.meta, statements[i] ? textOf.get(statements[i]) : undefined);
          });
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
    log,
    reset() {
      log.length = 0;
      totals.rowsRead = 0;
      totals.rowsWritten = 0;
      totals.statements = 0;
    },
  };
}
