import { fieldIssue, InvalidError } from '../errors';
import { say } from '../i18n';
import type { IntakeProvider } from './constants';

/**
 * Providers whose deliveries may come with an intake token instead of a
 * signature: our own generic endpoint and the Google Forms relay (the sheet's
 * script holds the token). Forms tools that sign (Typeform, Tally, Webflow)
 * are verified by their signature only.
 */
export const TOKEN_PROVIDERS: readonly IntakeProvider[] = ['generic', 'google-forms'];

export function takesTokens(provider: IntakeProvider): boolean {
  return TOKEN_PROVIDERS.includes(provider);
}

/** An `Idempotency-Key` we keep: 1–200 visible ASCII characters. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

export function isIdempotencyKey(value: string): boolean {
  return IDEMPOTENCY_KEY.test(value);
}

/**
 * What makes two deliveries the same delivery: the sender's `Idempotency-Key`,
 * else the provider's event id, else the exact body. The prefixes keep the three
 * kinds apart, so a key can never collide with a body hash.
 */
export function deliveryKeyOf(delivery: {
  idempotencyKey: string | undefined;
  deliveryId: string | null | undefined;
  bodyHash: string;
}): string {
  if (delivery.idempotencyKey) return `key:${delivery.idempotencyKey}`;
  if (delivery.deliveryId) return `event:${delivery.deliveryId}`;
  return `body:${delivery.bodyHash}`;
}

/**
 * Where a stored delivery stands. `stored`: verified and kept, not judged yet;
 * `judged`: a lead has it; `rejected`: the agreement refuses it (no contact, no
 * consent, a payload that is not the form's) — the sender's data, re-judgeable
 * after a field-map fix; `failed`: judging threw (our bug), kept with its error
 * for an admin to re-judge after the fix.
 */
export const DELIVERY_STATUSES = ['stored', 'judged', 'rejected', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** What a rejected or failed judgement left on the delivery: a problem's code, text and field issues. */
export interface DeliveryError {
  code: string;
  message: string;
  errors?: { path: string; message: string }[];
}

/** A delivery key met again must carry the same body: another body under it is the sender's mistake (422 on the header). */
export function assertSameDeliveryBody(storedBodyHash: string, bodyHash: string): void {
  if (storedBodyHash !== bodyHash) {
    throw new InvalidError(say('intakeKeyReused'), [fieldIssue('Idempotency-Key', say('intakeKeySameBody'))]);
  }
}
