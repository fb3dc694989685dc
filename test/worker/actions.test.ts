import { drizzle } from 'drizzle-orm/d1';
import { describe, expect, it, vi } from 'vitest';
import { getLeadState, listLeadEvents } from '../../worker/db/queries/leads';
import * as schema from '../../worker/db/schema';
import { starterAgreement } from '../../worker/domain/agreement/templates';
import { missingAttempts, planAction } from '../../worker/domain/ledger/actions';
import { applyEvent, type LeadState, newLeadState } from '../../worker/domain/ledger/lead';
import { call, createTestWorkspace, env, expectProblem, WAIT_FOR_LEAD } from './harness';
import {
  act,
  actOk,
  addMember,
  createMql,
  type LeadWorkspace,
  logMinimumAttempts,
  signStarterAgreement,
} from './lead-fixtures';
import { testVault } from './test-vault';

const db = () => drizzle(env.DB, { schema });

async function leadOf(ws: LeadWorkspace, leadId: string) {
  const res = await call('GET', `/v1/leads/${leadId}`, { token: ws.tokens.viewer });
  expect(res.status).toBe(200);
  return (await res.json()) as {
    stage: string;
    ownerId: string | null;
    salesTemperature: string | null;
    sales: Record<string, unknown>;
    events: { type: string; payload: Record<string, unknown> }[];
  };
}

