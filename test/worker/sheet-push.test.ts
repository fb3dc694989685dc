import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatInstant } from '../../worker/domain/i18n';
import { call, createTestWorkspace, env } from './harness';
import { addMember } from './lead-fixtures';
import {
  calls,
  DEPLOYMENT_EMAIL,
  fake,
  gridOf,
  LEAD_KEYS,
  leadsTop,
  newSpreadsheet,
  newTeamKey,
  resetCalls,
} from './sheet-fixtures';
import { createSlaWorkspace, runCron, submitLeadAt } from './sla-fixtures';

/**
 * The live sheet (issue 14) end to end inside workerd: the real cron handler
 * writes to a fake Google served over HTTP on loopback (test/fake-sheets).
 */

type Grid = (string | number | boolean)[][];
const col = (key: string) => LEAD_KEYS.indexOf(key);
const rowOf = (grid: Grid, leadId: string) => grid.find((r) => r[col('lead_id')] === leadId);

async function connect(token: string, json: Record<string, unknown>) {
  const res = await call('PUT', '/v1/sheet/connection', { token, json });
  if (res.status !== 201 && res.status !== 200) throw new Error(`connect: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

async function status(token: string) {
  return (await call('GET', '/v1/sheet/status', { token })).json() as Promise<{
    state: string;
    lastPushAt: string | null;
    lastError: { code: string; message: string } | null;
    cursor: { events: number; transitions: number };
  }>;
}

const sheetCalls = async (spreadsheetId: string) =>
  (await calls()).filter((c) => c.spreadsheetId === spreadsheetId);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the minute cron keeps a connected sheet live', { timeout: 90_000 }, () => {
  it('should append new leads below the last used row and put a breach in the right row after the sheet was sorted', async () => {
    const ws = await createSlaWorkspace();
    // Someone moved their own column (Note) between two of ours, and a row of theirs is already there.
    const keys = LEAD_KEYS.filter((k) => k !== 'note');
    keys.splice(5, 0, 'note');
    const at = (key: string) => keys.indexOf(key);
    const manual = ['lead_manual', '', '', 'Someone typed by hand', '', 'call back friday'];
    const spreadsheetId = await newSpreadsheet({ grid: [...leadsTop(keys), manual] });
    await connect(ws.tokens.admin, { spreadsheetId });

    const early = await submitLeadAt(ws, '2026-11-23T08:00:00Z', { company: '=IMPORTXML("http://x","//a")' });
    const late1 = await submitLeadAt(ws, '2026-11-23T11:00:00Z');
    const late2 = await submitLeadAt(ws, '2026-11-23T11:00:00Z');
    await resetCalls();
    await runCron('2026-11-23T11:01:00Z');

    let grid = await gridOf(spreadsheetId);
    // Below the last used row, oldest first (the two late ones arrived in the same millisecond: by id).
    expect(grid.slice(3).map((r) => r[at('lead_id')])).toEqual([
      early.leadId,
      ...[late1.leadId, late2.leadId].sort(),
    ]);
    expect(grid[2]).toEqual(manual);
    expect(grid.slice(0, 2)).toEqual(leadsTop(keys));
    const first = rowOf(grid, early.leadId) ?? [];
    expect(first[at('stage')]).toBe('MQL');
    // 11:01Z is 12:01 in Warsaw: an hour before its 13:00 deadline, the sweep just marked it due soon.
    expect(first[at('sla_status')]).toBe('Due soon');
    expect(first[at('next_deadline')]).toBe('First touch');
    expect(rowOf(grid, late1.leadId)?.[at('sla_status')]).toBe('On time');
    // Form text lands as text, never as a formula.
    expect(first[at('company')]).toBe('=IMPORTXML("http://x","//a")');
    expect(grid.flat().some((cell) => String(cell).startsWith('FORMULA:'))).toBe(false);
    expect((await sheetCalls(spreadsheetId)).map((c) => [c.kind, c.status])).toEqual([
      ['read', 200],
      ['write', 200],
    ]);

    // Someone sorts the sheet and writes a note in the early lead's row.
    await fake(`sheets/${spreadsheetId}/sort`, { column: at('lead_id') });
    grid = await gridOf(spreadsheetId);
    const moved = grid.findIndex((r) => r[at('lead_id')] === early.leadId);
    expect(moved).not.toBe(3);
    (grid[moved] as (string | number | boolean)[])[at('note')] = 'left a voicemail';
    await fake(`sheets/${spreadsheetId}/grid`, { grid });

    // 12:00Z is 13:00 in Warsaw: the early lead's 4 business hours from 09:00 ran out at 13:00.
    await resetCalls();
    await runCron('2026-11-23T12:00:00Z');
    const after = await gridOf(spreadsheetId);
    expect(after.map((r) => r[at('lead_id')])).toEqual(grid.map((r) => r[at('lead_id')]));
    expect(after[moved]?.[at('sla_status')]).toBe('Breached');
    expect(after[moved]?.[at('note')]).toBe('left a voicemail');
    for (const id of [late1.leadId, late2.leadId])
      expect(rowOf(after, id)?.[at('sla_status')]).toBe('On time');
    const pushed = await sheetCalls(spreadsheetId);
    expect(pushed.map((c) => c.kind)).toEqual(['read', 'write']);
    // Only the breached lead's row, as two runs of our columns around the note.
    expect(pushed[1]?.ranges).toBe(2);

    const s = await status(ws.tokens.viewer);
    expect(s).toMatchObject({ state: 'active', lastError: null, lastPushAt: '2026-11-23T12:00:00.000Z' });
  });

  it('should rewrite the Owner of a lead a manager reassigned at the next minute, the new name as text, and no other row', async () => {
    const ws = await createSlaWorkspace();
    const spreadsheetId = await newSpreadsheet({ grid: leadsTop(LEAD_KEYS) });
    await connect(ws.tokens.admin, { spreadsheetId });
    const moved = await submitLeadAt(ws, '2026-11-23T08:00:00Z');
    const kept = await submitLeadAt(ws, '2026-11-23T08:00:00Z');
    await runCron('2026-11-23T08:01:00Z');
    const before = await gridOf(spreadsheetId);
    const repA = rowOf(before, moved.leadId)?.[col('owner')];
    expect(repA).toBeTruthy();

    const name = '=HYPERLINK("http://evil.test","x") Eve';
    const eve = await addMember(ws, 'sales', { name });
    const assigned = await call('POST', `/v1/leads/${moved.leadId}/actions`, {
      token: ws.tokens.manager,
      json: { type: 'assign', memberId: eve.memberId },
    });
    expect(assigned.status).toBe(200);
    await resetCalls();
    await runCron('2026-11-23T08:02:00Z');

    const after = await gridOf(spreadsheetId);
    expect(rowOf(after, moved.leadId)?.[col('owner')]).toBe(name);
    expect(rowOf(after, kept.leadId)).toEqual(rowOf(before, kept.leadId));
    expect(rowOf(after, kept.leadId)?.[col('owner')]).toBe(repA);
    expect(after.flat().some((cell) => String(cell).startsWith('FORMULA:'))).toBe(false);
    const pushed = await sheetCalls(spreadsheetId);
    expect(pushed.map((c) => c.kind)).toEqual(['read', 'write']);
    expect(pushed[1]?.ranges).toBe(1);
  });

  it('should write a thousand changed leads with one batch call, and rewrite them in place when they change', async () => {
    const ws = await createTestWorkspace();
    const spreadsheetId = await newSpreadsheet();
    await connect(ws.tokens.admin, { spreadsheetId });
    const rows = (stage: string) =>
      Array.from({ length: 1000 }, (_, i) => ({
        email: `buyer${i}@bulk${i % 37}.pl`,
        firstName: 'Anna',
        lastName: `Bulk${i}`,
        company: `Bulk ${i % 37}`,
        consent: true,
        stage,
      }));
    const imported = await call('POST', '/v1/import', {
      token: ws.tokens.marketing,
      json: { importKey: 'crm-a', rows: rows('lead') },
    });
    expect(imported.status).toBe(200);
    await resetCalls();
    await runCron('2026-11-24T10:00:00Z');
    let pushed = await sheetCalls(spreadsheetId);
    expect(pushed.filter((c) => c.kind === 'write')).toHaveLength(1);
    expect(pushed.filter((c) => c.kind === 'read')).toHaveLength(1);
    let grid = await gridOf(spreadsheetId);
    expect(grid).toHaveLength(1002);
    expect(new Set(grid.slice(2).map((r) => r[col('lead_id')])).size).toBe(1000);
    expect(grid.slice(2).every((r) => r[col('stage')] === 'Lead')).toBe(true);

    const again = await call('POST', '/v1/import', {
      token: ws.tokens.marketing,
      json: { importKey: 'crm-b', rows: rows('sql') },
    });
    expect(again.status).toBe(200);
    await resetCalls();
    await runCron('2026-11-24T10:01:00Z');
    pushed = await sheetCalls(spreadsheetId);
    const writes = pushed.filter((c) => c.kind === 'write');
    expect(writes).toHaveLength(1);
    expect(writes[0]?.bytes).toBeLessThan(2_000_000);
    grid = await gridOf(spreadsheetId);
    expect(grid).toHaveLength(1002);
    expect(grid.slice(2).every((r) => r[col('stage')] === 'SQL')).toBe(true);
  });

  it('should retry a 429 and a 500 with backoff and lose nothing', async () => {
    const ws = await createSlaWorkspace();
    const spreadsheetId = await newSpreadsheet();
    await connect(ws.tokens.admin, { spreadsheetId });
    const lead = await submitLeadAt(ws, '2026-11-25T08:00:00Z');
    await fake('fail', { spreadsheetId, statuses: [429, 500] });
    await resetCalls();
    await runCron('2026-11-25T08:01:00Z');
    // The read met the 429 and the 500, then went through; the write once.
    expect((await sheetCalls(spreadsheetId)).map((c) => [c.kind, c.status])).toEqual([
      ['read', 429],
      ['read', 500],
      ['read', 200],
      ['write', 200],
    ]);
    expect(rowOf(await gridOf(spreadsheetId), lead.leadId)?.[col('stage')]).toBe('MQL');
    expect((await status(ws.tokens.admin)).lastError).toBeNull();

    // Google stays busy past the retries: nothing moves, and the next minute writes it.
    const second = await submitLeadAt(ws, '2026-11-25T08:05:00Z');
    const before = (await status(ws.tokens.admin)).cursor;
    await fake('fail', { spreadsheetId, statuses: [429, 429, 429, 429] });
    await runCron('2026-11-25T08:06:00Z');
    const busy = await status(ws.tokens.admin);
    expect(busy.cursor).toEqual(before);
    expect(busy.lastError?.code).toBe('rate_limited');
    expect(busy.state).toBe('active');
    expect(rowOf(await gridOf(spreadsheetId), second.leadId)).toBeUndefined();
    await runCron('2026-11-25T08:08:00Z');
    expect(rowOf(await gridOf(spreadsheetId), second.leadId)?.[col('stage')]).toBe('MQL');
    expect((await status(ws.tokens.admin)).lastError).toBeNull();
  });

  it('should stop on a revoked key, say so in the workspace language, and resume from its cursor once fixed; no log line holds the key', async () => {
    const lines: string[] = [];
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        lines.push(args.map((a) => (typeof a === 'string' ? a : (JSON.stringify(a) ?? String(a)))).join(' '));
      });
    }
    const ws = await createSlaWorkspace({ language: 'pl' });
    const key = await newTeamKey(`sync-${ws.id.toLowerCase().slice(-8)}@stalmet.iam.gserviceaccount.com`);
    const spreadsheetId = await newSpreadsheet({ sharedWith: [key.client_email as string] });
    await connect(ws.tokens.admin, { spreadsheetId, serviceAccount: key });
    const a = await submitLeadAt(ws, '2026-11-26T08:00:00Z');
    await runCron('2026-11-26T08:01:00Z');
    expect(rowOf(await gridOf(spreadsheetId), a.leadId)).toBeDefined();
    const cursor = (await status(ws.tokens.admin)).cursor;

    await fake(`keys/${encodeURIComponent(key.client_email as string)}/revoke`, {});
    const b = await submitLeadAt(ws, '2026-11-26T08:10:00Z');
    await runCron('2026-11-26T08:11:00Z');
    const stopped = await status(ws.tokens.sales);
    expect(stopped.state).toBe('stopped');
    expect(stopped.cursor).toEqual(cursor);
    expect(stopped.lastError).toEqual({
      code: 'credential_rejected',
      message: `Google odrzucił klucz konta usługi ${key.client_email} (unieważniony lub usunięty). Prześlij nowy klucz albo usuń klucz zespołu, by użyć konta domyślnego.`,
      at: '2026-11-26T08:11:00.000Z',
    });
    // The weekly agenda puts it in front of the team, in their language.
    const agenda = (await (await call('GET', '/v1/agenda', { token: ws.tokens.manager })).json()) as {
      liveSheet: unknown;
      sections: { id: string; title: string; lines: string[] }[];
    };
    expect(agenda.liveSheet).toEqual({
      message: stopped.lastError?.message,
      since: '2026-11-26T08:01:00.000Z',
    });
    expect(agenda.sections.find((section) => section.id === 'live_sheet')).toEqual({
      id: 'live_sheet',
      title: 'Arkusz na żywo przestał się aktualizować',
      lines: [
        `Bez aktualizacji od ${formatInstant('pl', '2026-11-26T08:01:00.000Z', 'Europe/Warsaw')}: ${stopped.lastError?.message}`,
      ],
    });

    // Stopped: the next minutes send Google nothing for this sheet.
    await resetCalls();
    const c = await submitLeadAt(ws, '2026-11-26T08:20:00Z');
    await runCron('2026-11-26T08:21:00Z');
    expect(await sheetCalls(spreadsheetId)).toEqual([]);
    expect((await calls()).filter((x) => x.kind === 'token')).toEqual([]);

    // The admin uploads a new key for the same sheet: it resumes from the cursor, and both missed leads arrive.
    const fresh = await newTeamKey(key.client_email as string);
    const reconnected = await connect(ws.tokens.admin, { spreadsheetId, serviceAccount: fresh });
    expect(reconnected).toMatchObject({ state: 'active', cursor, lastError: null });
    await runCron('2026-11-26T08:22:00Z');
    const grid = await gridOf(spreadsheetId);
    expect([a, b, c].map((l) => rowOf(grid, l.leadId)?.[col('stage')])).toEqual(['MQL', 'MQL', 'MQL']);
    expect((await status(ws.tokens.admin)).state).toBe('active');
    const healed = (await (await call('GET', '/v1/agenda', { token: ws.tokens.manager })).json()) as {
      liveSheet: unknown;
    };
    expect(healed.liveSheet).toBeNull();

    const secrets = [key, fresh].map((k) => (k.private_key as string).split('\n')[1] as string);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      for (const secret of secrets) expect(line).not.toContain(secret);
      expect(line).not.toContain('PRIVATE KEY');
    }
  });

  it('should stop when the sheet is unshared and resume at the hourly probe once shared again', async () => {
    const ws = await createSlaWorkspace({ language: 'ro' });
    const spreadsheetId = await newSpreadsheet();
    await connect(ws.tokens.admin, { spreadsheetId });
    await fake(`sheets/${spreadsheetId}/unshare`, { email: DEPLOYMENT_EMAIL });
    const lead = await submitLeadAt(ws, '2026-11-27T08:00:00Z');
    await runCron('2026-11-27T08:01:00Z');
    const stopped = await status(ws.tokens.admin);
    expect(stopped.state).toBe('stopped');
    expect(stopped.lastError?.message).toBe(
      `Foaia nu este partajată cu ${DEPLOYMENT_EMAIL}. Partajați-o cu această adresă, cu drept de editare.`,
    );
    await fake(`sheets/${spreadsheetId}/share`, { email: DEPLOYMENT_EMAIL });
    await runCron('2026-11-27T08:30:00Z');
    expect(rowOf(await gridOf(spreadsheetId), lead.leadId)).toBeUndefined();
    await runCron('2026-11-27T09:02:00Z');
    expect(rowOf(await gridOf(spreadsheetId), lead.leadId)?.[col('stage')]).toBe('MQL');
    expect(await status(ws.tokens.admin)).toMatchObject({ state: 'active', lastError: null });
  });
});

describe('the quota claim', () => {
  it('should never let one account spend more than 60 writes in a minute, however many sweeps ask', async () => {
    const { claimQuota } = await import('../../worker/db/queries/sheet');
    const { drizzle } = await import('drizzle-orm/d1');
    const schema = await import('../../worker/db/schema');
    const db = drizzle(env.DB, { schema });
    const minute = new Date('2026-12-01T10:00:30Z');
    const results = await Promise.all(
      Array.from({ length: 75 }, () =>
        claimQuota(db, 'claims@test.iam.gserviceaccount.com', minute, 'write'),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(60);
    expect(
      await claimQuota(db, 'claims@test.iam.gserviceaccount.com', new Date('2026-12-01T10:01:00Z'), 'write'),
    ).toBe(true);
  });
});
