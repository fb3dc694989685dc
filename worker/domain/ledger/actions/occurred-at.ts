import { InvalidError } from '../../errors';
import type { LeadState } from '../lead';
import { FUTURE_SKEW_MS } from '../touches';

/** The instant an action happened: given (not in the future, not before the handover) or now. */
export function occurredAtOf(given: string | undefined, state: LeadState, now: Date): string {
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