describe('a lead worked from hand-over to revenue', () => {
  it('should walk attempts → accept → qualify → opportunity → won, each an event with actor, time and version', async () => {
    const ws = await signStarterAgreement();
    const { leadId, ownerId } = await createMql(ws);
    const rep = ws.signers.sales;
    expect(ownerId).toBe(rep.memberId);

    const first = await actOk(rep.token, leadId, { type: 'attempt', channel: 'phone', outcome: 'no_answer' });
    expect(first.lead.stage).toBe('mql');
    expect(first.events).toHaveLength(1);
    expect(first.events[0]).toMatchObject({
      type: 'attempt',
      actor: { type: 'token', id: rep.tokenId },
      agreementVersion: ws.version,
      payload: { memberId: rep.memberId, channel: 'phone', outcome: 'no_answer' },
    });
    await actOk(rep.token, leadId, {
      type: 'attempt',
      channel: 'email',
      outcome: 'connected',
      note: 'Call on Monday',
    });

    const accepted = await actOk(rep.token, leadId, { type: 'accept' });
    expect(accepted.lead.stage).toBe('sal');
    expect(accepted.lead.sales.acceptedAt).toEqual(accepted.events[0]?.occurredAt);

    const qualified = await actOk(rep.token, leadId, {
      type: 'qualify',
      answers: {
        reached: true,
        need: true,
        decision_maker: true,
        timeframe: true,
        acceptable_deal: true,
        budget: false,
      },
      buyingHorizonMonths: 3,
    });
    expect(qualified.lead.stage).toBe('sql');
    expect(qualified.lead.salesTemperature).toBe('hot');
    expect(qualified.outcome).toEqual({ type: 'qualify', sql: true, failed: [], suggestedReasons: [] });
    expect(qualified.events[0]?.payload).toMatchObject({
      sql: true,
      failed: [],
      salesTemperature: 'hot',
      buyingHorizonMonths: 3,
    });

    const opportunity = await actOk(rep.token, leadId, {
      type: 'opportunity',
      amount: 18_000,
      currency: 'EUR',
    });
    expect(opportunity.lead.stage).toBe('opportunity');
    expect(opportunity.lead.sales).toMatchObject({ opportunityAmount: 18_000, currency: 'EUR' });

    const won = await actOk(rep.token, leadId, { type: 'won', amount: 20_000 });
    expect(won.lead.stage).toBe('won');
    // The opportunity's currency carries over when the deal closes without naming one.
    expect(won.events[0]?.payload).toMatchObject({ amount: 20_000, currency: 'EUR' });
    expect(won.lead.sales).toMatchObject({
      wonAmount: 20_000,
      attempts: 2,
      attemptChannels: ['phone', 'email'],
    });
    expect(won.lead.sales.wonAt).toBe(won.lead.sales.closedAt);

    const stored = await leadOf(ws, leadId);
    expect(stored.stage).toBe('won');
    // The answer's events are the stored ones, ids and all.
    expect(stored.events.at(-1)).toEqual(won.events[0]);
    expect(stored.events.map((e) => e.type).slice(-7)).toEqual([
      'assigned',
      'attempt',
      'attempt',
      'accepted',
      'qualified',
      'opportunity',
      'won',
    ]);

    // The row is the fold of the ledger: replaying every stored event gives the same lead.
    const events = await listLeadEvents(db(), testVault(db(), ws.id), ws.id, leadId);
    const row = await getLeadState(db(), testVault(db(), ws.id), ws.id, leadId);
    const replayed = events.reduce(applyEvent, newLeadState(leadId, row.createdAt));
    expect(replayed).toEqual(row);
  });

  it('should keep a lead SAL when a required criterion fails, naming it and suggesting the matching reasons', async () => {
    const ws = await signStarterAgreement();
    const { leadId } = await createMql(ws);
    const rep = ws.signers.sales.token;
    await actOk(rep, leadId, { type: 'accept' });
    const answer = await actOk(rep, leadId, {
      type: 'qualify',
      answers: {
        reached: true,
        need: false,
        decision_maker: true,
        timeframe: false,
        acceptable_deal: true,
        budget: false,
      },
      buyingHorizonMonths: 18,
    });
    expect(answer.lead.stage).toBe('sal');
    expect(answer.lead.salesTemperature).toBe('cold');
    expect(answer.outcome).toMatchObject({ sql: false });
    const outcome = answer.outcome as { failed: { code: string }[]; suggestedReasons: { code: string }[] };
    expect(outcome.failed.map((f) => f.code)).toEqual(['need', 'timeframe']);
    expect(outcome.suggestedReasons.map((r) => r.code).sort()).toEqual([
      'no_budget',
      'no_need',
      'no_timeframe',
    ]);
    expect(answer.events[0]?.payload).toMatchObject({ sql: false, failed: ['need', 'timeframe'] });

    // The person was reached (the checklist says so, and a connected call is logged): rejecting needs no more attempts.
    await actOk(rep, leadId, { type: 'attempt', channel: 'phone', outcome: 'connected' });
    // A reason tied to a criterion the checklist said was met is refused.
    const contradicted = await expectProblem(
      await act(rep, leadId, { type: 'reject', reasons: ['no_decision_maker'] }),
      409,
    );
    expect(contradicted.contradicted).toEqual([{ reason: 'no_decision_maker', criterion: 'decision_maker' }]);

    const rejected = await actOk(rep, leadId, {
      type: 'reject',
      reasons: ['no_need'],
      note: 'Uses a competitor',
    });
    expect(rejected.lead.stage).toBe('nurture');
    expect(rejected.lead.sales.reasons).toEqual(['no_need']);
    expect(rejected.outcome).toEqual({
      type: 'reject',
      destination: 'nurture',
      because: [
        {
          reason: 'no_need',
          label: 'No need we can address today',
          criterion: 'need',
          criterionLabel: 'A need we can address',
        },
      ],
    });
    // Marketing sees why.
    const seen = await call('GET', `/v1/leads/${leadId}`, { token: ws.tokens.marketing });
    const body = (await seen.json()) as { events: { type: string; payload: Record<string, unknown> }[] };
    expect(body.events.find((e) => e.type === 'rejected')?.payload).toMatchObject({
      reasons: ['no_need'],
      criteria: ['need'],
      destination: 'nurture',
    });
  });
});

