import { and, eq, gt, or, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/** Rows after `cursor` in `(key, id)` order: the keyset condition every paged list uses. */
export function keysetAfter(key: SQLiteColumn, id: SQLiteColumn, cursor: { key: string; id: string }): SQL {
  return or(gt(key, cursor.key), and(eq(key, cursor.key), gt(id, cursor.id))) as SQL;
}
