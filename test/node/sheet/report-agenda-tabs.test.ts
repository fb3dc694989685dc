import { describe, expect, it } from 'vitest';
import type { Language } from '../../../worker/domain/constants';
import { catalogueOf } from '../../../worker/domain/i18n';
import { renderAgendaTab } from '../../../worker/domain/sheet/agenda-tab';
import { sheetSerial } from '../../../worker/domain/sheet/cells';
import { NAMED_RANGES } from '../../../worker/domain/sheet/named-ranges';
import { renderReportTab } from '../../../worker/domain/sheet/report-tab';
import { FIRST_GRID_ROW, type GridArea, type TabGrid } from '../../../worker/domain/sheet/tab-grid';
import { sampleAgenda, sampleReport, TZ } from './read-only-fixtures';

/** The cells a named range covers. */
function named(grid: TabGrid, name: string): unknown[][] {
  const area = grid.named[name] as GridArea;
  return grid.rows
    .slice(area.row - FIRST_GRID_ROW, area.row - FIRST_GRID_ROW + area.numRows)
    .map((r) => Array.from({ length: area.numColumns }, (_, c) => r[area.column - 1 + c] ?? ''));
}

function formatAt(grid: TabGrid, label: string, column = 1) {
  const i = grid.rows.findIndex((r) => r[0] === label);
  return { value: grid.rows[i]?.[column], format: grid.formats[i]?.[column] };
}

describe('the Report tab', () => {
  it('should hold totals as numbers with money and percentage formats, named for others to read', () => {
    const grid = renderReportTab({ part: sampleReport(), language: 'en', timeZone: TZ });
    expect(grid.rows.slice(0, 2)).toEqual([['Report for 1 Mar 2026 – 31 Mar 2026'], ['Currency', 'EUR']]);
    expect(grid.currency).toBe('EUR');
    const totals = named(grid, NAMED_RANGES.reportTotals);
    const value = (label: string) => totals.find((r) => r[0] === label)?.[1];
    expect(value('Leads')).toBe(12);
    expect(value('MQLs')).toBe(4);
    expect(value('MQLs that match the ICP')).toBe(3);
    expect(value('Won deals')).toBe(1);
    expect(value('Lead → MQL')).toBe(0.3333);
    expect(value('MQL → SQL')).toBe(0.5);
    expect(value('SQL → opportunity')).toBe(0);
    expect(value('Opportunity → won')).toBe('');
    expect(value('SLA met on time: First touch')).toBe(0.75);
    expect(value('ICP accounts reached by 3+ actions')).toBe(0.25);
    expect(formatAt(grid, 'Won revenue')).toEqual({ value: 25_000, format: 'money' });
    expect(formatAt(grid, 'Lead → MQL').format).toBe('percent');
    expect(formatAt(grid, 'Leads').format).toBe('integer');
    expect(formatAt(grid, 'Time to first touch, median (business hours)')).toEqual({
      value: '',
      format: 'decimal',
    });
  });

  it('should break the period down by source and by campaign, keys written as text', () => {
    const grid = renderReportTab({ part: sampleReport(), language: 'en', timeZone: TZ });
    const bySource = named(grid, NAMED_RANGES.reportBySource);
    expect(bySource[0]?.slice(0, 3)).toEqual(['Source', 'Leads', 'MQLs']);
    expect(bySource.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['Website form', 10, 4],
      ['(no source)', 2, 0],
    ]);
    expect(bySource[1]?.[6]).toBe(25_000);
    expect(bySource[1]?.[8]).toBe(0.4);
    const byCampaign = named(grid, NAMED_RANGES.reportByCampaign);
    expect(byCampaign).toEqual([
      [
        'Campaign',
        'Name',
        'Channel',
        'Leads touched',
        'Leads',
        'MQLs',
        'SQLs',
        'Opportunities',
        'Won deals',
        'Won revenue',
      ],
      ["'=webinar-mar", 'March webinar', 'webinar', 75, 10, 4, 2, 1, 1, 25_000],
    ]);
    const reasons = grid.rows.findIndex((r) => r[0] === 'Reasons given');
    expect(grid.rows.slice(reasons + 1, reasons + 4)).toEqual([
      ['Where it went', 'Reason code', 'Leads'],
      ['Rejected by sales', 'no_budget', 1],
      ['Sent to nurture', "'=too_early", 2],
    ]);
  });

  it("should name each reason by the agreement's label, and a code the agreement no longer has by its code", () => {
    const part = {
      ...sampleReport(),
      reasonLabels: { no_budget: 'Brak budżetu', too_early: '=not this one' },
    };
    const grid = renderReportTab({ part, language: 'pl', timeZone: TZ });
    const where = catalogueOf('pl').sheet.reportTab.reasonKinds;
    expect(grid.rows.filter((r) => r[0] === where.rejected || r[0] === where.nurture)).toEqual([
      [where.rejected, 'Brak budżetu', 1],
      [where.nurture, "'=too_early", 2],
    ]);
  });

  it('should say an empty period in words and keep the names on the headers alone', () => {
    const empty = sampleReport({
      rows: { stages: [], reasons: [], firstTouches: [], sla: [] },
      campaigns: [],
      coverage: { icpAccounts: 0, covered: 0 },
    });
    const grid = renderReportTab({ part: empty, language: 'en', timeZone: TZ });
    expect(named(grid, NAMED_RANGES.reportBySource)).toHaveLength(1);
    expect(named(grid, NAMED_RANGES.reportByCampaign)).toHaveLength(1);
    expect(grid.rows.filter((r) => r[0] === 'Nothing in this period yet.')).toHaveLength(2);
    expect(grid.rows.at(-1)).toEqual(['No rejections, nurture returns or losses in this period.']);
  });

  it.each<[Language, string, string]>([
    ['en', 'Report for 1 Mar 2026 – 31 Mar 2026', 'Won revenue'],
    ['pl', 'Raport za okres 1 mar 2026 – 31 mar 2026', 'Przychód z wygranych'],
    ['ro', 'Raport pentru 1 mar. 2026 – 31 mar. 2026', 'Venit câștigat'],
    ['ru', 'Отчёт за период 1 мар. 2026 г. – 31 мар. 2026 г.', 'Выручка по выигранным'],
  ])('should write the report in %s', (language, title, revenue) => {
    const grid = renderReportTab({ part: sampleReport(), language, timeZone: TZ });
    expect(grid.rows[0]?.[0]).toBe(title);
    expect(formatAt(grid, revenue)).toEqual({ value: 25_000, format: 'money' });
    expect(named(grid, NAMED_RANGES.reportBySource)[2]?.[0]).toBe(
      catalogueOf(language).sheet.reportTab.noSource,
    );
  });
});