describe('the attempt rule', () => {
  it('should refuse a rejection until 3 attempts over 2 channels are logged, saying what is missing', async () => {
    const ws = await signStarterAgreement();
    const { leadId } = await createMql(ws);
    const rep = ws.signers.sales.token;

    const none = await expectProblem(
      await act(rep, leadId, { type: 'reject', reasons: ['unreachable'] }),
      409,
    );
    expect(none.missing).toEqual({ attempts: 3, channels: 2 });
    expect(none.required).toEqual({ attempts: 3, channels: 2 });
    expect(String(none.detail)).toContain('3 more attempts and 2 more channels');

    await actOk(rep, leadId, { type: 'attempt', channel: 'phone', outcome: 'no_answer' });
    await actOk(rep, leadId, { type: 'attempt', channel: 'phone', outcome: 'left_message' });
    const sameChannel = await expectProblem(
      await act(rep, leadId, { type: 'reject', reasons: ['unreachable'] }),
      409,
    );
    expect(sameChannel.missing).toEqual({ attempts: 1, channels: 1 });
    expect(sameChannel.logged).toEqual({ attempts: 2, channels: ['phone'] });

    // Nurture before SQL is giving the lead up too: the same rule.
    await expectProblem(await act(rep, leadId, { type: 'nurture', reason: 'unreachable' }), 409);

    await actOk(rep, leadId, { type: 'attempt', channel: 'email', outcome: 'bounced' });
    const rejected = await actOk(rep, leadId, { type: 'reject', reasons: ['unreachable'] });
    expect(rejected.lead.stage).toBe('nurture');
    expect(rejected.lead.sales.decidedAt).toBe(rejected.events[0]?.occurredAt);
  });

  it('should let a hard disqualifier through at once, and send mixed reasons to the stronger destination', async () => {
    const ws = await signStarterAgreement();
    const spam = await createMql(ws);
    const out = await actOk(ws.signers.sales.token, spam.leadId, { type: 'reject', reasons: ['spam'] });
    expect(out.lead.stage).toBe('disqualified');
    expect(out.outcome).toMatchObject({
      destination: 'disqualified',
      because: [{ reason: 'spam', criterion: null }],
    });

    const mixed = await createMql(ws);
    await logMinimumAttempts(ws.signers.sales.token, mixed.leadId);
    const both = await actOk(ws.signers.sales.token, mixed.leadId, {
      type: 'reject',
      reasons: ['no_need', 'refused_deal'],
    });
    expect(both.lead.stage).toBe('disqualified');
    expect(both.events[0]?.payload).toMatchObject({
      criteria: ['need', 'acceptable_deal'],
      destination: 'disqualified',
    });
  });

  it('should follow the agreement: 2 attempts over 1 channel when that is what was signed', async () => {
    const ws = await signStarterAgreement(undefined, (a) => {
      a.sla.minAttempts = 2;
      a.sla.minChannels = 1;
    });
    const { leadId } = await createMql(ws);
    const rep = ws.signers.sales.token;
    await actOk(rep, leadId, { type: 'attempt', channel: 'phone', outcome: 'no_answer' });
    const short = await expectProblem(
      await act(rep, leadId, { type: 'reject', reasons: ['unreachable'] }),
      409,
    );
    expect(short.missing).toEqual({ attempts: 1, channels: 0 });
    await actOk(rep, leadId, { type: 'attempt', channel: 'phone', outcome: 'no_answer' });
    expect((await actOk(rep, leadId, { type: 'reject', reasons: ['unreachable'] })).lead.stage).toBe(
      'nurture',
    );
  });

  it('should refuse reasons the agreement does not define, naming the field', async () => {
    const ws = await signStarterAgreement();
    const { leadId } = await createMql(ws);
    const problem = await expectProblem(
      await act(ws.signers.sales.token, leadId, { type: 'reject', reasons: ['spam', 'weird_voice'] }),
      422,
    );
    expect(problem.errors).toEqual([{ path: 'reasons[1]', message: expect.stringContaining('weird_voice') }]);
    const nurture = await expectProblem(
      await act(ws.signers.sales.token, leadId, { type: 'nurture', reason: 'spam' }),
      422,
    );
    expect((nurture.errors as { path: string }[])[0]?.path).toBe('reason');
  });
});

