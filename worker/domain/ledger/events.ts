/**
 * Payloads of the sales-side ledger events. Every one of these is a
 * `LedgerEvent` whose `actor` is the token that acted (`{ type: 'token', id }`),
 * whose `agreementVersion` is the active version at the time, and whose payload
 * carries `memberId` (the person behind the token, null for an unbound token).
 *
 * Readers (reports, SLA clock, the sheet) rely on these shapes; they only grow.
 */
import type { RejectionDestination, TemperatureLevel } from '../agreement/constants';
import type { EventType } from './constants';

export const ATTEMPT_CHANNELS = ['phone', 'email', 'linkedin', 'meeting', 'other'] as const;
export type AttemptChannel = (typeof ATTEMPT_CHANNELS)[number];

export const ATTEMPT_OUTCOMES = [
  'no_answer',
  'left_message',
  'connected',
  'bounced',
  'wrong_number',
] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

/** Who acted, besides the token id in `actor.id`: the member the token is bound to. */
interface ByMember {
  memberId: string | null;
}

export interface AttemptPayload extends ByMember {
  channel: AttemptChannel;
  outcome: AttemptOutcome;
  note?: string;
}

export type AcceptedPayload = ByMember;

export interface QualifiedPayload extends ByMember {
  /** The SQL checklist as answered: criterion code → met. */
  answers: Record<string, boolean>;
  buyingHorizonMonths?: number;
  /** From `buyingHorizonMonths` by the agreement's sales thresholds. */
  salesTemperature?: TemperatureLevel;
  /** True when every required criterion is met: the lead became an SQL. */
  sql: boolean;
  /** Required criteria answered false (or not answered); empty when `sql`. */
  failed: string[];
  note?: string;
}

export interface RejectedPayload extends ByMember {
  /** Rejection reason codes of the agreement version in `agreementVersion`. */
  reasons: string[];
  /** The SQL criteria those reasons name ("rejected because criterion X failed"). */
  criteria: string[];
  destination: RejectionDestination;
  note?: string;
}

export interface NurturedPayload extends ByMember {
  reason: string;
}

export interface OpportunityPayload extends ByMember {
  amount?: number;
  currency?: string;
}

export interface WonPayload extends ByMember {
  amount: number;
  /** ISO 4217; the agreement's goal currency when the action did not name one, null when neither did. */
  currency: string | null;
}

export interface LostPayload extends ByMember {
  reason: string;
}

export interface FeedbackPayload extends ByMember {
  /** Feedback question id → answer (yes_no: boolean, scale_1_5: 1..5, text: string). */
  answers: Record<string, boolean | number | string>;
  note: string;
}

/**
 * The lead's owner changed. Routing writes `{ memberId, rule?... }` (actor
 * `system`); a person reassigning writes `{ memberId, previousMemberId, byMemberId }`.
 */
export interface AssignedPayload {
  /** Set by routing: the rule that picked the owner. */
  rule?: string | null;
  memberId: string;
  previousMemberId?: string | null;
  byMemberId?: string | null;
}

/** Personal data was erased from the lead and from every earlier payload; nothing personal here either. */
export interface ErasedPayload {
  byMemberId?: string | null;
}

/** Payload type per sales event type. */
export interface SalesEventPayloads {
  attempt: AttemptPayload;
  accepted: AcceptedPayload;
  qualified: QualifiedPayload;
  rejected: RejectedPayload;
  nurtured: NurturedPayload;
  opportunity: OpportunityPayload;
  won: WonPayload;
  lost: LostPayload;
  feedback: FeedbackPayload;
  assigned: AssignedPayload;
  erased: ErasedPayload;
}

export type SalesEventType = keyof SalesEventPayloads & EventType;
