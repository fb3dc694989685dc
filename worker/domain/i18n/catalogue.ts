import type { Language } from '../constants';
import { en } from './en';
import { pl } from './pl';
import type { PluralForms } from './plural';
import { ro } from './ro';
import { ru } from './ru';

/** Literal texts widened to `string`; plural entries (typed `PluralForms` by `forms()`) stay plural forms. */
type Widen<T> = T extends string
  ? string
  : [T, PluralForms] extends [PluralForms, T]
    ? PluralForms
    : T extends readonly (infer U)[]
      ? readonly Widen<U>[]
      : { [K in keyof T]: Widen<T[K]> };

/** Every user-facing text, per language: derived from English, so no catalogue can miss a key another has. */
export type Catalogue = Widen<typeof en>;

/** The agreement tabs' words (tables, headers, settings, cell problems), derived from English like the rest. */
export type AgreementGridTexts = Catalogue['sheet']['agreementGrid'];

export const CATALOGUES: Readonly<Record<Language, Catalogue>> = { en, pl, ro, ru };

export function catalogueOf(language: Language): Catalogue {
  return CATALOGUES[language];
}
