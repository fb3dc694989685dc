import { describe, expect, it } from 'vitest';
import { starterAgreement } from '../../worker/domain/agreement/templates';
import { DomainError } from '../../worker/domain/errors';
import {
  type LeadAction,
  type PlannerContext,
  planAccept,
  planAction,
  planAssign,
  planAttempt,
  planFeedback,
  planLost,
  planNurture,
  planOpportunity,
  planQualify,
  planReject,
  planWon,
  type TeamMember,
} from '../../worker/domain/ledger/actions';
import { type LeadState, newLeadState } from '../../worker/domain/ledger/lead';

/** One planner per action, each checked on its own table; `planAction` only dispatches after the shared checks. */

const NOW = new Date('2026-03-02T10:00:00.000Z');
const CONTENT = starterAgreement('en', { timezone: 'Europe/Warsaw', country: 'PL' });
const TEAM: TeamMember[] = [
  { id: 'mem_rep', name: 'Rita Rep', side: 'sales', active: true },
  { id: 'mem_ola', name: 'Ola Sales', side: 'sales', active: true },
  { id: 'mem_old', name: 'Old Timer', side: 'sales', active: false },
  { id: 'mem_mkt', name: 'Marta Marketing', side: 'marketing', active: true },
];

function lead(patch: Partial<LeadState> = {}, sales: Partial<LeadState['sales']> = {}): LeadState {
  const base = newLeadState('lead_1', '2026-03-01T09:00:00.000Z');
  return {
    ...base,
    stage: 'mql',
    mqlAt: '2026-03-01T09:00:00.000Z',
    ownerId: 'mem_rep',
    seq: 6,
    ...patch,
    sales: { ...base.sales, ...sales },
  };
}

function context(state: LeadState, memberId: string | null = 'mem_rep'): PlannerContext {
  return {
    state,
    content: CONTENT,
    memberId,
    team: TEAM,
    base: {
      occurredAt: NOW.toISOString(),
      actor: { type: 'token', id: 'tok_rep' },
      sourceId: null,
      campaign: null,
      agreementVersion: 3,
    },
  };
}

/** The refusal a planner throws: its code, message and field paths, to compare in a table. */
function refusal(fn: () => unknown): { code: string; message: string; paths: string[] } | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, message: String(error.message), paths: error.issues.map((i) => i.path) };
  }
}

const reached = { attempts: 1, attemptChannels: ['phone'], reachedAt: '2026-03-01T10:00:00.000Z' };
const triedEnough = { attempts: 3, attemptChannels: ['phone', 'email'] };

describe('planAttempt', () => {
  it.each([
    ['phone', 'no_answer', undefined, {}],
    ['email', 'left_message', 'Sent the deck', { note: 'Sent the deck' }],
  ] as const)('should log a %s attempt (%s) with the acting member', (channel, outcome, note, extra) => {
    const planned = planAttempt({ type: 'attempt', channel, outcome, note }, context(lead()));
    expect(planned.outcome).toBeNull();
    expect(planned.events).toEqual([
      expect.objectContaining({
        type: 'attempt',
        agreementVersion: 3,
        payload: { memberId: 'mem_rep', channel, outcome, ...extra },
      }),
    ]);
  });
});

describe('planAccept', () => {
  it.each([
    ['an owned lead', lead(), 'mem_rep', ['accepted']],
    [
      'an unowned lead, accepted by a sales member',
      lead({ ownerId: null }),
      'mem_ola',
      ['assigned', 'accepted'],
    ],
    ['an unowned lead, accepted by an inactive member', lead({ ownerId: null }), 'mem_old', ['accepted']],
    ['an unowned lead, accepted by marketing', lead({ ownerId: null }), 'mem_mkt', ['accepted']],
    ['an unowned lead, accepted by an unbound token', lead({ ownerId: null }), null, ['accepted']],
  ] as const)('should accept %s', (_name, state, memberId, types) => {
    const planned = planAccept({ type: 'accept' }, context(state, memberId));
    expect(planned.events.map((e) => e.type)).toEqual(types);
    if (types.length === 2) {
      expect(planned.events[0]?.payload).toEqual({ memberId, previousMemberId: null, byMemberId: memberId });
    }
  });
});

