import { proxyD1, type StatementText } from './d1-proxy';

/**
 * A D1 binding that counts what the real one reports in `meta` (rows read and
 * written). Drizzle reads with `raw()`, which carries no meta, so `raw()` is
 * served from `all()` and turned back into arrays (fine for single-table reads).
 */
export function meteredD1(db: D1Database) {
  const totals = { rowsRead: 0, rowsWritten: 0, statements: 0 };
  /** Every statement run, with its bound values and D1's counts, in order: for tests that count reads of one kind. */
  const log: { sql: string; params: unknown[]; rowsRead: number; rowsWritten: number }[] = [];
  const count = (
    meta: { rows_read?: number; rows_written?: number } | undefined,
    text: StatementText | undefined,
  ) => {
    if (text) log.push({ ...text, rowsRead: meta?.rows_read ?? 0, rowsWritten: meta?.rows_written ?? 0 });
    totals.statements += 1;
    totals.rowsRead += meta?.rows_read ?? 0;
    totals.rowsWritten += meta?.rows_written ?? 0;
  };
  const binding = proxyD1(db, {
    run(target, method, text) {
      const counted = async () => {
        const result = await target.all<Record<string, unknown>>();
        count(result.meta, text);
        return result;
      };
      if (method === 'all' || method === 'run') return counted;
      if (method === 'first') {
        return async (column?: string) => {
          const row = (await counted()).results[0] ?? null;
          return column && row ? row[column] : row;
        };
      }
      return async (options?: { columnNames?: boolean }) => {
        const { results } = await counted();
        const rows = results.map((r) => Object.values(r));
        if (options?.columnNames) return [Object.keys(results[0] ?? {}), ...rows];
        return rows;
      };
    },
    async batch(real, statements, texts) {
      const results = await real.batch(statements);
      results.forEach((r, i) => {
        count(r.meta, texts[i]);
      });
      return results;
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
