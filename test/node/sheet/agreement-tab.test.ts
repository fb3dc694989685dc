import { describe, expect, it } from 'vitest';
import type { Language } from '../../../worker/domain/constants';
import { CATALOGUES, catalogueOf } from '../../../worker/domain/i18n';
import { renderAgreementTab, warningText } from '../../../worker/domain/sheet/agreement-tab';
import { sheetSerial } from '../../../worker/domain/sheet/cells';
import { NAMED_RANGES } from '../../../worker/domain/sheet/named-ranges';
import type { AgreementPart, AgreementVersionPart } from '../../../worker/domain/sheet/snapshot-parts';
import { FIRST_GRID_ROW, numberFormatOf, type TabGrid } from '../../../worker/domain/sheet/tab-grid';

const TZ = 'Europe/Warsaw';

const unsigned: AgreementPart = {
  enforced: false,
  notice: 'whatever the request language was',
  active: null,
  pending: null,
  draft: { content: {}, etag: '"draft-1"', revision: 1, changedSinceLatestVersion: true, warnings: [] },
  share: null,
};

function version(overrides: Partial<AgreementVersionPart> = {}): AgreementVersionPart {
  return {
    number: 2,
    status: 'active',
    requiredSides: ['marketing', 'sales'],
    signatures: [
      { side: 'marketing', memberName: 'Marta Nowak', signedAt: '2026-03-02T08:00:00.000Z' },
      { side: 'sales', memberName: 'Sorin Popescu', signedAt: '2026-03-02T09:30:00.000Z' },
    ],
    missingSides: [],
    activatedAt: '2026-03-02T09:30:00.000Z',
    warnings: [],
    ...overrides,
  };
}

const unreachable = {
  code: 'threshold_unreachable' as const,
  path: 'mql.minFit',
  threshold: 90,
  reachable: 60,
  message: 'mql.minFit is 90, but …',
};

const signed: AgreementPart = {
  ...unsigned,
  enforced: true,
  active: version({ warnings: [unreachable] }),
  pending: version({
    number: 3,
    status: 'proposed',
    requiredSides: ['marketing', 'sales', 'management'],
    signatures: [
      {
        side: 'marketing',
        memberName: '=HYPERLINK("http://evil.test")',
        signedAt: '2026-03-05T10:00:00.000Z',
      },
    ],
    missingSides: ['sales', 'management'],
    activatedAt: null,
  }),
  draft: {
    ...unsigned.draft,
    revision: 7,
    changedSinceLatestVersion: false,
    warnings: [{ ...unreachable, path: 'scoring.thresholds.engagement', threshold: 50, reachable: 0 }],
  },
  share: { url: 'https://leadpact.example.com/a/ws_X_abc', createdAt: '2026-03-03T12:00:00.000Z' },
};

/** The row whose column A is `label` (sheet rows count from FIRST_GRID_ROW). */
function rowOf(grid: TabGrid, label: string): { at: number; cells: TabGrid['rows'][number] } {
  const index = grid.rows.findIndex((r) => r[0] === label);
  if (index < 0) throw new Error(`no row ${label}: ${JSON.stringify(grid.rows.map((r) => r[0]))}`);
  return { at: index + FIRST_GRID_ROW, cells: grid.rows[index] ?? [] };
}

