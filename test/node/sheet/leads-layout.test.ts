import { describe, expect, it } from 'vitest';
import {
  displayedText,
  isFormula,
  safeText,
  sheetDate,
  sheetSerial,
} from '../../../worker/domain/sheet/cells';
import { columnIndexes, headerRow, writableRuns } from '../../../worker/domain/sheet/columns';
import {
  LEADS_COLUMNS,
  lastActionOf,
  leadColumnIndexes,
  leadRow,
  leadRowIndex,
  rowCheck,
  type SheetLeadSource,
  sheetLeadOf,
} from '../../../worker/domain/sheet/leads-layout';

function source(overrides: Partial<SheetLeadSource> = {}): SheetLeadSource {
  return {
    id: 'ld_01',
    seq: 7,
    stage: 'mql',
    profile: {
      email: 'jan@stalmet.pl',
      phone: '+48 600 100 200',
      firstName: 'Jan',
      lastName: 'Kowalski',
      company: 'Stalmet',
    },
    ownerId: 'mb_ola',
    firstSourceId: 'src_web',
    campaign: 'webinar-q1',
    quadrant: 'perfect',
    marketingTemperature: 'warm',
    salesTemperature: null,
    sales: {
      attempts: 0,
      firstAttemptAt: null,
      reachedAt: null,
      acceptedAt: null,
      sqlAt: null,
      opportunityAt: null,
      wonAt: null,
      closedAt: null,
    },
    ...overrides,
  };
}

const lead = (overrides: Partial<SheetLeadSource> = {}) => sheetLeadOf(source(overrides));

const CONTEXT = {
  language: 'en' as const,
  timeZone: 'Europe/Warsaw',
  memberNames: { mb_ola: 'Ola Nowak' },
  sourceNames: { src_web: 'Website form' },
};

