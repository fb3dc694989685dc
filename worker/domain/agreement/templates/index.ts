import type { Language } from '../../constants';
import { type Agreement, type AgreementInput, Agreement as AgreementSchema } from '../schema';
import { englishStarter } from './en';
import { polishStarter } from './pl';
import { romanianStarter } from './ro';
import { russianStarter } from './ru';
import type { StarterOptions } from './shared';

export type { StarterOptions } from './shared';

const STARTERS: Record<Language, (options: StarterOptions) => AgreementInput> = {
  en: englishStarter,
  pl: polishStarter,
  ro: romanianStarter,
  ru: russianStarter,
};

/**
 * The complete starter agreement in `language`, with the workspace's time zone
 * and home market filled in. Parsed through the schema, so a template that
 * breaks a rule fails loudly (and in tests) rather than landing in a workspace.
 */
export function starterAgreement(language: Language, options: StarterOptions): Agreement {
  return AgreementSchema.parse(STARTERS[language](options));
}
