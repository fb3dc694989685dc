import { getTableColumns, getTableName, is, SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Statement } from './batch';
import type { Database } from './client';
import { chunks, rowsPerInsert } from './scope';

/** Rows for one table, and how their insert meets a row already there. */
interface RowsFor {
  table: SQLiteTable;
  rows: readonly Record<string, unknown>[];
  /** `ON CONFLICT DO NOTHING`: the row may be there already (a key minted by an earlier try). */
  ignoreConflicts: boolean;
}

/** One table's rows as `InsertRows` gathers them. */
interface TableRows extends RowsFor {
  rows: Record<string, unknown>[];
}

/**
 * Plain inserts gathered from many writers of one batch (a judge's round of leads) and written as
 * one statement per table, each table's rows in the order they came, the tables in the order first
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

  /** The statements that write every row gathered, then the statements added with `after`. */
  statements(db: Database): Statement[] {
    const inserts = [...this.#tables.values()].flatMap(({ table, rows, ignoreConflicts }) =>
      insertStatements(db, table, rows, { ignoreConflicts }),
    );
    return [...inserts, ...this.#after];
  }
}

/**
 * The statements inserting `rows` into `table`, in order, whatever their number: one per table (see
 * `jsonInserts`), or drizzle's `values` under D1's parameter limit when a value has no JSON form.
 * No statement for no rows.
 */
export function insertStatements<T extends SQLiteTable>(
  db: Database,
  table: T,
  rows: readonly T['$inferInsert'][],
  options: { ignoreConflicts?: boolean } = {},
): Statement[] {
  const entry = {
    table,
    rows: rows as Record<string, unknown>[],
    ignoreConflicts: options.ignoreConflicts ?? false,
  };
  return jsonInserts(db, entry) ?? valuesInserts(db, entry);
}

/**
 * A table's rows as one JSON array bound to one parameter, which SQLite unpacks with `json_each`:
 * one statement whatever the number of rows (a `values` list stops at D1's 100 bound parameters, five
 * leads or ten events), built from a template made once per table, with no per-value SQL building.
 * Null when a value has no JSON form (bytes, a big integer, an SQL default): those rows go as `values`.
 */
function jsonInserts(db: Database, { table, rows, ignoreConflicts }: RowsFor): Statement[] | null {
  const { columns, select } = templateOf(table);
  const encoded: string[] = [];
  for (const row of rows) {
    const values: unknown[] = [];
    for (const [key, column] of columns) {
      const value = driverValue(column, row[key]);
      if (value === NO_JSON) return null;
      values.push(value);
    }
    encoded.push(JSON.stringify(values));
  }
  return parts(encoded).map((part) => {
    // SQLite needs the WHERE to tell an upsert's ON from a join's.
    const insert = db.insert(table).select(sql`${select}${`[${part.join(',')}]`}) where true`);
    return ignoreConflicts ? insert.onConflictDoNothing() : insert;
  });
}

/** Drizzle's own multi-row `values` inserts, as many rows per statement as D1's parameter limit allows. */
function valuesInserts(db: Database, { table, rows, ignoreConflicts }: RowsFor): Statement[] {
  return chunks(rows, rowsPerInsert(table)).map((part) => {
    // The rows were typed by `add` against this same table.
    const insert = db.insert(table).values(part as SQLiteTable['$inferInsert'][]);
    return ignoreConflicts ? insert.onConflictDoNothing() : insert;
  });
}

interface Template {
  columns: [key: string, column: SQLiteColumn][];
  select: SQL;
}

const TEMPLATES = new WeakMap<SQLiteTable, Template>();

/** `select value ->> 0, value ->> 1 from json_each(` for the table's columns in drizzle's insert order, once per table. */
function templateOf(table: SQLiteTable): Template {
  let template = TEMPLATES.get(table);
  if (!template) {
    // A column SQLite computes itself (generated always) takes no value, as in drizzle's own inserts.
    const columns = Object.entries(getTableColumns(table)).filter(
      ([, c]) => c.generated === undefined || c.generated.type === 'byDefault',
    );
    const picks = columns.map((_, i) => `value ->> ${i}`).join(', ');
    template = { columns, select: sql.raw(`select ${picks} from json_each(`) };
    TEMPLATES.set(table, template);
  }
  return template;
}

const NO_JSON = Symbol('no JSON form');

/** The value drizzle would bind for `value` in `column` (its default when missing), if JSON can carry it. */
function driverValue(column: SQLiteColumn, given: unknown): unknown {
  let value = given;
  if (value === undefined) {
    if (column.default !== undefined && column.default !== null) value = column.default;
    else if (column.defaultFn) value = column.defaultFn();
    else if (column.onUpdateFn) value = column.onUpdateFn();
    else return null;
  }
  if (value === null) return null;
  if (is(value, SQL)) return NO_JSON;
  const driver = column.mapToDriverValue(value);
  if (driver === null || typeof driver === 'string') return driver;
  if (typeof driver === 'number' && Number.isFinite(driver)) return driver;
  // A boolean column maps to 1 or 0 itself; anything else (bytes, bigint) is not a JSON scalar.
  return NO_JSON;
}

/** JSON rows split so no parameter nears D1's 2 MB limit on a value (400,000 characters are at most 1.2 MB of UTF-8). */
function parts(encoded: readonly string[]): string[][] {
  const out: string[][] = [];
  let part: string[] = [];
  let size = 0;
  for (const row of encoded) {
    if (part.length > 0 && size + row.length > PART_CHARS) {
      out.push(part);
      part = [];
      size = 0;
    }
    part.push(row);
    size += row.length + 1;
  }
  if (part.length > 0) out.push(part);
  return out;
}

const PART_CHARS = 400_000;
