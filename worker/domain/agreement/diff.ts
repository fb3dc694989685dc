import type { Language } from '../constants';
import { type Catalogue, catalogueOf, fill, formatMoney, formatNumber } from '../i18n';
import { canonicalJson } from './canonical';
import { AGREEMENT_SECTIONS } from './constants';
import type { Agreement } from './schema';

export type ChangeKind = 'added' | 'removed' | 'changed' | 'reordered';

/** One change, with its path and a sentence a person can read. */
export interface AgreementChange {
  path: string;
  kind: ChangeKind;
  before?: unknown;
  after?: unknown;
  text: string;
}

export interface SectionDiff {
  section: string;
  changes: AgreementChange[];
}

export interface AgreementDiff {
  /** Number of changes over all sections. */
  changed: number;
  /** Only the sections that changed, in the order the agreement reads. */
  sections: SectionDiff[];
  unchanged: string[];
}

/** Top-level keys in reading order: metadata first, then the sections. */
export const AGREEMENT_PARTS = ['language', 'title', ...AGREEMENT_SECTIONS] as const;
export type AgreementPart = (typeof AGREEMENT_PARTS)[number];

/** Fields that identify an element of a list, so a list diffs by identity rather than by position. */
const IDENTITY_FIELDS = ['id', 'code', 'key'] as const;
/** Fields that name an element in a sentence. */
const NAME_FIELDS = ['label', 'term', 'question', 'name'] as const;

type Json = unknown;

const same = (a: Json, b: Json) => canonicalJson(a) === canonicalJson(b);
const isObject = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The diff's words, and what a number needs to be written as its reader writes it. */
type DiffWords = Catalogue['diff'] & {
  language: Language;
  /** Each side's goals currency: its amounts are money in it. */
  currency: { before: string | null; after: string | null };
};

/** The goals' amounts, written as money in that side's currency. */
const MONEY_PATHS = new Set([
  'goals.shared.revenue',
  'goals.marketing.sourcedRevenue',
  'goals.sales.closedRevenue',
]);

function show(value: Json, w: DiffWords, path = '', side: 'before' | 'after' = 'after'): string {
  if (value === null || value === undefined) return w.none;
  if (typeof value === 'number')
    return MONEY_PATHS.has(path)
      ? formatMoney(w.language, value, w.currency[side])
      : formatNumber(w.language, value, 6);
  const text = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

function identityOf(items: Json[]): string | null {
  for (const field of IDENTITY_FIELDS) {
    if (items.length > 0 && items.every((item) => isObject(item) && typeof item[field] === 'string'))
      return field;
  }
  return null;
}

function nameOf(item: Json, w: DiffWords): string {
  if (!isObject(item)) return show(item, w);
  for (const field of NAME_FIELDS) if (typeof item[field] === 'string') return `"${item[field]}"`;
  return show(item, w);
}

function walk(before: Json, after: Json, path: string, out: AgreementChange[], w: DiffWords): void {
  if (same(before, after)) return;
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    for (const key of keys) walk(before[key], after[key], path ? `${path}.${key}` : key, out, w);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    walkList(before, after, path, out, w);
    return;
  }
  if (before === undefined) {
    out.push({
      path,
      kind: 'added',
      after,
      text: fill(w.setTo, { path, after: show(after, w, path, 'after') }),
    });
  } else if (after === undefined) {
    out.push({
      path,
      kind: 'removed',
      before,
      text: fill(w.removedWas, { path, before: show(before, w, path, 'before') }),
    });
  } else {
    out.push({
      path,
      kind: 'changed',
      before,
      after,
      text: fill(w.changed, {
        path,
        before: show(before, w, path, 'before'),
        after: show(after, w, path, 'after'),
      }),
    });
  }
}