describe('planQualify', () => {
  const all = {
    reached: true,
    need: true,
    decision_maker: true,
    timeframe: true,
    acceptable_deal: true,
  };
  it.each([
    ['every required criterion met', all, true, [], []],
    ['a required criterion failed', { ...all, need: false }, false, ['need'], ['no_need']],
    [
      'a required criterion left out, and an optional one answered no',
      { ...all, timeframe: undefined, budget: false },
      false,
      ['timeframe'],
      ['no_timeframe', 'no_budget'],
    ],
    ['an optional criterion answered no while the required are met', { ...all, budget: false }, true, [], []],
  ])('should judge %s', (_name, answers, sql, failed, suggested) => {
    const clean = Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined)) as Record<
      string,
      boolean
    >;
    const planned = planQualify({ type: 'qualify', answers: clean }, context(lead({ stage: 'sal' })));
    expect(planned.events[0]).toMatchObject({ type: 'qualified', payload: { sql, failed } });
    expect(planned.outcome).toMatchObject({ type: 'qualify', sql });
    const outcome = planned.outcome as { failed: { code: string }[]; suggestedReasons: { code: string }[] };
    expect(outcome.failed.map((f) => f.code)).toEqual(failed);
    expect(outcome.suggestedReasons.map((r) => r.code)).toEqual(suggested);
  });

  it('should record the sales temperature from the buying horizon, and refuse criteria the agreement lacks', () => {
    const warm = planQualify(
      { type: 'qualify', answers: all, buyingHorizonMonths: 3 },
      context(lead({ stage: 'sal' })),
    );
    expect(warm.events[0]?.payload).toMatchObject({ buyingHorizonMonths: 3, salesTemperature: 'hot' });
    expect(
      refusal(() =>
        planQualify({ type: 'qualify', answers: { ...all, vibes: true } }, context(lead({ stage: 'sal' }))),
      ),
    ).toMatchObject({ code: 'invalid', paths: ['answers.vibes'] });
  });
});

describe('planReject', () => {
  it.each([
    ['a hard disqualifier, with no attempts', ['spam'], {}, 'disqualified'],
    ['a nurture reason after the attempt rule is met', ['no_budget'], triedEnough, 'nurture'],
    ['a nurture reason once the person was reached', ['no_need'], reached, 'nurture'],
    [
      'mixed reasons: the stronger destination wins',
      ['no_budget', 'refused_deal'],
      triedEnough,
      'disqualified',
    ],
  ] as const)('should reject with %s', (_name, reasons, sales, destination) => {
    const planned = planReject({ type: 'reject', reasons: [...reasons] }, context(lead({}, sales)));
    expect(planned.events[0]).toMatchObject({ type: 'rejected', payload: { reasons, destination } });
    expect(planned.outcome).toMatchObject({ type: 'reject', destination });
  });

  it.each([
    ['an unknown reason', ['spam', 'bad_vibes'], {}, {}, { code: 'invalid', paths: ['reasons[1]'] }],
    ['before the attempt rule is met', ['no_budget'], {}, {}, { code: 'conflict', paths: [] }],
    [
      'a reason the last qualification contradicts',
      ['no_need'],
      reached,
      { qualification: { need: true } },
      { code: 'conflict', paths: [] },
    ],
  ] as const)('should refuse %s', (_name, reasons, sales, more, expected) => {
    const state = lead({}, { ...sales, ...more });
    expect(
      refusal(() => planReject({ type: 'reject', reasons: [...reasons] }, context(state))),
    ).toMatchObject(expected);
  });

  it('should not apply the attempt rule after SQL (a deal postponed)', () => {
    const planned = planReject({ type: 'reject', reasons: ['no_budget'] }, context(lead({ stage: 'sql' })));
    expect(planned.events).toHaveLength(1);
  });
});

describe('planNurture', () => {
  it.each([
    ['a nurture reason after enough attempts', 'no_budget', triedEnough, null],
    ['an unknown reason', 'bad_vibes', triedEnough, { code: 'invalid', paths: ['reason'] }],
    ['a disqualifying reason', 'refused_deal', triedEnough, { code: 'invalid', paths: ['reason'] }],
    ['too few attempts', 'no_budget', {}, { code: 'conflict', paths: [] }],
  ] as const)('should handle %s', (_name, reason, sales, expected) => {
    const plan = () => planNurture({ type: 'nurture', reason }, context(lead({}, sales)));
    if (expected === null) {
      expect(plan().events[0]).toMatchObject({ type: 'nurtured', payload: { reason } });
    } else {
      expect(refusal(plan)).toMatchObject(expected);
    }
  });
});

