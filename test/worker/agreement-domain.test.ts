import { describe, expect, it } from 'vitest';
import {
  Agreement,
  addMonths,
  agreementHash,
  canonicalJson,
  diffAgreements,
  diffAsMarkdown,
  evaluateIcp,
  evaluateMql,
  ifMatchAllows,
  LEAD_FIELDS,
  type LeadProfile,
  marketingTemperature,
  mintShareId,
  openingIntervals,
  parseAgreement,
  parseShareId,
  quadrantOf,
  salesTemperature,
  scoreEngagement,
  scoreFit,
  seniorityOfTitle,
  starterAgreement,
} from '../../worker/domain/agreement';
import { starterInput } from '../../worker/domain/agreement/templates';
import { LANGUAGES } from '../../worker/domain/constants';
import { InvalidError } from '../../worker/domain/errors';
import { webHost } from '../../worker/platform/web-host';

const OPTIONS = { timezone: 'Europe/Warsaw', country: 'PL' };
const en = starterAgreement('en', OPTIONS);

function issuesOf(input: unknown): string[] {
  try {
    parseAgreement(input);
    return [];
  } catch (error) {
    if (error instanceof InvalidError) return error.issues.map((i) => i.path);
    throw error;
  }
}

const change = (mutate: (a: Agreement) => void) => {
  const copy = structuredClone(en);
  mutate(copy);
  return copy;
};

describe('starter templates', () => {
  it.each(LANGUAGES.map((l) => [l]))('should validate the %s template exactly as written', (language) => {
    const input = starterInput(language, OPTIONS);
    const parsed = Agreement.safeParse(input);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(parsed.data).toEqual(input);
  });

  it.each(LANGUAGES.map((l) => [l]))('should carry the issue’s defaults in %s', (language) => {
    const a = starterAgreement(language, { timezone: 'America/New_York', country: 'US' });
    expect(a.language).toBe(language);
    expect(a.sla).toEqual({
      timezone: 'America/New_York',
      businessHours: {
        mon: { open: '09:00', close: '17:00' },
        tue: { open: '09:00', close: '17:00' },
        wed: { open: '09:00', close: '17:00' },
        thu: { open: '09:00', close: '17:00' },
        fri: { open: '09:00', close: '17:00' },
        sat: null,
        sun: null,
      },
      holidays: [],
      firstTouchHours: { perfect: 1, engaged: 4, fit: 8, low: 24 },
      minAttempts: 3,
      minChannels: 2,
      attemptWindowDays: 5,
      decisionDays: 10,
    });
    expect(a.icp.criteria.filter((c) => c.kind === 'required')).toEqual([]);
    expect(a.mql).toMatchObject({
      requireConsent: true,
      requireIcp: true,
      requiredFields: ['hasPhone'],
      minFit: null,
      minEngagement: null,
      quadrants: [],
    });
    expect(a.leadDefinition.consentRequired).toBe(true);
    expect(a.temperature.sales).toEqual({ hotUnderMonths: 6, coldOverMonths: 12 });
    expect(a.signers).toEqual({ marketing: true, sales: true, management: false });
    expect(a.glossary.terms.map((t) => t.key)).toEqual(
      expect.arrayContaining(['lead', 'mql', 'sql', 'sal', 'prospect', 'nurture']),
    );
    expect(a.rejectionReasons.some((r) => r.hardDisqualifier && r.criterion === null)).toBe(true);
    expect(a.icp.criteria.find((c) => c.field === 'country')?.values).toEqual(['US']);
  });

  it('should share one structure across languages: same codes, same numbers, different words', () => {
    const all = LANGUAGES.map((l) => starterAgreement(l, OPTIONS));
    const skeleton = (a: Agreement) => ({
      criteria: a.icp.criteria.map((c) => [c.id, c.field, c.operator, c.kind, c.points]),
      sql: a.sqlCriteria.map((c) => [c.code, c.required]),
      reasons: a.rejectionReasons.map((r) => [r.code, r.criterion, r.hardDisqualifier, r.destination]),
      feedback: a.feedback.questions.map((q) => [q.id, q.answer, q.required]),
      terms: a.glossary.terms.map((t) => t.key),
      thresholds: a.scoring.thresholds,
    });
    for (const a of all) expect(skeleton(a)).toEqual(skeleton(en));
    expect(new Set(all.map((a) => a.title)).size).toBe(4);
  });

  it('should use the practitioners’ words from the glossary table', () => {
    const term = (language: (typeof LANGUAGES)[number], key: string) =>
      starterAgreement(language, OPTIONS).glossary.terms.find((t) => t.key === key)?.term;
    expect(term('pl', 'mql')).toBe('Lead marketingowy kwalifikowany (MQL)');
    expect(term('pl', 'sql')).toBe('Lead sprzedażowy kwalifikowany (SQL)');
    expect(term('ro', 'mql')).toBe('Lead calificat de marketing (MQL)');
    expect(term('ro', 'sql')).toBe('Lead calificat de vânzări (SQL)');
    expect(term('ru', 'mql')).toBe('Маркетингово квалифицированный лид (MQL)');
    expect(term('ru', 'sql')).toBe('Квалифицированный отделом продаж лид (SQL)');
    expect(term('ru', 'lead')).toBe('Лид');
    expect(starterAgreement('pl', OPTIONS).temperature.marketing.map((r) => r.label.split(':')[0])).toEqual([
      'Zimny',
      'Ciepły',
      'Gorący',
    ]);
  });
});

