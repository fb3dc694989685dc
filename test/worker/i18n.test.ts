import { describe, expect, it } from 'vitest';
import { diffAgreements, diffAsMarkdown, starterAgreement } from '../../worker/domain/agreement';
import { LANGUAGES, type Language } from '../../worker/domain/constants';
import {
  CATALOGUES,
  formatMoney,
  formatNumber,
  isPluralForms,
  languageOfAcceptLanguage,
  localeOf,
  pluralFor,
} from '../../worker/domain/i18n';
import { type AgendaInput, buildAgenda, noticeLines } from '../../worker/domain/sla';

/**
 * Every leaf of a catalogue, by its dotted path: texts, and plural entries and
 * lists (a starter's examples, a site's paths: as long as a language needs) as one leaf each.
 */
function leaves(value: unknown, path = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof value === 'string' || isPluralForms(value) || Array.isArray(value)) {
    out.set(path, value);
    return out;
  }
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    for (const [p, leaf] of leaves(child, path ? `${path}.${key}` : key)) out.set(p, leaf);
  }
  return out;
}

/** The plural categories a language uses for whole numbers (0–1000 covers every cycle of the four). */
function integerCategories(language: Language): Set<string> {
  const rules = new Intl.PluralRules(localeOf(language));
  return new Set(Array.from({ length: 1001 }, (_, n) => rules.select(n)));
}

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('the catalogues', () => {
  const english = leaves(CATALOGUES.en);

  it.each(LANGUAGES.map((l) => [l]))('should give %s every key English has, and no other', (language) => {
    const own = leaves(CATALOGUES[language]);
    expect([...own.keys()].filter((k) => !english.has(k))).toEqual([]);
    expect([...english.keys()].filter((k) => !own.has(k))).toEqual([]);
    for (const [path, leaf] of own) {
      expect(typeof leaf === 'string' ? leaf.trim() : 'plural', path).not.toBe('');
      // A plural entry in English is a plural entry everywhere (and the other way round).
      expect(isPluralForms(leaf), path).toBe(isPluralForms(english.get(path)));
    }
  });

  it.each(LANGUAGES.map((l) => [l]))(
    'should give every plural entry of %s each form its plural rules use',
    (language) => {
      const needed = integerCategories(language);
      for (const [path, leaf] of leaves(CATALOGUES[language])) {
        if (!isPluralForms(leaf)) continue;
        const missing = [...needed].filter(
          (category) => category !== 'other' && leaf[category as keyof typeof leaf] === undefined,
        );
        // English may fold `one` into `other` where the sentence reads the same; no other language may.
        if (language !== 'en') expect(missing, `${language} ${path}`).toEqual([]);
      }
    },
  );

  it('should use the forms Polish, Russian and Romanian need: 1 lead / 2 leady / 5 leadów', () => {
    const lines = (language: Language) =>
      [1, 2, 5, 12, 22, 25, 101].map((n) =>
        pluralFor(language, CATALOGUES[language].agenda.campaignLine, n)
          .replace('{campaign}: ', '')
          .replace(/, .*$/, '')
          .replace('{count}', String(n)),
      );
    expect(lines('pl')).toEqual([
      '1 lead',
      '2 leady',
      '5 leadów',
      '12 leadów',
      '22 leady',
      '25 leadów',
      '101 leadów',
    ]);
    expect(lines('ru')).toEqual(['1 лид', '2 лида', '5 лидов', '12 лидов', '22 лида', '25 лидов', '101 лид']);
    expect(lines('ro')).toEqual([
      '1 lead',
      '2 lead-uri',
      '5 lead-uri',
      '12 lead-uri',
      '22 de lead-uri',
      '25 de lead-uri',
      '101 lead-uri',
    ]);
    expect(lines('en')).toEqual([
      '1 lead',
      '2 leads',
      '5 leads',
      '12 leads',
      '22 leads',
      '25 leads',
      '101 leads',
    ]);
  });
});

describe('numbers and money in the team’s locale', () => {
  it.each([
    ['pl', 48000, 'PLN', `48${NBSP}000,00${NBSP}zł`],
    ['ro', 48000, 'RON', `48.000,00${NBSP}RON`],
    ['ru', 48000, 'RUB', `48${NBSP}000,00${NBSP}₽`],
    ['en', 48000, 'EUR', '€48,000.00'],
    ['pl', 1234.5, 'EUR', `1234,50${NBSP}€`],
  ] as const)('should write %s money %d %s as %s', (language, amount, currency, expected) => {
    expect(formatMoney(language, amount, currency)).toBe(expected);
  });

  it('should group a bare number when no currency is known, never print "48000"', () => {
    expect(formatMoney('pl', 48000, null)).toBe(`48${NBSP}000`);
    expect(formatNumber('ru', 172883.66)).toBe(`172${NBSP}883,66`);
    expect(formatNumber('en', 48000)).toBe('48,000');
    expect([NBSP, NNBSP]).toContain(formatNumber('pl', 12345).charAt(2));
  });
});

