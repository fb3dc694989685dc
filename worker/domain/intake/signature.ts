import { base64Decode, bytesToHex, hexToBytes, utf8Encode } from '../encoding';
import type { Host } from '../host';
import { type Said, say } from '../i18n';
import { timingSafeEqualBytes } from '../tokens';
import {
  type IntakeProvider,
  LEADPACT_TOLERANCE_SECONDS,
  SIGNATURE_HEADERS,
  WEBFLOW_TOLERANCE_MS,
} from './constants';

/** Anything with `get(name)`, case-insensitive, such as the Fetch API's `Headers`. */
export interface HeaderReader {
  get(name: string): string | null;
}

export type SignatureRefusal =
  | 'no_secret'
  | 'missing_header'
  | 'malformed_header'
  | 'timestamp_out_of_tolerance'
  | 'signature_mismatch';

/** A typed answer, never an exception: the route turns a refusal into 401 and stores nothing. */
/** `message` is the English; `say` says it in the reader's language. */
export type SignatureCheck =
  | { ok: true }
  | { ok: false; reason: SignatureRefusal; message: string; say: Said };

export interface VerifySignatureInput {
  provider: IntakeProvider;
  /** The request body exactly as received; never a re-serialised parse. */
  body: Uint8Array;
  headers: HeaderReader;
  /** The source's signing secrets; more than one while a secret is being rotated. */
  secrets: readonly string[];
  /** Milliseconds since the epoch. */
  now: number;
  host: SigningHost;
}

/** What signing and checking signatures need from the host. */
export type SigningHost = Pick<Host, 'hmacSha256' | 'timingSafeEqual'>;

/** How each provider signs: header, encoding and what is signed. */
export type SignatureScheme = 'leadpact' | 'typeform' | 'tally' | 'webflow';

export function signatureSchemeOf(provider: IntakeProvider): SignatureScheme {
  switch (provider) {
    case 'generic':
    case 'google-forms':
      return 'leadpact';
    case 'typeform':
      return 'typeform';
    case 'tally':
      return 'tally';
    case 'webflow':
      return 'webflow';
  }
}

/** The header that carries the provider's signature (the route uses it to tell HMAC from Bearer auth). */
export function signatureHeaderOf(provider: IntakeProvider): string {
  switch (signatureSchemeOf(provider)) {
    case 'leadpact':
      return SIGNATURE_HEADERS.leadpact;
    case 'typeform':
      return SIGNATURE_HEADERS.typeform;
    case 'tally':
      return SIGNATURE_HEADERS.tally;
    case 'webflow':
      return SIGNATURE_HEADERS.webflowSignature;
  }
}

const MAX_SIGNATURES = 8;
const SHA256_BYTES = 32;

function refuse(reason: SignatureRefusal, said: Said): SignatureCheck {
  return { ok: false, reason, message: said('en'), say: said };
}

function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

function hmacSha256(secret: string, message: Uint8Array, host: SigningHost): Promise<Uint8Array> {
  return host.hmacSha256(utf8Encode(secret), message);
}

/**
 * True when any secret's MAC of `message` equals any candidate. Every pair is compared (no early
 * exit), so the time spent does not depend on which secret or candidate matched.
 */
async function anyMatches(
  secrets: readonly string[],
  message: Uint8Array,
  candidates: readonly Uint8Array[],
  host: SigningHost,
): Promise<boolean> {
  let matched = false;
  for (const secret of secrets) {
    const expected = await hmacSha256(secret, message, host);
    for (const candidate of candidates) {
      if (timingSafeEqualBytes(expected, candidate, host)) matched = true;
    }
  }
  return matched;
}

interface LeadPactHeader {
  timestamp: string;
  signatures: string[];
}

/** `t=<unix seconds>,v1=<hex>[,v1=<hex>…]`; unknown schemes (`v0=`) are ignored for forward compatibility. */
function parseLeadPactHeader(value: string): LeadPactHeader | null {
  let timestamp: string | null = null;
  const signatures: string[] = [];
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) return null;
    const key = part.slice(0, eq).trim();
    const item = part.slice(eq + 1).trim();
    if (key === 't') {
      if (timestamp !== null) return null;
      timestamp = item;
    } else if (key === 'v1') {
      signatures.push(item);
    }
  }
  if (timestamp === null || !/^\d{1,12}$/.test(timestamp)) return null;
  if (signatures.length === 0 || signatures.length > MAX_SIGNATURES) return null;
  return { timestamp, signatures };
}

