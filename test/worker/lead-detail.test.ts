import { describe, expect, it } from 'vitest';
import { starterAgreement } from '../../worker/domain/agreement/templates';
import { call, expectProblem } from './harness';
import { act, actOk, addMember, createMql, signStarterAgreement } from './lead-fixtures';

interface Detail {
  stage: string;
  fit: number;
  engagement: number;
  quadrant: 'perfect' | 'engaged' | 'fit' | 'low';
  allowedActions: string[];
  scores: {
    fit: {
      total: number;
      threshold: number;
      criteria: Array<{ id: string; kind: string; met: boolean; points: number }>;
      role: { id: string; points: number } | null;
    };
    engagement: {
      total: number;
      threshold: number;
      touches: Array<{ type: string; count: number; pointsEach: number }>;
    };
    temperatureRule: { temperature: string; label: string } | null;
  } | null;
  sla: { deadlines: Array<{ id: string; kind: string; status: string }> };
  businessHoursLeft: Record<string, number>;
}

async function detail(token: string, leadId: string): Promise<Detail> {
  const res = await call('GET', `/v1/leads/${leadId}`, { token });
  expect(res.status).toBe(200);
  return (await res.json()) as Detail;
}

const MQL_ACTIONS = ['attempt', 'accept', 'reject', 'nurture', 'assign', 'feedback'];

describe('GET /v1/leads/{id}: the actions this caller may take now', () => {
  it('should answer per caller what the actions route would let them do, and agree with it', async () => {
    const ws = await signStarterAgreement();
    const { leadId } = await createMql(ws);
    const otherRep = await addMember(ws, 'sales');
    const expected: Array<[string, string, string[]]> = [
      ['owner', ws.signers.sales.token, MQL_ACTIONS],
      ['manager', ws.signers.management.token, MQL_ACTIONS],
      ['admin', ws.tokens.admin, MQL_ACTIONS],
      ['another rep', otherRep.token, ['feedback']],
      ['marketing', ws.signers.marketing.token, ['feedback']],
      ['viewer', ws.tokens.viewer, []],
    ];
    for (const [who, token, actions] of expected) {
      expect({ who, actions: (await detail(token, leadId)).allowedActions }).toEqual({ who, actions });
    }
    // What is not offered is refused by the route, what is offered passes the role and stage checks.
    await expectProblem(await act(otherRep.token, leadId, { type: 'accept' }), 403);
    await expectProblem(
      await act(ws.signers.marketing.token, leadId, {
        type: 'attempt',
        channel: 'phone',
        outcome: 'no_answer',
      }),
      403,
    );
    await expectProblem(await act(ws.signers.sales.token, leadId, { type: 'qualify', answers: {} }), 409);
    await actOk(ws.signers.sales.token, leadId, { type: 'accept' });
    expect((await detail(ws.signers.sales.token, leadId)).allowedActions).toEqual([
      'attempt',
      'qualify',
      'reject',
      'nurture',
      'assign',
      'feedback',
    ]);
  });

  it('should offer marketing the nurture touch once the lead is nurtured, and nothing once it is erased', async () => {
    const ws = await signStarterAgreement();
    const { leadId } = await createMql(ws);
    // A hard disqualifier needs no attempts; a nurture reason does, so log them first.
    for (const channel of ['phone', 'phone', 'email'] as const)
      await actOk(ws.signers.sales.token, leadId, { type: 'attempt', channel, outcome: 'no_answer' });
    await actOk(ws.signers.sales.token, leadId, { type: 'nurture', reason: 'no_budget' });
    expect((await detail(ws.signers.marketing.token, leadId)).allowedActions).toEqual([
      'attempt',
      'feedback',
    ]);
    const erased = await call('DELETE', `/v1/leads/${leadId}`, { token: ws.tokens.admin });
    expect(erased.status).toBeLessThan(300);
    expect((await detail(ws.tokens.admin, leadId)).allowedActions).toEqual([]);
  });
});

describe('GET /v1/leads/{id}: why the lead scored what it scored', () => {
  it('should explain fit by the ICP criteria and role, engagement by touches, and the thresholds', async () => {
    const ws = await signStarterAgreement();
    const { leadId } = await createMql(ws, { title: 'CEO', employees: 250 });
    const lead = await detail(ws.signers.sales.token, leadId);
    const starter = starterAgreement('en', { timezone: 'Europe/Warsaw', country: 'PL' });
    const scores = lead.scores;
    expect(scores).not.toBeNull();
    if (!scores) return;
    expect(scores.fit.criteria.map((c) => c.id)).toEqual(starter.icp.criteria.map((c) => c.id));
    expect(scores.fit.threshold).toBe(starter.scoring.thresholds.fit);
    expect(scores.engagement.threshold).toBe(starter.scoring.thresholds.engagement);
    // The breakdown adds up to the fit the lead was scored with.
    const weighted = scores.fit.criteria.reduce((sum, c) => sum + c.points, 0);
    expect(weighted + (scores.fit.role?.points ?? 0)).toBe(lead.fit);
    expect(scores.fit.total).toBe(lead.fit);
    expect(scores.fit.role?.points ?? 0).toBeGreaterThan(0);
    expect(scores.engagement.total).toBe(lead.engagement);
    expect(scores.engagement.touches).toEqual([
      { type: 'form_submitted', count: 1, pointsEach: starter.scoring.engagement.points.form_submitted },
    ]);
  });

  it('should give each open deadline the business hours it has left on the agreement’s calendar', async () => {
    const ws = await signStarterAgreement();
    const { leadId } = await createMql(ws);
    const lead = await detail(ws.signers.sales.token, leadId);
    const open = lead.sla.deadlines.filter((d) => ['pending', 'due_soon', 'breached'].includes(d.status));
    expect(open.length).toBeGreaterThan(0);
    expect(Object.keys(lead.businessHoursLeft).sort()).toEqual(open.map((d) => d.id).sort());
    const firstTouch = open.find((d) => d.kind === 'first_touch');
    const budget = starterAgreement('en', { timezone: 'Europe/Warsaw', country: 'PL' }).sla.firstTouchHours[
      lead.quadrant
    ];
    const left = firstTouch ? lead.businessHoursLeft[firstTouch.id] : undefined;
    // Just handed over: almost all of the first-touch budget is left (seconds have passed at most).
    expect(left).toBeLessThanOrEqual(budget);
    expect(left).toBeGreaterThan(budget - 0.05);
  });
});