describe('Accept-Language', () => {
  it.each([
    ['pl', 'pl'],
    ['pl-PL,pl;q=0.9,en-US;q=0.8,en;q=0.7', 'pl'],
    ['de-DE,de;q=0.9,ro;q=0.8', 'ro'],
    ['en;q=0.5, ru', 'ru'],
    ['RU-ru', 'ru'],
    ['de, fr;q=0.9', null],
    ['pl;q=0, en', 'en'],
    ['*', null],
    ['', null],
    [undefined, null],
  ] as const)('should read %j as %s', (header, expected) => {
    expect(languageOfAcceptLanguage(header)).toBe(expected);
  });
});

describe('agenda lines in the team’s language', () => {
  const base: AgendaInput = {
    week: '2026-W48',
    language: 'en',
    timeZone: 'Europe/Warsaw',
    meetingAt: '2026-11-23T09:00:00.000Z',
    durationMinutes: 45,
    period: { start: '2026-11-16T09:00:00.000Z', end: '2026-11-23T09:00:00.000Z' },
    standingItems: [],
    handedOver: [],
    breaches: [],
    rejections: [],
    nurtures: [],
    campaigns: [
      { campaign: 'targi-budma', stages: { mql: 1 } },
      { campaign: 'webinar-q4', stages: { mql: 3, sql: 2 } },
      { campaign: 'ebook-bhp', stages: { lead: 5 } },
    ],
    pace: {
      period: '2026-Q4',
      currency: 'PLN',
      stages: [{ stage: 'revenue', status: 'behind', actual: 48000, expected: 172883.66, planned: 300000 }],
    },
    personaReview: null,
    pendingAgreement: null,
  };
  const linesOf = (language: Language, id: string) =>
    buildAgenda({ ...base, language }, new Date('2026-11-20T12:00:00Z')).sections.find((s) => s.id === id)
      ?.lines;

  it.each([
    [
      'pl',
      [
        'ebook-bhp: 5 leadów, teraz 5 leadów',
        'webinar-q4: 5 leadów, teraz 3 MQL, 2 SQL',
        'targi-budma: 1 lead, teraz 1 MQL',
      ],
      `przychód: 48${NBSP}000,00${NBSP}zł, do dziś oczekiwano 172${NBSP}883,66${NBSP}zł z 300${NBSP}000,00${NBSP}zł planowanych na 2026-Q4: za planem.`,
    ],
    [
      'ru',
      [
        'ebook-bhp: 5 лидов, сейчас 5 лидов',
        'webinar-q4: 5 лидов, сейчас 3 MQL, 2 SQL',
        'targi-budma: 1 лид, сейчас 1 MQL',
      ],
      `выручка: 48${NBSP}000,00${NBSP}PLN, к сегодняшнему дню ожидалось 172${NBSP}883,66${NBSP}PLN из 300${NBSP}000,00${NBSP}PLN по плану на 2026-Q4: отстаём от плана.`,
    ],
    [
      'ro',
      [
        'ebook-bhp: 5 lead-uri, acum 5 lead-uri',
        'webinar-q4: 5 lead-uri, acum 3 MQL, 2 SQL',
        'targi-budma: 1 lead, acum 1 MQL',
      ],
      `venituri: 48.000,00${NBSP}PLN, 172.883,66${NBSP}PLN așteptate până acum din 300.000,00${NBSP}PLN planificate pentru 2026-Q4: sub plan.`,
    ],
    [
      'en',
      [
        'ebook-bhp: 5 leads, now 5 leads',
        'webinar-q4: 5 leads, now 3 MQL, 2 SQL',
        'targi-budma: 1 lead, now 1 MQL',
      ],
      `revenue: PLN${NBSP}48,000.00, PLN${NBSP}172,883.66 expected by now of PLN${NBSP}300,000.00 planned for 2026-Q4: behind.`,
    ],
  ] as const)('should count campaign leads and write revenue as money in %s', (language, campaigns, pace) => {
    expect(linesOf(language, 'campaigns')).toEqual(campaigns);
    expect(linesOf(language, 'pace')).toEqual([pace]);
  });

  it('should say how many of one or of many handed-over leads were not worked', () => {
    const handedOver = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        leadId: `lead_${i}`,
        name: `Lead ${i}`,
        ownerId: null,
        ownerName: null,
        mqlAt: '2026-11-18T09:00:00.000Z',
        worked: i > 0,
      }));
    const first = (language: Language, n: number) =>
      buildAgenda({ ...base, language, handedOver: handedOver(n) }, new Date('2026-11-20T12:00:00Z'))
        .sections[0]?.lines[0];
    expect(first('pl', 1)).toBe('1 z 1 przekazanego leada nie podjęto.');
    expect(first('pl', 5)).toBe('1 z 5 przekazanych leadów nie podjęto.');
    expect(first('ru', 1)).toBe('Из 1 переданного лида не отработано 1.');
    expect(first('ru', 21)).toBe('Из 21 переданного лида не отработано 1.');
    expect(first('ru', 3)).toBe('Из 3 переданных лидов не отработано 1.');
    expect(first('ro', 1)).toBe('1 din 1 lead trimis nu a fost lucrat.');
    expect(first('ro', 4)).toBe('1 din cele 4 lead-uri trimise nu au fost lucrate.');
    expect(first('ro', 30)).toBe('1 din cele 30 de lead-uri trimise nu au fost lucrate.');
    expect(first('en', 4)).toBe('1 of the 4 leads we sent were not worked.');
  });
});

