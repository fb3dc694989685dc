import type { Language } from '../../constants';
import { type Agreement, Agreement as AgreementSchema } from '../schema';
import { type StarterOptions, starterInput } from './structure';

export { type StarterOptions, starterInput } from './structure';

/**
 * The complete starter agreement in `language`, with the workspace's time zone
 * and home market filled in. Parsed through the schema, so a template that
 * breaks a rule fails loudly (and in tests) rather than landing in a workspace.
 */
export function starterAgreement(language: Language, options: StarterOptions): Agreement {
  return AgreementSchema.parse(starterInput(language, options));
}
