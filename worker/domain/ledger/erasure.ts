/**
 * Erasure on request (GDPR): what is personal in a lead's history, how each
 * event payload is reduced to its anonymous facts. (Erased e-mails and phones are
 * remembered by blind index: worker/domain/privacy/blind-index.ts.) Pure.
 */
import type { Host } from '../host';
import type { EventType } from './constants';
import type { LeadState, LedgerEvent } from './lead';

/** Profile fields that describe the company, not the person: the tombstone keeps them for ICP statistics. */
export const TOMBSTONE_PROFILE_FIELDS = ['industry', 'employees', 'country'] as const;

/** Every personal value the lead ever held: current profile and every earlier value its events name. */
export interface PersonalValues {
  emails: string[];
  phones: string[];
  /** First and last names: matched word by word. */
  names: string[];
  /** Other identifying text (company, domain, website, title): matched whole. */
  texts: string[];
}

const NAME_FIELDS = ['firstName', 'lastName'] as const;
const TEXT_FIELDS = ['company', 'companyDomain', 'website', 'title'] as const;

/** E-mail addresses compare trimmed and lower-cased, as intake stores them. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Phones compare as `+` and digits (intake stores E.164). */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  return digits.startsWith('+') ? `+${digits.slice(1).replace(/\+/g, '')}` : digits.replace(/\+/g, '');
}

function collect(values: PersonalValues, field: string, value: unknown): void {
  if (typeof value !== 'string' || value.trim() === '') return;
  if (field === 'email') values.emails.push(normaliseEmail(value));
  else if (field === 'phone' || field === 'phoneRaw') values.phones.push(value);
  else if ((NAME_FIELDS as readonly string[]).includes(field)) values.names.push(value.trim());
  else if ((TEXT_FIELDS as readonly string[]).includes(field)) values.texts.push(value.trim());
}

/** The personal values of a lead and of its whole history (a changed e-mail is personal too). */
export function personalValuesOf(state: LeadState, events: readonly LedgerEvent[]): PersonalValues {
  const values: PersonalValues = { emails: [], phones: [], names: [], texts: [] };
  for (const [field, value] of Object.entries(state.profile)) collect(values, field, value);
  for (const event of events) {
    const p = event.payload;
    if (event.type === 'created' && p.profile && typeof p.profile === 'object') {
      for (const [field, value] of Object.entries(p.profile)) collect(values, field, value);
    }
    if (event.type === 'profile_updated' && p.changes && typeof p.changes === 'object') {
      for (const [field, change] of Object.entries(
        p.changes as Record<string, { from?: unknown; to?: unknown }>,
      )) {
        collect(values, field, change?.from);
        collect(values, field, change?.to);
      }
    }
    if (event.type === 'touch') collect(values, 'phoneRaw', p.phoneRaw);
  }
  return {
    emails: [...new Set(values.emails)],
    phones: [...new Set(values.phones)],
    names: [...new Set(values.names)],
    texts: [...new Set(values.texts)],
  };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A test for "this text names the person": e-mail, phone digits or company text anywhere, a name as a whole word. */
export function personalMatcher(values: PersonalValues): (text: string) => boolean {
  const emails = values.emails.map((e) => e.toLowerCase());
  // The national part of a phone (its last 9 digits) finds it however it was typed.
  const phones = values.phones
    .map((p) => p.replace(/\D/g, ''))
    .filter((d) => d.length >= 6)
    .map((d) => d.slice(-9));
  const texts = values.texts.map((t) => t.toLowerCase()).filter((t) => t.length >= 3);
  const words = values.names
    .flatMap((n) => [n, ...n.split(/[\s-]+/)])
    .map((w) => w.trim())
    .filter((w) => w.length >= 2);
  const names = [...new Set(words)].map((w) => new RegExp(escapeRegExp(w), 'giu'));
  return (text) => {
    const lower = text.toLowerCase();
    if (emails.some((e) => lower.includes(e)) || texts.some((t) => lower.includes(t))) return true;
    const digits = text.replace(/\D/g, '');
    if (phones.some((d) => digits.includes(d))) return true;
    return names.some((name) => namesWord(name, text));
  };
}

/**
 * Compiled once per isolate: a case-insensitive `\p{L}` class costs 1–2 ms to build, too much to
 * pay for every lead written. Sticky, so they test the one position `lastIndex` names.
 */
const NO_LETTER_BEFORE = /(?<![\p{L}\p{N}])/iuy;
const NO_LETTER_AFTER = /(?![\p{L}\p{N}])/iuy;

/** Whether `name` (global, case-insensitive) occurs in `text` as a whole word: no letter or digit either side. */
function namesWord(name: RegExp, text: string): boolean {
  name.lastIndex = 0;
  for (let match = name.exec(text); match !== null; match = name.exec(text)) {
    NO_LETTER_BEFORE.lastIndex = match.index;
    NO_LETTER_AFTER.lastIndex = match.index + match[0].length;
    if (NO_LETTER_BEFORE.test(text) && NO_LETTER_AFTER.test(text)) return true;
    // A later, overlapping occurrence may stand alone: go on one code point later.
    name.lastIndex = match.index + ((text.codePointAt(match.index) ?? 0) > 0xffff ? 2 : 1);
  }
  return false;
}

/** Payload keys that hold facts, never free text or contact data; everything else is dropped on erasure. */
const KEEP: Readonly<Record<string, readonly string[]>> = {
  created: ['createsLead', 'provider', 'utm', 'profile'],
  became_lead: [],
  touch: ['touchType', 'provider', 'formId', 'url'],
  profile_updated: ['changes'],
  consent_given: ['purposes'],
  scored: ['fit', 'engagement', 'engagementAt', 'quadrant', 'icpMatch', 'marketingTemperature'],
  mql: ['quadrant', 'fit', 'engagement'],
  assigned: ['memberId', 'rule', 'previousMemberId', 'byMemberId'],
  attempt: ['memberId', 'channel', 'outcome'],
  accepted: ['memberId'],
  qualified: ['memberId', 'answers', 'buyingHorizonMonths', 'salesTemperature', 'sql', 'failed'],
  rejected: ['memberId', 'reasons', 'criteria', 'destination'],
  nurtured: ['memberId', 'reason'],
  opportunity: ['memberId', 'amount', 'currency'],
  won: ['memberId', 'amount', 'currency'],
  lost: ['memberId', 'reason'],
  feedback: ['memberId', 'answers', 'note'],
  erased: ['byMemberId'],
  // A row of an imported list (worker/domain/import/fold.ts): its free-text message goes.
  imported: [
    'importKey',
    'row',
    'outcome',
    'stage',
    'stageAt',
    'submittedAt',
    'ownerId',
    'sourceName',
    'amount',
    'currency',
    'reason',
  ],
};

function sweep(value: unknown, personal: (text: string) => boolean): unknown {
  if (typeof value === 'string') return personal(value) ? null : value;
  if (Array.isArray(value)) return value.map((v) => sweep(v, personal));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sweep(v, personal)]));
  }
  return value;
}

