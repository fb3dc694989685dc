/**
 * What sales (and, narrowly, marketing) may do with a handed-over lead, and the
 * events each action appends. Pure: the lead, the active agreement, the team
 * and the time are passed in; `planAction` answers the events or throws a
 * DomainError the transport maps (409 with `allowedActions`, 422 with paths...).
 */
import * as z from 'zod';
import { salesTemperature } from '../agreement/evaluate';
import type { Agreement, RejectionReason } from '../agreement/schema';
import { Code } from '../agreement/schema';
import type { Role, Side } from '../constants';
import {
  ConflictError,
  DomainError,
  type FieldIssue,
  InvalidError,
  PreconditionFailedError,
} from '../errors';
import { say, sayList } from '../i18n';
import type { Caller } from '../tokens';
import type { LeadStage } from './constants';
import { ATTEMPT_CHANNELS, ATTEMPT_OUTCOMES } from './events';
import { applyEvent, type LeadState, type LedgerEvent } from './lead';
import { FUTURE_SKEW_MS } from './touches';

export const ACTION_TYPES = [
  'attempt',
  'accept',
  'qualify',
  'reject',
  'nurture',
  'opportunity',
  'won',
  'lost',
  'feedback',
  'assign',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

const Note = z.string().trim().max(4000, { message: 'Keep a note under 4,000 characters.' });
const Amount = z
  .number({ message: 'Must be a number.' })
  .min(0, { message: 'Must not be negative.' })
  .max(1e12, { message: 'Must be at most 1e12.' });
const Currency = z.string().regex(/^[A-Z]{3}$/, { message: 'Must be an ISO 4217 code such as EUR.' });

/** Every action may say when it happened (work logged late); never in the future. */
const when = {
  occurredAt: z.iso
    .datetime({ offset: true, message: 'Must be an ISO 8601 date-time with a time zone.' })
    .optional(),
};

export const AttemptAction = z.strictObject({
  type: z.literal('attempt'),
  channel: z.enum(ATTEMPT_CHANNELS),
  outcome: z.enum(ATTEMPT_OUTCOMES),
  note: Note.optional(),
  ...when,
});
export const AcceptAction = z.strictObject({ type: z.literal('accept'), note: Note.optional(), ...when });
export const QualifyAction = z.strictObject({
  type: z.literal('qualify'),
  /** SQL criterion code → met. */
  answers: z.record(z.string().min(1).max(64), z.boolean()),
  buyingHorizonMonths: z.int({ message: 'Must be a whole number of months.' }).min(0).max(240).optional(),
  note: Note.optional(),
  ...when,
});
export const RejectAction = z.strictObject({
  type: z.literal('reject'),
  reasons: z.array(Code).min(1, { message: 'Name at least one rejection reason.' }).max(10),
  note: Note.optional(),
  ...when,
});
export const NurtureAction = z.strictObject({
  type: z.literal('nurture'),
  /** A rejection reason of the agreement whose destination is nurture. */
  reason: Code,
  note: Note.optional(),
  ...when,
});
export const OpportunityAction = z.strictObject({
  type: z.literal('opportunity'),
  amount: Amount.optional(),
  currency: Currency.optional(),
  note: Note.optional(),
  ...when,
});
export const WonAction = z.strictObject({
  type: z.literal('won'),
  amount: Amount,
  currency: Currency.optional(),
  note: Note.optional(),
  ...when,
});
export const LostAction = z.strictObject({
  type: z.literal('lost'),
  /** A reason code: one of the agreement's rejection reasons, or the team's own (`chose_competitor`). */
  reason: Code,
  note: Note.optional(),
  ...when,
});
export const FeedbackAction = z.strictObject({
  type: z.literal('feedback'),
  /** Feedback question id → answer (yes_no: boolean, scale_1_5: 1..5, text: string). */
  answers: z.record(
    z.string().min(1).max(64),
    z.union([z.boolean(), z.number(), z.string().trim().max(2000)]),
  ),
  note: Note.default(''),
  ...when,
});
export const AssignAction = z.strictObject({
  type: z.literal('assign'),
  memberId: z.string().min(1).max(64),
  note: Note.optional(),
  ...when,
});

export const LeadAction = z.discriminatedUnion('type', [
  AttemptAction,
  AcceptAction,
  QualifyAction,
  RejectAction,
  NurtureAction,
  OpportunityAction,
  WonAction,
  LostAction,
  FeedbackAction,
  AssignAction,
]);
export type LeadAction = z.output<typeof LeadAction>;
export type LeadActionInput = z.input<typeof LeadAction>;

/**
 * The stage machine: which actions each stage allows. Before the handover
 * (prospect, lead) the lead is marketing's; closed stages take feedback only.
 * `attempt` on a nurtured lead is a nurture touch (marketing's programme).
 */
export const STAGE_ACTIONS: Record<LeadStage, readonly ActionType[]> = {
  prospect: [],
  lead: [],
  mql: ['attempt', 'accept', 'reject', 'nurture', 'assign', 'feedback'],
  sal: ['attempt', 'qualify', 'reject', 'nurture', 'assign', 'feedback'],
  sql: ['attempt', 'opportunity', 'lost', 'nurture', 'assign', 'feedback'],
  opportunity: ['attempt', 'won', 'lost', 'nurture', 'assign', 'feedback'],
  won: ['feedback'],
  lost: ['feedback'],
  nurture: ['attempt', 'feedback'],
  disqualified: ['feedback'],
};

/** Actions whose validity depends on whether the person was ever reached (the attempt rule). */
const BEFORE_SQL: readonly LeadStage[] = ['mql', 'sal'];

/** The actions a caller may take on a lead as it stands (empty once erased). */
export function allowedActions(state: Pick<LeadState, 'stage' | 'erasedAt'>): ActionType[] {
  return state.erasedAt ? [] : [...STAGE_ACTIONS[state.stage]];
}

/** A member as the sales workflow needs them: for assignment and to check who acts. */
export interface TeamMember {
  id: string;
  name: string;
  side: Side;
  active: boolean;
}

/** The active agreement: the version every action is recorded under. */
export interface ActiveAgreement {
  version: number;
  content: Agreement;
}

export interface QualifyOutcome {
  type: 'qualify';
  sql: boolean;
  failed: { code: string; label: string }[];
  /** Rejection reasons naming the failed criteria: what to send if the lead is not pursued. */
  suggestedReasons: { code: string; label: string; criterion: string | null; destination: string }[];
}

export interface RejectOutcome {
  type: 'reject';
  destination: 'nurture' | 'disqualified';
  /** Each reason as "because criterion X failed" (null criterion: a hard disqualifier). */
  because: { reason: string; label: string; criterion: string | null; criterionLabel: string | null }[];
}

export type ActionOutcome = QualifyOutcome | RejectOutcome | null;

export interface ActionPlan {
  events: LedgerEvent[];
  /** The lead after the events: what `appendStatements` stores. */
  next: LeadState;
  outcome: ActionOutcome;
}

function forbidden(message: string): DomainError {
  return new DomainError('forbidden', message);
}

/**
 * Who may do what through the actions route (the route's permission already
 * keeps viewer and intake tokens out):
 * - admin and manager: every action the stage allows, on any lead;
 * - sales: the same, but a token bound to a member acts only on leads that
 *   member owns or that have no owner yet (feedback excepted); unbound sales
 *   tokens (integrations) act on any lead;
 * - marketing: `feedback` on any handed-over lead, and `attempt` only on a
 *   nurtured lead (a nurture touch). Engagement touches go to `POST /v1/events`.
 */
export function checkCaller(
  state: Pick<LeadState, 'stage' | 'ownerId'>,
  type: ActionType,
  caller: Pick<Caller, 'role' | 'memberId'>,
): void {
  const role: Role = caller.role;
  if (role === 'admin' || role === 'manager') return;
  if (role === 'marketing') {
    if (type === 'feedback') return;
    if (type === 'attempt' && state.stage === 'nurture') return;
    throw forbidden(
      type === 'attempt'
        ? 'Marketing logs attempts only on nurtured leads (nurture touches); this lead is with sales.'
        : `Marketing may give feedback and log nurture touches, not ${type}: that is sales' decision.`,
    );
  }
  if (role === 'sales') {
    const owner = state.ownerId;
    if (type === 'feedback' || !caller.memberId || owner === null || owner === caller.memberId) return;
    throw forbidden(`This lead belongs to member ${owner}; ask a manager to reassign it before working it.`);
  }
  throw forbidden(`A ${role} token may not act on leads.`);
}

/** The instant an action happened: given (not in the future, not before the handover) or now. */
function occurredAtOf(given: string | undefined, state: LeadState, now: Date): string {
  if (given === undefined) return now.toISOString();
  const at = Date.parse(given);
  if (at > now.getTime() + FUTURE_SKEW_MS) {
    throw new InvalidError('An action cannot be logged ahead of time.', [
      { path: 'occurredAt', message: `Must not be in the future (now is ${now.toISOString()}).` },
    ]);
  }
  const floor = state.mqlAt ?? state.createdAt;
  if (at < Date.parse(floor)) {
    throw new InvalidError('An action cannot predate the lead being handed over.', [
      { path: 'occurredAt', message: `Must be at or after ${floor}.` },
    ]);
  }
  // Forgiven clock skew is stored as now, so no stored event lies in the future.
  return new Date(Math.min(at, now.getTime())).toISOString();
}

/** What the attempt rule still misses, or null when it is met (or the person was reached). */
export function missingAttempts(
  sales: LeadState['sales'],
  sla: Pick<Agreement['sla'], 'minAttempts' | 'minChannels'>,
): { attempts: number; channels: number } | null {
  if (sales.reachedAt !== null) return null;
  const attempts = Math.max(0, sla.minAttempts - sales.attempts);
  const channels = Math.max(0, sla.minChannels - sales.attemptChannels.length);
  return attempts === 0 && channels === 0 ? null : { attempts, channels };
}

function reasonsByCode(agreement: Agreement): Map<string, RejectionReason> {
  return new Map(agreement.rejectionReasons.map((r) => [r.code, r]));
}

function unknownReasonIssue(path: string, code: string, agreement: Agreement): FieldIssue {
  const known = agreement.rejectionReasons.map((r) => r.code).join(', ');
  return { path, message: `"${code}" is not a rejection reason of the active agreement (known: ${known}).` };
}

/**
 * Before SQL, giving a lead up (reject, or nurture) must keep the agreement: a
 * criterion-tied reason does not contradict the lead's last qualification, and
 * without a hard disqualifier the attempt rule is met (or the person was reached).
 */
function checkRejection(
  state: LeadState,
  reasons: RejectionReason[],
  agreement: Agreement,
  action: 'reject' | 'nurture',
): void {
  // After SQL the situation may change without a new checklist (a deal postponed): only the earlier stages are checked.
  if (!BEFORE_SQL.includes(state.stage)) return;
  const answers = state.sales.qualification ?? {};
  const contradicted = reasons.filter((r) => r.criterion !== null && answers[r.criterion] === true);
  if (contradicted.length > 0) {
    throw new ConflictError(
      `The last qualification says ${contradicted.map((r) => `"${r.criterion}"`).join(', ')} was met, so the lead cannot be rejected because it failed; qualify again if that changed.`,
      { contradicted: contradicted.map((r) => ({ reason: r.code, criterion: r.criterion })) },
    );
  }
  if (reasons.some((r) => r.hardDisqualifier)) return;
  const missing = missingAttempts(state.sales, agreement.sla);
  if (!missing) return;
  const { minAttempts, minChannels } = agreement.sla;
  const parts = [
    missing.attempts > 0 ? say('moreAttempts', { count: missing.attempts }) : null,
    missing.channels > 0 ? say('moreChannels', { count: missing.channels }) : null,
  ].filter((part) => part !== null);
  throw new ConflictError(
    say('attemptsRule', {
      minAttempts: say('attemptsAtLeast', { count: minAttempts }),
      minChannels: say('overChannels', { count: minChannels }),
      missing: sayList(parts),
    }),
    {
      action,
      missing,
      logged: { attempts: state.sales.attempts, channels: state.sales.attemptChannels },
      required: { attempts: minAttempts, channels: minChannels },
    },
  );
}

function assignee(memberId: string, team: readonly TeamMember[], state: LeadState): TeamMember {
  const member = team.find((m) => m.id === memberId);
  const issue = (message: string) => new InvalidError(message, [{ path: 'memberId', message }]);
  if (!member) throw issue(`No member ${memberId} in this workspace.`);
  if (!member.active) throw issue(`${member.name} is inactive and cannot own leads.`);
  if (member.side !== 'sales')
    throw issue(`${member.name} is on the ${member.side} side; leads are owned by sales.`);
  if (state.ownerId === member.id) throw new ConflictError(`${member.name} already owns this lead.`);
  return member;
}

function checkFeedback(answers: Record<string, boolean | number | string>, agreement: Agreement): void {
  const issues: FieldIssue[] = [];
  const questions = new Map(agreement.feedback.questions.map((q) => [q.id, q]));
  for (const [id, answer] of Object.entries(answers)) {
    const q = questions.get(id);
    const path = `answers.${id}`;
    if (!q) {
      issues.push({
        path,
        message: `Not a feedback question of the active agreement (known: ${[...questions.keys()].join(', ')}).`,
      });
    } else if (q.answer === 'yes_no' && typeof answer !== 'boolean') {
      issues.push({ path, message: 'Answer with true or false.' });
    } else if (
      q.answer === 'scale_1_5' &&
      !(typeof answer === 'number' && Number.isInteger(answer) && answer >= 1 && answer <= 5)
    ) {
      issues.push({ path, message: 'Answer with a whole number from 1 to 5.' });
    } else if (q.answer === 'text' && typeof answer !== 'string') {
      issues.push({ path, message: 'Answer with text.' });
    }
  }
  for (const q of agreement.feedback.questions) {
    const answer = answers[q.id];
    if (q.required && (answer === undefined || answer === '')) {
      issues.push({ path: `answers.${q.id}`, message: `Required: ${q.question}` });
    }
  }
  if (issues.length > 0)
    throw new InvalidError('The feedback does not answer the agreement’s questions.', issues);
}

const withNote = (note: string | undefined) => (note ? { note } : {});

/**
 * Plans one action on a lead: checks the caller, the stage machine and the
 * agreement, and returns the events to append (with the lead they make).
 * Throws `ConflictError` (409) with `allowedActions` when the stage does not
 * allow the action, and for the attempt rule with what is `missing`;
 * `InvalidError` (422) for input the agreement does not know; `forbidden` for
 * a caller outside the role rules above.
 */
export function planAction(
  state: LeadState,
  action: LeadAction,
  agreement: ActiveAgreement | null,
  caller: Pick<Caller, 'tokenId' | 'role' | 'memberId'>,
  now: Date,
  team: readonly TeamMember[] = [],
): ActionPlan {
  if (state.erasedAt) {
    throw new ConflictError(say('leadErased'), {
      stage: state.stage,
      allowedActions: [],
    });
  }
  checkCaller(state, action.type, caller);
  const allowed = allowedActions(state);
  if (!allowed.includes(action.type)) {
    throw new ConflictError(
      allowed.length === 0
        ? say('notHandedOver', { stage: state.stage })
        : say('actionNotAllowed', { stage: state.stage, action: action.type, allowed: allowed.join(', ') }),
      { stage: state.stage, allowedActions: allowed },
    );
  }
  if (!agreement) {
    throw new PreconditionFailedError(say('noActiveAgreement'));
  }
  const content = agreement.content;
  const occurredAt = occurredAtOf(action.occurredAt, state, now);
  const memberId = caller.memberId;
  const base = {
    occurredAt,
    actor: { type: 'token' as const, id: caller.tokenId },
    sourceId: null,
    campaign: null,
    agreementVersion: agreement.version,
  };
  const events: LedgerEvent[] = [];
  let outcome: ActionOutcome = null;
  const reasons = reasonsByCode(content);

  switch (action.type) {
    case 'attempt':
      events.push({
        ...base,
        type: 'attempt',
        payload: { memberId, channel: action.channel, outcome: action.outcome, ...withNote(action.note) },
      });
      break;

    case 'accept': {
      // Sales taking an unowned lead on becomes its owner.
      const self = team.find((m) => m.id === memberId);
      if (state.ownerId === null && self?.active && self.side === 'sales') {
        events.push({
          ...base,
          type: 'assigned',
          payload: { memberId: self.id, previousMemberId: null, byMemberId: memberId },
        });
      }
      events.push({ ...base, type: 'accepted', payload: { memberId, ...withNote(action.note) } });
      break;
    }

    case 'qualify': {
      const criteria = new Map(content.sqlCriteria.map((c) => [c.code, c]));
      const unknown = Object.keys(action.answers).filter((code) => !criteria.has(code));
      if (unknown.length > 0) {
        throw new InvalidError(
          'Answer only the SQL criteria of the active agreement.',
          unknown.map((code) => ({
            path: `answers.${code}`,
            message: `Not an SQL criterion of the active agreement (known: ${[...criteria.keys()].join(', ')}).`,
          })),
        );
      }
      const failed = content.sqlCriteria.filter((c) => c.required && action.answers[c.code] !== true);
      const falseOptional = content.sqlCriteria.filter(
        (c) => !c.required && action.answers[c.code] === false,
      );
      const sql = failed.length === 0;
      const horizon = action.buyingHorizonMonths;
      const temperature = horizon === undefined ? undefined : salesTemperature(horizon, content.temperature);
      events.push({
        ...base,
        type: 'qualified',
        payload: {
          memberId,
          answers: action.answers,
          ...(horizon === undefined ? {} : { buyingHorizonMonths: horizon, salesTemperature: temperature }),
          sql,
          failed: failed.map((c) => c.code),
          ...withNote(action.note),
        },
      });
      const named = new Set([...failed, ...falseOptional].map((c) => c.code));
      outcome = {
        type: 'qualify',
        sql,
        failed: failed.map((c) => ({ code: c.code, label: c.label })),
        suggestedReasons: sql
          ? []
          : content.rejectionReasons
              .filter((r) => r.criterion !== null && named.has(r.criterion))
              .map((r) => ({
                code: r.code,
                label: r.label,
                criterion: r.criterion,
                destination: r.destination,
              })),
      };
      break;
    }

    case 'reject': {
      const codes = [...new Set(action.reasons)];
      const unknown = codes.filter((code) => !reasons.has(code));
      if (unknown.length > 0) {
        throw new InvalidError(
          'Every rejection reason must be one the agreement defines.',
          unknown.map((code) =>
            unknownReasonIssue(`reasons[${action.reasons.indexOf(code)}]`, code, content),
          ),
        );
      }
      const chosen = codes.map((code) => reasons.get(code) as RejectionReason);
      checkRejection(state, chosen, content, 'reject');
      const destination = chosen.some((r) => r.destination === 'disqualified') ? 'disqualified' : 'nurture';
      const labelOf = new Map(content.sqlCriteria.map((c) => [c.code, c.label]));
      events.push({
        ...base,
        type: 'rejected',
        payload: {
          memberId,
          reasons: codes,
          criteria: chosen.flatMap((r) => (r.criterion ? [r.criterion] : [])),
          destination,
          ...withNote(action.note),
        },
      });
      outcome = {
        type: 'reject',
        destination,
        because: chosen.map((r) => ({
          reason: r.code,
          label: r.label,
          criterion: r.criterion,
          criterionLabel: r.criterion ? (labelOf.get(r.criterion) ?? null) : null,
        })),
      };
      break;
    }

    case 'nurture': {
      const reason = reasons.get(action.reason);
      if (!reason)
        throw new InvalidError('Unknown nurture reason.', [
          unknownReasonIssue('reason', action.reason, content),
        ]);
      if (reason.destination !== 'nurture') {
        throw new InvalidError(
          `"${reason.code}" disqualifies a lead; send it with a reject action instead.`,
          [{ path: 'reason', message: 'Must be a reason whose destination is nurture.' }],
        );
      }
      checkRejection(state, [reason], content, 'nurture');
      events.push({
        ...base,
        type: 'nurtured',
        payload: { memberId, reason: reason.code, ...withNote(action.note) },
      });
      break;
    }

    case 'opportunity':
      events.push({
        ...base,
        type: 'opportunity',
        payload: {
          memberId,
          ...(action.amount === undefined ? {} : { amount: action.amount }),
          ...(action.currency === undefined ? {} : { currency: action.currency }),
          ...withNote(action.note),
        },
      });
      break;

    case 'won':
      events.push({
        ...base,
        type: 'won',
        payload: {
          memberId,
          amount: action.amount,
          currency: action.currency ?? state.sales.currency ?? content.goals.currency,
          ...withNote(action.note),
        },
      });
      break;

    case 'lost':
      events.push({
        ...base,
        type: 'lost',
        payload: { memberId, reason: action.reason, ...withNote(action.note) },
      });
      break;

    case 'feedback':
      checkFeedback(action.answers, content);
      events.push({
        ...base,
        type: 'feedback',
        payload: { memberId, answers: action.answers, note: action.note },
      });
      break;

    case 'assign': {
      const member = assignee(action.memberId, team, state);
      events.push({
        ...base,
        type: 'assigned',
        payload: {
          memberId: member.id,
          previousMemberId: state.ownerId,
          byMemberId: memberId,
          ...withNote(action.note),
        },
      });
      break;
    }
  }

  let next = state;
  for (const event of events) next = applyEvent(next, event);
  return { events, next, outcome };
}
