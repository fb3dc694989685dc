import { describe, expect, it } from 'vitest';
import { ADMIN_SECRET, call, WAIT_FOR_LEAD } from './harness';
import { calls, DEPLOYMENT_EMAIL, gridOf, LEAD_KEYS, newSpreadsheet, resetCalls } from './sheet-fixtures';
import { runCron } from './sla-fixtures';

/**
 * Google allows 60 write and 60 read requests a minute per service account,
 * and the deployment's account serves every team that did not bring its own.
 */
describe('a hundred sheets on one service account', { timeout: 300_000 }, () => {
  it('should never exceed the per-minute quota, and write every sheet within two minutes', async () => {
    const teams: { token: string; spreadsheetId: string; leadId: string }[] = [];
    for (let i = 0; i < 100; i++) {
      const ws = await call('POST', '/v1/workspaces', {
        token: ADMIN_SECRET,
        json: { name: `Team ${i}`, timezone: 'Europe/Warsaw', language: 'en', country: 'PL' },
      });
      const { adminToken: token } = (await ws.json()) as { adminToken: string };
      const source = await call('POST', '/v1/sources', {
        token,
        json: { name: 'Form', provider: 'generic', origin: 'marketing', createsLead: true },
      });
      const { id: sourceId } = (await source.json()) as { id: string };
      const spreadsheetId = await newSpreadsheet();
      expect((await call('PUT', '/v1/sheet/connection', { token, json: { spreadsheetId } })).status).toBe(
        201,
      );
      const lead = await call('POST', `/v1/intake/${sourceId}`, {
        token,
        json: { email: `buyer@team${i}.pl`, firstName: 'Ola', lastName: `Team${i}`, consent: true },
        headers: WAIT_FOR_LEAD,
      });
      const { leadId } = (await lead.json()) as { leadId: string };
      teams.push({ token, spreadsheetId, leadId });
    }
    const written = async () => {
      let n = 0;
      for (const t of teams) {
        if ((await gridOf(t.spreadsheetId)).some((r) => r[LEAD_KEYS.indexOf('lead_id')] === t.leadId)) n += 1;
      }
      return n;
    };
    const spent = async () => {
      const mine = (await calls()).filter((c) => c.account === DEPLOYMENT_EMAIL);
      return {
        reads: mine.filter((c) => c.kind === 'read').length,
        writes: mine.filter((c) => c.kind === 'write').length,
      };
    };

    await resetCalls();
    await runCron('2026-12-02T09:00:00Z');
    expect(await spent()).toEqual({ reads: 60, writes: 60 });
    expect(await written()).toBe(60);

    // A second sweep in the same minute (a retry, an overlap) finds the minute spent.
    await resetCalls();
    await runCron('2026-12-02T09:00:00Z');
    expect(await spent()).toEqual({ reads: 0, writes: 0 });
    expect(await written()).toBe(60);

    // The next minute writes the forty that waited, first.
    await resetCalls();
    await runCron('2026-12-02T09:01:00Z');
    expect(await spent()).toEqual({ reads: 40, writes: 40 });
    expect(await written()).toBe(100);
  });
});
