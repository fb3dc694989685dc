import { describe, expect, it } from 'vitest';
import {
  addChannel,
  addSalesRep,
  CLOSED_PORT_URL,
  createSlaWorkspace,
  deadlinesOf,
  outboxOf,
  runCron,
  submitLeadAt,
  transitionsOf,
} from './sla-fixtures';

// Monday 23 November 2026, Europe/Warsaw (UTC+1), Mon–Fri 09:00–17:00; first touch within 4 business hours.
const MONDAY_9 = '2026-11-23T08:00:00Z';

describe('the SLA sweep', () => {
  it('should record due soon, breach and escalation once each, however often the cron fires', async () => {
    const ws = await createSlaWorkspace();
    const channel = await addChannel(ws, { kind: 'webhook', url: CLOSED_PORT_URL });
    const ola = await addSalesRep(ws, 'Ola Rep');
    const { leadId } = await submitLeadAt(ws, MONDAY_9, { country: 'PL' });
    const first = (await deadlinesOf(leadId)).first_touch;
    expect(first?.dueSoonAt).toBe('2026-11-23T11:00:00.000Z');
    expect(first?.dueAt).toBe('2026-11-23T12:00:00.000Z');
    expect(first?.escalateAt).toBe('2026-11-23T16:00:00.000Z');
    const id = first?.id ?? '';

    await runCron('2026-11-23T10:59:00Z');
    expect(await transitionsOf(id)).toEqual([]);

    await runCron('2026-11-23T11:00:00Z');
    await Promise.all([runCron('2026-11-23T11:00:00Z'), runCron('2026-11-23T11:01:00Z')]);
    expect((await transitionsOf(id)).map((t) => t.step)).toEqual(['due_soon']);
    expect((await deadlinesOf(leadId)).first_touch?.status).toBe('due_soon');

    await runCron('2026-11-23T12:00:00Z');
    await runCron('2026-11-23T12:00:00Z');
    await runCron('2026-11-23T16:00:00Z');
    await Promise.all([runCron('2026-11-23T16:00:00Z'), runCron('2026-11-23T16:01:00Z')]);
    const steps = await transitionsOf(id);
    expect(steps.map((t) => [t.step, t.fromStatus, t.toStatus, t.at])).toEqual([
      ['due_soon', 'pending', 'due_soon', '2026-11-23T11:00:00.000Z'],
      ['breached', 'due_soon', 'breached', '2026-11-23T12:00:00.000Z'],
      ['escalated', 'breached', 'breached', '2026-11-23T16:00:00.000Z'],
    ]);
    const messages = (await outboxOf(ws.id)).filter((m) => m.key.startsWith(id));
    expect(messages.map((m) => m.key)).toEqual([
      `${id}:due_soon:${channel.id}`,
      `${id}:breached:${channel.id}`,
      `${id}:escalated:${channel.id}`,
    ]);
    const breach = JSON.parse(messages[1]?.body ?? '{}') as {
      recipients: { role: string; memberId: string }[];
      text: string;
    };
    expect(breach.recipients).toEqual([
      expect.objectContaining({ role: 'owner', memberId: ola }),
      expect.objectContaining({ role: 'sales_lead', memberId: ws.signers.sales.memberId }),
    ]);
    const escalation = JSON.parse(messages[2]?.body ?? '{}') as {
      recipients: { role: string; memberId: string }[];
    };
    expect(escalation.recipients).toEqual([
      expect.objectContaining({ role: 'manager', memberId: ws.signers.management.memberId }),
    ]);
  });

  it('should catch up after missed runs with only what is true now', async () => {
    const ws = await createSlaWorkspace();
    const { leadId } = await submitLeadAt(ws, MONDAY_9);
    const id = (await deadlinesOf(leadId)).first_touch?.id ?? '';
    // The cron was down all day: the first run after the escalation time records breach and escalation, no stale warning.
    await runCron('2026-11-23T20:00:00Z');
    expect((await transitionsOf(id)).map((t) => t.step)).toEqual(['breached', 'escalated']);
    await runCron('2026-11-23T20:01:00Z');
    expect((await transitionsOf(id)).map((t) => t.step)).toEqual(['breached', 'escalated']);
    expect((await deadlinesOf(leadId)).first_touch).toMatchObject({ status: 'breached' });
  });
});