describe('nurture and lost', () => {
  it('should send a postponed opportunity to nurture without the attempt rule, and close lost deals with a reason', async () => {
    const ws = await signStarterAgreement();
    const rep = ws.signers.sales.token;
    const toSql = async () => {
      const { leadId } = await createMql(ws);
      await actOk(rep, leadId, { type: 'accept' });
      await actOk(rep, leadId, {
        type: 'qualify',
        answers: { reached: true, need: true, decision_maker: true, timeframe: true, acceptable_deal: true },
      });
      return leadId;
    };

    const postponed = await toSql();
    await actOk(rep, postponed, { type: 'opportunity' });
    const nurtured = await actOk(rep, postponed, {
      type: 'nurture',
      reason: 'no_timeframe',
      note: 'Budget frozen until Q3',
    });
    expect(nurtured.lead.stage).toBe('nurture');
    expect(nurtured.lead.sales.reasons).toEqual(['no_timeframe']);

    const lost = await toSql();
    const closed = await actOk(rep, lost, { type: 'lost', reason: 'chose_competitor' });
    expect(closed.lead.stage).toBe('lost');
    expect(closed.lead.sales.reasons).toEqual(['chose_competitor']);
    expect(closed.lead.sales.closedAt).toBe(closed.events[0]?.occurredAt);

    const after = await expectProblem(await act(rep, lost, { type: 'won', amount: 100 }), 409);
    expect(after.allowedActions).toEqual(['feedback']);
    await expectProblem(await act(rep, lost, { type: 'lost', reason: 'Too expensive!' }), 422);
  });

  it('should let marketing log nurture touches on a nurtured lead, and nothing but feedback elsewhere', async () => {
    const ws = await signStarterAgreement();
    const { leadId } = await createMql(ws);
    const marketing = ws.tokens.marketing;
    const refused = await expectProblem(
      await act(marketing, leadId, { type: 'attempt', channel: 'email', outcome: 'no_answer' }),
      403,
    );
    expect(String(refused.detail)).toContain('nurtured');
    await actOk(ws.signers.sales.token, leadId, { type: 'reject', reasons: ['out_of_scope'] });
    // out_of_scope disqualifies; a nurture lead is needed for marketing's touch.
    const nurtureLead = await createMql(ws);
    await logMinimumAttempts(ws.signers.sales.token, nurtureLead.leadId);
    await actOk(ws.signers.sales.token, nurtureLead.leadId, { type: 'nurture', reason: 'unreachable' });
    const touch = await actOk(marketing, nurtureLead.leadId, {
      type: 'attempt',
      channel: 'email',
      outcome: 'connected',
    });
    expect(touch.lead.stage).toBe('nurture');
    expect(touch.events[0]?.actor.id).toBe(ws.tokenIds.marketing);
    await expectProblem(
      await act(marketing, nurtureLead.leadId, { type: 'nurture', reason: 'no_need' }),
      403,
    );
  });
});

