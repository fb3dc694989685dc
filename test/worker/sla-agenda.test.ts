import { describe, expect, it, vi } from 'vitest';
import { databaseFor } from '../../worker/db/client';
import { paceInstant } from '../../worker/domain/sla';
import { syncGovernance } from '../../worker/services/sla';
import { edit, propose, putDraft, readDraft } from './agreement-fixtures';
import { call, env } from './harness';
import {
  actAt,
  addChannel,
  CLOSED_PORT_URL,
  createSlaWorkspace,
  outboxOf,
  runCron,
  type SlaWorkspace,
  submitLeadAt,
} from './sla-fixtures';

interface AgendaJson {
  week: string;
  title: string;
  meetingAt: string;
  period: { start: string; end: string };
  handedOver: { total: number; notWorked: number; notWorkedLeads: { leadId: string; name: string }[] };
  breachesByOwner: { ownerId: string | null; total: number; byKind: Record<string, number> }[];
  rejections: { code: string; label: string; count: number }[];
  nurture: { code: string; label: string; count: number }[];
  campaigns: { campaign: string; leads: number; stages: Record<string, number> }[];
  personaReview: { dueOn: string; overdue: boolean } | null;
  pace: { period: string; stages: { stage: string; planned: number; status: string }[] } | null;
  pendingAgreement: { version: number; missingSides: string[] } | null;
  sections: { id: string; title: string; lines: string[] }[];
}

async function ok(res: Response, status = 200) {
  expect(res.status, await res.clone().text()).toBe(status);
  return res;
}

/** Runs `fn` with the Worker's clock (Date only) set to `at`, so what depends on "today" is fixed. */
async function atClock<T>(at: string, fn: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(at));
  try {
    return await fn();
  } finally {
    vi.useRealTimers();
  }
}

async function governanceRows(workspaceId: string) {
  const rows = await env.DB.prepare(
    `select kind, key, status, due_at as dueAt, due_soon_at as dueSoonAt, owner_id as ownerId
     from sla_deadlines where workspace_id = ? and lead_id is null order by kind, key`,
  )
    .bind(workspaceId)
    .all<{
      kind: string;
      key: string;
      status: string;
      dueAt: string;
      dueSoonAt: string;
      ownerId: string | null;
    }>();
  return rows.results;
}

/**
 * A Polish team's week before the meeting of Monday 23 November 2026 (week 48; meetings on Mondays at
 * 10:00 Warsaw, so the agenda covers Monday 16 November 10:00 to Monday 23 November 10:00).
 */
async function seedWeek(ws: SlaWorkspace) {
  const before = await submitLeadAt(ws, '2026-11-13T09:00:00Z', { campaign: 'webinar-q4' });
  const worked = await submitLeadAt(ws, '2026-11-17T09:00:00Z', {
    campaign: 'webinar-q4',
    firstName: 'Anna',
    lastName: 'Zielińska',
    company: 'Stalmet',
  });
  await ok(
    await actAt(ws, worked.leadId, '2026-11-17T10:00:00Z', {
      type: 'attempt',
      channel: 'phone',
      outcome: 'connected',
    }),
  );
  const ignored = await submitLeadAt(ws, '2026-11-18T09:00:00Z', {
    campaign: 'webinar-q4',
    firstName: 'Piotr',
    lastName: 'Wójcik',
    company: 'Hutmen',
  });
  const spam = await submitLeadAt(ws, '2026-11-19T09:00:00Z');
  await ok(await actAt(ws, spam.leadId, '2026-11-19T09:30:00Z', { type: 'reject', reasons: ['spam'] }));
  const nurtured = await submitLeadAt(ws, '2026-11-19T10:00:00Z');
  for (const [at, channel] of [
    ['2026-11-19T11:00:00Z', 'phone'],
    ['2026-11-19T13:00:00Z', 'phone'],
    ['2026-11-20T09:00:00Z', 'email'],
  ] as const) {
    await ok(await actAt(ws, nurtured.leadId, at, { type: 'attempt', channel, outcome: 'no_answer' }));
  }
  await ok(
    await actAt(ws, nurtured.leadId, '2026-11-20T10:00:00Z', { type: 'nurture', reason: 'no_budget' }),
  );
  // The sweep on Wednesday afternoon records the ignored lead's breach (its first touch was due at 14:00).
  await runCron('2026-11-18T15:00:00Z');
  return { before, worked, ignored, spam, nurtured };
}

