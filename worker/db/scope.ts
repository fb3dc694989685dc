import { type SQL, sql } from 'drizzle-orm';
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
