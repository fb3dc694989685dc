import { fieldIssue, InvalidError } from '../errors';
import { say } from '../i18n';
import type { CanonicalSubmission } from './types';

/**
 * The agreement's door for a delivery: a lead needs a way to reach the person
 * (an e-mail or a phone) and, where the agreement asks for it, consent to be
 * contacted. Throws `InvalidError` naming the field; a delivery refused here is
 * `rejected`, never a lead.
 */
export function assertAdmissible(submission: CanonicalSubmission, consentRequired: boolean): void {
  if (!submission.email && !submission.phone) {
    throw new InvalidError(say('contactMissing'), [fieldIssue('email', say('contactField'))]);
  }
  if (consentRequired && submission.consent !== true) {
    throw new InvalidError(say('consentMissing'), [fieldIssue('consent', say('consentField'))]);
  }
}
