import { fieldIssue, InvalidError } from '../../errors';
import { say } from '../../i18n';
import type { LeadState } from '../lead';
import { FUTURE_SKEW_MS } from '../touches';

/** The instant an action happened: given (not in the future, not before the handover) or now. */
export function occurredAtOf(given: string | undefined, state: LeadState, now: Date): string {
  if (given === undefined) return now.toISOString();
  const at = Date.parse(given);
  if (at > now.getTime() + FUTURE_SKEW_MS) {
    throw new InvalidError(say('actionAhead'), [
      fieldIssue('occurredAt', say('notInFuture', { now: now.toISOString() })),
    ]);
  }
  const floor = state.mqlAt ?? state.createdAt;
  if (at < Date.parse(floor)) {
    throw new InvalidError(say('actionBeforeHandover'), [
      fieldIssue('occurredAt', say('atOrAfter', { at: floor })),
    ]);
  }
  // Forgiven clock skew is stored as now, so no stored event lies in the future.
  return new Date(Math.min(at, now.getTime())).toISOString();
}
