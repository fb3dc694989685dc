import * as z from 'zod';
import type { Language } from '../constants';
import { type FieldIssue, InvalidError } from '../errors';
import type { Host } from '../host';
import { type Said, say, verbatim } from '../i18n';
import { MAPPING_TARGETS, type MappingTarget } from '../intake/constants';
import { squashName } from '../intake/field-map';
import { instantOf, normaliseSubmission } from '../intake/normalise';
import type { CanonicalSubmission, JsonValue, MappedFields } from '../intake/types';
import { optionalFields } from '../optional-fields';
import { sha256Hex } from '../tokens';
import { IMPORT_STAGES, IMPORT_TARGETS, type ImportStage, type ImportTarget } from './constants';
import type { ResolvedMapping } from './mapping';

/** A cell as a list holds it: text, a number, a yes/no, or empty. */
export const Cell = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]);
export type Cell = z.output<typeof Cell>;

/** Values for fields a row leaves empty (`{ consent: true, consentText: "…" }` when the whole list opted in). */
export const ImportDefaults = optionalFields(
  IMPORT_TARGETS.filter((t): t is Exclude<ImportTarget, 'ignore'> => t !== 'ignore'),
  Cell,
);
export type ImportDefaults = z.output<typeof ImportDefaults>;

/** Why a row was refused, or what in it was not used: the field, the column it came from, and why. */
export interface RowIssue {
  path: string;
  column: string | null;
  /** In English; `say` gives it in the reader's language (the answer keeps `message` only). */
  message: string;
  say?: Said;
}

/** A row issue with its text in every language. */
export function rowIssue(path: string, column: string | null, said: Said): RowIssue {
  return { path, column, message: said('en'), say: said };
}

/** The issue as the answer shows it: its text in `language`, no function left in it. */
export function sayRowIssue({ path, column, message, say }: RowIssue, language: Language): RowIssue {
  return { path, column, message: say ? say(language) : message };
}

/** The historical facts of a row: where the lead stood, since when, with whom. */
export interface RowHistory {
  stage: ImportStage;
  /** When the lead reached `stage` (ISO); the row's submittedAt when the list does not say. */
  stageAt: string;
  /** Lower-cased; resolved to a member by the writer. */
  ownerEmail: string | null;
  sourceName: string | null;
  amount: number | null;
  /** ISO 4217, upper case. */
  currency: string | null;
  reason: string | null;
}

export interface ReadyRow {
  kind: 'ready';
  /** 1-based position among the data rows (a spreadsheet with one header line shows it on line row + 1). */
  row: number;
  /** The row's identity across imports: its own external id, else the hash of its content. */
  key: string;
  /** SHA-256 of the mapped values: the same key with another hash is a changed row. */
  contentHash: string;
  submission: CanonicalSubmission;
  history: RowHistory;
  /**
   * True when the list itself dates the row (submittedAt or stageAt, in the row or the defaults);
   * otherwise submittedAt is the time of import, which cannot prove consent given after an erasure.
   */
  dated: boolean;
  warnings: RowIssue[];
}

export interface RefusedRow {
  kind: 'refused';
  row: number;
  reasons: RowIssue[];
}

export type ReadRow = ReadyRow | RefusedRow;

export interface ReadRowOptions {
  mapping: ResolvedMapping;
  defaults: ImportDefaults;
  /** The workspace's country: the default region for phone numbers. */
  defaultCountry: string;
  /** The active agreement's lead definition: a row without consent is refused when true. */
  consentRequired: boolean;
  /** Milliseconds since the epoch; no date in a row is later. */
  now: number;
  /** Hashes rows and reads websites. */
  host: Pick<Host, 'sha256' | 'parseUrl'>;
}

const CANONICAL = new Set<string>(MAPPING_TARGETS);
const EARLIEST = Date.UTC(2000, 0, 1);

