import { isSupportedCountry } from 'libphonenumber-js/max';
import * as z from 'zod';
import { LANGUAGES } from './constants';
import { schemaText } from './i18n';

/** True when `tz` is an IANA time zone the runtime's ICU knows. */
export function isValidTimeZone(tz: string): boolean {
  if (!tz.includes('/') && tz !== 'UTC') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const TimeZone = z
  .string()
  .min(1)
  .refine(isValidTimeZone, { message: schemaText('timeZone') });

/** ISO 3166-1 alpha-2; it is also the default region for phone numbers, so it must be one libphonenumber knows. */
export const CountryCode = z
  .string()
  .length(2)
  .transform((s) => s.toUpperCase())
  .refine((s) => isSupportedCountry(s), {
    message: schemaText('countryCode'),
  });

export const CreateWorkspace = z.strictObject({
  name: z.string().trim().min(1).max(200),
  timezone: TimeZone,
  language: z.enum(LANGUAGES).default('en'),
  country: CountryCode,
});
export type CreateWorkspace = z.output<typeof CreateWorkspace>;

export interface Workspace {
  id: string;
  name: string;
  timezone: string;
  language: (typeof LANGUAGES)[number];
  country: string;
  createdAt: string;
}
