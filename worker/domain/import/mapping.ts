import * as z from 'zod';
import { type FieldIssue, fieldIssue } from '../errors';
import { say, schemaText } from '../i18n';
import { squashName, targetForName } from '../intake/field-map';
import { IMPORT_TARGETS, type ImportField, type ImportTarget } from './constants';

/** Column name → target. Keys match a column exactly, else ignoring case and surrounding spaces. */
export const ImportMapping = z
  .record(z.string().trim().min(1).max(500), z.enum(IMPORT_TARGETS))
  .refine((map) => Object.keys(map).length <= 200, { message: schemaText('mappingSize') });
export type ImportMapping = z.output<typeof ImportMapping>;

/** Column names that stand for an import field with no mapping, in the starter languages. */
const IMPORT_ALIASES: Record<ImportField, readonly string[]> = {
  stage: [
    'stage',
    'status',
    'lead status',
    'lifecycle stage',
    'funnel stage',
    'etap',
    'etapă',
    'стадия',
    'этап',
  ],
  stageAt: ['stage at', 'stage date', 'status date', 'data etapu', 'дата этапа'],
  owner: ['owner', 'owner email', 'lead owner', 'opiekun', 'responsabil', 'ответственный'],
  sourceName: ['source', 'source name', 'lead source', 'źródło', 'sursă', 'источник'],
  amount: ['amount', 'deal amount', 'deal value', 'revenue', 'kwota', 'wartość', 'sumă', 'сумма'],
  currency: ['currency', 'waluta', 'monedă', 'валюта'],
  reason: ['reason', 'lost reason', 'powód', 'motiv', 'причина'],
};

const IMPORT_NAMES: ReadonlyMap<string, ImportField> = new Map(
  Object.entries(IMPORT_ALIASES).flatMap(([field, names]) =>
    names.map((name) => [squashName(name), field as ImportField] as const),
  ),
);

/** The target a column name stands for with no mapping (`E-mail` → email, `Lead owner` → owner), if any. */
export function importTargetForName(name: string): ImportTarget | null {
  return IMPORT_NAMES.get(squashName(name)) ?? targetForName(name);
}

/** Which column fills which field; columns absent here are kept as extra history only. */
export interface ResolvedMapping {
  byColumn: ReadonlyMap<string, Exclude<ImportTarget, 'ignore'>>;
  /** The column each field comes from, to name it in per-row reasons. */
  columnOf: ReadonlyMap<string, string>;
}

const lookup = (name: string) => name.trim().toLowerCase();

/**
 * Decides the mapping of a list's columns: the caller's mapping first, then any column whose name is
 * a field name or a known alias (as intake does for form fields). Throws nothing: the issues say
 * which mapping entries name no column, which fields two columns claim, and whether no column gives
 * a way to reach the person (e-mail or phone).
 */
export function resolveMapping(
  columns: readonly string[],
  mapping: ImportMapping | null,
): { mapping: ResolvedMapping; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const byColumn = new Map<string, Exclude<ImportTarget, 'ignore'>>();
  const columnOf = new Map<string, string>();
  const handled = new Set<string>();
  const byLookup = new Map<string, string>();
  for (const column of columns) if (!byLookup.has(lookup(column))) byLookup.set(lookup(column), column);

  for (const [key, target] of Object.entries(mapping ?? {})) {
    const column = columns.includes(key) ? key : byLookup.get(lookup(key));
    if (column === undefined) {
      const known = columns.slice(0, 20).join(', ');
      issues.push(fieldIssue(`mapping.${key}`, say('mappingNoColumn', { key, columns: known })));
      continue;
    }
    handled.add(column);
    if (target === 'ignore') continue;
    const taken = columnOf.get(target);
    if (taken !== undefined) {
      issues.push(fieldIssue(`mapping.${key}`, say('mappingTaken', { column: taken, target })));
      continue;
    }
    byColumn.set(column, target);
    columnOf.set(target, column);
  }
  for (const column of columns) {
    if (handled.has(column)) continue;
    const target = importTargetForName(column);
    if (target === null || target === 'ignore' || columnOf.has(target)) continue;
    byColumn.set(column, target);
    columnOf.set(target, column);
  }
  if (issues.length === 0 && !columnOf.has('email') && !columnOf.has('phone')) {
    issues.push(fieldIssue('mapping', say('mappingNoContact', { columns: columns.slice(0, 20).join(', ') })));
  }
  return { mapping: { byColumn, columnOf }, issues };
}
