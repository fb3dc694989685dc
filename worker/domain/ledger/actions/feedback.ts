import type { Agreement } from '../../agreement/schema';
import { type FieldIssue, fieldIssue, InvalidError } from '../../errors';
import { say, verbatim } from '../../i18n';
import type { FeedbackAction } from './schemas';
import type { PlannedEvents, PlannerContext } from './types';

function checkFeedback(answers: Record<string, boolean | number | string>, agreement: Agreement): void {
  const issues: FieldIssue[] = [];
  const questions = new Map(agreement.feedback.questions.map((q) => [q.id, q]));
  for (const [id, answer] of Object.entries(answers)) {
    const q = questions.get(id);
    const path = `answers.${id}`;
    if (!q) {
      issues.push(
        fieldIssue(path, say('feedbackUnknownQuestion', { known: [...questions.keys()].join(', ') })),
      );
    } else if (q.answer === 'yes_no' && typeof answer !== 'boolean') {
      issues.push(fieldIssue(path, say('answerYesNo')));
    } else if (
      q.answer === 'scale_1_5' &&
      !(typeof answer === 'number' && Number.isInteger(answer) && answer >= 1 && answer <= 5)
    ) {
      issues.push(fieldIssue(path, say('answerScale')));
    } else if (q.answer === 'text' && typeof answer !== 'string') {
      issues.push(fieldIssue(path, say('answerText')));
    }
  }
  for (const q of agreement.feedback.questions) {
    const answer = answers[q.id];
    if (q.required && (answer === undefined || answer === '')) {
      issues.push(fieldIssue(`answers.${q.id}`, say('answerRequired', { question: verbatim(q.question) })));
    }
  }
  if (issues.length > 0) throw new InvalidError(say('feedbackUnanswered'), issues);
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
