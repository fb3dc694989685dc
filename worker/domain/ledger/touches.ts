import * as z from 'zod';
import { API_TOUCH_TYPES } from './constants';

/** Clock skew we forgive on sender timestamps before calling them "in the future". */
export const FUTURE_SKEW_MS = 5 * 60 * 1000;

export const TouchInput = z
  .strictObject({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email({ message: 'Must be an e-mail address.' }))
      .optional(),
    leadId: z.string().min(1).max(64).optional(),
    type: z.enum(API_TOUCH_TYPES),
    url: z.url({ message: 'Must be an absolute URL.' }).max(2000).optional(),
    campaign: z.string().trim().min(1).max(200).optional(),
    occurredAt: z.iso.datetime({ offset: true, message: 'Must be an ISO 8601 date-time.' }),
  })
  .refine((t) => Boolean(t.email) !== Boolean(t.leadId), {
    message: 'Name the person by exactly one of email or leadId.',
    path: ['email'],
  });
export type TouchInput = z.output<typeof TouchInput>;

export const TouchBatch = z.strictObject({
  events: z.array(TouchInput).min(1).max(100, { message: 'Send at most 100 touches per request.' }),
});
export type TouchBatch = z.output<typeof TouchBatch>;
