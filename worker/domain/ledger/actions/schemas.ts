import * as z from 'zod';
import { Code } from '../../agreement/schema';
import { schemaText } from '../../i18n';
import { ATTEMPT_CHANNELS, ATTEMPT_OUTCOMES } from '../events';

// The list lives with the ledger's constants (no zod), so the add-on reads it without the schemas.
export { ACTION_TYPES, type ActionType } from '../constants';

const Note = z
  .string()
  .trim()
  .max(4000, { message: schemaText('noteLength') });
const Amount = z
  .number({ message: schemaText('mustBeNumber') })
  .min(0, { message: schemaText('notNegative') })
  .max(1e12, { message: schemaText('atMostTrillion') });
const Currency = z.string().regex(/^[A-Z]{3}$/, { message: schemaText('currency') });

/** Every action may say when it happened (work logged late); never in the future. */
const when = {
  occurredAt: z.iso.datetime({ offset: true, message: schemaText('dateTimeZoned') }).optional(),
};

export const AttemptAction = z.strictObject({
  type: z.literal('attempt'),
  channel: z.enum(ATTEMPT_CHANNELS),
  outcome: z.enum(ATTEMPT_OUTCOMES),
  note: Note.optional(),
  ...when,
});
export type AttemptAction = z.output<typeof AttemptAction>;
export const AcceptAction = z.strictObject({ type: z.literal('accept'), note: Note.optional(), ...when });
export type AcceptAction = z.output<typeof AcceptAction>;
export const QualifyAction = z.strictObject({
  type: z.literal('qualify'),
  /** SQL criterion code → met. */
  answers: z.record(z.string().min(1).max(64), z.boolean()),
  buyingHorizonMonths: z
    .int({ message: schemaText('wholeMonths') })
    .min(0)
    .max(240)
    .optional(),
  note: Note.optional(),
  ...when,
});
export type QualifyAction = z.output<typeof QualifyAction>;
export const RejectAction = z.strictObject({
  type: z.literal('reject'),
  reasons: z
    .array(Code)
    .min(1, { message: schemaText('reasonAtLeastOne') })
    .max(10),
  note: Note.optional(),
  ...when,
});
export type RejectAction = z.output<typeof RejectAction>;
export const NurtureAction = z.strictObject({
  type: z.literal('nurture'),
  /** A rejection reason of the agreement whose destination is nurture. */
  reason: Code,
  note: Note.optional(),
  ...when,
});
export type NurtureAction = z.output<typeof NurtureAction>;
export const OpportunityAction = z.strictObject({
  type: z.literal('opportunity'),
  amount: Amount.optional(),
  currency: Currency.optional(),
  note: Note.optional(),
  ...when,
});
export type OpportunityAction = z.output<typeof OpportunityAction>;
export const WonAction = z.strictObject({
  type: z.literal('won'),
  amount: Amount,
  currency: Currency.optional(),
  note: Note.optional(),
  ...when,
});
export type WonAction = z.output<typeof WonAction>;
export const LostAction = z.strictObject({
  type: z.literal('lost'),
  /** A reason code: one of the agreement's rejection reasons, or the team's own (`chose_competitor`). */
  reason: Code,
  note: Note.optional(),
  ...when,
});
export type LostAction = z.output<typeof LostAction>;
export const FeedbackAction = z.strictObject({
  type: z.literal('feedback'),
  /** Feedback question id → answer (yes_no: boolean, scale_1_5: 1..5, text: string). */
  answers: z.record(
    z.string().min(1).max(64),
    z.union([z.boolean(), z.number(), z.string().trim().max(2000)]),
  ),
  note: Note.default(''),
  ...when,
});
export type FeedbackAction = z.output<typeof FeedbackAction>;
export const AssignAction = z.strictObject({
  type: z.literal('assign'),
  memberId: z.string().min(1).max(64),
  note: Note.optional(),
  ...when,
});
export type AssignAction = z.output<typeof AssignAction>;

export const LeadAction = z.discriminatedUnion('type', [
  AttemptAction,
  AcceptAction,
  QualifyAction,
  RejectAction,
  NurtureAction,
  OpportunityAction,
  WonAction,
  LostAction,
  FeedbackAction,
  AssignAction,
]);
export type LeadAction = z.output<typeof LeadAction>;
export type LeadActionInput = z.input<typeof LeadAction>;