describe('the stage machine', () => {
  it('should answer 409 with the allowed actions when the stage does not allow the action', async () => {
    const ws = await signStarterAgreement();
    const { leadId } = await createMql(ws);
    const rep = ws.signers.sales.token;
    for (const type of ['qualify', 'won', 'opportunity', 'lost'] as const) {
      const body = {
        qualify: { answers: {} },
        won: { amount: 1 },
        opportunity: {},
        lost: { reason: 'price' },
      }[type];
      const problem = await expectProblem(await act(rep, leadId, { type, ...body }), 409);
      expect(problem.allowedActions).toEqual([
        'attempt',
        'accept',
        'reject',
        'nurture',
        'assign',
        'feedback',
      ]);
      expect(problem.stage).toBe('mql');
    }
    await actOk(rep, leadId, { type: 'accept' });
    const again = await expectProblem(await act(rep, leadId, { type: 'accept' }), 409);
    expect(again.allowedActions).toEqual(['attempt', 'qualify', 'reject', 'nurture', 'assign', 'feedback']);
  });

  it('should allow nothing on a lead that was never handed over (no signed agreement yet)', async () => {
    const ws = await createTestWorkspace();
    const source = await call('POST', '/v1/sources', {
      token: ws.tokens.admin,
      json: { name: 'Form', provider: 'generic', origin: 'marketing', createsLead: true },
    });
    const { id: sourceId } = (await source.json()) as { id: string };
    const posted = await call('POST', `/v1/intake/${sourceId}`, {
      token: ws.tokens.intake,
      json: { email: 'early@bird.pl', phone: '+48 600 000 001', consent: true },
      headers: WAIT_FOR_LEAD,
    });
    const { leadId } = (await posted.json()) as { leadId: string };
    const problem = await expectProblem(
      await act(ws.tokens.sales, leadId, { type: 'attempt', channel: 'phone', outcome: 'no_answer' }),
      409,
    );
    expect(problem.allowedActions).toEqual([]);
    expect(problem.stage).toBe('lead');
  });

  it('should keep every concurrent attempt and let only one of two concurrent accepts land', async () => {
    const ws = await signStarterAgreement();
    const { leadId } = await createMql(ws);
    const rep = ws.signers.sales.token;
    const attempts = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        act(rep, leadId, { type: 'attempt', channel: i % 2 ? 'phone' : 'email', outcome: 'no_answer' }),
      ),
    );
    expect(attempts.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const accepts = await Promise.all([
      act(rep, leadId, { type: 'accept' }),
      act(rep, leadId, { type: 'accept' }),
    ]);
    expect(accepts.map((r) => r.status).sort()).toEqual([200, 409]);
    const lead = await leadOf(ws, leadId);
    expect(lead.sales.attempts).toBe(6);
    // The channels come in the order the concurrent attempts landed: compare them as a set.
    expect([...(lead.sales.attemptChannels as string[])].sort()).toEqual(['email', 'phone']);
    expect(lead.events.filter((e) => e.type === 'accepted')).toHaveLength(1);
  });
});

describe('acting on the version one read (If-Match)', () => {
  it('should land on the version read, refuse a stale one with 412 and the current version, and record nothing', async () => {
    const ws = await signStarterAgreement();
    const { leadId } = await createMql(ws);
    const rep = ws.signers.sales.token;
    const read = await call('GET', `/v1/leads/${leadId}`, { token: rep });
    const etag = read.headers.get('etag');
    const events = ((await read.json()) as { events: { seq: number }[] }).events;
    expect(etag).toBe(`"lead-${events.length}"`);

    const attempt = { type: 'attempt', channel: 'phone', outcome: 'no_answer' };
    const first = await call('POST', `/v1/leads/${leadId}/actions`, {
      token: rep,
      json: attempt,
      headers: { 'if-match': etag ?? '' },
    });
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe(`"lead-${events.length + 1}"`);

    // Someone working from the same (now old) view is refused, and nothing is appended.
    const stale = await call('POST', `/v1/leads/${leadId}/actions`, {
      token: rep,
      json: { type: 'accept' },
      headers: { 'if-match': etag ?? '' },
    });
    const problem = await expectProblem(stale, 412);
    expect(problem.version).toBe(events.length + 1);
    expect(String(problem.detail)).toContain('changed since you read it');
    const lead = await leadOf(ws, leadId);
    expect(lead.stage).toBe('mql');
    expect(lead.events).toHaveLength(events.length + 1);

    // `*` and a list holding the current tag both match.
    await actOk(rep, leadId, attempt);
    const listed = await call('POST', `/v1/leads/${leadId}/actions`, {
      token: rep,
      json: { type: 'accept' },
      headers: { 'if-match': `"lead-1", "lead-${events.length + 2}"` },
    });
    expect(listed.status).toBe(200);
    const any = await call('POST', `/v1/leads/${leadId}/actions`, {
      token: rep,
      json: attempt,
      headers: { 'if-match': '*' },
    });
    expect(any.status).toBe(200);
  });
});

