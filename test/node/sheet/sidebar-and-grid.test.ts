import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabContext } from '../../../apps-script/src/grid';
import { sidebarHtml } from '../../../apps-script/src/sidebar-html';
import { writeLeadsTab } from '../../../apps-script/src/tabs/leads-tab';
import { catalogueOf } from '../../../worker/domain/i18n';
import { leadRow, type SheetLeadSla, sheetLeadOf } from '../../../worker/domain/sheet/leads-layout';
import { launchChromium } from '../chromium';
import { fakeServices } from './fakes/fake-services';
import { gridHtml } from './fakes/render-grid';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  await mkdir('docs', { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** A `google.script.run` stand-in: records calls and answers like the script would. */
const STUB = `
  window.calls = [];
  const answers = {
    getConnection: () => ({ apiUrl: '', hasToken: false }),
    saveConnection: (input) => ({ apiUrl: input.apiUrl, hasToken: true }),
    testConnection: () => ({
      ok: true, message: 'Connected.',
      workspace: { name: '<img src=x onerror="window.pwned=1">Stalmet', language: 'pl' },
      caller: { role: 'sales', memberName: 'Sorin Popescu' },
    }),
    refreshNow: () => ({ ok: true, message: 'Refreshed', written: ['leads'] }),
    forgetToken: () => ({ apiUrl: 'https://leadpact.example.com', hasToken: false }),
    getLiveSheetStatus: () => ({
      ok: true, connected: true, state: 'stopped', serviceAccountEmail: 'push@demo.iam.gserviceaccount.com',
      lastError: 'Arkusz nie jest udostępniony kontu <b>push</b>.',
    }),
    keepSheetLive: () => ({ ok: true, message: 'Connected.', serviceAccountEmail: 'push@demo.iam.gserviceaccount.com', state: 'active' }),
  };
  function runner(success, failure) {
    return new Proxy({}, {
      get(_, name) {
        if (name === 'withSuccessHandler') return (f) => runner(f, failure);
        if (name === 'withFailureHandler') return (f) => runner(success, f);
        return (...args) => {
          window.calls.push([name, ...args]);
          setTimeout(() => success && success(answers[name](...args)), 0);
        };
      },
    });
  }
  window.google = { script: { run: runner(null, null) } };
`;

describe('the connect sidebar in Chromium', () => {
  it('should save the connection and show who is connected, in the workspace language, as text', async () => {
    const page = await browser.newPage();
    await page.setContent(
      sidebarHtml(catalogueOf('pl').sheet.sidebar).replace('<head>', `<head><script>${STUB}</script>`),
    );
    await expect
      .poll(() => page.evaluate(() => (globalThis as unknown as { calls: unknown[][] }).calls[0]?.[0]))
      .toBe('getConnection');
    expect(await page.textContent('#apiUrlLabel')).toBe('Adres API');
    expect(await page.textContent('#tokenHint')).toBe('Poproś administratora LeadPact o osobisty token.');
    await page.fill('#apiUrl', 'https://leadpact.example.com');
    await page.fill('#token', 'lp_secret');
    await page.click('#save');
    await expect.poll(() => page.textContent('#status')).toBe('Zapisano.');
    const calls = await page.evaluate(() => (globalThis as unknown as { calls: unknown[][] }).calls);
    // On open the sidebar also asks for the live push's status (and says why it stopped, as text).
    expect(calls[1]).toEqual(['getLiveSheetStatus']);
    expect(await page.textContent('#live')).toBe(
      'Aktualizacja arkusza ma problem: Arkusz nie jest udostępniony kontu <b>push</b>.',
    );
    expect(await page.$('#live b')).toBeNull();
    expect(calls.find((call) => call[0] === 'saveConnection')).toEqual([
      'saveConnection',
      { apiUrl: 'https://leadpact.example.com', token: 'lp_secret' },
    ]);
    expect(await page.inputValue('#token')).toBe('');
    expect(await page.textContent('#tokenHint')).toBe(
      'Twój token jest zapisany. Zostaw puste, aby go zachować.',
    );
    await page.click('#test');
    await expect
      .poll(() => page.textContent('#status'))
      .toBe('Połączono: <img src=x onerror="window.pwned=1">Stalmet · sprzedaż · Sorin Popescu');
    expect(await page.evaluate(() => (globalThis as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.$('#status img')).toBeNull();
    await page.click('#keepLive');
    await expect
      .poll(() => page.textContent('#status'))
      .toBe('Prawie gotowe: udostępnij ten arkusz jako edytor adresowi push@demo.iam.gserviceaccount.com.');
    await page.setViewportSize({ width: 300, height: 640 });
    await page.screenshot({ path: 'docs/sheet-sidebar.png' });
    await page.close();
  });
});

describe('the Leads grid as the team sees it', () => {
  it('should colour breached rows red, due soon amber and met green, and render a screenshot', async () => {
    const fake = fakeServices();
    const context: TabContext = {
      spreadsheet: fake.spreadsheet,
      language: 'en',
      texts: catalogueOf('en').sheet.frame,
      timeZone: 'Europe/Warsaw',
      freshness: 'LeadPact · refreshed 2 Mar 2026, 11:05 from leadpact.example.com',
    };
    const people: Array<[string, string, string, SheetLeadSla, number]> = [
      [
        'Jan',
        'Kowalski',
        'Stalmet',
        {
          next: { kind: 'first_touch', dueAt: '2026-03-02T09:00:00Z', status: 'breached' },
          worst: 'breached',
        },
        0,
      ],
      [
        'Ioana',
        'Pop',
        'Fabrica SRL',
        {
          next: { kind: 'first_touch', dueAt: '2026-03-02T10:30:00Z', status: 'due_soon' },
          worst: 'due_soon',
        },
        0,
      ],
      [
        'Olga',
        'Ivanova',
        'Zavod',
        { next: { kind: 'decision', dueAt: '2026-03-09T16:00:00Z', status: 'pending' }, worst: 'met' },
        3,
      ],
      [
        '=IMPORTXML("http://evil")',
        '',
        '+cmd',
        { next: { kind: 'first_touch', dueAt: '2026-03-02T15:00:00Z', status: 'pending' }, worst: 'pending' },
        0,
      ],
    ];
    const rows = people.map(([firstName, lastName, company, sla, attempts], i) =>
      leadRow(
        sheetLeadOf({
          id: `ld_01JQ${i}`,
          seq: 4 + attempts,
          stage: attempts > 0 ? 'sal' : 'mql',
          profile: {
            email: `${firstName.toLowerCase().slice(0, 4)}@example.com`,
            phone: '+48600100200',
            firstName,
            lastName,
            company,
          },
          ownerId: 'mb_anna',
          firstSourceId: 'src_web',
          campaign: 'webinar-q1',
          quadrant: i === 0 ? 'perfect' : 'fit',
          marketingTemperature: 'hot',
          salesTemperature: null,
          sales: {
            attempts,
            firstAttemptAt: attempts > 0 ? '2026-03-02T08:15:00Z' : null,
            reachedAt: null,
            acceptedAt: attempts > 0 ? '2026-03-02T09:40:00Z' : null,
            sqlAt: null,
            opportunityAt: null,
            wonAt: null,
            closedAt: null,
          },
        }),
        sla,
        {
          language: 'en',
          timeZone: 'Europe/Warsaw',
          memberNames: { mb_anna: 'Anna Kowalska' },
          sourceNames: { src_web: 'Website form' },
        },
      ),
    );
    writeLeadsTab(fake.services.spreadsheetApp, context, { rows, reasons: [], force: false });
    const sheet = fake.spreadsheet.sheet('Leads');
    const page = await browser.newPage({ viewport: { width: 1500, height: 230 } });
    await page.setContent(gridHtml(sheet, { columns: 20 }));
    const background = (row: number) =>
      page.$eval(
        `td[data-row="${row}"][data-column="4"]`,
        (td) =>
          (
            globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }
          ).getComputedStyle(td).backgroundColor,
      );
    expect(await background(3)).toBe('rgb(244, 199, 195)');
    expect(await background(4)).toBe('rgb(252, 232, 178)');
    expect(await background(5)).toBe('rgb(183, 225, 205)');
    expect(await background(6)).toBe('rgba(0, 0, 0, 0)');
    expect(await page.$eval('td[data-row="6"][data-column="4"]', (td) => td.textContent)).toBe(
      '=IMPORTXML("http://evil")',
    );
    await page.screenshot({ path: 'docs/sheet-leads.png', fullPage: true });
    await page.close();
  });
});
