import type { Agreement } from '../../agreement/schema';
import type { Side } from '../../constants';
import type { Actor, LeadState, LedgerEvent } from '../lead';

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

/** What every planner is given: the lead, the agreement in force, who acts, and the fields every event shares. */
export interface PlannerContext {
  state: LeadState;
  content: Agreement;
  /** The acting token's member (null for an unbound token). */
  memberId: string | null;
  team: readonly TeamMember[];
  base: {
    occurredAt: string;
    actor: Actor;
    sourceId: null;
    campaign: null;
    agreementVersion: number;
  };
}

/** A planner's answer: the events to append, and what the caller is told besides the lead. */
export interface PlannedEvents {
  events: LedgerEvent[];
  outcome: ActionOutcome;
}

/** An optional note, carried only when given. */
export const withNote = (note: string | undefined) => (note ? { note } : {});
