/** Enums of the intake feature, importable by the route, the database schema and the add-on. */

/** The forms tools LeadPact accepts webhooks from. `google-forms` arrives through the add-on's relay. */
export const INTAKE_PROVIDERS = ['generic', 'typeform', 'tally', 'webflow', 'google-forms'] as const;
export type IntakeProvider = (typeof INTAKE_PROVIDERS)[number];

/** The canonical fields every provider's payload is mapped onto (and the generic endpoint accepts). */
export const CANONICAL_FIELDS = [
  'email',
  'phone',
  'firstName',
  'lastName',
  'company',
  'website',
  'title',
  'industry',
  'employees',
  'country',
  'message',
  'consent',
  'consentText',
  'submittedAt',
  'campaign',
  'utmSource',
  'utmMedium',
  'utmCampaign',
  'externalId',
] as const;
export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

/**
 * What a `fieldMap` may point a provider field at: a canonical field, or `fullName`, which is split
 * into first and last name (forms often ask "Your name" in one box).
 */
export const MAPPING_TARGETS = [...CANONICAL_FIELDS, 'fullName'] as const;
export type MappingTarget = (typeof MAPPING_TARGETS)[number];

/** Header names, lower-cased as `Headers.get` accepts them in any case. */
export const SIGNATURE_HEADERS = {
  leadpact: 'leadpact-signature',
  typeform: 'typeform-signature',
  tally: 'tally-signature',
  webflowSignature: 'x-webflow-signature',
  webflowTimestamp: 'x-webflow-timestamp',
} as const;

/** `LeadPact-Signature` timestamps may differ from our clock by this much, either way. */
export const LEADPACT_TOLERANCE_SECONDS = 300;
/** Webflow: "a request older than 5 minutes may indicate a replay attack" (their timestamps are in ms). */
export const WEBFLOW_TOLERANCE_MS = 5 * 60 * 1000;
