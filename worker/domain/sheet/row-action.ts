import type { Language } from '../constants';
import { LANGUAGES } from '../constants';
import { catalogueOf } from '../i18n';
import { fill } from '../i18n/format';
import type { LeadActionInput } from '../ledger/actions';
import { ATTEMPT_OUTCOMES, type AttemptOutcome } from '../ledger/events';
import { matchAssignee, type SheetMember } from './assignee';
import { SHEET_ACTIONS, type SheetAction } from './constants';

/**
 * A Leads row's own input (the Action, Reason and Note columns a person
 * owns) turned into the sales action the Worker records. Pure: the agreement's
 * reasons and criteria are passed in. How the three cells carry every action:
 * - call/e-mail attempt: the Reason names the outcome (blank: no answer);
 * - qualify: a blank Reason answers every SQL criterion met; a rejection reason
 *   tied to a criterion answers that criterion unmet;
 * - reject, nurture, lost: the Reason names the rejection reason;
 * - opportunity (optional) and won (required): the amount opens the Note
 *   (`25000 EUR signed Friday`);
 * - feedback: the Note answers the agreement's feedback questions in their
 *   order, separated by semicolons (`4; yes; the CFO`): yes/no in any of the
 *   team languages, 1–5 as a number, text as written; the Worker says which
 *   answer is missing or wrong;
 * - assign: the Note names the new owner, an active sales member (full name,
 *   first name or surname alone when only one has it, or the member id); what
 *   follows a `;` is the action's note (`Anna Nowak; she covers Silesia`). The
 *   Reason column holds reasons and outcomes only (its dropdown refuses
 *   anything else), so the name cannot go there;
 * - otherwise the Note is sent as the action's note.
 */
export interface RowInput {
  action: string;
  reason: string;
  note: string;
}

/** What the signed agreement offers the row: its rejection reasons and SQL criteria. */
export interface RowTerms {
  rejectionReasons: ReadonlyArray<{ code: string; label: string; criterion: string | null }>;
  sqlCriteria: ReadonlyArray<{ code: string; label: string }>;
  /** The agreement's feedback questions, in order (a row's feedback answers them from its Note). */
  feedbackQuestions?: ReadonlyArray<{ id: string; answer: string }>;
  /** The active sales members a row's assign may name (`activeSalesMembers`). */
  salesMembers?: ReadonlyArray<SheetMember>;
}

export type RowActionParse =
  | { kind: 'blank' }
  | { kind: 'action'; action: LeadActionInput }
  | { kind: 'invalid'; message: string };

const norm = (text: string) => text.trim().toLocaleLowerCase();

/** The sheet action a cell names, in any language or by its key. */
export function sheetActionOf(cell: string): SheetAction | null {
  const wanted = norm(cell);
  if (wanted === '') return null;
  for (const action of SHEET_ACTIONS) {
    if (action === wanted) return action;
    for (const language of LANGUAGES)
      if (norm(catalogueOf(language).sheet.frame.actions[action]) === wanted) return action;
  }
  return null;
}

function outcomeOf(cell: string): AttemptOutcome | null {
  const wanted = norm(cell);
  for (const outcome of ATTEMPT_OUTCOMES) {
    if (outcome === wanted) return outcome;
    for (const language of LANGUAGES)
      if (norm(catalogueOf(language).sheet.work.outcomes[outcome]) === wanted) return outcome;
  }
  return null;
}

/** Yes or no in any team language (`tak`, `да`…), else null. */
function yesNo(text: string): boolean | null {
  const wanted = norm(text);
  for (const language of LANGUAGES) {
    if (norm(catalogueOf(language).sheet.leadView.inputs.yes) === wanted) return true;
    if (norm(catalogueOf(language).sheet.leadView.inputs.no) === wanted) return false;
  }
  return wanted === 'true' ? true : wanted === 'false' ? false : null;
}

