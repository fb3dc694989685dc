import { describe, expect, it } from 'vitest';
import { starterAgreement } from '../../../../worker/domain/agreement/templates';
import type { Language } from '../../../../worker/domain/constants';
import type { AgreementGridTab, GridCell } from '../../../../worker/domain/sheet/agreement-grid';
import { edit, parse, readBack, rowOf } from './helpers';

/**
 * Tables of bad cells, one per tab: each names the cell a person changed, what
 * they typed, and the problem that must land on exactly that cell, in the
 * team's language. Nothing else in the tab is reported.
 */
interface Case {
  name: string;
  language: Language;
  /** Finds the cell in the rendered grid: [row, column], 1-based. */
  cell: (grid: GridCell[][]) => [number, number];
  value: GridCell;
  message: RegExp;
}

const options = { timezone: 'Europe/Warsaw', country: 'PL' };

function check(tab: AgreementGridTab, cases: Case[]) {
  for (const c of cases) {
    it(c.name, () => {
      const grid = readBack(tab, starterAgreement(c.language, options), c.language);
      const [row, column] = c.cell(grid);
      const result = parse(tab, edit(grid, row, column, c.value), c.language);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problems.map((p) => [p.tab, p.row, p.column])).toEqual([[tab, row, column]]);
      expect(result.problems[0]?.message).toMatch(c.message);
    });
  }
}

const below = (title: string, offset: number, column: number) => (grid: GridCell[][]) =>
  [rowOf(grid, title) + offset, column] as [number, number];

describe('Glossary: bad cells', () => {
  check('glossary', [
    {
      name: 'a repeated term key names the row of its first use',
      language: 'en',
      cell: below('Terms', 3, 1),
      value: 'suspect',
      message: /"suspect" is used twice in this table \(also in row 6\)/,
    },
    {
      name: 'an empty definition (Polish)',
      language: 'pl',
      cell: below('Pojęcia', 2, 3),
      value: '  ',
      message: /puste/,
    },
    {
      name: 'a key that is not a code',
      language: 'en',
      cell: below('Terms', 2, 1),
      value: 'Not a code',
      message: /short code of lower-case letters/,
    },
  ]);

  it('a glossary without the lead term is refused on the Terms title', () => {
    const grid = readBack('glossary', starterAgreement('en', options), 'en');
    const leadRow = rowOf(grid, 'lead');
    const cut = grid.filter((_, i) => i !== leadRow - 1);
    const result = parse('glossary', cut, 'en');
    expect(result.ok ? [] : result.problems).toEqual([
      { tab: 'glossary', row: rowOf(grid, 'Terms'), column: 1, message: 'The glossary must define "lead".' },
    ]);
  });
});