describe('safeText', () => {
  it.each([
    ['=IMPORTXML("http://evil","//a")', `'=IMPORTXML("http://evil","//a")`],
    ['+cmd|/c calc', "'+cmd|/c calc"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ["'quoted", "''quoted"],
    ['\t=1', "'\t=1"],
    ['0048 600 100 200', "'0048 600 100 200"],
    ['2026-03', "'2026-03"],
    ['Stalmet', 'Stalmet'],
    [' =1', ' =1'],
    ['', ''],
    [null, ''],
    [42, "'42"],
  ])('should write %j as %j', (input, expected) => {
    expect(safeText(input)).toBe(expected);
  });

  it('should never leave outside text that a sheet would run as a formula', () => {
    for (const text of ['=1+1', '=HYPERLINK("x")', '+A1', '-A1', '@A1']) {
      expect(isFormula(safeText(text))).toBe(false);
      expect(displayedText(safeText(text))).toBe(text);
    }
  });
});

describe('sheet dates', () => {
  it('should turn an instant into a serial on the wall clock of the time zone', () => {
    // 2026-03-02 09:30 UTC is 10:30 in Warsaw (UTC+1): 46083 is 2026-03-02.
    expect(sheetSerial('2026-03-02T09:30:00.000Z', 'Europe/Warsaw')).toBeCloseTo(46083 + 10.5 / 24, 10);
    expect(sheetSerial('2026-07-01T00:00:00.000Z', 'Europe/Warsaw')).toBeCloseTo(46204 + 2 / 24, 10);
    expect(sheetSerial(null, 'Europe/Warsaw')).toBe('');
    expect(sheetDate('1970-01-01')).toBe(25569);
    expect(sheetDate('2026-03-02')).toBe(46083);
  });
});

describe('columns by header', () => {
  it('should find every column by its header in any language, wherever it is', () => {
    const header = ['Note', 'ID leada', 'Imię i nazwisko', 'my own column', 'SLA', ' lead_id ', 'Версия'];
    const indexes = leadColumnIndexes(header);
    expect(indexes.note).toBe(0);
    expect(indexes.lead_id).toBe(1);
    expect(indexes.name).toBe(2);
    expect(indexes.sla_status).toBe(4);
    expect(indexes.version).toBe(6);
    expect(indexes.company).toBe(-1);
  });

  it('should give the header row in the workspace language', () => {
    expect(headerRow(LEADS_COLUMNS, 'pl').slice(0, 4)).toEqual([
      'ID leada',
      'Wersja',
      'Kontrola synchronizacji',
      'Imię i nazwisko',
    ]);
    expect(headerRow(LEADS_COLUMNS, 'ru')[3]).toBe('Имя');
  });

  it('should group the writable columns into runs and leave editable ones out', () => {
    const header = headerRow(LEADS_COLUMNS, 'en');
    expect(writableRuns(LEADS_COLUMNS, leadColumnIndexes(header))).toEqual([
      { start: 0, keys: LEADS_COLUMNS.filter((c) => c.owner !== 'editable').map((c) => c.key) },
    ]);
    // A person moved Note between Name and Company: two runs, Note in neither.
    const moved = [...header.slice(0, 3), 'Note', ...header.slice(3, -1)];
    const runs = writableRuns(LEADS_COLUMNS, leadColumnIndexes(moved));
    expect(runs.map((r) => [r.start, r.keys.length])).toEqual([
      [0, 3],
      [4, 16],
    ]);
    expect(runs.flatMap((r) => r.keys)).not.toContain('note');
  });

  it('should keep the leftmost of two columns with the same header', () => {
    expect(columnIndexes(LEADS_COLUMNS, ['Stage', 'Stage']).stage).toBe(0);
  });
});

describe('rows by identity', () => {
  it('should find each lead by its id, skipping blanks and keeping the first of duplicates', () => {
    const rows = [
      ['x', 'ld_b'],
      ['y', ''],
      ['z', 'ld_a'],
      ['w', 'ld_b'],
    ];
    expect([...leadRowIndex(rows, 1)]).toEqual([
      ['ld_b', 0],
      ['ld_a', 2],
    ]);
    expect(leadRowIndex(rows, -1).size).toBe(0);
  });
});

describe('leadRow', () => {
  it('should render a lead into the written columns only', () => {
    const row = leadRow(
      lead(),
      {
        next: { kind: 'first_touch', dueAt: '2026-03-02T09:30:00.000Z', status: 'due_soon' },
        worst: 'due_soon',
      },
      CONTEXT,
    );
    expect(row).toEqual({
      lead_id: 'ld_01',
      version: 7,
      name: 'Jan Kowalski',
      company: 'Stalmet',
      email: 'jan@stalmet.pl',
      phone: "'+48 600 100 200",
      source: 'Website form',
      campaign: 'webinar-q1',
      stage: 'MQL',
      owner: 'Ola Nowak',
      quadrant: 'Perfect',
      temperature: 'Warm',
      next_deadline: 'First touch',
      due_at: sheetSerial('2026-03-02T09:30:00.000Z', 'Europe/Warsaw'),
      sla_status: 'Due soon',
      attempts: 0,
      last_action: '',
      last_action_at: '',
      row_check: rowCheck([
        'ld_01',
        7,
        'Jan Kowalski',
        'Stalmet',
        'jan@stalmet.pl',
        "'+48 600 100 200",
        'Website form',
        'webinar-q1',
        'MQL',
        'Ola Nowak',
        'Perfect',
        'Warm',
        'First touch',
        sheetSerial('2026-03-02T09:30:00.000Z', 'Europe/Warsaw'),
        'Due soon',
        0,
        '',
        '',
      ]),
    });
    const editable = LEADS_COLUMNS.filter((c) => c.owner === 'editable').map((c) => c.key);
    expect(editable).toEqual(['action', 'reason', 'note']);
    for (const key of editable) expect(Object.keys(row)).not.toContain(key);
  });

  it('should write form text that looks like a formula as text', () => {
    const row = leadRow(
      lead({
        profile: {
          email: null,
          phone: null,
          firstName: '=IMPORTXML("http://x","//a")',
          lastName: null,
          company: '+cmd',
        },
        campaign: '@evil',
      }),
      { next: null, worst: null },
      CONTEXT,
    );
    expect(row.name).toBe(`'=IMPORTXML("http://x","//a")`);
    expect(row.company).toBe("'+cmd");
    expect(row.campaign).toBe("'@evil");
    expect(Object.values(row).some((v) => isFormula(v))).toBe(false);
  });

  it.each([
    ['pl', 'Po terminie', 'Pierwszy kontakt', 'Gorący'],
    ['ro', 'Depășit', 'Primul contact', 'Fierbinte'],
    ['ru', 'Просрочен', 'Первый контакт', 'Горячий'],
  ] as const)('should speak %s', (language, breached, firstTouch, hot) => {
    const row = leadRow(
      lead({ salesTemperature: 'hot' }),
      {
        next: { kind: 'first_touch', dueAt: '2026-03-02T09:30:00.000Z', status: 'breached' },
        worst: 'breached',
      },
      { ...CONTEXT, language },
    );
    expect([row.sla_status, row.next_deadline, row.temperature]).toEqual([breached, firstTouch, hot]);
  });

  it('should leave unknown owners and sources blank rather than show an id', () => {
    const row = leadRow(
      lead({ ownerId: 'mb_gone', firstSourceId: 'src_gone' }),
      { next: null, worst: null },
      CONTEXT,
    );
    expect([row.owner, row.source]).toEqual(['', '']);
  });
});

describe('row check', () => {
  it('should change when any written cell changes and stay put otherwise', () => {
    const sla = { next: null, worst: 'met' as const };
    const a = leadRow(lead(), sla, CONTEXT).row_check;
    expect(leadRow(lead(), sla, CONTEXT).row_check).toBe(a);
    expect(a).toMatch(/^r[0-9a-f]{8}$/);
    expect(leadRow(lead({ seq: 8 }), sla, CONTEXT).row_check).not.toBe(a);
    expect(leadRow(lead(), { next: null, worst: 'met_late' }, CONTEXT).row_check).not.toBe(a);
    expect(leadRow(lead(), sla, { ...CONTEXT, language: 'pl' }).row_check).not.toBe(a);
  });
});

describe('lastActionOf', () => {
  const sales = source().sales;
  it.each([
    ['nothing yet', {}, 'mql', null],
    [
      'an attempt',
      { attempts: 1, firstAttemptAt: '2026-03-02T10:00:00Z' },
      'mql',
      ['attempt', '2026-03-02T10:00:00Z'],
    ],
    [
      'the later of attempt and accept',
      { firstAttemptAt: '2026-03-02T10:00:00Z', acceptedAt: '2026-03-02T11:00:00Z' },
      'sal',
      ['accepted', '2026-03-02T11:00:00Z'],
    ],
    [
      'a nurture closing the lead',
      { firstAttemptAt: '2026-03-02T10:00:00Z', closedAt: '2026-03-03T10:00:00Z' },
      'nurture',
      ['nurtured', '2026-03-03T10:00:00Z'],
    ],
    [
      'won on the same instant as closed',
      { wonAt: '2026-03-05T10:00:00Z', closedAt: '2026-03-05T10:00:00Z' },
      'won',
      ['won', '2026-03-05T10:00:00Z'],
    ],
  ] as const)('should name %s', (_name, progress, stage, expected) => {
    const result = lastActionOf(source({ stage, sales: { ...sales, ...progress } }));
    expect(sheetLeadOf(source({ stage, sales: { ...sales, ...progress } })).lastAction).toEqual(result);
    expect(result ? [result.action, result.at] : null).toEqual(expected);
  });
});
