import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAddon } from '../../../scripts/sheets-build.mjs';
import { FUNNEL_STAGES } from '../../../worker/domain/funnel';
import { FUNNEL_COLUMNS, INPUT_NAMES, inputRow, stageRow } from '../../../worker/domain/sheet/funnel-tab';
import { startWorkerServer, type WorkerServer } from '../worker-server';
import { appsScriptContext, loadBundle } from './fakes/apps-script-globals';
import { type FakeServices, fakeServices } from './fakes/fake-services';
import { WRITE_CALLS } from './fakes/fake-spreadsheet';
import { evaluateSpreadsheet } from './fakes/formula-engine';
import { SyncFetcher } from './fakes/sync-fetch';
import { api, type SeededTeam, seedMql, seedTeam } from './team-seed';

/**
 * The Funnel plan tab from the built bundle in a bare V8 context, against the
 * real Worker holding a stored plan: formulas and inputs land, the chart goes
 * in once, an unchanged plan writes nothing, and the manager's what-if
 * survives a refresh unless LeadPact's plan changed that very input.
 */
let server: WorkerServer;
let team: SeededTeam;
const fetcher = new SyncFetcher();
let fake: FakeServices;
let addon: Record<string, (...args: unknown[]) => unknown>;
const TAB = 'Funnel plan';
const year = String(new Date().getUTCFullYear());
const plan = {
  revenueTarget: 1_000_000,
  averageDealSize: 20_000,
  rates: { mql_sql: 0.5, opportunity_won: 0.5 },
  marketingBudget: 60_000,
  currency: 'EUR',
};

async function putPlan(body: unknown) {
  const res = await api(team.url, 'PUT', `/v1/funnel/plans/${year}`, team.members.management.token, body);
  expect(res.status).toBeLessThan(300);
  return res.body as { plan: { stages: Record<string, number> } };
}

function refresh() {
  return addon.refreshAll?.() as { ok: boolean; written: string[]; message: string };
}

function whatIf(key: Parameters<typeof inputRow>[0]) {
  return fake.spreadsheet.sheet(TAB).peek(inputRow(key), FUNNEL_COLUMNS.whatIf);
}

beforeAll(async () => {
  await buildAddon();
  server = await startWorkerServer();
  team = await seedTeam(server.url, server.adminSecret);
  await seedMql(team);
  await putPlan(plan);
  fake = fakeServices({ fetcher });
  addon = await loadBundle(appsScriptContext(fake));
  addon.saveConnection?.({ apiUrl: server.url, token: team.members.management.token });
}, 240_000);

afterAll(async () => {
  await fetcher.close();
  await server?.dispose();
});

