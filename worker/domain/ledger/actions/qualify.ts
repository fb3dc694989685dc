import { salesTemperature } from '../../agreement/evaluate';
import { fieldIssue, InvalidError } from '../../errors';
import { say } from '../../i18n';
import type { QualifyAction } from './schemas';
import { type PlannedEvents, type PlannerContext, withNote } from './types';

/**
 * The SQL checklist: only the agreement's criteria may be answered; the lead is
 * an SQL when every required one is met, and otherwise the answer suggests the
 * rejection reasons tied to the criteria that failed (required or answered no).
 */
export function planQualify(
  action: QualifyAction,
  { base, memberId, content }: PlannerContext,
): PlannedEvents {
  const criteria = new Map(content.sqlCriteria.map((c) => [c.code, c]));
  const unknown = Object.keys(action.answers).filter((code) => !criteria.has(code));
  if (unknown.length > 0) {
    throw new InvalidError(
      say('answerOnlyCriteria'),
      unknown.map((code) =>
        fieldIssue(`answers.${code}`, say('notSqlCriterion', { known: [...criteria.keys()].join(', ') })),
      ),
    );
  }
  const failed = content.sqlCriteria.filter((c) => c.required && action.answers[c.code] !== true);
  const falseOptional = content.sqlCriteria.filter((c) => !c.required && action.answers[c.code] === false);
  const sql = failed.length === 0;
  const horizon = action.buyingHorizonMonths;
  const temperature = horizon === undefined ? undefined : salesTemperature(horizon, content.temperature);
  const named = new Set([...failed, ...falseOptional].map((c) => c.code));
  return {
    events: [
      {
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
      },
    ],
    outcome: {
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
    },
  };
}
