import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import * as z from 'zod';
import { type FieldIssue, fieldIssue, InvalidError } from '../errors';
import type { Host } from '../host';
import { type Said, say } from '../i18n';
import { countryCodeOf } from './country';
import { companyDomainOf, hostOf } from './free-mail';
import type { CanonicalSubmission, JsonValue, MappedFields, ParsedSubmission } from './types';

export interface NormaliseOptions {
  /** The workspace's country (ISO alpha-2): the default region for phone numbers typed without +code. */
  defaultCountry: string;
  /** Milliseconds since the epoch; submissions are never dated after it. */
  now: number;
  /** Reads websites as URLs. */
  host: Pick<Host, 'parseUrl'>;
}

/** Dates before this are a sender's bug (an unset clock), not a real submission. */
const EARLIEST_SUBMISSION = Date.UTC(2000, 0, 1);
const MAX_EMPLOYEES = 10_000_000;

const YES = new Set([
  'true',
  'yes',
  'y',
  'on',
  '1',
  'agree',
  'agreed',
  'accept',
  'accepted',
  'checked',
  'tak',
  'da',
  'да',
  'oui',
  'ja',
  'si',
  'sí',
]);
const NO = new Set([
  'false',
  'no',
  'n',
  'off',
  '0',
  'nie',
  'nu',
  'нет',
  'non',
  'nein',
  'unchecked',
  'declined',
]);

/**
 * A value as one line of text: strings trimmed, numbers and booleans spelled out, lists of those (the
 * labels of a multiple-choice answer) joined. `undefined` for what cannot be text (objects).
 */
function toText(value: JsonValue | undefined): string | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const parts = value.map((v) => (typeof v === 'object' ? undefined : toText(v)));
    if (parts.some((p) => p === undefined)) return undefined;
    const joined = parts.filter((p): p is string => p !== null).join(', ');
    return joined === '' ? null : joined;
  }
  return undefined;
}

/** Collects the issues that do not stop the lead, and (`refused`) the over-long values that do. */
class Warnings {
  readonly list: FieldIssue[] = [];
  readonly refused: FieldIssue[] = [];
  add(path: string, message: Said): void {
    this.list.push(fieldIssue(path, message));
  }
}

/**
 * The most characters each free-text field keeps (README "Field limits"). A value is kept whole up to
 * its limit; a longer one refuses the delivery (422 naming the field) — never cut without saying so.
 */
export const TEXT_LIMITS = {
  phone: 200,
  firstName: 200,
  lastName: 200,
  fullName: 400,
  company: 300,
  title: 300,
  industry: 200,
  message: 50_000,
  consentText: 5_000,
  campaign: 300,
  utmSource: 300,
  utmMedium: 300,
  utmCampaign: 300,
  externalId: 300,
} as const;
type TextField = keyof typeof TEXT_LIMITS;

/** Free text up to its field's limit; longer text is refused, other shapes dropped (kept in the answers). */
function text(path: TextField) {
  const max = TEXT_LIMITS[path];
  return z.custom<JsonValue | undefined>().transform((value): string | null => {
    const { warnings } = reading();
    const t = toText(value);
    if (t === undefined) {
      warnings.add(path, say('warnNotText'));
      return null;
    }
    if (t !== null && t.length > max) {
      warnings.refused.push(fieldIssue(path, say('textTooLong', { count: max, length: t.length })));
      return null;
    }
    return t;
  });
}

/** A value the sender got wrong in a way that may stop the lead; decided once all fields are read. */
class Refusal {
  constructor(readonly message: Said) {}
}

const EmailText = z.string().max(254).toLowerCase().pipe(z.email());

const Email = z.custom<JsonValue | undefined>().transform((value): string | null | Refusal => {
  const t = toText(value);
  if (t === null) return null;
  const parsed = EmailText.safeParse(t ?? '');
  return parsed.success ? parsed.data : new Refusal(say('emailInvalid'));
});

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * Epoch milliseconds of an ISO 8601 string (no zone means UTC) or of epoch seconds/milliseconds; null
 * when empty, undefined when unreadable. Also reads the historical dates of an imported list.
 */
export function instantOf(value: JsonValue | undefined): number | null | undefined {
  if (value === undefined || value === null || value === '') return null;
  let epoch: number | undefined;
  if (typeof value === 'number' || (typeof value === 'string' && /^\d{9,13}$/.test(value.trim()))) {
    const n = Number(value);
    epoch = n < 1e11 ? n * 1000 : n;
  } else if (typeof value === 'string') {
    const match = ISO_DATE.exec(value.trim());
    if (match) {
      const iso = value.trim().replace(' ', 'T');
      const hasTime = iso.includes('T');
      epoch = Date.parse(hasTime && !match[1] ? `${iso}Z` : iso);
    }
  }
  return epoch !== undefined && Number.isFinite(epoch) ? epoch : undefined;
}

