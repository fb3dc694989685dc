import { getTableColumns, type SQL, sql, type Table } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

/**
 * The workspace condition for a lookup by primary or lead key. The unary `+`
 * keeps SQLite from choosing a (workspace_id, …) index for it, which would read
 * every row of the workspace instead of the few keys asked for; the condition
 * still scopes the query.
 */
export function inWorkspace(column: AnySQLiteColumn, workspaceId: string): SQL {
  return sql`+${column} = ${workspaceId}`;
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