describe('ICP: bad cells', () => {
  const firstCriterion = (column: number) => below('ICP criteria', 2, column);
  check('icp', [
    {
      name: 'a criterion that is free text, not a lead field',
      language: 'en',
      cell: firstCriterion(3),
      value: 'a client who wants to buy',
      message: /"a client who wants to buy" is free text, not a criterion LeadPact can check/,
    },
    {
      name: 'the same, in Russian',
      language: 'ru',
      cell: below('Критерии ICP', 2, 3),
      value: 'клиент, который хочет купить',
      message: /«клиент, который хочет купить» — свободный текст/,
    },
    {
      name: 'words where the employee count belongs',
      language: 'en',
      cell: firstCriterion(5),
      value: '20; a thousand',
      message: /"a thousand" is not a number/,
    },
    {
      name: 'an operator that does not apply to the field',
      language: 'en',
      cell: firstCriterion(4),
      value: 'matches',
      message: /Operator "matches" does not apply to employees/,
    },
    {
      name: 'a kind that is neither required nor weighted (Romanian)',
      language: 'ro',
      cell: below('Criterii ICP', 2, 6),
      value: 'poate',
      message: /„poate” nu este una dintre: obligatoriu, punctat/,
    },
    {
      name: 'points written in words',
      language: 'pl',
      cell: below('Kryteria ICP', 2, 7),
      value: 'dwadzieścia',
      message: /„dwadzieścia” nie jest liczbą/,
    },
  ]);

  it('a row with only a label is free text, refused on its field cell', () => {
    const grid = readBack('icp', starterAgreement('en', options), 'en');
    const spare = rowOf(grid, 'phone_given') + 1;
    const result = parse(
      'icp',
      edit(edit(grid, spare, 1, 'wants_to_buy'), spare, 2, 'A client who wants to buy'),
      'en',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toEqual({
      tab: 'icp',
      row: spare,
      column: 3,
      message: expect.stringContaining(
        '"A client who wants to buy" is free text, not a criterion LeadPact can check',
      ),
    });
    // What else the schema says (no operator, no kind) stays on that row.
    expect(result.problems.every((p) => p.row === spare)).toBe(true);
  });
});

describe('Scoring: bad cells', () => {
  check('scoring', [
    {
      name: 'a touch count that is not touch ≥ count',
      language: 'en',
      cell: below('Temperature (marketing, by engagement)', 2, 3),
      value: 'went to a webinar',
      message: /"went to a webinar" is not a touch count/,
    },
    {
      name: 'a threshold in words',
      language: 'ro',
      cell: (grid) => [rowOf(grid, 'Potrivire mare de la (puncte)'), 2],
      value: 'patruzeci',
      message: /„patruzeci” nu este un număr/,
    },
    {
      name: 'cold before hot',
      language: 'en',
      cell: (grid) => [rowOf(grid, 'Cold: buying after (months)'), 2],
      value: 3,
      message: /Must be at least hotUnderMonths/,
    },
    {
      name: 'an unknown temperature',
      language: 'pl',
      cell: below('Temperatura (marketing, wg zaangażowania)', 2, 1),
      value: 'Letni',
      message: /„Letni” nie jest żadną z wartości: Zimny, Ciepły, Gorący/,
    },
  ]);
});

describe('Rules: bad cells', () => {
  const monday = (title: string, column: number) => below(title, 2, column);
  check('rules', [
    {
      name: 'a close time before the open time',
      language: 'en',
      cell: monday('Business hours', 3),
      value: '08:00',
      message: /Closes at 08:00, not after it opens at 09:00/,
    },
    {
      name: 'the same in Polish, typed as a time Sheets turned into a day fraction',
      language: 'pl',
      cell: monday('Godziny pracy', 3),
      value: 8 / 24,
      message: /Koniec o 08:00 nie jest po początku o 09:00/,
    },
    {
      name: 'a time that is not a time',
      language: 'en',
      cell: monday('Business hours', 2),
      value: 'nine',
      message: /"nine" is not a time/,
    },
    {
      name: 'a rejection reason naming an unknown SQL criterion',
      language: 'en',
      cell: below('Rejection reasons', 2, 3),
      value: 'sympathy',
      message: /No SQL criterion "sympathy" in this tab; use one of: reached, need/,
    },
    {
      name: 'a yes/no cell holding something else (Romanian)',
      language: 'ro',
      cell: below('Criterii SQL', 2, 4),
      value: 'poate',
      message: /„poate” nu este nici da, nici nu/,
    },
    {
      name: 'an SLA number in words',
      language: 'en',
      cell: (grid) => [rowOf(grid, 'Attempts before a lead is unreachable'), 2],
      value: 'three',
      message: /"three" is not a number/,
    },
    {
      name: 'a holiday that is not a date',
      language: 'en',
      cell: below('Holidays', 2, 1),
      value: '31 Feb',
      message: /"31 Feb" is not a date/,
    },
    {
      name: 'a day that does not exist',
      language: 'en',
      cell: monday('Business hours', 1),
      value: 'Funday',
      message: /"Funday" is not one of: Monday, Tuesday/,
    },
    {
      name: 'an unknown quadrant in the MQL rule',
      language: 'en',
      cell: (grid) => [rowOf(grid, 'Only these quadrants (empty: any)'), 2],
      value: 'Perfect; Lukewarm',
      message: /"Lukewarm" is not one of: Perfect, Engaged, Fit, Low/,
    },
  ]);

  it('an opening time without a closing time is noted on the empty closing cell', () => {
    const grid = readBack('rules', starterAgreement('ru', options), 'ru');
    const saturday = rowOf(grid, 'суббота');
    const result = parse('rules', edit(grid, saturday, 2, '10:00'), 'ru');
    expect(result.ok ? [] : result.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [saturday, 3, 'Укажите время открытия и закрытия или оставьте оба пустыми для выходного дня.'],
    ]);
  });

  it('a missing table and a deleted column are named, not guessed', () => {
    const grid = readBack('rules', starterAgreement('en', options), 'en');
    const title = rowOf(grid, 'Holidays');
    const noHolidays = grid.map((row, i) => (i === title - 1 ? ['Days off'] : row));
    const first = parse('rules', noHolidays, 'en');
    expect(first.ok ? [] : first.problems).toEqual([
      {
        tab: 'rules',
        row: 1,
        column: 1,
        message: 'The table "Holidays" is missing from this tab; refresh the sheet to bring it back.',
      },
    ]);
    const header = rowOf(grid, 'Rejection reasons') + 1;
    const noDestination = edit(grid, header, 5, '');
    const second = parse('rules', noDestination, 'en');
    expect(second.ok ? [] : second.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [
        header,
        1,
        'The column "Goes to" is missing from the table "Rejection reasons"; refresh the sheet to bring it back.',
      ],
    ]);
  });
});

describe('dates and times as real Sheets returns them', () => {
  const zone = 'Europe/Warsaw';
  const rules = () => readBack('rules', starterAgreement('en', options), 'en');
  const cases: Array<[string, GridCell, GridCell, string]> = [
    ['text', '8:30', '2026-12-24', '08:30'],
    ['a day fraction and a serial number', 8.5 / 24, 46380, '08:30'],
    // A time cell reads back as a Date on 30 December 1899 on the spreadsheet's clock (Warsaw was +01:24 then).
    [
      'Date objects',
      new Date(Date.UTC(1899, 11, 30, 8, 30) - 84 * 60 * 1000),
      new Date('2026-12-23T23:00:00Z'),
      '08:30',
    ],
  ];
  for (const [name, open, holiday, expected] of cases) {
    it(`reads ${name}`, () => {
      const grid = rules();
      const monday = rowOf(grid, 'Business hours') + 2;
      const holidays = rowOf(grid, 'Holidays') + 2;
      const result = parse('rules', edit(edit(grid, monday, 2, open), holidays, 1, holiday), 'en', zone);
      expect(result.ok ? [] : result.problems).toEqual([]);
      if (!result.ok) return;
      expect(result.value.sla.businessHours.mon).toEqual({ open: expected, close: '17:00' });
      expect(result.value.sla.holidays).toEqual(['2026-12-24']);
    });
  }

  it('reads a closing time of midnight and a lunch break as two rows of one day', () => {
    const grid = rules();
    const monday = rowOf(grid, 'Business hours') + 2;
    const withBreak = grid.flatMap((row, i) =>
      i === monday - 1
        ? [
            ['Monday', '08:00', '12:00'],
            ['Monday', '13:00', 1],
          ]
        : [row],
    );
    const result = parse('rules', withBreak, 'en');
    expect(result.ok ? result.value.sla.businessHours.mon : result.problems).toEqual([
      { open: '08:00', close: '12:00' },
      { open: '13:00', close: '24:00' },
    ]);
  });
});
