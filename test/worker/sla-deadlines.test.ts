import { describe, expect, it } from 'vitest';
import type { Agreement } from '../../worker/domain/agreement';
import { createSlaWorkspace, deadlinesOf, submitLeadAt } from './sla-fixtures';

/**
 * Deadlines computed at MQL, end to end: a form posted to intake at a chosen
 * moment (the Worker's clock is set to it), the lead judged MQL by the signed
 * starter agreement (Mon–Fri 09:00–17:00, first touch within 4 business hours
 * here, 3 attempts within 5 business days, a decision within 10), and the rows
 * the same batch wrote.
 */
async function deadlinesFor(
  arrival: string,
  options: Parameters<typeof createSlaWorkspace>[0] = {},
  extra: Record<string, unknown> = {},
) {
  const ws = await createSlaWorkspace(options);
  const { leadId, stage } = await submitLeadAt(ws, arrival, extra);
  expect(stage).toBe('mql');
  const d = await deadlinesOf(leadId);
  return {
    ws,
    leadId,
    start: d.first_touch?.startedAt,
    firstTouch: d.first_touch?.dueAt,
    attempts: d.attempts?.dueAt,
    decision: d.decision?.dueAt,
    rows: d,
  };
}

const holidays = (dates: string[]) => (a: Agreement) => {
  a.sla.holidays = dates;
};

