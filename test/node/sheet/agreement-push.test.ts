import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAgreementBase, readPendingEdits } from '../../../apps-script/src/agreement/pending-edits';
import { PROBLEM_COLOUR } from '../../../apps-script/src/agreement/push-edits';
import { buildAddon } from '../../../scripts/sheets-build.mjs';
import type { Agreement } from '../../../worker/domain/agreement/schema';
import { catalogueOf } from '../../../worker/domain/i18n';
import { OWNER_HEADER_COLOURS } from '../../../worker/domain/sheet/columns';
import { startWorkerServer, type WorkerServer } from '../worker-server';
import { appsScriptContext, loadBundle } from './fakes/apps-script-globals';
import { FakeProperties, type FakeServices, fakeServices } from './fakes/fake-services';
import type { FakeSheet } from './fakes/fake-spreadsheet';
import { SyncFetcher } from './fakes/sync-fetch';
import { api, type SeededTeam, seedTeam } from './team-seed';

/**
 * The agreement tabs from the built bundle in a bare V8 context with the
 * faithful fakes, against the real Worker: refreshed from the draft, edited
 * in the grid, pushed under the clicking person's token.
 */
let server: WorkerServer;
let fetcher: SyncFetcher;

beforeAll(async () => {
  [server] = await Promise.all([startWorkerServer(), buildAddon()]);
  fetcher = new SyncFetcher();
}, 180_000);

afterAll(async () => {
  await fetcher?.close();
  await server?.dispose();
});

type Globals = Record<string, (...args: unknown[]) => unknown>;
const TABS = ['glossary', 'icp', 'scoring', 'rules'] as const;

async function sheetFor(team: SeededTeam, token: string) {
  const fake = fakeServices({ fetcher });
  fake.documentProperties.values.set('LEADPACT_API_URL', server.url);
  const userProperties = new FakeProperties(fake.log, 'UserProperties');
  userProperties.values.set('LEADPACT_TOKEN', token);
  const person: FakeServices = { ...fake, userProperties, services: { ...fake.services, userProperties } };
  const globals = (await loadBundle(appsScriptContext(person))) as Globals;
  void team;
  return { fake, globals, services: person.services };
}

async function draftOf(team: SeededTeam) {
  const res = await api(team.url, 'GET', '/v1/agreement/draft', team.admin);
  return res.body as unknown as { content: Agreement; etag: string; revision: number };
}

/** The 1-based row whose column `column` shows `text`, at or after row `after`. */
function rowOf(sheet: FakeSheet, text: string, after = 1, column = 1): number {
  for (let row = after; row <= 1000; row++) if (sheet.peek(row, column)?.value === text) return row;
  throw new Error(`no "${text}" in ${sheet.name}`);
}

const puts = (fake: FakeServices) => fake.fetches.filter((f) => f.method === 'PUT');