const STAGE_WORDS: ReadonlyMap<string, ImportStage> = new Map(
  (
    [
      ...IMPORT_STAGES.map((s) => [s, s] as const),
      ['marketing qualified lead', 'mql'],
      ['marketing qualified', 'mql'],
      ['sales accepted lead', 'sal'],
      ['sales accepted', 'sal'],
      ['accepted', 'sal'],
      ['sales qualified lead', 'sql'],
      ['sales qualified', 'sql'],
      ['qualified', 'sql'],
      ['deal', 'opportunity'],
      ['closed won', 'won'],
      ['customer', 'won'],
      ['closed lost', 'lost'],
      ['nurturing', 'nurture'],
      ['unqualified', 'disqualified'],
      // The starter languages (DOMAIN.md): Polish, Romanian, Russian.
      ['klient', 'won'],
      ['wygrana', 'won'],
      ['szansa sprzedaży', 'opportunity'],
      ['utracony', 'lost'],
      ['dogrzewanie', 'nurture'],
      ['zdyskwalifikowany', 'disqualified'],
      ['client', 'won'],
      ['câștigat', 'won'],
      ['oportunitate', 'opportunity'],
      ['pierdut', 'lost'],
      ['descalificat', 'disqualified'],
      ['клиент', 'won'],
      ['выигран', 'won'],
      ['сделка', 'opportunity'],
      ['проигран', 'lost'],
      ['взращивание', 'nurture'],
      ['дисквалифицирован', 'disqualified'],
    ] as const
  ).map(([word, stage]) => [squashName(word), stage]),
);

function text(value: Cell | undefined): string | null {
  if (value === undefined || value === null) return null;
  const t = String(value).trim();
  return t === '' ? null : t;
}

/**
 * A money amount as spreadsheets write it: `12000`, `12 000,50`, `12,000.50`, `12.000,50`, `€ 1,5`.
 * A single separator followed by exactly three digits groups thousands; otherwise it marks decimals.
 */
export function amountOf(value: Cell | undefined): number | null | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  const t = text(value);
  if (t === null) return null;
  const raw = t.replace(/[\s\u00a0’']/g, '').replace(/^[^\d.,-]+|[^\d.,]+$/g, '');
  if (!/^\d[\d.,]*$/.test(raw)) return undefined;
  const lastComma = raw.lastIndexOf(',');
  const lastDot = raw.lastIndexOf('.');
  let normal: string;
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    normal = raw.replaceAll(decimal === ',' ? '.' : ',', '').replace(decimal, '.');
  } else if (lastComma >= 0 || lastDot >= 0) {
    const sep = lastComma >= 0 ? ',' : '.';
    const groups = raw.split(sep);
    const thousands = groups.length > 1 && groups.slice(1).every((g) => g.length === 3);
    normal = thousands ? groups.join('') : groups.length === 2 ? groups.join('.') : '';
  } else normal = raw;
  const n = Number(normal);
  return normal !== '' && Number.isFinite(n) ? Math.round(n * 100) / 100 : undefined;
}

/** The row's cells by target, defaults filling the empty ones (the base of the row's content hash). */
function mappedValues(cells: Record<string, Cell>, options: ReadRowOptions): Map<string, Cell> {
  const values = new Map<string, Cell>();
  for (const [column, target] of options.mapping.byColumn) {
    const cell = cells[column];
    if (text(cell) !== null) values.set(target, cell as Cell);
  }
  for (const [target, value] of Object.entries(options.defaults)) {
    if (!values.has(target) && value !== undefined && text(value) !== null) values.set(target, value);
  }
  return values;
}

async function keysOf(values: ReadonlyMap<string, Cell>, host: Pick<Host, 'sha256'>) {
  const content = JSON.stringify([...values].sort(([a], [b]) => a.localeCompare(b)));
  const contentHash = await sha256Hex(content, host);
  const externalId = text(values.get('externalId'));
  return { contentHash, key: externalId ? `ext:${externalId}` : `row:${contentHash}` };
}

/** Reads one row; see `importRowReader`. */
export type ImportRowReader = (row: number, cells: Record<string, Cell>) => Promise<ReadRow>;

/**
 * A reader for the rows of one list. Each row becomes a normalised submission (by intake's own
 * normaliser, so an imported person is the same person a form would send) plus its history. A row is
 * refused, with every reason and the column at fault, when it has no usable e-mail or phone, an
 * unreadable date, an unknown stage, a won deal without an amount, or no consent where the agreement
 * requires it.
 */
export function importRowReader(options: ReadRowOptions): ImportRowReader {
  return (row, cells) => readImportRow(row, cells, options);
}