describe('agreement rules', () => {
  it('should list the lead fields intake fills', () => {
    expect(LEAD_FIELDS).toEqual([
      'industry',
      'employees',
      'country',
      'title',
      'seniority',
      'department',
      'hasPhone',
      'emailDomainType',
      'companyDomain',
      'source',
    ]);
  });

  it.each([
    [
      'glossary term keys',
      'glossary.terms[1].key',
      (a: Agreement) => {
        a.glossary.terms[1] = { ...(a.glossary.terms[0] as Agreement['glossary']['terms'][number]) };
      },
    ],
    [
      'lead source keys',
      'leadDefinition.sources[1].key',
      (a: Agreement) => {
        (a.leadDefinition.sources[1] as { key: string }).key = 'contact_form';
      },
    ],
    [
      'fit role ids',
      'scoring.fit.roles[1].id',
      (a: Agreement) => {
        (a.scoring.fit.roles[1] as { id: string }).id = 'executive';
      },
    ],
    [
      'holidays',
      'sla.holidays[1]',
      (a: Agreement) => {
        a.sla.holidays = ['2026-12-24', '2026-12-24'];
      },
    ],
    [
      'feedback question ids',
      'feedback.questions[1].id',
      (a: Agreement) => {
        (a.feedback.questions[1] as { id: string }).id = 'conversation';
      },
    ],
    [
      'SQL criterion codes',
      'sqlCriteria[1].code',
      (a: Agreement) => {
        (a.sqlCriteria[1] as { code: string }).code = 'reached';
      },
    ],
    [
      'report items',
      'reporting.includes[1]',
      (a: Agreement) => {
        a.reporting.includes = ['won', 'won'];
      },
    ],
    [
      'touch types in a temperature rule',
      'temperature.marketing[1].when[1].touch',
      (a: Agreement) => {
        (a.temperature.marketing[1]?.when[1] as { touch: string }).touch = 'webinar_attended';
      },
    ],
  ])('should refuse duplicate %s at %s', (_name, path, mutate) => {
    expect(issuesOf(change(mutate))).toContain(path);
  });

  it('should accept split hours that touch but do not overlap, and 24:00 as a closing time', () => {
    const a = change((x) => {
      x.sla.businessHours.mon = [
        { open: '13:00', close: '24:00' },
        { open: '08:00', close: '13:00' },
      ];
    });
    expect(issuesOf(a)).toEqual([]);
    expect(openingIntervals(a.sla.businessHours).mon).toEqual([
      { open: 480, close: 780 },
      { open: 780, close: 1440 },
    ]);
    expect(openingIntervals(a.sla.businessHours).sun).toEqual([]);
    expect(openingIntervals(a.sla.businessHours).tue).toEqual([{ open: 540, close: 1020 }]);
  });

  it('should name the criterion when the values do not suit the operator', () => {
    const withCriterion = (criterion: unknown) =>
      issuesOf(
        change((a) => {
          a.icp.criteria = [criterion as Agreement['icp']['criteria'][number]];
        }),
      );
    expect(
      withCriterion({
        id: 'a',
        label: 'a',
        field: 'hasPhone',
        operator: 'present',
        values: [true],
        kind: 'required',
      }),
    ).toEqual(['icp.criteria[0].values']);
    expect(
      withCriterion({
        id: 'a',
        label: 'a',
        field: 'employees',
        operator: '>=',
        values: [],
        kind: 'required',
      }),
    ).toEqual(['icp.criteria[0].values']);
    expect(
      withCriterion({
        id: 'a',
        label: 'a',
        field: 'employees',
        operator: '>=',
        values: ['fifty'],
        kind: 'required',
      }),
    ).toEqual(['icp.criteria[0].values[0]']);
    expect(
      withCriterion({
        id: 'a',
        label: 'a',
        field: 'seniority',
        operator: 'in',
        values: ['boss'],
        kind: 'required',
      }),
    ).toEqual(['icp.criteria[0].values[0]']);
    expect(
      withCriterion({
        id: 'a',
        label: 'a',
        field: 'emailDomainType',
        operator: 'in',
        values: ['gmail'],
        kind: 'required',
      }),
    ).toEqual(['icp.criteria[0].values[0]']);
    expect(
      withCriterion({ id: 'a', label: 'a', field: 'industry', operator: 'in', values: [], kind: 'required' }),
    ).toEqual(['icp.criteria[0].values']);
    expect(
      withCriterion({
        id: 'a',
        label: 'a',
        field: 'industry',
        operator: 'wants',
        values: ['x'],
        kind: 'required',
      }),
    ).toEqual(['icp.criteria[0].operator']);
    expect(
      withCriterion({
        id: 'a',
        label: 'a',
        field: 'country',
        operator: 'in',
        values: ['pl'],
        kind: 'required',
        points: 3,
      }),
    ).toEqual(['icp.criteria[0].points']);
    expect(
      withCriterion({
        id: 'a',
        label: 'a',
        field: 'country',
        operator: 'in',
        values: ['pl'],
        kind: 'required',
      }),
    ).toEqual([]);
  });

  it('should explain a free-text criterion in words', () => {
    try {
      parseAgreement(
        change((a) => {
          a.icp.criteria = ['a client who wants to buy' as never];
        }),
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidError);
      expect((error as InvalidError).issues).toEqual([
        { path: 'icp.criteria[0]', message: expect.stringMatching(/free text, not a measurable criterion/) },
      ]);
    }
  });
});

