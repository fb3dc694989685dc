import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SENIORITY_LEVELS, TOUCH_TYPES, WEEKDAYS } from '../../../../worker/domain/agreement/constants';
import { Agreement } from '../../../../worker/domain/agreement/schema';
import { starterAgreement } from '../../../../worker/domain/agreement/templates';
import { LANGUAGES } from '../../../../worker/domain/constants';
import {
  AGREEMENT_GRID_TABS,
  GRID_SECTIONS,
  parseAgreementTabs,
  TAB_SECTIONS,
} from '../../../../worker/domain/sheet/agreement-grid';
import { parse, readBack } from './helpers';

const options = { timezone: 'Europe/Bucharest', country: 'RO' };

describe('the four starter agreements round-trip through the tabs', () => {
  for (const language of LANGUAGES) {
    it(`in ${language}`, () => {
      const content = starterAgreement(language, options);
      for (const tab of AGREEMENT_GRID_TABS) {
        const result = parse(tab, readBack(tab, content, language), language);
        expect(result.ok ? [] : result.problems).toEqual([]);
        if (!result.ok) continue;
        for (const section of TAB_SECTIONS[tab])
          expect((result.value as Partial<typeof content>)[section]).toEqual(content[section]);
      }
    });
  }

  it('reads a tab rendered in one language when the team has switched to another', () => {
    const content = starterAgreement('ru', options);
    for (const tab of AGREEMENT_GRID_TABS) {
      const result = parse(tab, readBack(tab, content, 'ru'), 'pl');
      expect(result.ok).toBe(true);
      if (result.ok)
        for (const section of TAB_SECTIONS[tab])
          expect((result.value as Partial<typeof content>)[section]).toEqual(content[section]);
    }
  });
});

// ---------------------------------------------------------------------------
// Generated agreements: texts that Sheets would parse (=, +, digits, quotes), every
// matcher kind, split and closed days, holidays. A list item cannot hold its cell's
// separator (a line break for texts, ; for values): the generator keeps to that.

const CHARS = [...'abcXYZ żółć ЖжЯ ăîș =+-@\'"0123456789.,:()/|'];
const word = (max: number) =>
  fc
    .array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: max })
    .map((cs) => cs.join('').trim())
    .filter((s) => s.length > 0);
const code = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/);
const uniqueBy = <T>(arb: fc.Arbitrary<T>, key: (t: T) => string, min: number, max: number) =>
  fc.uniqueArray(arb, { selector: key, minLength: min, maxLength: max });

const matcher = fc.oneof(
  fc
    .tuple(fc.nat(500), fc.nat(5000))
    .map(([a, b]) => ({ field: 'employees', operator: 'between', values: [Math.min(a, b), Math.max(a, b)] })),
  fc.nat(10_000).map((n) => ({ field: 'employees', operator: '>=', values: [n] })),
  fc
    .subarray(['PL', 'RO', 'DE', 'MD', 'UA'], { minLength: 1 })
    .map((values) => ({ field: 'country', operator: 'in', values })),
  fc
    .subarray([...SENIORITY_LEVELS], { minLength: 1 })
    .map((values) => ({ field: 'seniority', operator: 'not_in', values })),
  fc.constant({ field: 'hasPhone', operator: 'present', values: [] }),
  fc.boolean().map((b) => ({ field: 'hasPhone', operator: 'in', values: [b] })),
  fc
    .array(word(20), { minLength: 1, maxLength: 3 })
    .map((values) => ({ field: 'industry', operator: 'in', values })),
  fc
    .constantFrom('manufactur|soft', '\\b(CIO|CTO)\\b')
    .map((p) => ({ field: 'title', operator: 'matches', values: [p] })),
);

const criterion = fc
  .record({
    id: code,
    label: word(40),
    matcher,
    weighted: fc.boolean(),
    points: fc.integer({ min: 1, max: 1000 }),
  })
  .map(({ id, label, matcher: m, weighted, points }) => ({
    id,
    label,
    ...m,
    kind: weighted ? 'weighted' : 'required',
    ...(weighted ? { points } : {}),
  }));

const role = fc
  .record({
    id: code,
    label: word(40),
    values: fc.subarray([...SENIORITY_LEVELS], { minLength: 1 }),
    points: fc.integer({ min: 1, max: 1000 }),
  })
  .map((r) => ({ ...r, field: 'seniority', operator: 'in' }));

const time = (from: number, to: number) =>
  fc
    .integer({ min: from, max: to })
    .map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
const dayHours = fc.oneof(
  fc.constant(null),
  fc.tuple(time(0, 700), time(701, 1440)).map(([open, close]) => ({ open, close })),
  fc.tuple(time(0, 500), time(501, 700), time(701, 900), time(901, 1440)).map(([a, b, c, d]) => [
    { open: a, close: b },
    { open: c, close: d },
  ]),
);
const holiday = fc
  .integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2030, 11, 31) })
  .map((t) => new Date(Math.floor(t / 86_400_000) * 86_400_000).toISOString().slice(0, 10));