function submittedAt() {
  return z.custom<JsonValue | undefined>().transform((value): string | Refusal => {
    const { now, warnings } = reading();
    const epoch = instantOf(value);
    if (epoch === undefined || (epoch !== null && (epoch < EARLIEST_SUBMISSION || epoch > 8.64e15))) {
      return new Refusal(say('submittedAtInvalid'));
    }
    if (epoch === null) return new Date(now).toISOString();
    if (epoch > now) {
      // A sender's clock ahead of ours must not start the SLA clock in the future.
      warnings.add('submittedAt', say('warnLaterThanReceipt'));
      return new Date(now).toISOString();
    }
    return new Date(epoch).toISOString();
  });
}

function yesNo(word: string): boolean | undefined {
  const w = word.trim().toLowerCase();
  if (YES.has(w)) return true;
  if (NO.has(w)) return false;
  return undefined;
}

/**
 * Consent as a boolean: booleans, 1/0, yes/no words in the starter languages, and checkbox answers
 * (a non-empty list of ticked options is consent, an empty one is not).
 */
const Consent = z.custom<JsonValue | undefined>().transform((value): boolean | null | Refusal => {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number' && (value === 0 || value === 1)) return value === 1;
  if (typeof value === 'string') {
    const answer = yesNo(value);
    if (answer !== undefined) return answer;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return false;
    if (value.every((v) => typeof v === 'string')) {
      return !(value.length === 1 && typeof value[0] === 'string' && yesNo(value[0]) === false);
    }
  }
  return new Refusal(say('consentYesNo'));
});