describe('hash and diff', () => {
  it('should hash canonical JSON, whatever the key order', async () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }], e: undefined })).toBe(
      '{"a":[{"c":null,"d":2}],"b":1}',
    );
    const reverseKeys = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reverseKeys)
        : value && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([k, v]) => [k, reverseKeys(v)]),
            )
          : value;
    const reordered = reverseKeys(en) as Agreement;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(en));
    expect(await agreementHash(reordered, webHost)).toBe(await agreementHash(en, webHost));
    expect(await agreementHash(en, webHost)).toMatch(/^[0-9a-f]{64}$/);
    expect(
      await agreementHash(
        change((a) => {
          a.sla.decisionDays = 11;
        }),
        webHost,
      ),
    ).not.toBe(await agreementHash(en, webHost));
  });

  it('should diff section by section, lists by their codes', () => {
    const after = change((a) => {
      a.rejectionReasons = a.rejectionReasons.filter((r) => r.code !== 'competitor');
      a.rejectionReasons.push({
        code: 'duplicate',
        label: 'Already a customer',
        criterion: null,
        hardDisqualifier: true,
        destination: 'disqualified',
      });
      (a.rejectionReasons[0] as { destination: string }).destination = 'disqualified';
      a.sla.holidays = ['2026-12-24'];
      a.sqlCriteria.reverse();
    });
    const diff = diffAgreements(en, after);
    expect(diff.sections.map((s) => s.section)).toEqual(['sqlCriteria', 'rejectionReasons', 'sla']);
    const texts = diff.sections.flatMap((s) => s.changes.map((c) => c.text));
    expect(texts).toEqual(
      expect.arrayContaining([
        'rejectionReasons: removed competitor ("A competitor").',
        'rejectionReasons: added duplicate ("Already a customer").',
        'rejectionReasons[unreachable].destination: "nurture" → "disqualified".',
        'sla.holidays: added "2026-12-24".',
      ]),
    );
    expect(diff.sections[0]?.changes[0]?.kind).toBe('reordered');
    expect(diff.unchanged).toContain('glossary');
    expect(diff.changed).toBe(texts.length);
    const markdown = diffAsMarkdown(diff, 'Version 2 against version 1');
    expect(markdown).toMatch(/^# Version 2 against version 1\n\n## sqlCriteria\n/);
    expect(diffAsMarkdown(diffAgreements(en, en), 'Same')).toBe('# Same\n\nNo changes.\n');
  });
});

