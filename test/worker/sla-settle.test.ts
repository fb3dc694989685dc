import { describe, expect, it, vi } from 'vitest';
import { call } from './harness';
import { actAt, createSlaWorkspace, deadlinesOf, runCron, submitLeadAt, transitionsOf } from './sla-fixtures';

// Monday 23 November 2026, 09:00 in Warsaw: first touch due 13:00 local (12:00Z), attempts within 5 business days.
const MONDAY_9 = '2026-11-23T08:00:00Z';

async function expectOk(res: Response) {
  expect(res.status, await res.clone().text()).toBe(200);
}

describe('sales actions settle deadlines in the same batch as their events', () => {
  it('should meet the first touch with any attempt, the attempt rule at 3 attempts over 2 channels, and the decision with a rejection', async () => {
    const ws = await createSlaWorkspace();
    const { leadId } = await submitLeadAt(ws, MONDAY_9);
    await expectOk(
      await actAt(ws, leadId, '2026-11-23T09:30:00Z', {
        type: 'attempt',
        channel: 'phone',
        outcome: 'no_answer',
      }),
    );
    let d = await deadlinesOf(leadId);
    expect(d.first_touch).toMatchObject({ status: 'met', settledAt: '2026-11-23T09:30:00.000Z' });
    expect(d.attempts?.status).toBe('pending');

    await expectOk(
      await actAt(ws, leadId, '2026-11-23T10:00:00Z', {
        type: 'attempt',
        channel: 'phone',
        outcome: 'no_answer',
      }),
    );
    await expectOk(
      await actAt(ws, leadId, '2026-11-23T10:30:00Z', {
        type: 'attempt',
        channel: 'phone',
        outcome: 'left_message',
      }),
    );
    // Three attempts, one channel: the rule wants two.
    expect((await deadlinesOf(leadId)).attempts?.status).toBe('pending');
    await expectOk(
      await actAt(ws, leadId, '2026-11-24T09:00:00Z', {
        type: 'attempt',
        channel: 'email',
        outcome: 'no_answer',
      }),
    );
    d = await deadlinesOf(leadId);
    expect(d.attempts).toMatchObject({ status: 'met', settledAt: '2026-11-24T09:00:00.000Z' });
    expect(d.decision?.status).toBe('pending');

    await expectOk(
      await actAt(ws, leadId, '2026-11-24T10:00:00Z', { type: 'reject', reasons: ['unreachable'] }),
    );
    d = await deadlinesOf(leadId);
    expect(d.decision).toMatchObject({ status: 'met', settledAt: '2026-11-24T10:00:00.000Z' });
    expect((await transitionsOf(d.decision?.id ?? '')).map((t) => [t.step, t.toStatus])).toEqual([
      ['settled', 'met'],
    ]);

    // Nothing is left for the sweep: a run long after every due time records nothing.
    await runCron('2026-12-31T12:00:00Z');
    for (const kind of ['first_touch', 'attempts', 'decision']) {
      expect((await transitionsOf(d[kind]?.id ?? '')).map((t) => t.step)).toEqual(['settled']);
    }
  });

  it('should mark a first touch made after its breach as met late, keeping the breach on record', async () => {
    const ws = await createSlaWorkspace();
    const { leadId } = await submitLeadAt(ws, MONDAY_9);
    await runCron('2026-11-23T12:30:00Z');
    expect((await deadlinesOf(leadId)).first_touch?.status).toBe('breached');
    await expectOk(
      await actAt(ws, leadId, '2026-11-23T14:00:00Z', {
        type: 'attempt',
        channel: 'linkedin',
        outcome: 'connected',
      }),
    );
    const first = (await deadlinesOf(leadId)).first_touch;
    expect(first).toMatchObject({ status: 'met_late', settledAt: '2026-11-23T14:00:00.000Z' });
    expect((await transitionsOf(first?.id ?? '')).map((t) => [t.step, t.toStatus])).toEqual([
      ['breached', 'breached'],
      ['settled', 'met_late'],
    ]);
    // The escalation time passes with the deadline settled: no escalation.
    await runCron('2026-11-24T12:00:00Z');
    expect((await transitionsOf(first?.id ?? '')).map((t) => t.step)).toEqual(['breached', 'settled']);
  });

  it('should judge work logged late by when it happened, not when it was logged', async () => {
    const ws = await createSlaWorkspace();
    const { leadId } = await submitLeadAt(ws, MONDAY_9);
    // Called at 11:00Z, logged at 15:00Z after the due time.
    await expectOk(
      await actAt(ws, leadId, '2026-11-23T15:00:00Z', {
        type: 'attempt',
        channel: 'phone',
        outcome: 'connected',
        occurredAt: '2026-11-23T12:00:00+01:00',
      }),
    );
    expect((await deadlinesOf(leadId)).first_touch).toMatchObject({
      status: 'met',
      settledAt: '2026-11-23T11:00:00.000Z',
    });
  });

  it('should let a hard disqualification settle every open deadline at once', async () => {
    const ws = await createSlaWorkspace();
    const { leadId } = await submitLeadAt(ws, MONDAY_9);
    await expectOk(await actAt(ws, leadId, '2026-11-23T08:10:00Z', { type: 'reject', reasons: ['spam'] }));
    const d = await deadlinesOf(leadId);
    expect([d.first_touch?.status, d.attempts?.status, d.decision?.status]).toEqual(['met', 'met', 'met']);
  });

  it('should stop the clocks of an erased lead without a verdict', async () => {
    const ws = await createSlaWorkspace();
    const { leadId } = await submitLeadAt(ws, MONDAY_9);
    const erased = await call('DELETE', `/v1/leads/${leadId}`, { token: ws.tokens.admin });
    expect(erased.status, await erased.clone().text()).toBe(200);
    const d = await deadlinesOf(leadId);
    expect([d.first_touch?.status, d.attempts?.status, d.decision?.status]).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    await runCron('2026-12-31T12:00:00Z');
    expect((await transitionsOf(d.first_touch?.id ?? '')).map((t) => t.step)).toEqual(['cancelled']);
  });
});

describe('an imported list that decides a live MQL', () => {
  it('should settle its open deadlines at the stage date the list gives', async () => {
    const ws = await createSlaWorkspace();
    const { leadId } = await submitLeadAt(ws, MONDAY_9);
    const lead = (await (await call('GET', `/v1/leads/${leadId}`, { token: ws.tokens.admin })).json()) as {
      email: string;
    };
    // The list is sent at noon that Monday (the Worker's clock set to it), recording a win at 11:00 local.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-23T11:00:00Z'));
    try {
      const res = await call('POST', '/v1/import', {
        token: ws.tokens.manager,
        json: {
          rows: [
            {
              email: lead.email,
              consent: true,
              stage: 'won',
              stageAt: '2026-11-23T10:00:00Z',
              amount: 12000,
            },
          ],
        },
      });
      expect(res.status, await res.clone().text()).toBe(200);
    } finally {
      vi.useRealTimers();
    }
    const d = await deadlinesOf(leadId);
    // Won at 11:00 local: within the first-touch window, so every clock is met, none left running.
    for (const kind of ['first_touch', 'attempts', 'decision'] as const) {
      expect(d[kind]).toMatchObject({ status: 'met', settledAt: '2026-11-23T10:00:00.000Z' });
    }
  });
});
