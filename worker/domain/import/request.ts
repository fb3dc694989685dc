import * as z from 'zod';
import { schemaText } from '../i18n';
import { SOURCE_ORIGINS } from '../ledger/constants';
import { MAX_IMPORT_ROWS } from './constants';
import { CSV_DELIMITERS } from './csv';
import { ImportMapping } from './mapping';
import { Cell, ImportDefaults, type RowIssue } from './row';

/** Rows a body may hold: one call reads at most `MAX_IMPORT_ROWS` of them, from `offset`. */
export const MAX_BODY_ROWS = 100_000;

const ImportKey = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, { message: schemaText('importKeyAscii') });

/** What every import names, whatever the body's format. */
const ImportSettings = z.strictObject({
  /**
   * Names the list: a row is imported once per key (by its `externalId`, else by its content), so
   * sending the same list again writes nothing new. Defaults to `default`.
   */
  importKey: ImportKey.default('default'),
  mapping: ImportMapping.nullable().default(null),
  defaults: ImportDefaults.default({}),
  /** The origin of sources the import creates for `sourceName`s the workspace does not know yet. */
  sourceOrigin: z.enum(SOURCE_ORIGINS).default('other'),
});

/** `application/json`: what the Sheets add-on sends, the rows as objects keyed by column name. */
export const ImportJsonBody = ImportSettings.extend({
  rows: z
    .array(z.record(z.string().max(500), Cell))
    .min(1)
    .max(MAX_BODY_ROWS),
});
export type ImportJsonBody = z.output<typeof ImportJsonBody>;

/** A JSON object passed in a query parameter. */
function jsonParam<T extends z.ZodType>(schema: T) {
  return z
    .string()
    .transform((raw, ctx) => {
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: schemaText('jsonParam') });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

/** `text/csv`: the settings travel in the query string, `mapping` and `defaults` as URL-encoded JSON. */
export const ImportCsvQuery = z.strictObject({
  importKey: ImportKey.default('default'),
  mapping: jsonParam(ImportMapping).nullable().default(null),
  defaults: jsonParam(ImportDefaults).default({}),
  sourceOrigin: z.enum(SOURCE_ORIGINS).default('other'),
  /** `,`, `;` or a tab; guessed from the header line when absent. */
  delimiter: z.enum(CSV_DELIMITERS).optional(),
});
export type ImportCsvQuery = z.output<typeof ImportCsvQuery>;

/** Where to resume: the same body is sent again with the `next` the previous answer gave. */
export const ImportWindow = z.strictObject({
  offset: z.coerce.number().int().min(0).max(MAX_BODY_ROWS).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_IMPORT_ROWS).default(MAX_IMPORT_ROWS),
});
export type ImportWindow = z.output<typeof ImportWindow>;

export const IMPORT_OUTCOMES = ['created', 'merged', 'unchanged', 'refused'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

/** One row's answer. `unchanged`: the row was imported before under this key; nothing was written. */
export interface ImportRowResult {
  row: number;
  status: ImportOutcome;
  leadId: string | null;
  /** Why a refused row was refused, naming the field and the column. */
  reasons?: RowIssue[];
  /** Values that were not used but did not stop the row. */
  warnings?: RowIssue[];
  /** For an `unchanged` row repeated within this list: the row it repeats. */
  sameAs?: number;
}

export interface ImportAnswer {
  importKey: string;
  /** Column name → the field it filled, null when the import did not use it. */
  columns: Record<string, string | null>;
  /** Data rows in the body. */
  total: number;
  offset: number;
  /** The offset to send the same body with next, or null when every row has been read. */
  next: number | null;
  summary: Record<ImportOutcome, number>;
  results: ImportRowResult[];
}