describe('judging a lead', () => {
  const profile: LeadProfile = {
    industry: 'Software',
    employees: 120,
    country: 'pl',
    title: 'IT Director',
    seniority: 'director',
    hasPhone: true,
    emailDomainType: 'business',
    companyDomain: 'acme.pl',
    source: ['src_1', 'Contact form'],
  };

  it('should pass the starter ICP gate and add the weighted points', () => {
    expect(evaluateIcp(en.icp, profile)).toEqual({
      requiredPassed: true,
      failed: [],
      fitPoints: 20 + 15 + 10 + 10 + 5,
    });
    expect(evaluateIcp(en.icp, {})).toEqual({ requiredPassed: true, failed: [], fitPoints: 0 });
  });

  it('should name the required criteria a lead fails; unknown data never meets a criterion', () => {
    const icp = {
      criteria: [
        { id: 'size', label: 'size', field: 'employees', operator: '>=', values: [50], kind: 'required' },
        {
          id: 'not_pl',
          label: 'abroad',
          field: 'country',
          operator: 'not_in',
          values: ['PL'],
          kind: 'required',
        },
        {
          id: 'form',
          label: 'form',
          field: 'source',
          operator: 'in',
          values: ['contact FORM'],
          kind: 'weighted',
          points: 7,
        },
        {
          id: 'no_phone',
          label: 'no phone',
          field: 'hasPhone',
          operator: 'in',
          values: [false],
          kind: 'weighted',
          points: 1,
        },
        {
          id: 'title',
          label: 'it',
          field: 'title',
          operator: 'matches',
          values: ['^it\\b'],
          kind: 'weighted',
          points: 2,
        },
      ],
    } as Agreement['icp'];
    expect(evaluateIcp(icp, profile)).toEqual({ requiredPassed: false, failed: ['not_pl'], fitPoints: 9 });
    expect(evaluateIcp(icp, { country: 'DE' })).toEqual({
      requiredPassed: false,
      failed: ['size'],
      fitPoints: 0,
    });
    expect(evaluateIcp(icp, { employees: 50, country: null })).toEqual({
      requiredPassed: false,
      failed: ['not_pl'],
      fitPoints: 0,
    });
  });

  it('should add the best matching role to fit', () => {
    expect(scoreFit(en, { title: 'CTO', seniority: 'c_level' })).toMatchObject({
      role: 'executive',
      fit: 20,
    });
    expect(scoreFit(en, { title: 'Head of IT', seniority: 'director' })).toMatchObject({
      role: 'director',
      fit: 15,
    });
    expect(scoreFit(en, profile)).toMatchObject({ fit: 60 + 15 });
    expect(scoreFit(en, { title: 'Accountant' })).toMatchObject({ role: null, fit: 0 });
  });

  it.each([
    [40, 30, 'perfect'],
    [39.9, 30, 'engaged'],
    [40, 29.9, 'fit'],
    [0, 0, 'low'],
  ] as const)('should put fit %d × engagement %d in %s', (fit, engagement, quadrant) => {
    expect(quadrantOf(fit, engagement, en.scoring)).toBe(quadrant);
  });

  it.each([
    [0, 'hot'],
    [5.9, 'hot'],
    [6, 'warm'],
    [12, 'warm'],
    [12.5, 'cold'],
    [36, 'cold'],
  ] as const)('should call a %d-month buying horizon %s', (months, temperature) => {
    expect(salesTemperature(months, en.temperature)).toBe(temperature);
  });

  it('should follow edited sales thresholds and refuse a negative horizon', () => {
    const t = { sales: { hotUnderMonths: 3, coldOverMonths: 3 } };
    expect(salesTemperature(2, t)).toBe('hot');
    expect(salesTemperature(3, t)).toBe('warm');
    expect(salesTemperature(4, t)).toBe('cold');
    expect(() => salesTemperature(-1, t)).toThrow(RangeError);
  });

  it('should read marketing temperature from touch counts, hottest rule first', () => {
    const touches = (...types: string[]) => types.map((type) => ({ type }));
    expect(marketingTemperature(en.temperature, touches())).toBeNull();
    expect(marketingTemperature(en.temperature, touches('webinar_registered'))).toBe('cold');
    expect(marketingTemperature(en.temperature, touches('webinar_attended', 'ebook_download'))).toBe('warm');
    expect(
      marketingTemperature(en.temperature, touches('webinar_attended', 'ebook_download', 'webinar_attended')),
    ).toBe('hot');
  });

  it('should decay engagement by the half-life and weigh pricing pages more', () => {
    const now = new Date('2026-03-31T12:00:00Z');
    const days = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString();
    const e = en.scoring.engagement;
    expect(scoreEngagement(e, [{ type: 'meeting', occurredAt: now }], now)).toBe(25);
    expect(scoreEngagement(e, [{ type: 'meeting', occurredAt: days(30) }], now)).toBe(12.5);
    expect(scoreEngagement(e, [{ type: 'meeting', occurredAt: days(60) }], now)).toBe(6.25);
    expect(
      scoreEngagement(e, [{ type: 'page_view', occurredAt: now, url: 'https://acme.test/Pricing?x=1' }], now),
    ).toBe(10);
    expect(
      scoreEngagement(e, [{ type: 'page_view', occurredAt: now, url: 'https://acme.test/blog' }], now),
    ).toBe(1);
    expect(
      scoreEngagement(
        e,
        [
          { type: 'unknown_kind', occurredAt: now },
          { type: 'chat', occurredAt: 'not a date' },
        ],
        now,
      ),
    ).toBe(0);
    expect(scoreEngagement(e, [{ type: 'chat', occurredAt: days(-2) }], now)).toBe(10);
  });

  it('should make an MQL of consent plus a phone under the starter', () => {
    expect(evaluateMql(en, { consent: true, profile: { hasPhone: true }, fit: 0, engagement: 0 })).toEqual({
      passed: true,
      missing: [],
      quadrant: 'low',
    });
    expect(
      evaluateMql(en, { consent: true, profile: { hasPhone: false }, fit: 0, engagement: 0 }).missing,
    ).toEqual(['field:hasPhone']);
    expect(evaluateMql(en, { consent: false, profile: {}, fit: 0, engagement: 0 }).missing).toEqual([
      'consent',
      'field:hasPhone',
    ]);
  });

  it('should apply required criteria, thresholds and quadrants when the team sets them', () => {
    const strict = change((a) => {
      a.icp.criteria.push({
        id: 'size',
        label: 'size',
        field: 'employees',
        operator: '>=',
        values: [50],
        kind: 'required',
      });
      a.mql = { ...a.mql, minFit: 30, minEngagement: 20, quadrants: ['perfect'] };
    });
    expect(
      evaluateMql(strict, {
        consent: true,
        profile: { hasPhone: true, employees: 10 },
        fit: 10,
        engagement: 10,
      }).missing,
    ).toEqual(['icp:size', 'fit', 'engagement', 'quadrant']);
    expect(
      evaluateMql(strict, {
        consent: true,
        profile: { hasPhone: true, employees: 80 },
        fit: 45,
        engagement: 35,
      }).passed,
    ).toBe(true);
  });

  it.each([
    ['CEO', 'c_level'],
    ['Co-founder & CTO', 'owner'],
    ['Prezes Zarządu', 'c_level'],
    ['Dyrektor IT', 'director'],
    ['Director General', 'c_level'],
    ['Director vânzări', 'director'],
    ['Генеральный директор', 'c_level'],
    ['Руководитель отдела продаж', 'director'],
    ['VP Sales', 'vp'],
    ['Kierownik działu zakupów', 'manager'],
    ['Менеджер по закупкам', 'manager'],
    ['Accountant', 'individual'],
    ['System administrator', 'individual'],
    ['', null],
  ])('should read the title "%s" as seniority %s', (title, level) => {
    expect(seniorityOfTitle(title)).toBe(level);
  });
});

describe('small helpers', () => {
  it('should add months, clamped to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  });

  it('should compare If-Match strongly', () => {
    expect(ifMatchAllows(undefined, 3)).toBe(true);
    expect(ifMatchAllows('"draft-3"', 3)).toBe(true);
    expect(ifMatchAllows('"draft-2", "draft-3"', 3)).toBe(true);
    expect(ifMatchAllows('*', 3)).toBe(true);
    expect(ifMatchAllows('W/"draft-3"', 3)).toBe(false);
    expect(ifMatchAllows('"draft-2"', 3)).toBe(false);
  });

  it('should mint share ids that name their workspace and nothing else', () => {
    const ws = 'ws_01JD0000000000000000000000';
    const id = mintShareId(ws, (n) => new Uint8Array(n).fill(255));
    expect(id).toBe(`${ws}_${'_'.repeat(42)}8`);
    expect(parseShareId(id)).toEqual({ workspaceId: ws });
    expect(parseShareId('ws_short_x')).toBeNull();
  });
});
