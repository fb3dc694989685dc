import type { Agreement } from '../../agreement/schema';
import { type FieldIssue, InvalidError } from '../../errors';
import type { FeedbackAction } from './schemas';
import type { PlannedEvents, PlannerContext } from './types';

function checkFeedback(answers: Record<string, boolean | number | string>, agreement: Agreement): void {
  const issues: FieldIssue[] = [];
  const questions = new Map(agreement.feedback.questions.map((q) => [q.id, q]));
  for (const [id, answer] of Object.entries(answers)) {
    const q = questions.get(id);
    const path = `answers.${id}`;
    if (!q) {
      issues.push({
        path,
        message: `Not a feedback question of the active agreement (known: ${[...questions.keys()].join(', ')}).`,
      });
    } else if (q.answer === 'yes_no' && typeof answer !== 'boolean') {
      issues.push({ path, message: 'Answer with true or false.' });
    } else if (
      q.answer === 'scale_1_5' &&
      !(typeof answer === 'number' && Number.isInteger(answer) && answer >= 1 && answer <= 5)
    ) {
      issues.push({ path, message: 'Answer with a whole number from 1 to 5.' });
    } else if (q.answer === 'text' && typeof answer !== 'string') {
      issues.push({ path, message: 'Answer with text.' });
    }
  }
  for (const q of agreement.feedback.questions) {
    const answer = answers[q.id];
    if (q.required && (answer === undefined || answer === '')) {
      issues.push({ path: `answers.${q.id}`, message: `Required: ${q.question}` });
    }
  }
  if (issues.length > 0)
    throw new InvalidError('The feedback does not answer the agreement’s questions.', issues);
}

/** Sales' (or marketing's) answers to the agreement's feedback questions, each checked against its question. */
export function planFeedback(
  action: FeedbackAction,
  { base, memberId, content }: PlannerContext,
): PlannedEvents {
  checkFeedback(action.answers, content);
  return {
    events: [
      { ...base, type: 'feedback', payload: { memberId, answers: action.answers, note: action.note } },
    ],
    outcome: null,
  };
}
