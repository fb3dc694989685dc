import type { Language } from '../constants';

/** The add-on sidebar's words, one table per language (shaped to move into the i18n catalogue unchanged). */
export interface SidebarTexts {
  title: string;
  intro: string;
  apiUrl: string;
  token: string;
  tokenSaved: string;
  tokenHelp: string;
  save: string;
  saved: string;
  test: string;
  testing: string;
  connectedAs: string;
  refresh: string;
  refreshing: string;
  refreshed: string;
  forget: string;
  keepLive: string;
  keepLiveHint: string;
  shareWith: string;
  liveOn: string;
  liveStopped: string;
}

const en: SidebarTexts = {
  title: 'LeadPact',
  intro:
    'Connect this sheet to your team’s LeadPact. The address is shared by the sheet; your token is yours alone.',
  apiUrl: 'API URL',
  token: 'Your token',
  tokenSaved: 'A token is saved for you. Leave empty to keep it.',
  tokenHelp: 'Ask your LeadPact admin for a personal token.',
  save: 'Save',
  saved: 'Saved.',
  test: 'Test connection',
  testing: 'Testing…',
  connectedAs: 'Connected: {workspace} · {role} · {member}',
  refresh: 'Refresh tabs now',
  refreshing: 'Refreshing…',
  refreshed: 'Tabs refreshed.',
  forget: 'Forget my token',
  keepLive: 'Keep this sheet live',
  keepLiveHint: 'Admins only: LeadPact then writes SLA changes and new leads into this sheet every minute.',
  shareWith: 'Almost there: share this sheet as an editor with {email}.',
  liveOn: 'This sheet is live: LeadPact writes changes into it every minute.',
  liveStopped: 'The live push has a problem: {error}',
};

const pl: SidebarTexts = {
  title: 'LeadPact',
  intro: 'Połącz arkusz z LeadPact zespołu. Adres jest wspólny dla arkusza, token należy tylko do Ciebie.',
  apiUrl: 'Adres API',
  token: 'Twój token',
  tokenSaved: 'Twój token jest zapisany. Zostaw puste, aby go zachować.',
  tokenHelp: 'Poproś administratora LeadPact o osobisty token.',
  save: 'Zapisz',
  saved: 'Zapisano.',
  test: 'Sprawdź połączenie',
  testing: 'Sprawdzam…',
  connectedAs: 'Połączono: {workspace} · {role} · {member}',
  refresh: 'Odśwież karty teraz',
  refreshing: 'Odświeżam…',
  refreshed: 'Karty odświeżone.',
  forget: 'Zapomnij mój token',
  keepLive: 'Aktualizuj arkusz na bieżąco',
  keepLiveHint: 'Tylko dla administratorów: LeadPact co minutę wpisze do arkusza zmiany SLA i nowe leady.',
  shareWith: 'Prawie gotowe: udostępnij ten arkusz jako edytor adresowi {email}.',
  liveOn: 'Arkusz jest aktualizowany na bieżąco: LeadPact co minutę wpisuje do niego zmiany.',
  liveStopped: 'Aktualizacja arkusza ma problem: {error}',
};

const ro: SidebarTexts = {
  title: 'LeadPact',
  intro:
    'Conectați foaia la LeadPact-ul echipei. Adresa este comună foii; tokenul este doar al dumneavoastră.',
  apiUrl: 'Adresa API',
  token: 'Tokenul dumneavoastră',
  tokenSaved: 'Un token este salvat pentru dumneavoastră. Lăsați gol pentru a-l păstra.',
  tokenHelp: 'Cereți administratorului LeadPact un token personal.',
  save: 'Salvează',
  saved: 'Salvat.',
  test: 'Testează conexiunea',
  testing: 'Se testează…',
  connectedAs: 'Conectat: {workspace} · {role} · {member}',
  refresh: 'Reîmprospătează acum',
  refreshing: 'Se reîmprospătează…',
  refreshed: 'File reîmprospătate.',
  forget: 'Uită tokenul meu',
  keepLive: 'Păstrează foaia actualizată',
  keepLiveHint:
    'Doar pentru administratori: LeadPact scrie apoi în foaie, în fiecare minut, schimbările SLA și lead-urile noi.',
  shareWith: 'Aproape gata: partajează această foaie ca editor cu {email}.',
  liveOn: 'Foaia este actualizată în timp real: LeadPact scrie schimbările în fiecare minut.',
  liveStopped: 'Actualizarea foii are o problemă: {error}',
};

const ru: SidebarTexts = {
  title: 'LeadPact',
  intro: 'Подключите таблицу к LeadPact вашей команды. Адрес общий для таблицы, токен — только ваш.',
  apiUrl: 'Адрес API',
  token: 'Ваш токен',
  tokenSaved: 'Ваш токен сохранён. Оставьте поле пустым, чтобы сохранить его.',
  tokenHelp: 'Попросите администратора LeadPact выдать личный токен.',
  save: 'Сохранить',
  saved: 'Сохранено.',
  test: 'Проверить подключение',
  testing: 'Проверяю…',
  connectedAs: 'Подключено: {workspace} · {role} · {member}',
  refresh: 'Обновить вкладки',
  refreshing: 'Обновляю…',
  refreshed: 'Вкладки обновлены.',
  forget: 'Забыть мой токен',
  keepLive: 'Обновлять таблицу в реальном времени',
  keepLiveHint:
    'Только для администраторов: LeadPact будет каждую минуту записывать в таблицу изменения SLA и новые лиды.',
  shareWith: 'Почти готово: предоставьте доступ к таблице как редактору адресу {email}.',
  liveOn: 'Таблица обновляется в реальном времени: LeadPact каждую минуту записывает в неё изменения.',
  liveStopped: 'Проблема с обновлением таблицы: {error}',
};

export const SIDEBAR_TEXTS: Record<Language, SidebarTexts> = { en, pl, ro, ru };
