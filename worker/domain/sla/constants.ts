/** The SLA clock's vocabulary, shared by the Worker, the schema and the add-on. */

/** Deadlines every MQL gets (DOMAIN.md, "Handoff SLA"). */
export const LEAD_DEADLINE_KINDS = ['first_touch', 'attempts', 'decision'] as const;
export type LeadDeadlineKind = (typeof LEAD_DEADLINE_KINDS)[number];

/** Deadlines the team as a whole keeps (persona review, agreement review, the weekly meeting's agenda). */
export const GOVERNANCE_DEADLINE_KINDS = ['persona_review', 'agreement_review', 'weekly_report'] as const;
export type GovernanceDeadlineKind = (typeof GOVERNANCE_DEADLINE_KINDS)[number];

export const DEADLINE_KINDS = [...LEAD_DEADLINE_KINDS, ...GOVERNANCE_DEADLINE_KINDS] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/**
 * `pending` → `due_soon` → `breached` while open; `met` / `met_late` once the
 * action happened (before / after the due time); `cancelled` when the lead was
 * erased, so no clock keeps running for a person who asked to be forgotten.
 */
export const DEADLINE_STATUSES = ['pending', 'due_soon', 'breached', 'met', 'met_late', 'cancelled'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

export const OPEN_DEADLINE_STATUSES = [
  'pending',
  'due_soon',
  'breached',
] as const satisfies readonly DeadlineStatus[];
export type OpenDeadlineStatus = (typeof OPEN_DEADLINE_STATUSES)[number];

/**
 * What the sweep or a writer records about a deadline, at most once each (the
 * step is part of the transition's key). `settled` covers met, met late and the
 * weekly agenda being posted; `cancelled` an erased lead.
 */
export const TRANSITION_STEPS = ['due_soon', 'breached', 'escalated', 'settled', 'cancelled'] as const;
export type TransitionStep = (typeof TRANSITION_STEPS)[number];

/** Where notifications go: incoming webhooks of the team's chat, or any endpoint that checks our signature. */
export const CHANNEL_KINDS = ['google_chat', 'slack', 'webhook'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** What a channel may subscribe to. */
export const NOTIFICATION_TOPICS = ['due_soon', 'breached', 'escalated', 'agenda'] as const;
export type NotificationTopic = (typeof NOTIFICATION_TOPICS)[number];

export const OUTBOX_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** A deadline is due soon when this share of its business-time span remains… */
export const DUE_SOON_FRACTION = 0.25;
/** …but never earlier than this many business hours before it is due (a 10-day decision warns a day ahead). */
export const DUE_SOON_MAX_HOURS = 8;
/** Governance deadlines (dates, not business hours) warn this many days ahead. */
export const GOVERNANCE_DUE_SOON_DAYS = 7;
/** The weekly agenda is posted this long before the meeting starts. */
export const AGENDA_LEAD_MINUTES = 60;

/** Delivery retries: the n-th failure waits BASE × 2^(n−1), capped, and gives up after MAX_ATTEMPTS. */
export const DELIVERY_BACKOFF_BASE_MS = 60_000;
export const DELIVERY_BACKOFF_CAP_MS = 6 * 3_600_000;
export const DELIVERY_MAX_ATTEMPTS = 10;
/** A message claimed by a sweep is not claimed again for this long (a crashed sweep's messages retry after it). */
export const DELIVERY_LEASE_MS = 60_000;
