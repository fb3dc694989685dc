import type { Agreement, RejectionReason } from '../../agreement/schema';
import { ConflictError, type FieldIssue, fieldIssue } from '../../errors';
import { say, sayList, verbatim } from '../../i18n';
import type { LeadState } from '../lead';
import { BEFORE_SQL } from './stage-machine';

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

export function reasonsByCode(agreement: Agreement): Map<string, RejectionReason> {
  return new Map(agreement.rejectionReasons.map((r) => [r.code, r]));
}

export function unknownReasonIssue(path: string, code: string, agreement: Agreement): FieldIssue {
  const known = agreement.rejectionReasons.map((r) => r.code).join(', ');
  return fieldIssue(path, say('unknownRejectionReason', { code: verbatim(code), known }));
}

/**
 * Before SQL, giving a lead up (reject, or nurture) must keep the agreement: a
 * criterion-tied reason does not contradict the lead's last qualification, and
 * without a hard disqualifier the attempt rule is met (or the person was reached).
 */
export function checkRejection(
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
      say('qualificationContradicts', {
        criteria: contradicted.map((r) => `"${r.criterion}"`).join(', '),
      }),
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
