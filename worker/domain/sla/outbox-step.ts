import { backoffMs } from './channels';
import { DELIVERY_BACKOFF_BASE_MS, DELIVERY_BACKOFF_CAP_MS, DELIVERY_MAX_ATTEMPTS } from './constants';

/** What one try to send a message came to: sent, or why not and whether another try could help. */
export type SendOutcome = { ok: true } | { ok: false; error: string; final: boolean };

/** What the outbox row becomes after a try: delivered, given up (its body forgotten), or tried again later. */
export type OutboxStep =
  | { status: 'delivered' }
  | { status: 'failed'; error: string }
  | { status: 'retry'; error: string; retryAt: Date };

/** The outbox's operator notes (its `last_error` column) for a message that cannot be sent at all. */
export const CHANNEL_DELETED_ERROR = 'The channel was deleted.';
export const BODY_UNREADABLE_ERROR = 'The message can no longer be read.';
/** …and for one still unsent when a person it names was erased: it is never sent. */
export const PERSON_ERASED_ERROR = 'The person was erased.';

/**
 * After the `attempts`-th try: a sent message is delivered; a final failure, or the last allowed
 * try, gives up; anything else is tried again after an exponential backoff from `now`.
 */
export function outboxStep(outcome: SendOutcome, attempts: number, now: Date): OutboxStep {
  if (outcome.ok) return { status: 'delivered' };
  if (outcome.final || attempts >= DELIVERY_MAX_ATTEMPTS) return { status: 'failed', error: outcome.error };
  const wait = backoffMs(attempts, DELIVERY_BACKOFF_BASE_MS, DELIVERY_BACKOFF_CAP_MS);
  return { status: 'retry', error: outcome.error, retryAt: new Date(now.getTime() + wait) };
}