describe('GET /v1/agenda', () => {
  it('should write the weekly agenda of a seeded week from the data, in the team’s language', async () => {
    const ws = await createSlaWorkspace({ language: 'pl' });
    const leads = await seedWeek(ws);
    // A persona review due a week after the meeting, and a new version waiting for signatures.
    await ok(
      await call('POST', '/v1/persona/reviews', {
        token: ws.tokens.marketing,
        json: {
          reviewedOn: '2026-11-20',
          fromSales: 'Klienci pytają o integrację z ERP.',
          fromMarketing: 'Więcej wejść z LinkedIn.',
          changes: 'Bez zmian.',
          nextDueOn: '2026-11-30',
        },
      }),
      201,
    );
    const draft = await readDraft(ws.tokens.marketing);
    await ok(
      await putDraft(
        ws.tokens.marketing,
        edit(draft.content, (a) => {
          a.title = `${a.title} (2027)`;
        }),
        draft.etag,
      ),
    );
    const proposal = await propose(ws.tokens.marketing);
    // The manager's quarterly plan: the agenda shows pace against the narrowest plan covering the meeting.
    await ok(
      await call('PUT', '/v1/funnel/plans/2026-Q4', {
        token: ws.tokens.manager,
        json: {
          revenueTarget: 300_000,
          averageDealSize: 10_000,
          rates: { lead_mql: 0.5, mql_sql: 0.5, sql_opportunity: 0.5, opportunity_won: 0.5 },
        },
      }),
      201,
    );

    // Read on Sunday 22 November, the day before the meeting: the persona review is not yet overdue.
    const sunday = '2026-11-22T12:00:00Z';
    const res = await ok(
      await atClock(sunday, () => call('GET', '/v1/agenda?week=2026-W48', { token: ws.tokens.viewer })),
    );
    const agenda = (await res.json()) as AgendaJson;
    expect(agenda.period).toEqual({ start: '2026-11-16T09:00:00.000Z', end: '2026-11-23T09:00:00.000Z' });
    expect(agenda.meetingAt).toBe('2026-11-23T09:00:00.000Z');
    expect(agenda.title).toBe('Cotygodniowe spotkanie marketingu i sprzedaży, 2026-W48');
    expect(agenda.handedOver.total).toBe(4);
    expect(agenda.handedOver.notWorked).toBe(1);
    expect(agenda.handedOver.notWorkedLeads).toEqual([
      { leadId: leads.ignored.leadId, name: 'Piotr Wójcik (Hutmen)', ownerName: expect.any(String) },
    ]);
    expect(agenda.breachesByOwner).toEqual([
      expect.objectContaining({ ownerId: ws.signers.sales.memberId, total: 1, byKind: { first_touch: 1 } }),
    ]);
    expect(agenda.rejections).toEqual([{ code: 'spam', label: expect.stringMatching(/spam/i), count: 1 }]);
    expect(agenda.nurture).toEqual([
      { code: 'no_budget', label: expect.stringMatching(/budżet/i), count: 1 },
    ]);
    expect(agenda.campaigns).toEqual([{ campaign: 'webinar-q4', leads: 3, stages: { mql: 3 } }]);
    expect(agenda.pace?.period).toBe('2026-Q4');
    expect(agenda.pace?.stages.map((p) => [p.stage, p.planned])).toEqual([
      ['mql', 240],
      ['sql', 120],
      ['won', 30],
      ['revenue', 300_000],
    ]);
    expect(agenda.personaReview).toEqual({ dueOn: '2026-11-30', overdue: false, guardianName: null });
    expect(agenda.pendingAgreement).toEqual({
      version: proposal.number,
      missingSides: ['marketing', 'sales'],
    });
    expect(agenda.sections.map((s) => s.id)).toEqual([
      'handed_over',
      'breaches',
      'rejections',
      'campaigns',
      'pace',
      'persona_review',
      'agreement',
      'standing',
    ]);
    expect(agenda.sections[0]?.lines[0]).toBe('1 z 4 przekazanych leadów nie podjęto.');

    const md = await ok(
      await atClock(sunday, () =>
        call('GET', '/v1/agenda?week=2026-W48&format=markdown', { token: ws.tokens.sales }),
      ),
    );
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const text = await md.text();
    expect(text.startsWith('# Cotygodniowe spotkanie marketingu i sprzedaży, 2026-W48\n')).toBe(true);
    expect(text).toContain('## 1. Przekazane leady MQL');
    expect(text).toContain('- 1 z 4 przekazanych leadów nie podjęto.');
    expect(text).toContain('- Piotr Wójcik (Hutmen):');
    expect(text).toContain('## 4. Co się stało z leadami z każdej kampanii');
    expect(text).toContain('- webinar-q4: 3 leady, teraz 3 MQL');
    expect(text).toContain('Wersja 2 czeka na: marketing, sprzedaż.');
    expect(text).toMatch(/- MQL: \d+, do dziś oczekiwano \d+ z 240 planowanych na 2026-Q4: /);
    expect(text).toContain('- Termin 30 lis 2026 (strażnik nie jest wskazany).');
    const negotiated = await ok(
      await atClock(sunday, () =>
        call('GET', '/v1/agenda?week=2026-W48', {
          token: ws.tokens.sales,
          headers: { accept: 'text/markdown' },
        }),
      ),
    );
    expect(await negotiated.text()).toBe(text);
  });

  it('should answer an empty week plainly, and refuse a week that does not exist', async () => {
    const ws = await createSlaWorkspace();
    const res = await ok(await call('GET', '/v1/agenda?week=2026-W10', { token: ws.tokens.viewer }));
    const agenda = (await res.json()) as AgendaJson;
    expect(agenda.handedOver).toEqual({ total: 0, notWorked: 0, notWorkedLeads: [] });
    expect(agenda.sections[0]?.lines).toEqual(['No MQLs were handed over to sales.']);
    const missing = await call('GET', '/v1/agenda?week=2027-W53', { token: ws.tokens.viewer });
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('week');
    expect((await call('GET', '/v1/agenda?week=2026-W53', { token: ws.tokens.viewer })).status).toBe(200);
  });
});