describe('time of an action', () => {
  it('should store work logged late at its time, and refuse the future and times before the hand-over', async () => {
    const ws = await signStarterAgreement();
    // Handed over an hour ago (the Worker's clock set back for the intake), worked since, logged now.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(Date.now() - 3_600_000));
    const { leadId } = await createMql(ws).finally(() => vi.useRealTimers());
    const rep = ws.signers.sales.token;
    const later = new Date(Date.now() - 60_000).toISOString();
    const earlier = new Date(Date.now() - 120_000).toISOString();
    await actOk(rep, leadId, { type: 'attempt', channel: 'phone', outcome: 'no_answer', occurredAt: later });
    const late = await actOk(rep, leadId, {
      type: 'attempt',
      channel: 'email',
      outcome: 'no_answer',
      occurredAt: earlier,
    });
    expect(late.events[0]?.occurredAt).toBe(earlier);
    // The first attempt is the earliest one, whatever order the work was logged in.
    expect(late.lead.sales.firstAttemptAt).toBe(earlier);

    const future = new Date(Date.now() + 3_600_000).toISOString();
    const problem = await expectProblem(
      await act(rep, leadId, { type: 'attempt', channel: 'phone', outcome: 'no_answer', occurredAt: future }),
      422,
    );
    expect((problem.errors as { path: string }[])[0]?.path).toBe('occurredAt');
    const before = await expectProblem(
      await act(rep, leadId, { type: 'accept', occurredAt: '2020-01-01T00:00:00Z' }),
      422,
    );
    expect((before.errors as { message: string }[])[0]?.message).toMatch(/at or after/);
    await expectProblem(await act(rep, leadId, { type: 'accept', occurredAt: 'yesterday' }), 422);
  });
});

describe('assignment', () => {
  it('should reassign to an active sales member and refuse inactive, non-sales, unknown and current owners', async () => {
    const ws = await signStarterAgreement();
    const { leadId, ownerId } = await createMql(ws);
    const anna = await addMember(ws, 'sales', { name: 'Anna Sales' });
    const idle = await addMember(ws, 'sales', { name: 'Idle Rep', active: false });

    const inactive = await expectProblem(
      await act(ws.tokens.manager, leadId, { type: 'assign', memberId: idle.memberId }),
      422,
    );
    expect(inactive.errors).toEqual([
      { path: 'memberId', message: 'Idle Rep is inactive and cannot own leads.' },
    ]);
    const marketer = await expectProblem(
      await act(ws.tokens.manager, leadId, { type: 'assign', memberId: ws.signers.marketing.memberId }),
      422,
    );
    expect(String((marketer.errors as { message: string }[])[0]?.message)).toContain('marketing side');
    await expectProblem(
      await act(ws.tokens.manager, leadId, { type: 'assign', memberId: 'mem_nobody' }),
      422,
    );
    await expectProblem(await act(ws.tokens.manager, leadId, { type: 'assign', memberId: ownerId }), 409);

    // Anna may not work the lead while it is someone else's...
    const notHers = await expectProblem(await act(anna.token, leadId, { type: 'accept' }), 403);
    expect(String(notHers.detail)).toContain(ownerId);
    const moved = await actOk(ws.tokens.manager, leadId, { type: 'assign', memberId: anna.memberId });
    expect(moved.lead.ownerId).toBe(anna.memberId);
    expect(moved.events[0]?.payload).toMatchObject({ memberId: anna.memberId, previousMemberId: ownerId });
    // ...and may once it is hers, while the previous owner may not.
    await actOk(anna.token, leadId, { type: 'accept' });
    await expectProblem(
      await act(ws.signers.sales.token, leadId, { type: 'attempt', channel: 'phone', outcome: 'no_answer' }),
      403,
    );
  });

  it('should make the sales member who accepts an unowned MQL its owner', async () => {
    const ws = await signStarterAgreement();
    // No active sales member at hand-over: the MQL has no owner.
    const off = await call('PATCH', `/v1/members/${ws.signers.sales.memberId}`, {
      token: ws.tokens.admin,
      json: { active: false },
    });
    expect(off.status).toBe(200);
    const posted = await call('POST', `/v1/intake/${ws.sourceId}`, {
      token: ws.tokens.intake,
      json: { email: 'orphan@lead.pl', phone: '+48 600 000 002', consent: true },
      headers: WAIT_FOR_LEAD,
    });
    const { leadId } = (await posted.json()) as { leadId: string };
    expect((await leadOf(ws, leadId)).ownerId).toBeNull();
    const bob = await addMember(ws, 'sales', { name: 'Bob' });
    const accepted = await actOk(bob.token, leadId, { type: 'accept' });
    expect(accepted.lead.ownerId).toBe(bob.memberId);
    expect(accepted.events.map((e) => e.type)).toEqual(['assigned', 'accepted']);
  });
});

