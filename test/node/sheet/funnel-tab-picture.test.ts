import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StageActuals } from '../../../worker/domain/reports/plan';
import { FUNNEL_COLUMNS, inputRow, stageRow } from '../../../worker/domain/sheet/funnel-tab';
import { launchChromium } from '../chromium';
import { evaluateSpreadsheet } from './fakes/formula-engine';
import { gridHtml } from './fakes/render-grid';
import { planPart, tabOf } from './funnel-plan-part';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  await mkdir('docs', { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

describe('the Funnel plan tab as the manager sees it', () => {
  it('should render the formulas’ results and the chart, and save a screenshot', async () => {
    const now = new Date('2026-05-20T09:00:00Z');
    const actualByMonth = new Map<string, StageActuals>([
      ['2026-04', { lead: 70, mql: 41, sql: 17, opportunity: 9, won: 3, revenue: 66_000 }],
      ['2026-05', { lead: 38, mql: 22, sql: 10, opportunity: 6, won: 2, revenue: 41_500 }],
    ]);
    const part = planPart(
      {
        revenueTarget: 300_000,
        averageDealSize: 20_000,
        rates: { lead_mql: 0.6, mql_sql: 0.5, sql_opportunity: 0.6, opportunity_won: 0.5 },
        marketingBudget: 45_000,
      },
      '2026-Q2',
      now,
      actualByMonth,
    );
    const { fake, sheet, name } = tabOf(part);
    // The manager tries a higher win rate in the what-if column.
    sheet.type(inputRow('opportunity_won'), FUNNEL_COLUMNS.whatIf, 0.6);
    const engine = evaluateSpreadsheet(fake.app.spreadsheet, { now: now.getTime() / 86_400_000 + 25_569 });
    const results = (row: number, column: number) => engine.value(name, row, column);

    // The chart from its own ranges (stage labels, what-if needs, actuals), drawn where Sheets anchors it.
    const chart = sheet.charts[0];
    expect(chart?.ranges).toHaveLength(3);
    const stages = ['lead', 'mql', 'sql', 'opportunity', 'won'] as const;
    const bars = stages.map((stage) => ({
      label: String(results(stageRow(stage), 1)),
      needed: Number(results(stageRow(stage), 3)),
      actual: Number(results(stageRow(stage), 4)),
    }));
    const most = Math.max(...bars.map((b) => Math.max(b.needed, b.actual)));
    const aside = `<div id="chart" style="position:absolute;background:#fff;border:1px solid #dadce0;padding:8px 12px;width:380px;font:12px Arial">
      <div style="font-weight:bold;margin-bottom:6px">${escapeHtml(String(chart?.options.title ?? ''))}</div>
      ${bars
        .map(
          (
            b,
          ) => `<div style="display:flex;align-items:center;margin:3px 0"><span style="width:90px">${escapeHtml(b.label)}</span>
          <span style="display:inline-block"><div style="height:9px;width:${(260 * b.needed) / most}px;background:#4285f4"></div>
          <div style="height:9px;width:${(260 * b.actual) / most}px;background:#ea4335;margin-top:1px"></div></span></div>`,
        )
        .join('')}
      <div style="color:#5f6368;margin-top:6px"><span style="color:#4285f4">■</span> ${escapeHtml(String(results(stageRow('lead') - 1, 3)))}
        <span style="color:#ea4335">■</span> ${escapeHtml(String(results(stageRow('lead') - 1, 4)))}</div></div>`;
    const page = await browser.newPage({ viewport: { width: 1500, height: 700 } });
    await page.setContent(gridHtml(sheet, { columns: 14, results, aside, overflowText: true }));
    const anchor = chart?.position ?? { row: 1, column: 1 };
    await page.evaluate(
      ([row, column]) => {
        const doc = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document;
        type Box = { getBoundingClientRect(): { left: number; top: number } };
        const td = doc.querySelector(`td[data-row="${row}"][data-column="${column}"]`) as Box | null;
        const box = doc.querySelector('#chart') as (Box & { style: Record<string, string> }) | null;
        if (td && box) {
          box.style.left = `${td.getBoundingClientRect().left}px`;
          box.style.top = `${td.getBoundingClientRect().top}px`;
        }
      },
      [anchor.row, anchor.column],
    );
    const cell = (row: number, column: number) =>
      page.$eval(`td[data-row="${row}"][data-column="${column}"]`, (td) => td.textContent);
    // What the manager reads: 0.6 win rate → 25 won… computed by the formulas, shown with the tab's formats.
    expect(await cell(stageRow('won'), 3)).toBe(String(results(stageRow('won'), 3)));
    expect(await cell(inputRow('opportunity_won'), 3)).toBe('60.0%');
    expect(await cell(inputRow('revenueTarget'), 3)).toBe('€300,000.00');
    expect(await cell(stageRow('won'), 6)).toBe(String(results(stageRow('won'), 6)));
    await page.screenshot({ path: 'docs/sheet-funnel.png', fullPage: true });
    await page.close();
  });
});
