import { LANGUAGES, type Language } from '../constants';

/** The BCP 47 locale each language formats numbers, money and dates in. */
export const LOCALES = { en: 'en-GB', pl: 'pl-PL', ro: 'ro-RO', ru: 'ru-RU' } as const satisfies Record<
  Language,
  string
>;

export function localeOf(language: Language): string {
  return LOCALES[language];
}

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The first of our languages that an `Accept-Language` header asks for, by
 * quality then order (RFC 9110 §12.5.4; `pl-PL` asks for `pl`, `*` and `q=0`
 * ask for nothing). Null when it names none of them: the workspace's language applies.
 */
export function languageOfAcceptLanguage(header: string | null | undefined): Language | null {
  if (!header) return null;
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.toLowerCase().startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { primary: tag.trim().toLowerCase().split('-')[0] ?? '', quality, index };
    })
    .filter((range) => Number.isFinite(range.quality) && range.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const range of ranges) if (isLanguage(range.primary)) return range.primary;
  return null;
}
