import { getTableColumns, type SQL, sql, type Table } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

/**
 * A column SQLite may not look up through an index (the unary `+`). Without
 * statistics the planner guesses about 10 rows for any equality on an index's
 * first columns, so for a list of ids it may prefer a (workspace_id, …) or
 * (workspace_id, status, …) prefix and read every such row of the workspace
 * instead of the few keys asked for; the condition still filters the rows.
 */
export function unindexed(column: AnySQLiteColumn): SQL {
  return sql`+${column}`;
}

/** The workspace condition for a lookup by primary or lead key: it scopes, the key's index finds. */
export function inWorkspace(column: AnySQLiteColumn, workspaceId: string): SQL {
  return sql`${unindexed(column)} = ${workspaceId}`;
}

/** Keys per `IN (…)` list: with the workspace id and a few more values a statement stays under D1's 100 bound parameters. */
export const IN_LIST_SIZE = 90;

/** D1's limit on bound parameters in one statement. */
const D1_MAX_PARAMETERS = 100;

/** How many rows of a table one multi-row INSERT can carry under D1's parameter limit. */
export function rowsPerInsert(table: Table): number {
  return Math.max(1, Math.floor(D1_MAX_PARAMETERS / Object.keys(getTableColumns(table)).length));
}

/** Splits `items` into runs of at most `size` (D1's bound-parameter and batch limits). */
export function chunks<T>(items: readonly T[], size = IN_LIST_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