describe('the Funnel plan tab from the built add-on', () => {
  it('should write inputs, live formulas and actuals in one write, and insert the chart', () => {
    fake.log.reset();
    const result = refresh();
    expect(result.ok).toBe(true);
    expect(result.written).toContain('funnel');
    expect(fake.log.count('Range.setValues', TAB)).toBe(1);
    // A new tab has nothing to keep: no read.
    expect(fake.log.count('Range.getValues', TAB)).toBe(0);
    expect(fake.log.count('Sheet.insertChart', TAB)).toBe(1);
    const sheet = fake.spreadsheet.sheet(TAB);
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]?.type).toBe('BAR');
    expect(sheet.charts[0]?.ranges).toEqual([
      `A${stageRow('lead') - 1}:A${stageRow('won')}`,
      `C${stageRow('lead') - 1}:C${stageRow('won')}`,
      `D${stageRow('lead') - 1}:D${stageRow('won')}`,
    ]);
    expect(sheet.peek(1, 1)?.value).toMatch(/^LeadPact · refreshed /);
    expect(whatIf('revenueTarget')?.value).toBe(1_000_000);
    expect(whatIf('mql_sql')?.value).toBe(0.5);
    expect(whatIf('lead_mql')?.value).toBe(1);
    expect(whatIf('lead_mql')?.validation).toMatchObject({ between: [0.000001, 1], allowInvalid: false });
    expect(whatIf('periodStart')?.validation).toMatchObject({ date: true, allowInvalid: false });
    expect(sheet.peek(inputRow('revenueTarget'), FUNNEL_COLUMNS.whatIf)?.numberFormat).toBe('[$€]#,##0.00');
    for (const stage of FUNNEL_STAGES)
      expect(sheet.peek(stageRow(stage), FUNNEL_COLUMNS.whatIf)?.formula).toMatch(/^=CEILING\(/);
    expect(
      [...fake.spreadsheet.namedRanges.keys()].filter((n) => n.startsWith('LeadPact_Plan_')).sort(),
    ).toEqual(Object.values(INPUT_NAMES).sort());
    for (const name of Object.values(INPUT_NAMES))
      expect(fake.spreadsheet.namedRanges.get(name)).toMatch(new RegExp(`^${TAB}!C\\d+$`));

    // The formulas, evaluated, give the Worker's own numbers written beside them; the MQL seeded is an actual.
    const engine = evaluateSpreadsheet(fake.spreadsheet, { now: Date.now() / 86_400_000 + 25_569 });
    for (const stage of FUNNEL_STAGES) {
      const row = stageRow(stage);
      expect(engine.value(TAB, row, FUNNEL_COLUMNS.whatIf)).toBe(sheet.peek(row, FUNNEL_COLUMNS.plan)?.value);
    }
    expect(sheet.peek(stageRow('won'), FUNNEL_COLUMNS.plan)?.value).toBe(50);
    expect(sheet.peek(stageRow('mql'), FUNNEL_COLUMNS.plan)?.value).toBe(200);
    expect(sheet.peek(stageRow('mql'), 4)?.value).toBe(1);
    expect(engine.value(TAB, stageRow('lead'), 8)).toBe(300);
  });

  it('should write nothing when the plan did not change', () => {
    fake.log.reset();
    const result = refresh();
    expect(result.ok).toBe(true);
    expect(result.written).toEqual([]);
    expect(fake.log.writes()).toBe(0);
    expect(fake.log.count('Range.getValues')).toBe(0);
    expect(fake.log.count('Sheet.newChart')).toBe(0);
  });

  it('should keep the manager’s what-if, formulas included, unless LeadPact changed that input', async () => {
    const sheet = fake.spreadsheet.sheet(TAB);
    // The manager plays: a bigger target, a formula for the lead rate, a note of their own beside the table.
    sheet.type(inputRow('revenueTarget'), FUNNEL_COLUMNS.whatIf, 1_500_000);
    sheet.type(inputRow('lead_mql'), FUNNEL_COLUMNS.whatIf, '=0.25*2');
    sheet.type(3, 10, '=C6/2');
    sheet.type(inputRow('mql_sql'), FUNNEL_COLUMNS.whatIf, 0.4);
    // LeadPact's plan changes the deal size and the MQL→SQL rate; the target stays.
    await putPlan({ ...plan, averageDealSize: 25_000, rates: { mql_sql: 0.6, opportunity_won: 0.5 } });
    fake.log.reset();
    const result = refresh();
    expect(result.written).toContain('funnel');
    expect(fake.log.count('Range.getValues', TAB)).toBe(1);
    expect(fake.log.count('Range.getFormulas', TAB)).toBe(1);
    expect(fake.log.count('Range.setValues', TAB)).toBe(1);
    expect(fake.log.count('Sheet.insertChart', TAB)).toBe(0);
    expect(sheet.charts).toHaveLength(1);

    expect(whatIf('revenueTarget')?.value).toBe(1_500_000);
    expect(whatIf('lead_mql')?.formula).toBe('=0.25*2');
    expect(sheet.peek(3, 10)?.formula).toBe('=C6/2');
    // Changed in LeadPact: the plan's new value replaces the what-if.
    expect(whatIf('averageDealSize')?.value).toBe(25_000);
    expect(whatIf('mql_sql')?.value).toBe(0.6);
    expect(sheet.peek(inputRow('averageDealSize'), FUNNEL_COLUMNS.plan)?.value).toBe(25_000);

    // The needs follow the what-if: 1,500,000 / 25,000 = 60 won, 120 opportunities and SQLs, 200 MQLs, 400 leads.
    const engine = evaluateSpreadsheet(fake.spreadsheet, { now: Date.now() / 86_400_000 + 25_569 });
    const need = (stage: (typeof FUNNEL_STAGES)[number]) => engine.value(TAB, stageRow(stage), 3);
    expect([need('won'), need('opportunity'), need('sql'), need('mql'), need('lead')]).toEqual([
      60, 120, 120, 200, 400,
    ]);
    // … while LeadPact's own column shows the stored plan: 40 won.
    expect(sheet.peek(stageRow('won'), FUNNEL_COLUMNS.plan)?.value).toBe(40);
  });

  it('should write nothing again once the new plan is in', () => {
    fake.log.reset();
    expect(refresh().written).toEqual([]);
    expect([...fake.log.counts].filter(([name]) => WRITE_CALLS.has(name))).toEqual([]);
  });
});
