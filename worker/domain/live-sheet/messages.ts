import type { Language } from '../constants';
import { catalogueOf, fill } from '../i18n';
import type { SheetErrorCode } from './constants';

/** What a push error means and what the team does about it, in the workspace's language. */
export function sheetErrorMessage(
  code: SheetErrorCode,
  language: Language,
  serviceAccountEmail: string,
): string {
  return fill(catalogueOf(language).liveSheet.errors[code], { email: serviceAccountEmail });
}