describe('planOpportunity, planWon, planLost', () => {
  it.each([
    [{ type: 'opportunity' }, { type: 'opportunity', payload: { memberId: 'mem_rep' } }],
    [
      { type: 'opportunity', amount: 5000, currency: 'EUR' },
      { type: 'opportunity', payload: { amount: 5000, currency: 'EUR' } },
    ],
    [
      { type: 'lost', reason: 'chose_competitor' },
      { type: 'lost', payload: { reason: 'chose_competitor' } },
    ],
  ] as const)('should plan %o', (action, event) => {
    const ctx = context(lead({ stage: 'sql' }));
    const planned =
      action.type === 'lost' ? planLost({ ...action }, ctx) : planOpportunity({ ...action }, ctx);
    expect(planned.events).toHaveLength(1);
    expect(planned.events[0]).toMatchObject(event);
    expect(planned.outcome).toBeNull();
  });

  it.each([
    ['the action names one', 'USD', 'EUR', 'USD'],
    ['the opportunity named one', undefined, 'EUR', 'EUR'],
    ['only the agreement goals name one', undefined, null, CONTENT.goals.currency],
  ])('should book won revenue in the currency %s', (_name, given, opportunity, expected) => {
    const state = lead({ stage: 'opportunity' }, { currency: opportunity });
    const planned = planWon({ type: 'won', amount: 10, currency: given }, context(state));
    expect(planned.events[0]?.payload).toMatchObject({ amount: 10, currency: expected });
  });
});

describe('planFeedback', () => {
  const good = { conversation: 4, as_promised: true };
  it.each([
    ['the required answers', good, null],
    ['every answer', { ...good, best_contacts: 'The CFO', missing_info: 'Budget' }, null],
    ['an unknown question', { ...good, mood: 'ok' }, ['answers.mood']],
    ['a scale out of range', { ...good, conversation: 6 }, ['answers.conversation']],
    ['words for yes or no', { ...good, as_promised: 'yes' }, ['answers.as_promised']],
    ['a number for text', { ...good, best_contacts: 3 }, ['answers.best_contacts']],
    ['a required answer missing', { conversation: 4 }, ['answers.as_promised']],
  ])('should handle %s', (_name, answers, paths) => {
    const plan = () => planFeedback({ type: 'feedback', answers, note: '' }, context(lead({ stage: 'won' })));
    if (paths === null) {
      expect(plan().events[0]).toMatchObject({ type: 'feedback', payload: { answers, note: '' } });
    } else {
      expect(refusal(plan)).toMatchObject({ code: 'invalid', paths });
    }
  });
});

describe('planAssign', () => {
  it.each([
    ['an active sales member', 'mem_ola', null],
    ['an unknown member', 'mem_nobody', { code: 'invalid', paths: ['memberId'] }],
    ['an inactive member', 'mem_old', { code: 'invalid', paths: ['memberId'] }],
    ['a marketing member', 'mem_mkt', { code: 'invalid', paths: ['memberId'] }],
    ['the current owner', 'mem_rep', { code: 'conflict', paths: [] }],
  ] as const)('should handle %s', (_name, memberId, expected) => {
    const plan = () => planAssign({ type: 'assign', memberId }, context(lead()));
    if (expected === null) {
      expect(plan().events[0]?.payload).toEqual({
        memberId,
        previousMemberId: 'mem_rep',
        byMemberId: 'mem_rep',
      });
    } else {
      expect(refusal(plan)).toMatchObject(expected);
    }
  });
});

describe('planAction dispatches each action to its planner after the shared checks', () => {
  const agreement = { version: 3, content: CONTENT };
  const rep = { tokenId: 'tok_rep', role: 'sales' as const, memberId: 'mem_rep' };
  const cases: [LeadState['stage'], LeadAction, readonly string[]][] = [
    ['mql', { type: 'attempt', channel: 'phone', outcome: 'no_answer' }, ['attempt']],
    ['mql', { type: 'accept' }, ['accepted']],
    ['sal', { type: 'qualify', answers: { reached: true } }, ['qualified']],
    ['mql', { type: 'reject', reasons: ['spam'] }, ['rejected']],
    ['opportunity', { type: 'nurture', reason: 'no_budget' }, ['nurtured']],
    ['sql', { type: 'opportunity' }, ['opportunity']],
    ['opportunity', { type: 'won', amount: 1 }, ['won']],
    ['opportunity', { type: 'lost', reason: 'chose_competitor' }, ['lost']],
    ['won', { type: 'feedback', answers: { conversation: 5, as_promised: true }, note: '' }, ['feedback']],
    ['mql', { type: 'assign', memberId: 'mem_ola' }, ['assigned']],
  ];
  it.each(cases)('should plan on a %s lead: %o', (stage, action, types) => {
    const plan = planAction(lead({ stage }), action, agreement, rep, NOW, TEAM);
    expect(plan.events.map((e) => e.type)).toEqual(types);
    expect(plan.next.seq).toBe(6 + types.length);
  });

  it('should refuse an action the stage does not allow before any planner runs', () => {
    expect(
      refusal(() => planAction(lead({ stage: 'won' }), { type: 'accept' }, agreement, rep, NOW, TEAM)),
    ).toMatchObject({ code: 'conflict' });
  });
});