describe('feedback', () => {
  it('should take answers to the agreement’s feedback questions, from sales and marketing', async () => {
    const ws = await signStarterAgreement();
    const { leadId } = await createMql(ws);
    const bad = await expectProblem(
      await act(ws.signers.sales.token, leadId, {
        type: 'feedback',
        answers: { conversation: 7, as_promised: 'yes', mood: 'great' },
        note: 'x',
      }),
      422,
    );
    expect((bad.errors as { path: string }[]).map((e) => e.path).sort()).toEqual([
      'answers.as_promised',
      'answers.conversation',
      'answers.mood',
    ]);
    const missing = await expectProblem(
      await act(ws.signers.sales.token, leadId, { type: 'feedback', answers: { conversation: 4 } }),
      422,
    );
    expect((missing.errors as { path: string }[]).map((e) => e.path)).toEqual(['answers.as_promised']);

    const given = await actOk(ws.signers.sales.token, leadId, {
      type: 'feedback',
      answers: { conversation: 4, as_promised: true, missing_info: 'Fleet size' },
      note: 'Good call',
    });
    expect(given.lead.stage).toBe('mql');
    expect(given.events[0]?.payload).toMatchObject({
      answers: { conversation: 4, as_promised: true },
      note: 'Good call',
    });
    const fromMarketing = await actOk(ws.tokens.marketing, leadId, {
      type: 'feedback',
      answers: { conversation: 3, as_promised: false },
    });
    expect(fromMarketing.events[0]?.payload).toMatchObject({ note: '' });
  });
});

describe('POST /v1/leads/{id}/actions: roles and tenancy', () => {
  const cases = [
    { role: 'admin', attempt: 200, feedback: 200 },
    { role: 'manager', attempt: 200, feedback: 200 },
    { role: 'sales', attempt: 200, feedback: 200 },
    { role: 'marketing', attempt: 403, feedback: 200 },
    { role: 'viewer', attempt: 403, feedback: 403 },
    { role: 'intake', attempt: 403, feedback: 403 },
  ] as const;

  it.each(cases)(
    'should answer $role: attempt $attempt, feedback $feedback',
    async ({ role, attempt, feedback }) => {
      const ws = await signStarterAgreement();
      const { leadId } = await createMql(ws);
      const token = ws.tokens[role];
      const a = await act(token, leadId, { type: 'attempt', channel: 'phone', outcome: 'no_answer' });
      if (attempt === 200) expect(a.status).toBe(200);
      else await expectProblem(a, attempt);
      const f = await act(token, leadId, {
        type: 'feedback',
        answers: { conversation: 5, as_promised: true },
      });
      if (feedback === 200) expect(f.status).toBe(200);
      else await expectProblem(f, feedback);
    },
  );

  it('should document one request body per action type in the OpenAPI document', async () => {
    const doc = (await (await call('GET', '/openapi.json')).json()) as {
      paths: Record<
        string,
        { post?: { requestBody: { content: Record<string, { schema: { oneOf?: unknown[] } }> } } }
      >;
    };
    const body = doc.paths['/v1/leads/{id}/actions']?.post?.requestBody.content['application/json']?.schema;
    expect(body?.oneOf).toHaveLength(10);
  });

  it('should answer 401 without a token, 404 for another workspace’s lead, 422 for a malformed action', async () => {
    const ws = await signStarterAgreement();
    const other = await signStarterAgreement();
    const { leadId } = await createMql(ws);
    await expectProblem(await act('', leadId, { type: 'accept' }), 401);
    await expectProblem(await act(other.tokens.admin, leadId, { type: 'accept' }), 404);
    await expectProblem(await act(ws.tokens.admin, 'lead_missing', { type: 'accept' }), 404);
    const unknown = await expectProblem(await act(ws.tokens.admin, leadId, { type: 'call_back' }), 422);
    expect((unknown.errors as { path: string }[])[0]?.path).toBe('type');
    const noChannel = await expectProblem(
      await act(ws.tokens.admin, leadId, { type: 'attempt', outcome: 'connected' }),
      422,
    );
    expect((noChannel.errors as { path: string }[]).map((e) => e.path)).toContain('channel');
    await expectProblem(
      await act(ws.tokens.admin, leadId, { type: 'attempt', channel: 'fax', outcome: 'connected' }),
      422,
    );
    const negative = await expectProblem(
      await act(ws.tokens.admin, leadId, { type: 'won', amount: -5 }),
      422,
    );
    expect((negative.errors as { path: string }[])[0]?.path).toBe('amount');
  });
});

