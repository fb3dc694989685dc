import * as z from 'zod';
import { schemaText } from '../i18n';
import { remember } from '../memo';
import { MAPPING_TARGETS, type MappingTarget } from './constants';
import type { JsonValue, MappedFields, RawAnswer } from './types';

/**
 * A source's `fieldMap`: provider field id, ref or label → canonical field. Keys match exactly or
 * ignoring case and surrounding spaces.
 */
export const FieldMap = z
  .record(z.string().trim().min(1).max(500), z.enum(MAPPING_TARGETS))
  .refine((map) => Object.keys(map).length <= 200, { message: schemaText('fieldMapSize') });
export type FieldMap = z.output<typeof FieldMap>;

/** Lower case without accents (`Wyrażam` → `wyrazam`; `ł` has no accent to drop and stays). */
function plain(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Squashed field names remembered per isolate (Unicode normalisation and two regex passes each otherwise). */
const SQUASHED = new Map<string, string>();
const SQUASHED_HELD = 2000;
const SQUASHED_NAME_LENGTH = 200;

/** Lower-case letters and digits only, accents dropped: `First_Name`, `first-name`, `firstName` → `firstname`. */
export function squashName(name: string): string {
  let squashed = SQUASHED.get(name);
  if (squashed === undefined) {
    squashed = plain(name).replace(/[^\p{L}\p{N}]/gu, '');
    // A form sends the same few field names with every delivery; a sender inventing names only fills the memo.
    if (name.length <= SQUASHED_NAME_LENGTH) remember(SQUASHED, name, squashed, SQUASHED_HELD);
  }
  return squashed;
}

/**
 * Names besides the canonical ones that a field may carry and still map with no setup, in the
 * starter languages (English, Polish, Romanian, Russian). Only names without a second meaning.
 */
const ALIASES: Record<MappingTarget, readonly string[]> = {
  email: [
    'email address',
    'your email',
    'mail',
    'adres email',
    'adres e-mail',
    'adresă de email',
    'почта',
    'электронная почта',
  ],
  phone: [
    'phone number',
    'telephone',
    'tel',
    'mobile',
    'mobile phone',
    'telefon',
    'numer telefonu',
    'număr de telefon',
    'телефон',
    'номер телефона',
  ],
  firstName: ['given name', 'imię', 'prenume', 'имя'],
  lastName: ['surname', 'family name', 'nazwisko', 'фамилия'],
  fullName: [
    'name',
    'full name',
    'your name',
    'imię i nazwisko',
    'nume și prenume',
    'nume complet',
    'фио',
    'имя и фамилия',
  ],
  company: [
    'company name',
    'organization',
    'organisation',
    'firma',
    'nazwa firmy',
    'companie',
    'компания',
    'организация',
  ],
  website: ['company website', 'url', 'strona www', 'strona internetowa', 'site web', 'сайт'],
  title: ['job title', 'position', 'stanowisko', 'funcție', 'должность'],
  industry: ['sector', 'branża', 'industrie', 'отрасль'],
  employees: [
    'company size',
    'number of employees',
    'employee count',
    'liczba pracowników',
    'număr de angajați',
    'количество сотрудников',
  ],
  country: ['kraj', 'țară', 'страна'],
  message: ['comments', 'comment', 'wiadomość', 'mesaj', 'сообщение', 'комментарий'],
  consent: ['gdpr', 'zgoda', 'acord', 'согласие'],
  consentText: [],
  submittedAt: [],
  campaign: ['kampania', 'campanie', 'кампания'],
  utmSource: [],
  utmMedium: [],
  utmCampaign: [],
  externalId: [],
};

const NAME_TO_TARGET: ReadonlyMap<string, MappingTarget> = (() => {
  const map = new Map<string, MappingTarget>();
  for (const target of MAPPING_TARGETS) {
    map.set(squashName(target), target);
    for (const alias of ALIASES[target]) map.set(squashName(alias), target);
  }
  return map;
})();

/** The mapping target a field name stands for (`utm_source` → `utmSource`, `Phone number` → `phone`), if any. */
export function targetForName(name: string): MappingTarget | null {
  const squashed = squashName(name);
  return squashed === '' ? null : (NAME_TO_TARGET.get(squashed) ?? null);
}

const CONSENT_WORDS = [
  'consent',
  'i agree',
  'agree to',
  'privacy',
  'gdpr',
  'rodo',
  'zgod',
  'zgadzam',
  'akceptuj',
  'sunt de acord',
  'acordul',
  'accept',
  'согла',
  'персональных данных',
].map(plain);

/** Whether a checkbox's wording reads as a consent or privacy agreement, in the starter languages. */
export function looksLikeConsent(text: string): boolean {
  const wording = plain(text);
  return CONSENT_WORDS.some((word) => wording.includes(word));
}

/** A provider answer with what the shared mapper needs to know about it. */
export interface AnswerCandidate {
  answer: RawAnswer;
  /** Keys a fieldMap may name this answer by (id, ref, label, key). */
  keys: readonly string[];
  /** Names compared with canonical names when no map entry applies (Typeform ref; Tally key/label; Webflow name). */
  names: readonly string[];
  /** What the provider's type says the answer is. */
  typed?: 'email' | 'phone' | 'consent';
  /** The wording of a consent question, kept as consentText when this answer fills `consent`. */
  consentText?: string | null;
  /** Expansions such as Tally's per-option checkbox booleans stay in the answers but never map. */
  mappable?: boolean;
}

function lookupKey(key: string): string {
  return key.trim().toLowerCase();
}

/**
 * Fills the canonical fields from the answers. For each field the first answer wins, in this order:
 * the source's `fieldMap`; the provider's answer type (email, phone, the legal/consent question); a
 * field whose name equals a canonical name or a known alias. An answer the map names is claimed by it
 * even when its target was already filled, so it never falls through to the automatic rules.
 */
export function mapAnswers(candidates: readonly AnswerCandidate[], fieldMap: FieldMap | null): MappedFields {
  const fields: MappedFields = {};
  const claimed = new Set<AnswerCandidate>();
  const mappable = candidates.filter((c) => c.mappable !== false);

  const assign = (candidate: AnswerCandidate, target: MappingTarget, value: JsonValue): void => {
    claimed.add(candidate);
    if (fields[target] !== undefined) return;
    fields[target] = value;
    candidate.answer.mappedTo = target;
    if (target === 'consent' && candidate.consentText && fields.consentText === undefined) {
      fields.consentText = candidate.consentText;
    }
  };

  if (fieldMap) {
    const byKey = new Map<string, MappingTarget>();
    for (const [key, target] of Object.entries(fieldMap)) {
      if (!byKey.has(lookupKey(key))) byKey.set(lookupKey(key), target);
    }
    for (const candidate of mappable) {
      const exactKey = candidate.keys.find((k) => Object.hasOwn(fieldMap, k));
      const exact = exactKey === undefined ? undefined : fieldMap[exactKey];
      const target = exact ?? candidate.keys.map((k) => byKey.get(lookupKey(k))).find((t) => t !== undefined);
      if (target) assign(candidate, target, candidate.answer.value);
    }
  }
  for (const candidate of mappable) {
    if (!claimed.has(candidate) && candidate.typed)
      assign(candidate, candidate.typed, candidate.answer.value);
  }
  for (const candidate of mappable) {
    if (claimed.has(candidate)) continue;
    const target = candidate.names.map(targetForName).find((t) => t !== null);
    if (target) assign(candidate, target, candidate.answer.value);
  }
  return fields;
}