function tombstoneFields(fields: unknown): Record<string, unknown> {
  if (!fields || typeof fields !== 'object') return {};
  const kept = TOMBSTONE_PROFILE_FIELDS as readonly string[];
  return Object.fromEntries(Object.entries(fields).filter(([field]) => kept.includes(field)));
}

/** Origin and path only: query strings and fragments carry e-mails and tracking ids. */
function bareUrl(url: unknown, host: Pick<Host, 'parseUrl'>): string | null {
  if (typeof url !== 'string') return null;
  const u = host.parseUrl(url);
  return u ? `${u.origin}${u.pathname}` : null;
}

/**
 * The anonymous remainder of one event's payload: only fact keys of its type
 * stay (codes, amounts, booleans, member ids), contact data and free text go,
 * and any remaining text that still names the person is blanked.
 */
export function scrubPayload(
  type: EventType,
  payload: Record<string, unknown>,
  personal: (text: string) => boolean,
  host: Pick<Host, 'parseUrl'>,
): Record<string, unknown> {
  const keep = KEEP[type] ?? [];
  const out: Record<string, unknown> = {};
  for (const key of keep) {
    if (key in payload) out[key] = payload[key];
  }
  if (type === 'created') out.profile = tombstoneFields(out.profile);
  if (type === 'profile_updated') out.changes = tombstoneFields(out.changes);
  if (type === 'touch' && 'url' in out) out.url = bareUrl(out.url, host);
  if (type === 'feedback') {
    // Yes/no and 1–5 answers are statistics; text answers and the note are the rep's words about the person.
    const answers = (out.answers ?? {}) as Record<string, unknown>;
    out.answers = Object.fromEntries(Object.entries(answers).filter(([, v]) => typeof v !== 'string'));
    out.note = '';
  }
  return sweep(out, personal) as Record<string, unknown>;
}