describe('the Agreement tab', () => {
  it.each<[Language, string, string]>([
    ['en', 'Not in force', 'In force'],
    ['pl', 'Nie obowiązuje', 'Obowiązuje'],
    ['ro', 'Nu este în vigoare', 'În vigoare'],
    ['ru', 'Не действует', 'Действует'],
  ])(
    'should say in %s whether the agreement is in force, with the notice in that language',
    (language, off, on) => {
      const t = catalogueOf(language).sheet.agreementTab;
      const before = renderAgreementTab({ part: unsigned, language, timeZone: TZ });
      expect(rowOf(before, t.status).cells[1]).toBe(off);
      expect(rowOf(before, t.notice).cells[1]).toBe(CATALOGUES[language].enforcement.none);
      expect(rowOf(before, t.activeVersion).cells[1]).toBe(t.noneSigned);
      expect(rowOf(before, t.shareLink).cells[1]).toBe(t.notShared);
      expect(rowOf(before, t.pending).cells[1]).toBe(t.pendingNone);
      const after = renderAgreementTab({ part: signed, language, timeZone: TZ });
      expect(rowOf(after, t.status).cells[1]).toBe(on);
      expect(rowOf(after, t.notice).cells[1]).toContain('2');
      expect(rowOf(after, t.notice).cells[1]).not.toBe(signed.notice);
    },
  );

  it('should name the status and version cells for others to read, wherever the rows land', () => {
    for (const part of [unsigned, signed]) {
      const grid = renderAgreementTab({ part, language: 'en', timeZone: TZ });
      const status = grid.named[NAMED_RANGES.agreementStatus];
      const versionCell = grid.named[NAMED_RANGES.agreementVersion];
      expect(grid.rows[(status?.row ?? 0) - FIRST_GRID_ROW]?.[(status?.column ?? 0) - 1]).toBe(
        part.active ? 'In force' : 'Not in force',
      );
      expect(grid.rows[(versionCell?.row ?? 0) - FIRST_GRID_ROW]?.[(versionCell?.column ?? 0) - 1]).toBe(
        part.active ? 2 : 'none signed yet',
      );
    }
  });

  it('should show the active version, when it became active, who signed each side and when', () => {
    const grid = renderAgreementTab({ part: signed, language: 'en', timeZone: TZ });
    const active = rowOf(grid, 'Active version');
    expect(active.cells).toEqual([
      'Active version',
      2,
      'Active since',
      sheetSerial('2026-03-02T09:30:00.000Z', TZ),
    ]);
    expect(grid.formats[active.at - FIRST_GRID_ROW]).toEqual(['text', 'integer', 'text', 'datetime']);
    const table = grid.rows.findIndex((r) => r[0] === 'Signatures of version 2');
    expect(grid.styles[table]).toBe('section');
    expect(grid.rows.slice(table + 1, table + 5)).toEqual([
      ['Side', 'Signed by', 'Signed at'],
      ['Marketing', 'Marta Nowak', sheetSerial('2026-03-02T08:00:00.000Z', TZ)],
      ['Sales', 'Sorin Popescu', sheetSerial('2026-03-02T09:30:00.000Z', TZ)],
      ['Management', 'not required', ''],
    ]);
    expect(grid.styles[table + 1]).toBe('header');
    // 09:30 UTC is 10:30 in Warsaw: the serial carries the team's wall clock.
    const fraction = (sheetSerial('2026-03-02T09:30:00.000Z', TZ) as number) % 1;
    expect(Math.round(fraction * 24 * 60)).toBe(10 * 60 + 30);
  });

  it('should show the pending proposal, who still has to sign it, and a formula-like name as text', () => {
    const grid = renderAgreementTab({ part: signed, language: 'pl', timeZone: TZ });
    const t = catalogueOf('pl').sheet.agreementTab;
    expect(rowOf(grid, t.pending).cells[1]).toBe('Wersja 3');
    expect(rowOf(grid, t.stillNeeds).cells[1]).toBe('Sprzedaż, Zarząd');
    const table = grid.rows.findIndex((r) => r[0] === 'Podpisy wersji 3');
    expect(grid.rows.slice(table + 2, table + 5)).toEqual([
      ['Marketing', `'=HYPERLINK("http://evil.test")`, sheetSerial('2026-03-05T10:00:00.000Z', TZ)],
      ['Sprzedaż', 'jeszcze nie podpisano', ''],
      ['Zarząd', 'jeszcze nie podpisano', ''],
    ]);
    expect(rowOf(grid, t.draftRevision).cells).toEqual([t.draftRevision, 7, t.draftSame]);
    expect(rowOf(grid, t.shareLink).cells).toEqual([
      t.shareLink,
      'https://leadpact.example.com/a/ws_X_abc',
      t.sharedSince,
      sheetSerial('2026-03-03T12:00:00.000Z', TZ),
    ]);
  });

  it('should list every warning in words, where it is and the numbers', () => {
    const grid = renderAgreementTab({ part: signed, language: 'en', timeZone: TZ });
    const header = grid.rows.findIndex((r) => r[0] === 'In');
    expect(grid.rows[header]).toEqual(['In', 'Setting', 'Threshold', 'Highest reachable', 'What it means']);
    expect(grid.rows.slice(header + 1)).toEqual([
      [
        'Active version 2',
        'Minimum fit for an MQL',
        90,
        60,
        'No lead can ever reach it: the highest fit score a lead can get under this agreement is 60, the threshold is 90.',
      ],
      [
        'Draft',
        'Engagement threshold (scoring)',
        50,
        0,
        'No lead can ever reach it: the highest engagement score a lead can get under this agreement is 0, the threshold is 50.',
      ],
    ]);
    const none = renderAgreementTab({ part: unsigned, language: 'en', timeZone: TZ });
    expect(none.rows.at(-1)).toEqual(['None: every threshold can be reached.']);
  });

  it.each<[Language, string]>([
    ['en', 'the highest fit score'],
    ['pl', 'najwyższy wynik dopasowania'],
    ['ro', 'cel mai mare scor de potrivire'],
    ['ru', 'наибольший балл соответствия'],
  ])('should say an unreachable threshold in %s', (language, words) => {
    expect(warningText(unreachable, language)).toContain(words);
    expect(warningText(unreachable, language)).toContain('90');
  });
});

describe('number formats in the workspace locale', () => {
  it.each<[Language, string | null, string]>([
    ['en', 'EUR', '[$€]#,##0.00'],
    ['en', 'USD', '[$US$]#,##0.00'],
    ['pl', 'PLN', '#,##0.00 [$zł]'],
    ['ro', 'RON', '#,##0.00 [$RON]'],
    ['ru', 'RUB', '#,##0.00 [$₽]'],
    ['pl', null, '#,##0.00'],
  ])('should write %s money in %s with the sign where people put it', (language, currency, format) => {
    expect(numberFormatOf('money', catalogueOf(language).sheet.frame, language, currency)).toBe(format);
  });

  it.each<[Language, string]>([
    ['en', 'yyyy-mm-dd hh:mm'],
    ['ru', 'dd.mm.yyyy hh:mm'],
  ])('should write %s date-times as the sheet texts do, rates as percentages', (language, format) => {
    const texts = catalogueOf(language).sheet.frame;
    expect(numberFormatOf('datetime', texts, language, null)).toBe(format);
    expect(numberFormatOf('percent', texts, language, null)).toBe('0.0%');
    expect(numberFormatOf('integer', texts, language, null)).toBe('#,##0');
    expect(numberFormatOf('text', texts, language, null)).toBe('@');
  });
});