async function readImportRow(
  row: number,
  cells: Record<string, Cell>,
  options: ReadRowOptions,
): Promise<ReadRow> {
  const { mapping, now } = options;
  const values = mappedValues(cells, options);
  const columnOf = (field: string) => mapping.columnOf.get(field) ?? null;
  const issue = (path: string, said: Said): RowIssue => rowIssue(path, columnOf(path), said);
  const issueOf = (i: FieldIssue) => issue(i.path, (language) => i.say?.(language) ?? i.message);
  const reasons: RowIssue[] = [];
  const warnings: RowIssue[] = [];

  const fields: MappedFields = {};
  for (const [target, value] of values) {
    if (CANONICAL.has(target) || target === 'fullName') fields[target as MappingTarget] = value as JsonValue;
  }
  // A list that dates only the stage dates the lead by it too.
  if (fields.submittedAt === undefined && values.has('stageAt'))
    fields.submittedAt = values.get('stageAt') as JsonValue;

  let submission: CanonicalSubmission | null = null;
  try {
    submission = normaliseSubmission(
      {
        kind: 'submission',
        provider: 'generic',
        deliveryId: null,
        responseId: null,
        formId: null,
        formName: null,
        fields,
        answers: [],
      },
      { defaultCountry: options.defaultCountry, now: options.now, host: options.host },
    );
    for (const w of submission.warnings) warnings.push(issueOf(w));
  } catch (error) {
    if (!(error instanceof InvalidError)) throw error;
    for (const i of error.issues) reasons.push(issueOf(i));
  }
  if (submission && options.consentRequired && submission.consent !== true) {
    reasons.push(
      issue('consent', submission.consent === false ? say('rowConsentRefused') : say('rowConsentMissing')),
    );
  }

  const stageText = text(values.get('stage'));
  const stage = stageText === null ? 'lead' : STAGE_WORDS.get(squashName(stageText));
  if (stage === undefined) {
    reasons.push(
      issue(
        'stage',
        say('rowStageUnknown', { stage: verbatim(stageText ?? ''), stages: IMPORT_STAGES.join(', ') }),
      ),
    );
  }

  const amount = amountOf(values.get('amount') ?? null);
  if (amount === undefined) reasons.push(issue('amount', say('rowAmountInvalid')));
  else if (stage === 'won' && (amount === null || amount <= 0)) {
    reasons.push(issue('amount', say('rowWonAmount')));
  }

  let currency = text(values.get('currency'))?.toUpperCase() ?? null;
  if (currency !== null && !/^[A-Z]{3}$/.test(currency)) {
    warnings.push(issue('currency', say('rowCurrencyIgnored')));
    currency = null;
  }

  let stageAt = submission?.submittedAt ?? null;
  const stageInstant = instantOf((values.get('stageAt') ?? null) as JsonValue);
  if (stageInstant === undefined || (stageInstant !== null && stageInstant < EARLIEST)) {
    reasons.push(issue('stageAt', say('submittedAtInvalid')));
  } else if (stageInstant !== null && submission) {
    if (stageInstant > now) {
      warnings.push(issue('stageAt', say('rowStageAtLater')));
      stageAt = new Date(now).toISOString();
    } else if (stageInstant < Date.parse(submission.submittedAt)) {
      warnings.push(issue('stageAt', say('rowStageAtEarlier')));
    } else stageAt = new Date(stageInstant).toISOString();
  }

  let ownerEmail = text(values.get('owner'))?.toLowerCase() ?? null;
  if (ownerEmail !== null && !z.email().safeParse(ownerEmail).success) {
    warnings.push(issue('owner', say('rowOwnerNotEmail')));
    ownerEmail = null;
  }

  if (reasons.length > 0 || !submission || stage === undefined || amount === undefined || stageAt === null) {
    return { kind: 'refused', row, reasons };
  }
  const { key, contentHash } = await keysOf(values, options.host);
  return {
    kind: 'ready',
    row,
    key,
    contentHash,
    submission,
    dated: values.has('submittedAt') || values.has('stageAt'),
    history: {
      stage,
      stageAt,
      ownerEmail,
      sourceName: text(values.get('sourceName'))?.slice(0, 200) ?? null,
      amount,
      currency,
      reason: text(values.get('reason'))?.slice(0, 300) ?? null,
    },
    warnings,
  };
}