describe('deadlines at MQL, end to end through intake (Europe/Warsaw)', () => {
  it('should carry a Friday-afternoon first touch over the weekend, under the signed version', async () => {
    // Friday 20 November 2026, 16:30 in Warsaw (UTC+1).
    const r = await deadlinesFor('2026-11-20T15:30:00Z');
    expect(r.start).toBe('2026-11-20T15:30:00.000Z');
    expect(r.firstTouch).toBe('2026-11-23T11:30:00.000Z'); // Monday 12:30
    expect(r.attempts).toBe('2026-11-27T15:30:00.000Z'); // Friday 16:30, five business days on
    expect(r.decision).toBe('2026-12-04T15:30:00.000Z');
    expect(r.rows.first_touch?.agreementVersion).toBe(r.ws.version);
    expect(r.rows.first_touch?.status).toBe('pending');
  });

  it('should start a Saturday arrival at Monday’s opening, not at the arrival’s time of day', async () => {
    const r = await deadlinesFor('2026-11-21T10:00:00Z'); // Saturday 11:00
    expect(r.start).toBe('2026-11-23T08:00:00.000Z'); // Monday 09:00
    expect(r.firstTouch).toBe('2026-11-23T12:00:00.000Z'); // Monday 13:00
    expect(r.attempts).toBe('2026-11-30T08:00:00.000Z');
    expect(r.decision).toBe('2026-12-07T08:00:00.000Z');
  });

  it('should start an evening arrival at the next morning’s opening', async () => {
    const r = await deadlinesFor('2026-11-24T19:00:00Z'); // Tuesday 20:00
    expect(r.start).toBe('2026-11-25T08:00:00.000Z'); // Wednesday 09:00
    expect(r.firstTouch).toBe('2026-11-25T12:00:00.000Z');
  });

  it('should skip a holiday in business hours and in business days', async () => {
    // Tuesday 10 November 2026, 15:00; Wednesday 11 November is Independence Day.
    const r = await deadlinesFor('2026-11-10T14:00:00Z', { change: holidays(['2026-11-11']) });
    expect(r.firstTouch).toBe('2026-11-12T10:00:00.000Z'); // 2 h on Tuesday + 2 h on Thursday: Thursday 11:00
    expect(r.attempts).toBe('2026-11-18T14:00:00.000Z'); // Thu, Fri, Mon, Tue, Wed at 15:00
    expect(r.decision).toBe('2026-11-25T14:00:00.000Z');
  });

  it('should count wall-clock business hours across the spring DST change', async () => {
    // Friday 27 March 2026, 15:00 CET; clocks go to CEST (UTC+2) on Sunday 29 March.
    const r = await deadlinesFor('2026-03-27T14:00:00Z');
    expect(r.firstTouch).toBe('2026-03-30T09:00:00.000Z'); // Monday 11:00 CEST
    expect(r.attempts).toBe('2026-04-03T13:00:00.000Z'); // Friday 15:00 CEST
  });

  it('should count wall-clock business hours across the autumn DST change', async () => {
    // Friday 23 October 2026, 15:00 CEST; clocks go back to CET on Sunday 25 October.
    const r = await deadlinesFor('2026-10-23T13:00:00Z');
    expect(r.firstTouch).toBe('2026-10-26T10:00:00.000Z'); // Monday 11:00 CET
    expect(r.attempts).toBe('2026-10-30T14:00:00.000Z'); // Friday 15:00 CET
  });

  it('should follow split hours with a lunch break', async () => {
    const split = (a: Agreement) => {
      const day = [
        { open: '09:00', close: '12:00' },
        { open: '13:00', close: '17:00' },
      ];
      a.sla.businessHours = { mon: day, tue: day, wed: day, thu: day, fri: day, sat: null, sun: null };
    };
    const morning = await deadlinesFor('2026-11-23T09:30:00Z', { change: split }); // Monday 10:30
    expect(morning.firstTouch).toBe('2026-11-23T14:30:00.000Z'); // 1.5 h before lunch, 2.5 h after: 15:30
    const lunch = await deadlinesFor('2026-11-23T11:30:00Z', { change: split }); // Monday 12:30, in the break
    expect(lunch.start).toBe('2026-11-23T12:00:00.000Z'); // 13:00
    expect(lunch.firstTouch).toBe('2026-11-23T16:00:00.000Z'); // 17:00, exactly at the close
  });

  it('should start at the MQL when the form was submitted earlier', async () => {
    // A form filled on Friday reaches intake (a retried webhook) on Monday 10:00.
    const r = await deadlinesFor('2026-11-23T09:00:00Z', {}, { submittedAt: '2026-11-20T09:00:00Z' });
    expect(r.start).toBe('2026-11-23T09:00:00.000Z');
    expect(r.firstTouch).toBe('2026-11-23T13:00:00.000Z');
  });

  it('should warn when a quarter of the span remains and escalate one span after the due time', async () => {
    const r = await deadlinesFor('2026-11-23T08:00:00Z'); // Monday 09:00
    expect(r.rows.first_touch).toMatchObject({
      dueSoonAt: '2026-11-23T11:00:00.000Z', // 3 of 4 hours gone
      dueAt: '2026-11-23T12:00:00.000Z',
      escalateAt: '2026-11-23T16:00:00.000Z', // 4 business hours later
    });
    // A 40-business-hour window warns 8 business hours (one working day) ahead: at Thursday's close for a
    // Monday 09:00 deadline, the same business instant as Friday's opening.
    expect(r.rows.attempts).toMatchObject({
      dueAt: '2026-11-30T08:00:00.000Z',
      dueSoonAt: '2026-11-26T16:00:00.000Z',
    });
  });
});

describe('deadlines at MQL, end to end through intake (America/New_York)', () => {
  const ny = { timezone: 'America/New_York' };

  it('should cross the March DST change in New York', async () => {
    // Friday 6 March 2026, 15:00 EST (UTC−5); EDT (UTC−4) from Sunday 8 March.
    const r = await deadlinesFor('2026-03-06T20:00:00Z', ny);
    expect(r.firstTouch).toBe('2026-03-09T15:00:00.000Z'); // Monday 11:00 EDT
    expect(r.attempts).toBe('2026-03-13T19:00:00.000Z'); // Friday 15:00 EDT
  });

  it('should cross the November DST change in New York', async () => {
    // Friday 30 October 2026, 16:00 EDT; EST from Sunday 1 November.
    const r = await deadlinesFor('2026-10-30T20:00:00Z', ny);
    expect(r.firstTouch).toBe('2026-11-02T17:00:00.000Z'); // 1 h Friday + 3 h Monday: 12:00 EST
  });
});