function walkList(before: Json[], after: Json[], path: string, out: AgreementChange[], w: DiffWords): void {
  const identity = identityOf([...before, ...after]);
  if (identity) {
    const key = (item: Json) => String((item as Record<string, Json>)[identity]);
    const old = new Map(before.map((item) => [key(item), item]));
    const now = new Map(after.map((item) => [key(item), item]));
    for (const [id, item] of old) {
      if (!now.has(id))
        out.push({
          path: `${path}[${id}]`,
          kind: 'removed',
          before: item,
          text: fill(w.removedItem, { path, id, name: nameOf(item, w) }),
        });
    }
    for (const [id, item] of now) {
      const previous = old.get(id);
      if (previous === undefined) {
        out.push({
          path: `${path}[${id}]`,
          kind: 'added',
          after: item,
          text: fill(w.addedItem, { path, id, name: nameOf(item, w) }),
        });
      } else {
        walk(previous, item, `${path}[${id}]`, out, w);
      }
    }
    const kept = (list: Json[], other: Map<string, Json>) => list.map(key).filter((id) => other.has(id));
    if (kept(before, now).join('\u0000') !== kept(after, old).join('\u0000')) {
      out.push({
        path,
        kind: 'reordered',
        text: fill(w.reorderedItems, { path, ids: kept(after, old).join(', ') }),
      });
    }
    return;
  }
  if ([...before, ...after].every((item) => !isObject(item) && !Array.isArray(item))) {
    const removed = before.filter((item) => !after.some((other) => same(item, other)));
    const added = after.filter((item) => !before.some((other) => same(item, other)));
    for (const item of removed)
      out.push({
        path,
        kind: 'removed',
        before: item,
        text: fill(w.removedValue, { path, value: show(item, w) }),
      });
    for (const item of added)
      out.push({
        path,
        kind: 'added',
        after: item,
        text: fill(w.addedValue, { path, value: show(item, w) }),
      });
    if (removed.length === 0 && added.length === 0) {
      out.push({ path, kind: 'reordered', before, after, text: fill(w.reordered, { path }) });
    }
    return;
  }
  const length = Math.max(before.length, after.length);
  for (let i = 0; i < length; i++) {
    const at = `${path}[${i}]`;
    if (i >= after.length)
      out.push({
        path: at,
        kind: 'removed',
        before: before[i],
        text: fill(w.removedAt, { path: at, name: nameOf(before[i], w) }),
      });
    else if (i >= before.length)
      out.push({
        path: at,
        kind: 'added',
        after: after[i],
        text: fill(w.addedAt, { path: at, name: nameOf(after[i], w) }),
      });
    else walk(before[i], after[i], at, out, w);
  }
}

/** A section-by-section account of what changed between two agreements, said in `language`. Pure. */
export function diffAgreements(
  before: Agreement,
  after: Agreement,
  language: Language = 'en',
): AgreementDiff {
  const w: DiffWords = {
    ...catalogueOf(language).diff,
    language,
    currency: { before: before.goals.currency, after: after.goals.currency },
  };
  const sections: SectionDiff[] = [];
  const unchanged: string[] = [];
  for (const section of AGREEMENT_PARTS) {
    const changes: AgreementChange[] = [];
    walk(before[section], after[section], section, changes, w);
    if (changes.length > 0) sections.push({ section, changes });
    else unchanged.push(section);
  }
  return { changed: sections.reduce((n, s) => n + s.changes.length, 0), sections, unchanged };
}

/** The diff as Markdown: one heading per changed section (named in `language`), one bullet per change. */
export function diffAsMarkdown(diff: AgreementDiff, heading: string, language: Language = 'en'): string {
  const c = catalogueOf(language);
  const labels: Record<string, string> = c.agreement.sections;
  const lines = [`# ${heading}`, ''];
  if (diff.sections.length === 0) lines.push(c.diff.noChanges);
  for (const section of diff.sections) {
    const key = section.section;
    lines.push(`## ${fill(c.diff.sectionHeading, { key, label: labels[key] ?? key })}`, '');
    for (const change of section.changes) lines.push(`- ${change.text}`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