async function verifyLeadPact(
  input: VerifySignatureInput,
  secrets: readonly string[],
): Promise<SignatureCheck> {
  const value = input.headers.get(SIGNATURE_HEADERS.leadpact);
  if (value === null || value.trim() === '') {
    return refuse('missing_header', say('signMissingHeader', { header: 'LeadPact-Signature' }));
  }
  const header = parseLeadPactHeader(value);
  if (!header) {
    return refuse('malformed_header', say('signLeadpactForm'));
  }
  const skew = Math.abs(input.now / 1000 - Number(header.timestamp));
  if (!(skew <= LEADPACT_TOLERANCE_SECONDS)) {
    return refuse('timestamp_out_of_tolerance', say('signStale', { count: LEADPACT_TOLERANCE_SECONDS }));
  }
  // Wrong-sized candidates still take part, so a malformed v1 costs the same as a wrong one.
  const candidates = header.signatures.map((hex) => hexToBytes(hex) ?? new Uint8Array(0));
  const message = concatBytes([utf8Encode(`${header.timestamp}.`), input.body]);
  return (await anyMatches(secrets, message, candidates, input.host))
    ? { ok: true }
    : refuse('signature_mismatch', say('signNoMatch'));
}

async function verifyBase64Body(
  input: VerifySignatureInput,
  secrets: readonly string[],
  headerName: string,
  display: string,
  prefix: string,
): Promise<SignatureCheck> {
  const value = input.headers.get(headerName)?.trim();
  if (!value) return refuse('missing_header', say('signMissingHeader', { header: display }));
  if (!value.startsWith(prefix)) {
    return refuse('malformed_header', say('signBase64Form', { header: display, prefix }));
  }
  const given = value.length > prefix.length ? base64Decode(value.slice(prefix.length)) : null;
  if (!given || given.byteLength !== SHA256_BYTES) {
    return refuse('malformed_header', say('signBase64Form', { header: display, prefix }));
  }
  return (await anyMatches(secrets, input.body, [given], input.host))
    ? { ok: true }
    : refuse('signature_mismatch', say('signHeaderMismatch', { header: display }));
}

async function verifyWebflow(
  input: VerifySignatureInput,
  secrets: readonly string[],
): Promise<SignatureCheck> {
  const signature = input.headers.get(SIGNATURE_HEADERS.webflowSignature)?.trim();
  const timestamp = input.headers.get(SIGNATURE_HEADERS.webflowTimestamp)?.trim();
  if (!signature || !timestamp) {
    return refuse('missing_header', say('signWebflowMissing'));
  }
  if (!/^\d{1,16}$/.test(timestamp)) {
    return refuse('malformed_header', say('signWebflowTimestamp'));
  }
  const given = hexToBytes(signature);
  if (!given || given.byteLength !== SHA256_BYTES) {
    return refuse('malformed_header', say('signWebflowHex'));
  }
  if (!(Math.abs(input.now - Number(timestamp)) <= WEBFLOW_TOLERANCE_MS)) {
    return refuse('timestamp_out_of_tolerance', say('signWebflowStale'));
  }
  const message = concatBytes([utf8Encode(`${timestamp}:`), input.body]);
  return (await anyMatches(secrets, message, [given], input.host))
    ? { ok: true }
    : refuse('signature_mismatch', say('signHeaderMismatch', { header: SIGNATURE_HEADERS.webflowSignature }));
}

/**
 * Checks a delivery's signature on the raw bytes, in constant time, against every current secret.
 *
 * - generic / google-forms: `LeadPact-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, t + "." + body)>`,
 *   300 s either way; several `v1` values are allowed so a sender can sign with old and new secrets.
 * - typeform: `Typeform-Signature: sha256=<base64 HMAC-SHA256(secret, body)>`.
 * - tally: `Tally-Signature: <base64 HMAC-SHA256(secret, body)>`.
 * - webflow: `x-webflow-signature: <hex HMAC-SHA256(secret, timestamp + ":" + body)>` with
 *   `x-webflow-timestamp` in milliseconds, 5 minutes either way.
 */
export async function verifyIntakeSignature(input: VerifySignatureInput): Promise<SignatureCheck> {
  const secrets = input.secrets.filter((s) => s.length > 0);
  if (secrets.length === 0) return refuse('no_secret', say('signNoSecret'));
  switch (signatureSchemeOf(input.provider)) {
    case 'leadpact':
      return verifyLeadPact(input, secrets);
    case 'typeform':
      return verifyBase64Body(input, secrets, SIGNATURE_HEADERS.typeform, 'Typeform-Signature', 'sha256=');
    case 'tally':
      return verifyBase64Body(input, secrets, SIGNATURE_HEADERS.tally, 'Tally-Signature', '');
    case 'webflow':
      return verifyWebflow(input, secrets);
  }
}

/**
 * The `LeadPact-Signature` value for a body, as a sender (the add-on's relay, a customer's backend)
 * computes it. `unixSeconds` is the signing time.
 */
export async function signLeadPactBody(
  secret: string,
  body: Uint8Array,
  unixSeconds: number,
  host: Pick<Host, 'hmacSha256'>,
): Promise<string> {
  const timestamp = String(Math.floor(unixSeconds));
  const mac = await host.hmacSha256(utf8Encode(secret), concatBytes([utf8Encode(`${timestamp}.`), body]));
  return `t=${timestamp},v1=${bytesToHex(mac)}`;
}
