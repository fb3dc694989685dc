import * as z from 'zod';
import { schemaText } from '../i18n';
import { API_TOUCH_TYPES } from './constants';

/** Touches one request may send. */
const MAX_TOUCHES = 100;

/** Clock skew we forgive on sender timestamps before calling them "in the future". */
export const FUTURE_SKEW_MS = 5 * 60 * 1000;

export const TouchInput = z
  .strictObject({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email({ message: schemaText('email') }))
      .optional(),
    leadId: z.string().min(1).max(64).optional(),
    type: z.enum(API_TOUCH_TYPES),
    url: z
      .url({ message: schemaText('absoluteUrl') })
      .max(2000)
      .optional(),
    campaign: z.string().trim().min(1).max(200).optional(),
    occurredAt: z.iso.datetime({ offset: true, message: schemaText('dateTime') }),
  })
  .refine((t) => Boolean(t.email) !== Boolean(t.leadId), {
    message: schemaText('touchPerson'),
    path: ['email'],
  });
export type TouchInput = z.output<typeof TouchInput>;

export const TouchBatch = z.strictObject({
  events: z
    .array(TouchInput)
    .min(1)
    .max(MAX_TOUCHES, { message: schemaText('touchesMax', { max: MAX_TOUCHES }) }),
});
export type TouchBatch = z.output<typeof TouchBatch>;