describe('the agreement tabs', () => {
  it('should be written from the draft in one setValues each, with dropdowns, owner colours and a stored base, and not again when nothing changed', async () => {
    const team = await seedTeam(server.url, server.adminSecret);
    const { fake, globals, services } = await sheetFor(team, team.members.marketing.token);
    globals.refreshNow?.();
    const names = catalogueOf('en').sheet.frame.tabs;
    for (const tab of TABS) {
      expect(fake.log.count('Range.setValues', names[tab])).toBe(1);
      expect(fake.spreadsheet.sheet(names[tab]).frozenRows).toBe(2);
    }
    const rules = fake.spreadsheet.sheet('Rules');
    const hours = rowOf(rules, 'Business hours');
    expect(rules.peek(hours + 2, 1)?.value).toBe('Monday');
    expect(rules.peek(hours + 2, 2)?.value).toBe('09:00');
    expect(rules.peek(hours + 2, 1)?.validation?.values).toEqual([
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
      'Sunday',
    ]);
    const reasons = rowOf(rules, 'Rejection reasons');
    expect(rules.peek(reasons + 2, 3)?.validation?.values).toContain('need');
    const sla = rowOf(rules, 'Handoff SLA');
    expect(rules.peek(sla + 1, 1)?.background).toBe(OWNER_HEADER_COLOURS.system);
    expect(rules.peek(sla + 1, 2)?.background).toBe(OWNER_HEADER_COLOURS.editable);
    const icp = fake.spreadsheet.sheet('ICP');
    expect(icp.peek(rowOf(icp, 'ICP criteria') + 2, 6)?.validation?.values).toEqual(['required', 'weighted']);
    const draft = await draftOf(team);
    const base = readAgreementBase(services);
    expect(base?.etag).toBe(draft.etag);
    expect(base?.rendered).toBe(true);
    expect(base?.content).toEqual(draft.content);

    fake.log.reset();
    globals.refreshAll?.();
    for (const tab of TABS) expect(fake.log.count('Range.setValues', names[tab])).toBe(0);

    // A sheet refreshed before these tabs existed holds the agreement's version but no base: the timer writes them.
    fake.spreadsheet.sheets.splice(
      fake.spreadsheet.sheets.findIndex((s) => s.name === '_leadpact_base'),
      1,
    );
    fake.spreadsheet.sheets.splice(
      fake.spreadsheet.sheets.findIndex((s) => s.name === 'Glossary'),
      1,
    );
    globals.refreshAll?.();
    expect(
      fake.spreadsheet.sheet('Glossary').peek(rowOf(fake.spreadsheet.sheet('Glossary'), 'lead'), 2)?.value,
    ).toBe('Lead');
    expect(readAgreementBase(services)?.etag).toBe(draft.etag);
  });

  it('should make an agreement edited in the grid the Worker’s draft, reading each tab once, under the person’s token', async () => {
    const team = await seedTeam(server.url, server.adminSecret);
    const { fake, globals, services } = await sheetFor(team, team.members.marketing.token);
    globals.refreshNow?.();
    const before = await draftOf(team);
    const glossary = fake.spreadsheet.sheet('Glossary');
    glossary.type(rowOf(glossary, 'lead'), 3, 'Anyone who asked us to call them back.');
    const icp = fake.spreadsheet.sheet('ICP');
    icp.type(rowOf(icp, 'company_size'), 5, '50; 500');
    const rules = fake.spreadsheet.sheet('Rules');
    // Typed like a person: Sheets turns these into a time and a date, and getValues gives Date objects back.
    rules.type(rowOf(rules, 'Monday'), 3, '18:00');
    rules.type(rowOf(rules, 'Holidays') + 2, 1, '2026-12-24');
    expect(rules.peek(rowOf(rules, 'Monday'), 3)?.value).toBe(0.75);

    fake.log.reset();
    fake.fetches.length = 0;
    const result = globals.pushAgreementEdits?.() as { ok: boolean; message: string };
    expect(result.ok).toBe(true);
    for (const tab of TABS)
      expect(fake.log.count('Range.getValues', catalogueOf('en').sheet.frame.tabs[tab])).toBe(1);
    expect(puts(fake)).toHaveLength(1);
    expect(puts(fake)[0]?.headers['if-match']).toBe(before.etag);
    expect(puts(fake)[0]?.headers.authorization).toBe(`Bearer ${team.members.marketing.token}`);

    const after = await draftOf(team);
    expect(after.revision).toBe(before.revision + 1);
    expect(after.content.glossary.terms.find((t) => t.key === 'lead')?.definition).toBe(
      'Anyone who asked us to call them back.',
    );
    expect(after.content.icp.criteria.find((c) => c.id === 'company_size')?.values).toEqual([50, 500]);
    expect(after.content.sla.businessHours.mon).toEqual({ open: '09:00', close: '18:00' });
    expect(after.content.sla.holidays).toEqual(['2026-12-24']);
    // Nothing the tabs do not show changed.
    expect(after.content.meetings).toEqual(before.content.meetings);
    expect(fake.ui.alerts.at(-1)).toBe(
      `Your edits are now the agreement draft (revision ${after.revision}). Propose it from the sidebar when both sides are ready.`,
    );
    // The tabs show what was accepted, and the next push goes against it.
    expect(rules.peek(rowOf(rules, 'Monday'), 3)?.value).toBe('18:00');
    expect(readAgreementBase(services)?.etag).toBe(after.etag);
  });

  it('should note and highlight bad cells in the team’s language and send nothing, clearing the notes of cells fixed since', async () => {
    const team = await seedTeam(server.url, server.adminSecret, { language: 'pl' });
    const { fake, globals } = await sheetFor(team, team.members.marketing.token);
    globals.refreshNow?.();
    const before = await draftOf(team);
    const icp = fake.spreadsheet.sheet('ICP');
    const criterion = rowOf(icp, 'company_size');
    icp.type(criterion, 3, 'a client who wants to buy');
    const rules = fake.spreadsheet.sheet('Zasady');
    const monday = rowOf(rules, 'poniedziałek');
    rules.type(monday, 3, '08:00');

    fake.fetches.length = 0;
    const first = globals.pushAgreementEdits?.() as { ok: boolean; message: string };
    expect(first.ok).toBe(false);
    expect(fake.fetches).toHaveLength(0);
    expect(fake.ui.alerts.at(-1)).toBe(
      '2 komórki trzeba poprawić, zanim umowa zostanie wysłana: zobacz ich notatki (podświetlone). Nic nie wysłano.',
    );
    expect(icp.peek(criterion, 3)?.note).toMatch(/^„a client who wants to buy” to wolny tekst/);
    expect(icp.peek(criterion, 3)?.background).toBe(PROBLEM_COLOUR);
    expect(rules.peek(monday, 3)?.note).toBe(
      'Koniec o 08:00 nie jest po początku o 09:00: godzina zamknięcia musi być późniejsza.',
    );
    expect(rules.peek(monday, 3)?.background).toBe(PROBLEM_COLOUR);

    icp.type(criterion, 3, 'employees');
    globals.pushAgreementEdits?.();
    expect(fake.fetches).toHaveLength(0);
    expect(icp.peek(criterion, 3)?.note).toBe('');
    expect(icp.peek(criterion, 3)?.background).toBe('#ffffff');
    expect(rules.peek(monday, 3)?.note).not.toBe('');
    expect((await draftOf(team)).revision).toBe(before.revision);

    rules.type(monday, 3, '16:00');
    const fixed = globals.pushAgreementEdits?.() as { ok: boolean };
    expect(fixed.ok).toBe(true);
    expect(puts(fake)).toHaveLength(1);
    expect(rules.peek(monday, 3)?.note).toBe('');
    expect((await draftOf(team)).content.sla.businessHours.mon).toEqual({ open: '09:00', close: '16:00' });
  });

  it('should change nothing on either side when the draft changed since the refresh, keep mine for the conflict view, and keep the tabs through the next refresh', async () => {
    const team = await seedTeam(server.url, server.adminSecret);
    const { fake, globals, services } = await sheetFor(team, team.members.marketing.token);
    globals.refreshNow?.();
    const base = await draftOf(team);
    // Sam changes the draft through the API after Mia's refresh.
    const theirs = structuredClone(base.content);
    theirs.sla.minAttempts = 4;
    const put = await api(team.url, 'PUT', '/v1/agreement/draft', team.members.sales.token, theirs, {
      'if-match': base.etag,
    });
    expect(put.status).toBe(200);
    const glossary = fake.spreadsheet.sheet('Glossary');
    const lead = rowOf(glossary, 'lead');
    glossary.type(lead, 3, 'Anyone who left a phone number.');

    fake.fetches.length = 0;
    const result = globals.pushAgreementEdits?.() as { ok: boolean; stale: boolean };
    expect(result).toMatchObject({ ok: false, stale: true });
    expect(puts(fake).map((f) => f.status)).toEqual([412]);
    const now = await draftOf(team);
    expect(now.etag).toBe(put.body.etag);
    expect(now.content.glossary).toEqual(base.content.glossary);
    expect(glossary.peek(lead, 3)?.value).toBe('Anyone who left a phone number.');
    const pending = readPendingEdits(services);
    expect(pending?.baseEtag).toBe(base.etag);
    expect(pending?.base).toEqual(base.content);
    expect(pending?.mine.glossary.terms.find((t) => t.key === 'lead')?.definition).toBe(
      'Anyone who left a phone number.',
    );
    expect(pending?.mine.sla.minAttempts).toBe(3);
    expect(fake.ui.sidebars.at(-1)?.title).toBe('The agreement changed since your last refresh');

    // The timer's refresh sees the draft moved and the tabs edited here: it keeps them and says so.
    globals.refreshAll?.();
    expect(glossary.peek(lead, 3)?.value).toBe('Anyone who left a phone number.');
    expect(glossary.peek(1, 1)?.value).toBe(catalogueOf('en').sheet.frame.localEdits);
    expect(readAgreementBase(services)?.etag).toBe(base.etag);
  });
});