describe('planAction (pure)', () => {
  const now = new Date('2026-03-02T10:00:00.000Z');
  const agreement = {
    version: 1,
    content: starterAgreement('en', { timezone: 'Europe/Warsaw', country: 'PL' }),
  };
  const mql = (): LeadState => ({
    ...newLeadState('lead_1', '2026-03-01T09:00:00.000Z'),
    stage: 'mql',
    mqlAt: '2026-03-01T09:00:00.000Z',
    ownerId: 'mem_rep',
    seq: 6,
  });
  const rep = { tokenId: 'tok_rep', role: 'sales' as const, memberId: 'mem_rep' };

  it('should store forgiven clock skew as now, never in the future', () => {
    const skewed = new Date(now.getTime() + 60_000).toISOString();
    const plan = planAction(
      mql(),
      { type: 'attempt', channel: 'phone', outcome: 'no_answer', occurredAt: skewed },
      agreement,
      rep,
      now,
    );
    expect(plan.events[0]?.occurredAt).toBe(now.toISOString());
    expect(plan.next.seq).toBe(7);
  });

  it('should refuse work before any agreement is active, and on a lead already erased', () => {
    expect(() => planAction(mql(), { type: 'accept' }, null, rep, now)).toThrow(/No agreement is active/);
    const erased = { ...mql(), erasedAt: '2026-03-02T09:00:00.000Z' };
    expect(() => planAction(erased, { type: 'accept' }, agreement, rep, now)).toThrow(/erased/);
  });

  it('should count a connected attempt as reaching the person, and nothing else', () => {
    const sales = { ...mql().sales, attempts: 1, attemptChannels: ['phone'] };
    expect(missingAttempts(sales, { minAttempts: 3, minChannels: 2 })).toEqual({ attempts: 2, channels: 1 });
    expect(
      missingAttempts({ ...sales, reachedAt: now.toISOString() }, { minAttempts: 3, minChannels: 2 }),
    ).toBeNull();
  });

  it('should take the won currency from the agreement goals when neither the action nor the opportunity names one', () => {
    const content = { ...agreement.content, goals: { ...agreement.content.goals, currency: 'PLN' } };
    const opportunity = { ...mql(), stage: 'opportunity' as const };
    const plan = planAction(opportunity, { type: 'won', amount: 10 }, { version: 2, content }, rep, now);
    expect(plan.events[0]).toMatchObject({
      type: 'won',
      agreementVersion: 2,
      payload: { amount: 10, currency: 'PLN' },
    });
    expect(plan.next.sales).toMatchObject({ wonAmount: 10, currency: 'PLN', wonAt: now.toISOString() });
  });
});
