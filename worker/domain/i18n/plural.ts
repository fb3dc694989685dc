import type { Language } from '../constants';
import { fill, formatNumber } from './format';
import { localeOf } from './locales';

/**
 * A text that depends on a count. English needs `one` and `other`; Polish and
 * Russian also `few` and `many` ("1 lead / 2 leady / 5 leadów"), Romanian `few`.
 * `other` is what a language says for fractions and anything it has no form for.
 */
export interface PluralForms {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

/** Marks an entry of the English catalogue as plural, so every catalogue's entry has the forms type. */
export function forms(entry: PluralForms): PluralForms {
  return entry;
}

const CATEGORIES: readonly string[] = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** A plural entry: `other` and nothing but plural categories (a table that merely has an `other` key is not one). */
export function isPluralForms(value: unknown): value is PluralForms {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as PluralForms).other === 'string' &&
    Object.keys(value).every((key) => CATEGORIES.includes(key))
  );
}

/** The form of `entry` that `language` uses for `count` (Intl.PluralRules decides). */
export function pluralFor(language: Language, entry: PluralForms, count: number): string {
  const category = new Intl.PluralRules(localeOf(language)).select(count) as keyof PluralForms;
  return entry[category] ?? entry.other;
}

/**
 * A plural entry said for `count`: the form `language` uses for it, with
 * `{count}` written as its people write numbers ("22 dni", "1 000 баллов") and
 * any other placeholders filled from `params`. The count is rounded to `digits`
 * first, so the form agrees with the number shown ("2 punkty", not "2 punktu" for 2.004).
 */
export function counted(
  language: Language,
  entry: PluralForms,
  count: number,
  params: Readonly<Record<string, string | number>> = {},
  digits = 2,
): string {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(params))
    values[name] = typeof value === 'number' ? formatNumber(language, value, digits) : value;
  const shown = Math.round(count * 10 ** digits) / 10 ** digits;
  return fill(pluralFor(language, entry, shown), { ...values, count: formatNumber(language, shown, digits) });
}