/** The Note's `;`-separated parts as answers to the questions in order; a blank part answers nothing. */
function feedbackAnswers(
  note: string,
  questions: ReadonlyArray<{ id: string; answer: string }>,
): Record<string, boolean | number | string> {
  const parts = note.split(';').map((part) => part.trim());
  const answers: Record<string, boolean | number | string> = {};
  questions.forEach((question, i) => {
    const part = parts[i] ?? '';
    if (part === '') return;
    if (question.answer === 'yes_no') answers[question.id] = yesNo(part) ?? part;
    else if (question.answer === 'scale_1_5' && /^\d+$/.test(part)) answers[question.id] = Number(part);
    else answers[question.id] = part;
  });
  return answers;
}

/** A leading amount such as `25000`, `25 000`, `25.000,50` or `25,000.50`, with an optional ISO currency. */
export function leadingAmount(note: string): { amount: number; currency?: string } | null {
  const match = /^\s*(\d[\d\s\u00a0.,']*)(?:\s*([A-Z]{3})\b)?/.exec(note);
  if (!match?.[1]) return null;
  let digits = match[1].replace(/[\s\u00a0']/g, '');
  const lastComma = digits.lastIndexOf(',');
  const lastDot = digits.lastIndexOf('.');
  const decimalAt = Math.max(lastComma, lastDot);
  // One separator followed by one or two digits at the end is a decimal mark; every other is grouping.
  if (decimalAt >= 0 && /^\d{1,2}$/.test(digits.slice(decimalAt + 1))) {
    digits = `${digits.slice(0, decimalAt).replace(/[.,]/g, '')}.${digits.slice(decimalAt + 1)}`;
  } else {
    digits = digits.replace(/[.,]/g, '');
  }
  const amount = Number(digits);
  if (!Number.isFinite(amount)) return null;
  return match[2] ? { amount, currency: match[2] } : { amount };
}

/** A row's assign: the new owner named at the start of the Note, the rest after `;` as the note. */
function assignOf(note: string, terms: RowTerms, language: Language, label: string): RowActionParse {
  const t = catalogueOf(language).sheet.work;
  const cut = note.indexOf(';');
  const named = (cut < 0 ? note : note.slice(0, cut)).trim();
  const rest = cut < 0 ? '' : note.slice(cut + 1).trim();
  if (named === '') return { kind: 'invalid', message: fill(t.needsAssignee, { action: label }) };
  const members = terms.salesMembers ?? [];
  const match = matchAssignee(named, members);
  if (match.kind === 'none') {
    return {
      kind: 'invalid',
      message: fill(t.unknownAssignee, { value: named, known: members.map((m) => m.name).join(', ') }),
    };
  }
  if (match.kind === 'several') {
    return {
      kind: 'invalid',
      message: fill(t.severalAssignees, {
        value: named,
        names: match.members.map((m) => `${m.name} (${m.id})`).join(', '),
      }),
    };
  }
  return {
    kind: 'action',
    action: { type: 'assign', memberId: match.member.id, ...(rest ? { note: rest } : {}) },
  };
}

/**
 * Reads a row's input as one action, or says in the team's language what is
 * wrong with it (nothing is sent then). An empty Action cell is `blank`.
 */
export function rowAction(input: RowInput, terms: RowTerms, language: Language): RowActionParse {
  const t = catalogueOf(language).sheet.work;
  if (input.action.trim() === '') return { kind: 'blank' };
  const type = sheetActionOf(input.action);
  if (!type) return { kind: 'invalid', message: fill(t.unknownAction, { value: input.action.trim() }) };
  const label = catalogueOf(language).sheet.frame.actions[type];
  const note = input.note.trim();
  const withNote = note ? { note } : {};
  const reasonCell = input.reason.trim();
  const reason = () => {
    const wanted = norm(reasonCell);
    return terms.rejectionReasons.find((r) => r.code === wanted || norm(r.label) === wanted) ?? null;
  };
  const needReason = (): RowActionParse | { code: string; criterion: string | null } => {
    if (reasonCell === '') return { kind: 'invalid', message: fill(t.needsReason, { action: label }) };
    const found = reason();
    if (!found) {
      return {
        kind: 'invalid',
        message: fill(t.unknownReason, {
          value: reasonCell,
          known: terms.rejectionReasons.map((r) => r.label).join(', '),
        }),
      };
    }
    return found;
  };

  switch (type) {
    case 'attempt_call':
    case 'attempt_email': {
      const outcome = reasonCell === '' ? 'no_answer' : outcomeOf(reasonCell);
      if (!outcome) {
        return {
          kind: 'invalid',
          message: fill(t.unknownOutcome, { value: reasonCell, known: Object.values(t.outcomes).join(', ') }),
        };
      }
      const channel = type === 'attempt_call' ? 'phone' : 'email';
      return { kind: 'action', action: { type: 'attempt', channel, outcome, ...withNote } };
    }
    case 'accept':
      return { kind: 'action', action: { type: 'accept', ...withNote } };
    case 'qualify': {
      let failed: string | null = null;
      if (reasonCell !== '') {
        const found = needReason();
        if ('kind' in found) return found;
        if (!found.criterion)
          return { kind: 'invalid', message: fill(t.needsCriterionReason, { value: reasonCell }) };
        failed = found.criterion;
      }
      const answers = Object.fromEntries(terms.sqlCriteria.map((c) => [c.code, c.code !== failed]));
      return { kind: 'action', action: { type: 'qualify', answers, ...withNote } };
    }
    case 'reject':
    case 'nurture':
    case 'lost': {
      const found = needReason();
      if ('kind' in found) return found;
      if (type === 'reject')
        return { kind: 'action', action: { type: 'reject', reasons: [found.code], ...withNote } };
      return { kind: 'action', action: { type, reason: found.code, ...withNote } };
    }
    case 'opportunity':
    case 'won': {
      const amount = leadingAmount(note);
      if (!amount && type === 'won')
        return { kind: 'invalid', message: fill(t.needsAmount, { action: label }) };
      return { kind: 'action', action: { type, ...(amount ?? {}), ...withNote } as LeadActionInput };
    }
    case 'feedback':
      return {
        kind: 'action',
        action: {
          type: 'feedback',
          answers: feedbackAnswers(note, terms.feedbackQuestions ?? []),
          ...withNote,
        },
      };
    case 'assign':
      return assignOf(note, terms, language, label);
  }
}

/** FNV-1a over a text from a given basis: two of them make a 64-bit fingerprint with no crypto on any host. */
function fnv(text: string, basis: number): string {
  let hash = basis;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** A fingerprint of a row's input: what a person typed, to tell it from what someone else typed later. */
export function inputFingerprint(input: RowInput): string {
  const text = JSON.stringify([input.action.trim(), input.reason.trim(), input.note.trim()]);
  return `${fnv(text, 0x811c9dc5)}${fnv(text, 0x050c5d1f)}`;
}

/**
 * The `Idempotency-Key` of a row's action: stable for the same lead, version
 * and input, so sending a row again (a lost answer, a double click, a retry
 * by the timer) lands once; new input or a new version is a new action.
 */
export function rowIdempotencyKey(leadId: string, version: number, input: RowInput): string {
  return `sheet:${leadId}:v${version}:${inputFingerprint(input)}`;
}

/**
 * The `Idempotency-Key` of an action sent from the sidebar's lead view: stable
 * for the same lead, version and action, so a double click or a resend after
 * a lost answer lands once, like a row's.
 */
export function viewIdempotencyKey(leadId: string, version: number, action: unknown): string {
  const text = JSON.stringify(action);
  return `sidebar:${leadId}:v${version}:${fnv(text, 0x811c9dc5)}${fnv(text, 0x050c5d1f)}`;
}