describe('diffs and notifications in the team’s language', () => {
  const en = starterAgreement('en', { timezone: 'Europe/Warsaw', country: 'PL' });
  const changed = structuredClone(en);
  changed.sla.firstTouchHours.perfect = 2;
  changed.sla.holidays = ['2026-12-24'];

  it.each([
    [
      'pl',
      ['sla.holidays: dodano "2026-12-24".', 'sla.firstTouchHours.perfect: 1 → 2.'],
      '## SLA przekazania leadów (sla)\n',
    ],
    [
      'ro',
      ['sla.holidays: adăugat "2026-12-24".', 'sla.firstTouchHours.perfect: 1 → 2.'],
      '## SLA de predare a lead-urilor (sla)\n',
    ],
    [
      'ru',
      ['sla.holidays: добавлено "2026-12-24".', 'sla.firstTouchHours.perfect: 1 → 2.'],
      '## SLA передачи лидов (sla)\n',
    ],
    ['en', ['sla.holidays: added "2026-12-24".', 'sla.firstTouchHours.perfect: 1 → 2.'], '## sla\n'],
  ] as const)('should say each change of a diff in %s, paths unchanged', (language, lines, heading) => {
    const diff = diffAgreements(en, changed, language);
    expect(diff.sections.map((s) => s.section)).toEqual(['sla']);
    expect(diff.sections[0]?.changes.map((c) => c.text).sort()).toEqual([...lines].sort());
    const markdown = diffAsMarkdown(diff, 'x', language);
    expect(markdown).toContain(heading);
    expect(diffAsMarkdown(diffAgreements(en, en, language), 'x', language)).toBe(
      `# x\n\n${{ pl: 'Brak zmian.', ro: 'Nicio modificare.', ru: 'Изменений нет.', en: 'No changes.' }[language]}\n`,
    );
  });

  it('should write a breach notification in Polish and Russian with the time in the team’s zone', () => {
    const notice = {
      topic: 'breached' as const,
      kind: 'first_touch' as const,
      dueAt: '2026-11-24T09:00:00.000Z',
      lead: { id: 'lead_1', name: 'Jan Kowalski (Stalmet)' },
      ownerName: 'Anna Nowak',
      recipients: [{ memberId: 'mem_1', name: 'Anna Nowak', role: 'owner' as const }],
    };
    expect(noticeLines(notice, 'pl', 'Europe/Warsaw')).toEqual([
      '🔴 Naruszenie SLA: pierwszy kontakt dla Jan Kowalski (Stalmet) — termin minął 24 lis 2026, 10:00.',
      'Opiekun: Anna Nowak.',
      'Do: Anna Nowak (opiekun).',
    ]);
    expect(noticeLines(notice, 'ru', 'Europe/Moscow')[0]).toBe(
      '🔴 Нарушение SLA: первый контакт по лиду Jan Kowalski (Stalmet), срок истёк 24 нояб. 2026 г., 12:00.',
    );
  });
});