describe('governance deadlines and the agenda post', () => {
  it('should post the agenda to the chat channel an hour before the meeting, once, and schedule next week', async () => {
    const ws = await createSlaWorkspace();
    const channel = await addChannel(ws, { kind: 'slack', url: CLOSED_PORT_URL, topics: ['agenda'] });
    await submitLeadAt(ws, '2026-11-17T09:00:00Z');
    await runCron('2026-11-22T12:00:00Z'); // Sunday: the governance pass schedules week 48's agenda
    const weekly = (await governanceRows(ws.id)).filter((r) => r.kind === 'weekly_report');
    expect(weekly).toEqual([
      expect.objectContaining({
        key: 'weekly_report:2026-W48',
        status: 'pending',
        dueAt: '2026-11-23T09:00:00.000Z',
        dueSoonAt: '2026-11-23T08:00:00.000Z',
      }),
    ]);
    await runCron('2026-11-23T07:59:00Z');
    expect((await outboxOf(ws.id)).filter((m) => m.topic === 'agenda')).toEqual([]);
    await runCron('2026-11-23T08:00:00Z');
    await runCron('2026-11-23T08:01:00Z');
    const posts = (await outboxOf(ws.id)).filter((m) => m.topic === 'agenda');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.channelId).toBe(channel.id);
    const body = JSON.parse(posts[0]?.body ?? '{}') as { text: string };
    expect(body.text).toContain('Weekly marketing–sales meeting, 2026-W48');
    expect(body.text).toContain('1 of the 1 leads we sent were not worked.');
    expect(body.text).toContain('/v1/agenda?week=2026-W48&format=markdown|Full agenda>');
    const after = (await governanceRows(ws.id)).filter((r) => r.kind === 'weekly_report');
    expect(after.map((r) => [r.key, r.status])).toEqual([
      ['weekly_report:2026-W48', 'met'],
      ['weekly_report:2026-W49', 'pending'],
    ]);
  });

  it('should keep persona and agreement reviews due, and settle the persona review when one is recorded', async () => {
    const ws = await createSlaWorkspace({
      change: (a) => {
        a.persona.reviewEveryMonths = 3;
        a.persona.lastReviewedOn = '2026-09-01';
        a.meetings.agreementReviewEveryMonths = 6;
      },
    });
    const db = databaseFor(env, ws.id);
    await syncGovernance({ ctx: { db, workspaceId: ws.id, now: new Date('2026-11-22T12:00:00Z') } });
    await syncGovernance({ ctx: { db, workspaceId: ws.id, now: new Date('2026-11-22T12:01:00Z') } });
    const rows = await governanceRows(ws.id);
    const persona = rows.filter((r) => r.kind === 'persona_review');
    expect(persona).toEqual([
      expect.objectContaining({
        key: 'persona_review:2026-12-01',
        status: 'pending',
        dueAt: '2026-12-01T23:00:00.000Z', // the end of 1 December in Warsaw
        dueSoonAt: '2026-11-24T23:00:00.000Z',
      }),
    ]);
    const review = rows.filter((r) => r.kind === 'agreement_review');
    expect(review).toHaveLength(1);
    expect(review[0]?.key).toBe(`agreement_review:v${ws.version}`);

    // Recorded on 22 November without a date: reviewed today, the next one due three months on.
    await ok(
      await atClock('2026-11-22T12:30:00Z', () =>
        call('POST', '/v1/persona/reviews', {
          token: ws.tokens.sales,
          json: {
            fromSales: 'Nowe obiekcje cenowe.',
            fromMarketing: 'Webinar o ERP działa.',
            changes: 'Dopisano ERP.',
          },
        }),
      ),
      201,
    );
    await syncGovernance({ ctx: { db, workspaceId: ws.id, now: new Date('2026-11-22T13:00:00Z') } });
    const after = (await governanceRows(ws.id)).filter((r) => r.kind === 'persona_review');
    expect(after.map((r) => [r.key, r.status])).toEqual([
      ['persona_review:2026-12-01', 'met'],
      ['persona_review:2027-02-22', 'pending'],
    ]);
  });
});

describe('the pace an agenda reports', () => {
  it('should be pro-rated to the end of the team’s day, or to the meeting when that comes first', () => {
    const meeting = new Date('2026-11-23T09:00:00Z');
    // Sunday 11:42 in Warsaw: the end of Sunday, whatever the minute.
    expect(paceInstant(meeting, new Date('2026-11-22T10:42:00Z'), 'Europe/Warsaw').toISOString()).toBe(
      '2026-11-22T23:00:00.000Z',
    );
    expect(paceInstant(meeting, new Date('2026-11-22T22:59:59Z'), 'Europe/Warsaw').toISOString()).toBe(
      '2026-11-22T23:00:00.000Z',
    );
    // Monday morning, before the meeting: the meeting.
    expect(paceInstant(meeting, new Date('2026-11-23T06:00:00Z'), 'Europe/Warsaw')).toEqual(meeting);
  });
});
