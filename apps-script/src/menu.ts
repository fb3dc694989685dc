import type { Language } from '../../worker/domain/constants';
import { catalogueOf, isLanguage } from '../../worker/domain/i18n';
import type { Services } from './services';
import { readState } from './state';

type MenuTexts = ReturnType<typeof catalogueOf>['sheet']['menu'];

/** The menu's items in order; each key is the global function of index.ts it calls and its caption's key. */
const ITEMS: readonly (keyof MenuTexts | 'separator')[] = [
  'refreshNow',
  'showSidebar',
  'separator',
  'showLead',
  'sendMyPendingRows',
  'pushAgreementEdits',
  'showAgreementReview',
  'linkGoogleForm',
];

/**
 * The language of the menu. `onOpen` is a simple trigger and may not call the
 * network, so the workspace's language is the one the last refresh kept in the
 * document; before any refresh (or where the document's properties are out of
 * reach), the person's own Google language when it is one of ours; else English.
 */
export function menuLanguage(services: Services): Language {
  try {
    const cached = readState(services).language;
    if (cached !== null && isLanguage(cached)) return cached;
  } catch {
    // An add-on opened in AuthMode.NONE may not read document properties.
  }
  const primary = services.userLocale().toLowerCase().split(/[-_]/)[0] ?? '';
  return isLanguage(primary) ? primary : 'en';
}

/** The LeadPact menu, in the team's language. */
export function addMenu(services: Services): void {
  const ui = services.ui();
  if (!ui) return;
  const texts = catalogueOf(menuLanguage(services)).sheet.menu;
  let menu = ui.createMenu('LeadPact');
  for (const item of ITEMS)
    menu = item === 'separator' ? menu.addSeparator() : menu.addItem(texts[item], item);
  menu.addToUi();
}
