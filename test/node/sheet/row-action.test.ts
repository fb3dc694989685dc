import { describe, expect, it } from 'vitest';
import {
  inputFingerprint,
  leadingAmount,
  type RowInput,
  type RowTerms,
  rowAction,
  rowIdempotencyKey,
} from '../../../worker/domain/sheet/row-action';

const terms: RowTerms = {
  rejectionReasons: [
    { code: 'no_budget', label: 'No budget', criterion: 'budget' },
    { code: 'spam', label: 'Spam', criterion: null },
  ],
  sqlCriteria: [
    { code: 'need', label: 'A need we can address' },
    { code: 'budget', label: 'Budget' },
  ],
};

const row = (action: string, reason = '', note = ''): RowInput => ({ action, reason, note });

describe('a Leads row read as one action', () => {
  it.each([
    [row(''), { kind: 'blank' }],
    [row('Call attempt'), { type: 'attempt', channel: 'phone', outcome: 'no_answer' }],
    [row('E-mail attempt', 'Connected'), { type: 'attempt', channel: 'email', outcome: 'connected' }],
    [
      row('Próba telefoniczna', 'Zostawiono wiadomość'),
      { type: 'attempt', channel: 'phone', outcome: 'left_message' },
    ],
    [row('attempt_call', 'wrong_number'), { type: 'attempt', channel: 'phone', outcome: 'wrong_number' }],
    [row('Accept', '', ' Call on Monday '), { type: 'accept', note: 'Call on Monday' }],
    [row('Qualify (SQL)'), { type: 'qualify', answers: { need: true, budget: true } }],
    [row('Qualify (SQL)', 'No budget'), { type: 'qualify', answers: { need: true, budget: false } }],
    [row('Reject', 'no budget'), { type: 'reject', reasons: ['no_budget'] }],
    [row('Odrzuć', 'Spam'), { type: 'reject', reasons: ['spam'] }],
    [row('Send to nurture', 'No budget'), { type: 'nurture', reason: 'no_budget' }],
    [row('Lost', 'No budget'), { type: 'lost', reason: 'no_budget' }],
    [row('Opportunity'), { type: 'opportunity' }],
    [
      row('Opportunity', '', '40 000 EUR'),
      { type: 'opportunity', amount: 40000, currency: 'EUR', note: '40 000 EUR' },
    ],
    [
      row('Won', '', '25.000,50 PLN signed'),
      { type: 'won', amount: 25000.5, currency: 'PLN', note: '25.000,50 PLN signed' },
    ],
    [row('Won', '', '25,000'), { type: 'won', amount: 25000, note: '25,000' }],
    [row('Feedback', '', 'Great call'), { type: 'feedback', answers: {}, note: 'Great call' }],
  ])('should read %j', (input, expected) => {
    const parsed = rowAction(input, terms, 'en');
    if ('kind' in expected) expect(parsed).toEqual(expected);
    else expect(parsed).toEqual({ kind: 'action', action: expected });
  });

  it.each([
    [row('Dance'), 'en', '"Dance" is not an action LeadPact knows'],
    [row('Reject'), 'en', 'Reject needs a reason'],
    [
      row('Reject', 'weird voice'),
      'en',
      '"weird voice" is not a rejection reason of the signed agreement (known: No budget, Spam)',
    ],
    [row('Call attempt', 'Maybe'), 'en', '"Maybe" is not a call outcome'],
    [row('Won', '', 'signed!'), 'en', 'Won needs the amount'],
    [row('Qualify (SQL)', 'Spam'), 'en', 'choose a reason tied to an SQL criterion'],
    [row('Wygrany', '', 'podpisane'), 'pl', 'Wygrany wymaga kwoty'],
    [row('Reject'), 'ru', 'нужна причина'],
  ] as const)('should refuse %j in %s, naming the problem', (input, language, message) => {
    const parsed = rowAction(input, terms, language);
    expect(parsed.kind).toBe('invalid');
    if (parsed.kind === 'invalid') expect(parsed.message).toContain(message);
  });

  it('should read a feedback row’s Note as answers to the agreement’s questions, in order', () => {
    const withQuestions: RowTerms = {
      ...terms,
      feedbackQuestions: [
        { id: 'conversation', answer: 'scale_1_5' },
        { id: 'as_promised', answer: 'yes_no' },
        { id: 'best_contacts', answer: 'text' },
        { id: 'missing_info', answer: 'text' },
      ],
    };
    expect(rowAction(row('Feedback', '', '4; yes; the CFO'), withQuestions, 'en')).toEqual({
      kind: 'action',
      action: {
        type: 'feedback',
        answers: { conversation: 4, as_promised: true, best_contacts: 'the CFO' },
        note: '4; yes; the CFO',
      },
    });
    expect(rowAction(row('Informacja zwrotna', '', '2; nie;; brak budżetu'), withQuestions, 'pl')).toEqual({
      kind: 'action',
      action: {
        type: 'feedback',
        answers: { conversation: 2, as_promised: false, missing_info: 'brak budżetu' },
        note: '2; nie;; brak budżetu',
      },
    });
    // What is not an answer goes as written: the Worker names the question it does not answer.
    expect(rowAction(row('Feedback', '', 'great; maybe'), withQuestions, 'en')).toMatchObject({
      action: { answers: { conversation: 'great', as_promised: 'maybe' } },
    });
  });

  it.each([
    ['1234', 1234],
    ['1 234,5', 1234.5],
    ['1,234.56', 1234.56],
    ['1.234', 1234],
    ['no number', null],
  ])('should read the leading amount of %j', (note, amount) => {
    expect(leadingAmount(note)?.amount ?? null).toBe(amount);
  });

  it('should give the same key to the same row and input, and a new one to new input or a new version', () => {
    const input = row('Accept', '', 'note');
    expect(rowIdempotencyKey('lead_1', 3, input)).toBe(
      rowIdempotencyKey('lead_1', 3, { ...input, note: ' note ' }),
    );
    expect(rowIdempotencyKey('lead_1', 3, input)).not.toBe(rowIdempotencyKey('lead_1', 4, input));
    expect(rowIdempotencyKey('lead_1', 3, input)).not.toBe(rowIdempotencyKey('lead_2', 3, input));
    expect(inputFingerprint(input)).not.toBe(inputFingerprint(row('Accept', '', 'other')));
    expect(rowIdempotencyKey('lead_1', 3, input)).toMatch(/^sheet:lead_1:v3:[0-9a-f]{16}$/);
  });
});
