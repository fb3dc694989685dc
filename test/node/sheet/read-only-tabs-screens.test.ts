import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabContext } from '../../../apps-script/src/grid';
import { writeGridTab } from '../../../apps-script/src/tabs/grid-tab';
import { catalogueOf } from '../../../worker/domain/i18n';
import { renderAgreementTab } from '../../../worker/domain/sheet/agreement-tab';
import { renderReportTab } from '../../../worker/domain/sheet/report-tab';
import { launchChromium } from '../chromium';
import { fakeServices } from './fakes/fake-services';
import { WRITE_CALLS } from './fakes/fake-spreadsheet';
import { gridHtml } from './fakes/render-grid';
import { sampleAgreement, sampleReport, TZ } from './read-only-fixtures';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  await mkdir('docs', { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

function context(fake: ReturnType<typeof fakeServices>): TabContext {
  return {
    spreadsheet: fake.spreadsheet,
    language: 'en',
    texts: catalogueOf('en').sheet.frame,
    timeZone: TZ,
    freshness: 'LeadPact · refreshed 20 Mar 2026, 11:05 from leadpact.example.com',
  };
}

/** What a cell shows in the rendered page. */
function shownAt(page: import('playwright-core').Page, row: number, column: number) {
  return page.$eval(`td[data-row="${row}"][data-column="${column}"]`, (td) => td.textContent);
}

describe('the read-only tabs as the team sees them', () => {
  it('should write the Agreement tab in one write and a few format calls, and render a screenshot', async () => {
    const fake = fakeServices();
    fake.log.reset();
    writeGridTab(
      context(fake),
      'agreement',
      renderAgreementTab({ part: sampleAgreement, language: 'en', timeZone: TZ }),
    );
    expect(fake.log.count('Range.setValues', 'Agreement')).toBe(1);
    expect(fake.log.count('Range.getValues')).toBe(0);
    // A fixed number of calls however many rows: values, formats, weights, backgrounds, row 1's colour, frozen rows,
    // five column widths on a new tab, one name added per named range, and the tab itself.
    expect(
      [...fake.log.counts].filter(([name]) => WRITE_CALLS.has(name)).reduce((n, [, c]) => n + c, 0),
    ).toBe(1 + 1 + 1 + 1 + 1 + 1 + 5 + 2 + 1);
    const sheet = fake.spreadsheet.sheet('Agreement');
    const page = await browser.newPage({ viewport: { width: 1180, height: 200 } });
    await page.setContent(gridHtml(sheet, { columns: 5, overflowText: true }));
    const grid = sheet.dump();
    const at = (label: string) => grid.findIndex((r) => r[0] === label) + 1;
    expect(await shownAt(page, at('Status'), 2)).toBe('In force');
    expect(await shownAt(page, at('Active version'), 4)).toBe('2026-03-02 10:30');
    expect(await shownAt(page, at('Still needs a signature from'), 2)).toBe('Sales, Management');
    await page.screenshot({ path: 'docs/sheet-agreement.png', fullPage: true });
    await page.close();
  });

  it('should show money with the currency sign and rates as percentages, and render a screenshot', async () => {
    const fake = fakeServices();
    writeGridTab(
      context(fake),
      'report',
      renderReportTab({ part: sampleReport(), language: 'en', timeZone: TZ }),
    );
    const sheet = fake.spreadsheet.sheet('Report');
    const page = await browser.newPage({ viewport: { width: 1500, height: 200 } });
    await page.setContent(gridHtml(sheet, { columns: 11, overflowText: true }));
    const grid = sheet.dump();
    const at = (label: string) => grid.findIndex((r) => r[0] === label) + 1;
    expect(await shownAt(page, at('Won revenue'), 2)).toBe('€25,000.00');
    expect(await shownAt(page, at('Lead → MQL'), 2)).toBe('33.3%');
    expect(await shownAt(page, at('Leads'), 2)).toBe('12');
    expect(await shownAt(page, at('Website form'), 7)).toBe('€25,000.00');
    await page.screenshot({ path: 'docs/sheet-report.png', fullPage: true });
    await page.close();
  });
});
