import { describe, expect, it } from 'vitest';
import { type Agreement, starterAgreement } from '../../worker/domain/agreement';
import { LANGUAGES, type Language } from '../../worker/domain/constants';
import { CATALOGUES, formatNumber } from '../../worker/domain/i18n';

const OPTIONS = { timezone: 'Europe/Warsaw', country: 'PL' };

/**
 * Where the starter holds words (dotted paths, `*` for a list index); a whole
 * list of sentences counts as one word. Everything else is structure.
 */
const WORD_PATHS = [
  'language',
  'title',
  'glossary.terms.*.term',
  'glossary.terms.*.definition',
  'glossary.terms.*.examples',
  'glossary.leadExamples.is',
  'glossary.leadExamples.isNot',
  'icp.summary',
  'icp.criteria.*.label',
  'leadDefinition.summary',
  'leadDefinition.sources.*.label',
  'leadDefinition.sources.*.note',
  'temperature.marketing.*.label',
  'scoring.fit.roles.*.label',
  'mql.summary',
  'sqlCriteria.*.label',
  'sqlCriteria.*.description',
  'rejectionReasons.*.label',
  'goals.shared.note',
  'goals.marketing.note',
  'goals.sales.note',
  'goals.rewards',
  'meetings.weekly.agenda',
  'meetings.managementReview.agenda',
  'persona.segments.*.name',
  'persona.segments.*.description',
  'persona.roles.*.name',
  'persona.roles.*.problems',
  'persona.roles.*.challenges',
  'persona.values',
  'feedback.questions.*.question',
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The words of a starter, by path: what a translator writes. */
function wordsOf(agreement: Agreement): Map<string, string> {
  const words = new Map<string, string>();
  const walk = (value: Json, path: string[], parent: Json) => {
    const pattern = path.map((step) => (/^\d+$/.test(step) ? '*' : step)).join('.');
    // A "matches" criterion's pattern is written in the team's language (its stems, its titles).
    const isPattern =
      path.at(-1) === 'values' &&
      typeof parent === 'object' &&
      parent !== null &&
      !Array.isArray(parent) &&
      parent.operator === 'matches';
    if (WORD_PATHS.includes(pattern) || isPattern) {
      words.set(path.join('.'), Array.isArray(value) ? value.join('\n') : String(value));
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    for (const [key, item] of Object.entries(value)) walk(item, [...path, key], value);
  };
  walk(agreement as unknown as Json, [], null);
  return words;
}

/**
 * The starter with every word replaced by "…": ids, numbers and rules only. The
 * site's page paths are words too (each language names its own), so pages
 * reduce to the points a kind of page earns.
 */
function structureOf(agreement: Agreement): unknown {
  const copy = structuredClone(agreement) as unknown as { [key: string]: Json };
  for (const path of wordsOf(agreement).keys()) {
    const steps = path.split('.');
    let node: Json = copy;
    for (const step of steps.slice(0, -1)) node = (node as { [key: string]: Json })[step] as Json;
    (node as { [key: string]: Json })[steps.at(-1) as string] = '…';
  }
  const engagement = (copy.scoring as { engagement: { pages: { points: number }[] } }).engagement;
  (engagement as unknown as { pages: number[] }).pages = [...new Set(engagement.pages.map((p) => p.points))];
  return copy;
}

/** Every text of a word table, by path; a list (examples, a site's paths) is one text of lines. */
function leavesOf(table: unknown, path = ''): [string, string][] {
  if (typeof table === 'string') return [[path, table]];
  if (Array.isArray(table)) return [[path, table.join('\n')]];
  return Object.entries(table as Record<string, unknown>).flatMap(([key, value]) =>
    leavesOf(value, path ? `${path}.${key}` : key),
  );
}

/** `{name}` placeholders (lower-case, so a pattern's `\\p{L}` is not one). */
const PLACEHOLDER = /\{[a-z]\w*\}/g;
const placeholdersOf = (text: string) => [...text.matchAll(PLACEHOLDER)].map((m) => m[0]).sort();

/** Words a practitioner writes the same in both languages (a loanword, a site path, a stem list). */
const SAME_AS_ENGLISH: Record<Exclude<Language, 'en'>, string[]> = {
  pl: ['glossary.terms.2.term', 'scoring.fit.roles.2.values'],
  ro: ['glossary.terms.1.term', 'glossary.terms.2.term', 'scoring.fit.roles.2.values'],
  ru: [],
};

describe('the starter: one structure, four word tables', () => {
  const starters = Object.fromEntries(LANGUAGES.map((l) => [l, starterAgreement(l, OPTIONS)])) as Record<
    Language,
    Agreement
  >;

  it.each(LANGUAGES.map((l) => [l]))(
    'should give %s the same ids, numbers and rules as English',
    (language) => {
      expect(structureOf(starters[language])).toEqual(structureOf(starters.en));
      expect([...wordsOf(starters[language]).keys()]).toEqual([...wordsOf(starters.en).keys()]);
      // The structure still holds numbers, codes and rules, not just ellipses.
      expect(JSON.stringify(structureOf(starters[language]))).toContain('"decisionDays":10');
    },
  );

  it.each(LANGUAGES.filter((l) => l !== 'en').map((l) => [l]))(
    'should differ from English only in words, and in every word but a listed few (%s)',
    (language) => {
      const english = wordsOf(starters.en);
      const same = [...wordsOf(starters[language as Exclude<Language, 'en'>])]
        .filter(([path, text]) => text !== '' && english.get(path) === text)
        .map(([path]) => path);
      expect(same).toEqual(SAME_AS_ENGLISH[language as Exclude<Language, 'en'>]);
    },
  );

  it.each(LANGUAGES.map((l) => [l]))(
    'should have a complete %s word table with the same placeholders',
    (language) => {
      const english = new Map(leavesOf(CATALOGUES.en.starter));
      const table = leavesOf(CATALOGUES[language].starter);
      expect(table.map(([path]) => path)).toEqual([...english.keys()]);
      for (const [path, text] of table) {
        expect(text.trim(), `${language} ${path}`).toBe(text);
        expect(text.length, `${language} ${path}`).toBeGreaterThan(0);
        expect(placeholdersOf(text), `${language} ${path}`).toEqual(placeholdersOf(english.get(path) ?? ''));
      }
    },
  );

  it.each(LANGUAGES.map((l) => [l]))(
    'should use every %s word and leave no placeholder unfilled',
    (language) => {
      const rendered = JSON.stringify(starters[language]);
      expect(rendered).not.toMatch(new RegExp(PLACEHOLDER.source));
      for (const [path, text] of leavesOf(CATALOGUES[language].starter)) {
        for (const line of text.split('\n')) {
          const fixed = line.split(PLACEHOLDER).sort((a, b) => b.length - a.length)[0] ?? '';
          expect(rendered, `${language} ${path}`).toContain(JSON.stringify(fixed).slice(1, -1));
        }
      }
    },
  );

  it.each(LANGUAGES.map((l) => [l]))(
    'should quote the structure’s numbers in %s’s own format',
    (language) => {
      const size = starters[language].icp.criteria.find((c) => c.id === 'company_size');
      expect(size?.values).toEqual([20, 1000]);
      expect(size?.label).toContain(formatNumber(language, 1000));
      expect(size?.label).toContain('20');
      const nurture = starters[language].glossary.terms.find((t) => t.key === 'nurture');
      expect(nurture?.examples[0]).toContain(String(starters[language].temperature.sales.coldOverMonths));
    },
  );
});
