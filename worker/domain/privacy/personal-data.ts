import type { Host } from '../host';
import { type EventType, PROFILE_FIELDS, type ProfileField } from '../ledger/constants';
import { scrubPayload, TOMBSTONE_PROFILE_FIELDS } from '../ledger/erasure';
import type { Profile } from '../ledger/lead';

/**
 * What of a lead is personal, and so sealed with the person's key: the contact and
 * identity fields of the profile (one sealed value per lead), the original payload of
 * any event whose erasure scrub would change it, and consent text. The profile fields the
 * erasure tombstone keeps (industry, size, country) describe the company and stay plain.
 */
export const PERSONAL_PROFILE_FIELDS: readonly PersonalProfileField[] = PROFILE_FIELDS.filter(
  (f): f is PersonalProfileField => !(TOMBSTONE_PROFILE_FIELDS as readonly string[]).includes(f),
);

/** The profile's fields minus the tombstone's. */
export type PersonalProfileField = Exclude<ProfileField, (typeof TOMBSTONE_PROFILE_FIELDS)[number]>;

export type PersonalProfile = Record<PersonalProfileField, string | null>;

/** The personal fields of a profile, as text (the sealed part of a lead). */
export function personalProfileOf(profile: Partial<Profile>): PersonalProfile {
  const text = (v: string | number | null | undefined) => (v === null || v === undefined ? null : String(v));
  return Object.fromEntries(PERSONAL_PROFILE_FIELDS.map((f) => [f, text(profile[f])])) as PersonalProfile;
}

/** Every personal field null: how a lead reads once its key is destroyed. */
export const NO_PERSONAL_PROFILE: PersonalProfile = personalProfileOf({});

/** The personal profile from its opened JSON (fields it lacks read null), or all null when it did not open. */
export function personalProfileFromJson(json: string | null): PersonalProfile {
  if (json === null) return NO_PERSONAL_PROFILE;
  const parsed = JSON.parse(json) as Partial<PersonalProfile>;
  return Object.fromEntries(PERSONAL_PROFILE_FIELDS.map((f) => [f, parsed[f] ?? null])) as PersonalProfile;
}

/** An event's payload as stored: the scrubbed facts in plain (reports read them), the original sealed. */
export interface SplitPayload {
  plain: Record<string, unknown>;
  /** The whole original payload as JSON, to seal; null when the scrub removes nothing (nothing to hide). */
  personal: string | null;
}

/**
 * Splits an event's payload with the erasure scrub (`scrubPayload`): the plain part is what
 * survives erasure anyway, so reports and the SLA clock never need the person's key.
 */
export function splitPayload(
  type: EventType,
  payload: Record<string, unknown>,
  personal: (text: string) => boolean,
  host: Pick<Host, 'parseUrl'>,
): SplitPayload {
  const plain = scrubPayload(type, payload, personal, host);
  const original = JSON.stringify(payload);
  return { plain, personal: JSON.stringify(plain) === original ? null : original };
}

/** The payload a reader gets: the opened original when the key still exists, else the plain facts. */
export function joinPayload(plain: Record<string, unknown>, opened: string | null): Record<string, unknown> {
  return opened === null ? plain : (JSON.parse(opened) as Record<string, unknown>);
}
