import type { Host } from '../host';
import type { IntakeProvider } from './constants';
import type { FieldMap } from './field-map';
import { parseGeneric } from './generic';
import { normaliseSubmission } from './normalise';
import { type HeaderReader, type SignatureCheck, type SigningHost, verifyIntakeSignature } from './signature';
import { parseTally } from './tally';
import { parseTypeform } from './typeform';
import type { CanonicalSubmission, IgnoredEvent, ParseInput, ParseResult } from './types';
import { parseWebflow } from './webflow';

export {
  CANONICAL_FIELDS,
  type CanonicalField,
  INTAKE_PROVIDERS,
  type IntakeProvider,
  LEADPACT_TOLERANCE_SECONDS,
  MAPPING_TARGETS,
  type MappingTarget,
  SIGNATURE_HEADERS,
  WEBFLOW_TOLERANCE_MS,
} from './constants';
export { countryCodeOf } from './country';
export {
  assertSameDeliveryBody,
  deliveryKeyOf,
  isIdempotencyKey,
  TOKEN_PROVIDERS,
  takesTokens,
} from './delivery';
export { FieldMap, looksLikeConsent, squashName, targetForName } from './field-map';
export { companyDomainOf, FREE_MAIL_DOMAINS, hostOf, isFreeMailDomain } from './free-mail';
export { employeesOf, type NormaliseOptions, normaliseSubmission, phoneE164 } from './normalise';
export {
  type HeaderReader,
  type SignatureCheck,
  type SignatureRefusal,
  type SignatureScheme,
  type SigningHost,
  signatureHeaderOf,
  signatureSchemeOf,
  signLeadPactBody,
  type VerifySignatureInput,
  verifyIntakeSignature,
} from './signature';
export type {
  CanonicalSubmission,
  IgnoredEvent,
  JsonValue,
  MappedFields,
  ParsedSubmission,
  ParseInput,
  ParseResult,
  RawAnswer,
} from './types';

/**
 * Reads a provider's payload (raw bytes, already authenticated) into mapped fields and raw answers.
 * Throws `InvalidError` naming the path (`body`, `form_response.answers`, `data.fields`...) when the
 * payload is not the provider's format; events that are not submissions come back as `ignored`.
 */
export function parseIntakePayload(provider: IntakeProvider, input: ParseInput): ParseResult {
  switch (provider) {
    case 'generic':
    case 'google-forms':
      return parseGeneric(input, provider);
    case 'typeform':
      return parseTypeform(input);
    case 'tally':
      return parseTally(input);
    case 'webflow':
      return parseWebflow(input);
  }
}

export interface ReadIntakeInput {
  provider: IntakeProvider;
  /** The body exactly as received. */
  body: Uint8Array;
  headers: HeaderReader;
  /** The source's signing secrets (current first); ignored when `verifySignature` is false. */
  secrets: readonly string[];
  /**
   * False only when the caller already authenticated the request another way (an intake token on
   * the generic endpoint). Every forms tool's webhook must be verified.
   */
  verifySignature: boolean;
  fieldMap: FieldMap | null;
  /** The workspace's country, the default region for phone numbers. */
  workspaceCountry: string;
  /** Milliseconds since the epoch. */
  now: number;
  host: SigningHost & Pick<Host, 'parseUrl'>;
}

export type IntakeOutcome =
  | { kind: 'refused'; check: Extract<SignatureCheck, { ok: false }> }
  | { kind: 'ignored'; event: IgnoredEvent }
  | { kind: 'submission'; submission: CanonicalSubmission };

/**
 * The whole transport-free intake: verify the signature on the raw bytes, parse the provider's format,
 * map and normalise. A bad signature is a typed refusal (answer 401, store nothing); a payload that
 * cannot be a lead throws `InvalidError` with field-named issues (answer 422).
 */
export async function readIntake(input: ReadIntakeInput): Promise<IntakeOutcome> {
  if (input.verifySignature) {
    const check = await verifyIntakeSignature(input);
    if (!check.ok) return { kind: 'refused', check };
  }
  const parsed = parseIntakePayload(input.provider, {
    body: input.body,
    contentType: input.headers.get('content-type'),
    fieldMap: input.fieldMap,
  });
  if (parsed.kind === 'ignored') return { kind: 'ignored', event: parsed };
  const submission = normaliseSubmission(parsed, {
    defaultCountry: input.workspaceCountry,
    now: input.now,
    host: input.host,
  });
  return { kind: 'submission', submission };
}