const agreementArb = fc
  .record({
    terms: uniqueBy(
      fc.record({
        key: code,
        term: word(30),
        definition: word(80),
        examples: fc.array(word(30), { maxLength: 3 }),
      }),
      (t) => t.key,
      0,
      5,
    ),
    is: fc.array(word(30), { maxLength: 4 }),
    isNot: fc.array(word(30), { maxLength: 4 }),
    summary: word(60),
    criteria: uniqueBy(criterion, (c) => c.id, 0, 6),
    roles: uniqueBy(role, (r) => r.id, 0, 4),
    touchPoints: fc.dictionary(fc.constantFrom(...TOUCH_TYPES), fc.integer({ min: 0, max: 1000 })),
    pages: fc.array(fc.record({ urlContains: word(20), points: fc.integer({ min: 0, max: 1000 }) }), {
      maxLength: 3,
    }),
    halfLifeDays: fc.oneof(fc.integer({ min: 1, max: 3650 }), fc.constantFrom(0.5, 7.25)),
    thresholds: fc.record({
      fit: fc.integer({ min: 0, max: 100_000 }),
      engagement: fc.constantFrom(0, 12.5, 300),
    }),
    hot: fc.integer({ min: 1, max: 60 }),
    extra: fc.integer({ min: 0, max: 60 }),
    sql: uniqueBy(
      fc.record({
        code,
        label: word(30),
        description: fc.option(word(60), { nil: undefined }),
        required: fc.boolean(),
      }),
      (c) => c.code,
      1,
      6,
    ),
    minFit: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
    quadrants: fc.subarray(['low', 'perfect', 'engaged', 'fit'] as const),
    week: fc.tuple(...WEEKDAYS.map(() => dayHours)),
    holidays: fc.uniqueArray(holiday, { maxLength: 4 }),
    firstTouch: fc.constantFrom(0.5, 1, 24, 100),
    minAttempts: fc.integer({ min: 2, max: 50 }),
    language: fc.constantFrom(...LANGUAGES),
  })
  .map((g) => {
    const base = starterAgreement(g.language, options);
    const terms = [
      ...base.glossary.terms.filter((t) => ['lead', 'mql', 'sql'].includes(t.key)),
      ...g.terms.filter((t) => !['lead', 'mql', 'sql'].includes(t.key)),
    ];
    const week = Object.fromEntries(WEEKDAYS.map((d, i) => [d, g.week[i] ?? null]));
    if (WEEKDAYS.every((d) => week[d] === null)) week.mon = { open: '08:00', close: '24:00' };
    const reasons = g.sql.map((c, i) => ({
      code: `r_${c.code}`,
      label: c.label,
      criterion: i % 2 === 0 ? c.code : null,
      hardDisqualifier: i % 2 !== 0,
      destination: i % 3 === 0 ? 'nurture' : 'disqualified',
    }));
    return Agreement.parse({
      ...base,
      glossary: { terms, leadExamples: { is: g.is, isNot: g.isNot } },
      icp: { summary: g.summary, criteria: g.criteria },
      scoring: {
        fit: { roles: g.roles },
        engagement: { points: g.touchPoints, pages: g.pages, halfLifeDays: g.halfLifeDays },
        thresholds: g.thresholds,
      },
      temperature: { ...base.temperature, sales: { hotUnderMonths: g.hot, coldOverMonths: g.hot + g.extra } },
      mql: { ...base.mql, minFit: g.minFit, quadrants: g.quadrants, requiredFields: ['hasPhone', 'country'] },
      sqlCriteria: g.sql,
      rejectionReasons: reasons,
      sla: {
        ...base.sla,
        businessHours: week,
        holidays: g.holidays,
        firstTouchHours: { perfect: g.firstTouch, engaged: 2, fit: 8, low: 24 },
        minAttempts: g.minAttempts,
      },
    });
  });

describe('parse(render(x)) is x', () => {
  it('for generated valid agreements, in the language they are written in and in another', () => {
    fc.assert(
      fc.property(agreementArb, fc.constantFrom(...LANGUAGES), (content, reader) => {
        const grids = Object.fromEntries(
          AGREEMENT_GRID_TABS.map((tab) => [tab, readBack(tab, content, content.language)]),
        ) as Record<(typeof AGREEMENT_GRID_TABS)[number], ReturnType<typeof readBack>>;
        // The base holds other values in every section the tabs own: those must come from the tabs.
        const other = starterAgreement('en', options);
        const base = { ...content, ...Object.fromEntries(GRID_SECTIONS.map((s) => [s, other[s]])) };
        const result = parseAgreementTabs(grids, base, {
          language: reader,
          timeZone: 'Europe/Warsaw',
        });
        expect(result.ok ? [] : result.problems).toEqual([]);
        if (result.ok) expect(result.value).toEqual(content);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