/** A head count: a number, "1 200", "51-200" (the lower bound), "1000+", "10k". */
export function employeesOf(value: JsonValue | undefined): number | null | undefined {
  const t = toText(value);
  if (t === null) return null;
  if (t === undefined) return undefined;
  const match = /(\d[\d\s.,’']*)(k)?/i.exec(t);
  if (!match?.[1]) return undefined;
  const number = match[1].trim().replace(/[\s.,’']+$/, '');
  // "1.5k" and "12,5" are decimals; "1.200", "1 200" and "1,200" are thousands.
  const amount = /^\d+[.,]\d{1,2}$/.test(number)
    ? Number(number.replace(',', '.'))
    : Number(number.replace(/[\s.,’']/g, ''));
  const n = Math.round(amount * (match[2] ? 1000 : 1));
  return Number.isSafeInteger(n) && n <= MAX_EMPLOYEES ? n : undefined;
}

function employees() {
  return z.custom<JsonValue | undefined>().transform((value): number | null => {
    const { warnings } = reading();
    if (typeof value === 'number') {
      if (Number.isFinite(value) && value >= 0 && value <= MAX_EMPLOYEES) return Math.round(value);
      warnings.add('employees', say('warnNotHeadCount'));
      return null;
    }
    const n = employeesOf(value);
    if (n === undefined) warnings.add('employees', say('warnNotHeadCount'));
    return n ?? null;
  });
}

function country() {
  return z.custom<JsonValue | undefined>().transform((value): string | null => {
    const { warnings } = reading();
    const t = toText(value);
    if (t === null) return null;
    const code = t === undefined ? null : countryCodeOf(t);
    if (!code) warnings.add('country', say('warnNotCountry'));
    return code;
  });
}

function website() {
  return z.custom<JsonValue | undefined>().transform((value): string | null => {
    const { warnings, host } = reading();
    const t = toText(value);
    if (t === null) return null;
    const name = t === undefined || t.length > 2048 ? null : hostOf(t, host);
    if (!name) {
      warnings.add('website', say('warnNotWebsite'));
      return null;
    }
    return /^https?:\/\//i.test(t ?? '') ? (t ?? null) : `https://${t}`;
  });
}

/** What the schema's transforms need of the submission being read: its warnings, `now` and the host. */
interface Reading {
  warnings: Warnings;
  now: number;
  host: Pick<Host, 'parseUrl'>;
}

/** Set only while `normaliseSubmission` runs the schema; zod's parse is synchronous, so readings never overlap. */
let current: Reading | null = null;

function reading(): Reading {
  if (!current) throw new Error('a field was read outside normaliseSubmission');
  return current;
}

let schema: ReturnType<typeof buildFieldsSchema> | undefined;

/**
 * The zod schema of the mapped fields, built on first use and then shared (building it was most of
 * the cost of reading one submission): warnings go to the reading's collector, refusals become values.
 */
function fieldsSchema() {
  schema ??= buildFieldsSchema();
  return schema;
}

function buildFieldsSchema() {
  return z.object({
    email: Email,
    phone: text('phone'),
    firstName: text('firstName'),
    lastName: text('lastName'),
    fullName: text('fullName'),
    company: text('company'),
    website: website(),
    title: text('title'),
    industry: text('industry'),
    employees: employees(),
    country: country(),
    message: text('message'),
    consent: Consent,
    consentText: text('consentText'),
    submittedAt: submittedAt(),
    campaign: text('campaign'),
    utmSource: text('utmSource'),
    utmMedium: text('utmMedium'),
    utmCampaign: text('utmCampaign'),
    externalId: text('externalId'),
  });
}

function regionOf(code: string | null): CountryCode | undefined {
  const upper = code?.toUpperCase();
  return upper && isSupportedCountry(upper) ? upper : undefined;
}

/** E.164 for a phone typed in any common way; the submission's own country is tried before the workspace's. */
export function phoneE164(raw: string, regions: ReadonlyArray<CountryCode | undefined>): string | null {
  for (const region of new Set(regions)) {
    const parsed = parsePhoneNumberFromString(raw, region);
    if (parsed?.isValid()) return parsed.number;
  }
  // Digits that only make sense with a country code in front ("48600100200", Webflow's 15550000000).
  const digits = raw.replace(/[\s().-]/g, '');
  if (/^\d{8,15}$/.test(digits)) {
    const parsed = parsePhoneNumberFromString(`+${digits}`);
    if (parsed?.isValid()) return parsed.number;
  }
  return null;
}

function splitName(full: string): { first: string; last: string | null } {
  const [first = full, ...rest] = full.split(/\s+/);
  return { first, last: rest.length > 0 ? rest.join(' ') : null };
}

/**
 * Turns a parsed submission into LeadPact's canonical form: e-mail trimmed, lower-cased and checked;
 * phone in E.164; company domain from the website or a business e-mail; submittedAt from the sender
 * but never after `now`; consent as a boolean with its wording; employees as a whole number; country
 * as ISO alpha-2.
 *
 * Refused (`InvalidError`, one issue per field): a malformed e-mail when there is no usable phone,
 * no contact at all, an unreadable or pre-2000 date, a consent answer that is neither yes nor no. Everything else
 * that cannot be used is dropped from its field, kept in the answers and listed in `warnings`.
 */
export function normaliseSubmission(
  parsed: ParsedSubmission,
  options: NormaliseOptions,
): CanonicalSubmission {
  const warnings = new Warnings();
  const schema = fieldsSchema();
  // Every key present (absent ones as undefined): zod objects refuse missing keys outright.
  const fields: MappedFields = parsed.fields;
  const input = Object.fromEntries(
    Object.keys(schema.shape).map((key) => [
      key,
      Object.hasOwn(fields, key) ? fields[key as keyof MappedFields] : undefined,
    ]),
  );
  const outer = current;
  current = { warnings, now: options.now, host: options.host };
  let result: ReturnType<typeof schema.safeParse>;
  try {
    result = schema.safeParse(input);
  } finally {
    current = outer;
  }
  if (!result.success) {
    throw new InvalidError(say('submissionUnreadable'), [fieldIssue('body', say('notFormSubmission'))]);
  }
  const data = result.data;
  const issues: FieldIssue[] = [];
  if (data.submittedAt instanceof Refusal) issues.push(fieldIssue('submittedAt', data.submittedAt.message));
  if (data.consent instanceof Refusal) issues.push(fieldIssue('consent', data.consent.message));

  // The phone is read with the submission's country first, then the workspace's.
  const phoneRaw = data.phone;
  const phone =
    phoneRaw && phoneRaw.length <= 64
      ? phoneE164(phoneRaw, [regionOf(data.country), regionOf(options.defaultCountry)])
      : null;
  if (phoneRaw && !phone) warnings.add('phone', say('warnPhoneKept'));

  let email: string | null = null;
  if (data.email instanceof Refusal) {
    // A person still reachable by phone keeps the lead; the address is reported, not fatal.
    if (phone) warnings.add('email', say('warnEmailKept'));
    else issues.push(fieldIssue('email', data.email.message));
  } else {
    email = data.email;
    if (!email && !phone) {
      issues.push(
        phoneRaw ? fieldIssue('phone', say('phoneNotDialable')) : fieldIssue('email', say('contactField')),
      );
    }
  }
  issues.push(...warnings.refused);
  if (issues.length > 0 || data.submittedAt instanceof Refusal || data.consent instanceof Refusal) {
    throw new InvalidError(say('submissionUnreadable'), issues);
  }

  let { firstName, lastName } = data;
  if (data.fullName && !firstName && !lastName) {
    const split = splitName(data.fullName);
    firstName = split.first;
    lastName = split.last;
  }
  return {
    provider: parsed.provider,
    deliveryId: parsed.deliveryId,
    responseId: parsed.responseId,
    formId: parsed.formId,
    formName: parsed.formName,
    email,
    phone,
    phoneRaw,
    firstName,
    lastName,
    company: data.company,
    website: data.website,
    companyDomain: companyDomainOf(data.website, email, options.host),
    title: data.title,
    industry: data.industry,
    employees: data.employees,
    country: data.country,
    message: data.message,
    consent: data.consent,
    consentText: data.consentText,
    submittedAt: data.submittedAt,
    campaign: data.campaign ?? data.utmCampaign,
    utmSource: data.utmSource,
    utmMedium: data.utmMedium,
    utmCampaign: data.utmCampaign,
    externalId: data.externalId,
    answers: parsed.answers,
    warnings: warnings.list,
  };
}
