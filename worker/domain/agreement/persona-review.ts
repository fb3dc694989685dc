import { fieldIssue, InvalidError } from '../errors';
import { say } from '../i18n';
import type { Persona } from './schema';
import { addMonths, type CreatePersonaReview } from './versions';

/** When a review happened and when the next one is due, checked against today in the agreement's time zone. */
export function personaReviewDates(
  input: Pick<CreatePersonaReview, 'reviewedOn' | 'nextDueOn'>,
  persona: Pick<Persona, 'reviewEveryMonths'>,
  today: string,
): { reviewedOn: string; nextDueOn: string } {
  const reviewedOn = input.reviewedOn ?? today;
  if (reviewedOn > today) {
    throw new InvalidError(say('reviewAhead'), [
      fieldIssue('reviewedOn', say('reviewOnOrBefore', { date: today })),
    ]);
  }
  const nextDueOn = input.nextDueOn ?? addMonths(reviewedOn, persona.reviewEveryMonths);
  if (nextDueOn <= reviewedOn) {
    throw new InvalidError(say('reviewNextAfter'), [
      fieldIssue('nextDueOn', say('mustBeAfter', { date: reviewedOn })),
    ]);
  }
  return { reviewedOn, nextDueOn };
}

export interface PersonaReviewStatus {
  lastReviewedOn: string | null;
  /** When the next review is due; null when the persona was never reviewed. */
  nextDueOn: string | null;
  guardianMemberId: string | null;
}

/** The persona's governance deadline: the latest recorded review's, else the agreement's last review + cadence. */
export function personaReviewStatusOf(
  persona: Pick<Persona, 'lastReviewedOn' | 'reviewEveryMonths' | 'guardianMemberId'>,
  latest: { reviewedOn: string; nextDueOn: string } | undefined,
): PersonaReviewStatus {
  if (latest) {
    return {
      lastReviewedOn: latest.reviewedOn,
      nextDueOn: latest.nextDueOn,
      guardianMemberId: persona.guardianMemberId,
    };
  }
  const last = persona.lastReviewedOn;
  return {
    lastReviewedOn: last,
    nextDueOn: last ? addMonths(last, persona.reviewEveryMonths) : null,
    guardianMemberId: persona.guardianMemberId,
  };
}