describe('the Agenda tab', () => {
  it('should list each item with its detail, who, and what to decide', () => {
    const part = sampleAgenda('en');
    const grid = renderAgendaTab({ part, language: 'en', timeZone: TZ });
    expect(grid.rows[0]).toEqual([part.title]);
    expect(grid.rows[2]).toEqual(['Meeting', sheetSerial('2026-03-23T09:00:00.000Z', TZ)]);
    expect(grid.formats[2]?.[1]).toBe('datetime');
    const items = named(grid, NAMED_RANGES.agenda);
    expect(items[0]).toEqual(['#', 'Topic', 'Detail', 'Who', 'To decide']);
    expect(items.slice(1, 4)).toEqual([
      [
        1,
        'MQLs handed over',
        // Starts with a digit: quoted, so Sheets keeps it as the text it shows (the quote is not displayed).
        "'2 of the 3 leads we sent were not worked.",
        'Sales',
        'Who works each untouched lead, and by when?',
      ],
      ['', '', expect.stringMatching(/^Jan Kowalski: Anna Kowalska, MQL since /), 'Anna Kowalska', ''],
      ['', '', expect.stringMatching(/^'=cmd: no owner/), 'no owner', ''],
    ]);
    expect(items.slice(4, 6)).toEqual([
      [
        2,
        'SLA breaches by owner',
        'Ivan Petrov: 2 (decision (SQL, nurture or disqualify) × 1, first touch × 1)',
        'Ivan Petrov',
        'What stops these breaches from happening again?',
      ],
      ['', '', 'Anna Kowalska: 1 (first touch × 1)', 'Anna Kowalska', ''],
    ]);
    const topic = (title: string) => items.find((r) => r[1] === title);
    expect(topic('Buyer persona review')?.[3]).toBe('Marta Nowak');
    expect(topic('Agreement changes waiting for signatures')?.slice(2, 4)).toEqual([
      'Version 3 waits for: sales.',
      'Sales',
    ]);
    expect(topic('Standing items')?.slice(2, 4)).toEqual(['Pipeline review', 'Everyone']);
    // Every item is numbered once, in order.
    expect(
      items
        .slice(1)
        .map((r) => r[0])
        .filter((n) => n !== ''),
    ).toEqual(part.sections.map((_, i) => i + 1));
  });

  it.each<[Language, string, string]>([
    ['pl', 'Temat', 'Kto zajmie się każdym nieobsłużonym leadem i do kiedy?'],
    ['ro', 'Subiect', 'Cine preia fiecare lead nelucrat și până când?'],
    ['ru', 'Тема', 'Кто берёт каждый необработанный лид и к какому сроку?'],
  ])('should write the agenda in %s', (language, topic, decide) => {
    const part = sampleAgenda(language);
    const grid = renderAgendaTab({ part, language, timeZone: TZ });
    const items = named(grid, NAMED_RANGES.agenda);
    expect(items[0]?.[1]).toBe(topic);
    expect(items[1]?.[4]).toBe(decide);
    expect(items[1]?.[1]).toBe(part.sections[0]?.title);
  });
});
