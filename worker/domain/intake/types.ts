import type { FieldIssue } from '../errors';
import type { CanonicalField, IntakeProvider, MappingTarget } from './constants';
import type { FieldMap } from './field-map';

/** What every provider parser reads: the raw body, its media type and the source's field map. */
export interface ParseInput {
  body: Uint8Array;
  /** The request's Content-Type (parameters such as `charset` are ignored). */
  contentType: string | null;
  fieldMap: FieldMap | null;
}

/** A JSON value as it arrived; answers keep the sender's values for the ledger. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One answer of a submission, as the provider sent it (choice ids resolved to their labels). */
export interface RawAnswer {
  /** The provider's id for the question: Typeform field id or hidden-field key, Tally key, Webflow field name, generic key. */
  id: string;
  /** Typeform's `ref`; null elsewhere. */
  ref: string | null;
  /** The question as people read it: Typeform title, Tally label, Webflow field name. */
  label: string | null;
  /** The provider's answer type (`email`, `INPUT_PHONE_NUMBER`, `FormTextInput`, `hidden`, `json`…). */
  type: string;
  value: JsonValue;
  /** The canonical field this answer filled, if any. */
  mappedTo: MappingTarget | null;
}

/** What the person said the mapped fields were, before normalisation (strings, numbers, booleans as sent). */
export type MappedFields = Partial<Record<CanonicalField, JsonValue>> & { fullName?: JsonValue };

/** A provider payload read and mapped, not yet normalised. */
export interface ParsedSubmission {
  kind: 'submission';
  provider: IntakeProvider;
  /**
   * The id the sender repeats when it retries the same delivery (Typeform `event_id`, Tally `eventId`,
   * Webflow submission `id`, generic `externalId`); null when the sender gives none (use an
   * `Idempotency-Key` header then).
   */
  deliveryId: string | null;
  /** The provider's id for the response itself (Typeform `token`, Tally `submissionId`, Webflow `id`). */
  responseId: string | null;
  formId: string | null;
  formName: string | null;
  fields: MappedFields;
  answers: RawAnswer[];
}

/**
 * A well-formed event that is not a form submission (a Typeform partial response, a Webflow
 * `site_publish`...). Answer 2xx so the sender does not retry, and store nothing.
 */
export interface IgnoredEvent {
  kind: 'ignored';
  provider: IntakeProvider;
  eventType: string;
  deliveryId: string | null;
}

export type ParseResult = ParsedSubmission | IgnoredEvent;

/** A submission in LeadPact's terms: verified, mapped and normalised. Absent values are null. */
export interface CanonicalSubmission {
  provider: IntakeProvider;
  deliveryId: string | null;
  responseId: string | null;
  formId: string | null;
  formName: string | null;
  /** Trimmed, lower-cased, valid. */
  email: string | null;
  /** E.164 (`+48600100200`); null when absent or not a number we could read. */
  phone: string | null;
  /** The phone as typed, kept even when it could not be normalised. */
  phoneRaw: string | null;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  /** An absolute http(s) URL. */
  website: string | null;
  /** From the website, else from a business (non-free-mail) e-mail address; no `www.`. */
  companyDomain: string | null;
  title: string | null;
  industry: string | null;
  /** A whole number; for a range such as "51-200" the lower bound. */
  employees: number | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  message: string | null;
  /** true/false when the form asked; null when the submission says nothing about consent. */
  consent: boolean | null;
  /** The consent wording the person agreed to, when the provider sends it. */
  consentText: string | null;
  /** ISO 8601 UTC; the sender's time, never later than `now`. */
  submittedAt: string;
  /** `campaign`, else the UTM campaign. */
  campaign: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  externalId: string | null;
  answers: RawAnswer[];
  /** Values we could not use but that do not stop the lead (an unreadable phone, a future date clamped...). */
  warnings: FieldIssue[];
}
