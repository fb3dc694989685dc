import type { Language } from '../constants';
import { localeOf } from './locales';

export type TextParams = Readonly<Record<string, string | number>>;

/** Fills `{name}` placeholders; an unknown name stays as written, so a typo shows instead of vanishing. */
export function fill(template: string, values: TextParams): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}

/** A count or measure as people of `language` write it ("48 000", "1,5"). */
export function formatNumber(language: Language, value: number, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits }).format(value);
}

/**
 * Money in the agreement's currency, grouped and with the currency's sign
 * ("48 000,00 zł", "€48,000.00"); without a currency, a grouped number.
 */
export function formatMoney(language: Language, amount: number, currency: string | null): string {
  if (!currency) return formatNumber(language, amount);
  return new Intl.NumberFormat(localeOf(language), { style: 'currency', currency }).format(amount);
}

/** A local calendar date (`2026-11-30`) as a person reads it ("30 lis 2026"). */
export function formatDate(language: Language, date: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** An instant as people of `language` read it, in the team's time zone ("24 Nov 2026, 10:00"). */
export function formatInstant(language: Language, at: string, timeZone: string): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(at));
}
