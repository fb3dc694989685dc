import { getTableName } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Statement } from './batch';
import type { Database } from './client';
import { chunks, rowsPerInsert } from './scope';

interface TableRows {
  table: SQLiteTable;
  rows: Record<string, unknown>[];
  /** `ON CONFLICT DO NOTHING`: the row may be there already (a key minted by an earlier try). */
  ignoreConflicts: boolean;
}

/**
 * Plain inserts gathered from many writers of one batch (a judge's round of leads) and written as
 * few multi-row statements, each table's rows in the order they came, the tables in the order first
 * seen. Only for rows no other statement of the batch depends on reading first: the batch is one
 * transaction, so a failing row still fails the whole batch as it did alone.
 */
export class InsertRows {
  readonly #tables = new Map<string, TableRows>();
  readonly #after: Statement[] = [];

  /** Statements that must see the gathered rows (an SLA rule counting the batch's own events): they run after them, in order. */
  after(statements: readonly Statement[]): void {
    this.#after.push(...statements);
  }

  add<T extends SQLiteTable>(
    table: T,
    rows: readonly T['$inferInsert'][],
    options: { ignoreConflicts?: boolean } = {},
  ): void {
    const ignoreConflicts = options.ignoreConflicts ?? false;
    const key = `${getTableName(table)}|${ignoreConflicts}`;
    let entry = this.#tables.get(key);
    if (!entry) {
      entry = { table, rows: [], ignoreConflicts };
      this.#tables.set(key, entry);
    }
    entry.rows.push(...(rows as Record<string, unknown>[]));
  }

  /**
   * The statements that write every row gathered (as many rows per statement as D1's parameter limit
   * allows), then the statements added with `after`.
   */
  statements(db: Database): Statement[] {
    const inserts = [...this.#tables.values()].flatMap(({ table, rows, ignoreConflicts }) =>
      chunks(rows, rowsPerInsert(table)).map((part) => {
        // The rows were typed by `add` against this same table.
        const insert = db.insert(table).values(part as SQLiteTable['$inferInsert'][]);
        return ignoreConflicts ? insert.onConflictDoNothing() : insert;
      }),
    );
    return [...inserts, ...this.#after];
  }
}
