import { describe, expect, it } from 'vitest';
import { call, createTestWorkspace, WAIT_FOR_LEAD } from './harness';
import { actOk, createMql, signStarterAgreement } from './lead-fixtures';

interface LeadView {
  stage: string;
  ownerId: string | null;
  sales: { attempts: number };
  events: { type: string }[];
  sla: { deadlines: { kind: string; status: string }[] };
}

const leadOf = async (token: string, id: string) =>
  (await (await call('GET', `/v1/leads/${id}`, { token })).json()) as LeadView;

describe('a nurtured lead that asks again', () => {
  it('should stay with marketing on touches, and go back to sales with a new clock when it fills a contact form', async () => {
    const ws = await signStarterAgreement(await createTestWorkspace());
    const rep = ws.signers.sales.token;
    const { leadId, email } = await createMql(ws);
    await actOk(rep, leadId, { type: 'accept' });
    await actOk(rep, leadId, { type: 'attempt', channel: 'phone', outcome: 'connected' });
    await actOk(rep, leadId, { type: 'nurture', reason: 'no_timeframe' });
    expect((await leadOf(ws.tokens.admin, leadId)).stage).toBe('nurture');

    // Reading content is marketing's business: still nurture, though the touch is recorded.
    const touch = await call('POST', '/v1/events', {
      token: ws.tokens.marketing,
      json: { events: [{ email, type: 'pricing_view', occurredAt: new Date().toISOString() }] },
    });
    expect(touch.status, await touch.clone().text()).toBe(200);
    const touched = await leadOf(ws.tokens.admin, leadId);
    expect(touched.events.at(-2)?.type).toBe('touch');
    expect((await leadOf(ws.tokens.admin, leadId)).stage).toBe('nurture');

    // A new "call me" form: back to sales, new owner round, attempts counted afresh, new deadlines.
    const res = await call('POST', `/v1/intake/${ws.sourceId}`, {
      token: ws.tokens.intake,
      json: {
        email,
        phone: '+48 600 200 300',
        consent: true,
        message: 'Budget approved, call me',
        externalId: 'again-1',
      },
      headers: WAIT_FOR_LEAD,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const back = await leadOf(ws.tokens.admin, leadId);
    expect(back.stage).toBe('mql');
    expect(back.ownerId).toBe(ws.signers.sales.memberId);
    expect(back.sales.attempts).toBe(0);
    expect(back.events.filter((e) => e.type === 'mql')).toHaveLength(2);
    const open = back.sla.deadlines.filter((d) => d.status === 'pending' || d.status === 'due_soon');
    expect(open.map((d) => d.kind).sort()).toEqual(['attempts', 'decision', 'first_touch']);
  });
});
