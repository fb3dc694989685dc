import type { Language } from '../constants';
import type { SheetErrorCode } from './constants';

type Texts = Record<SheetErrorCode, (email: string) => string>;

const EN: Texts = {
  credential_rejected: (e) =>
    `Google refused the service account key of ${e} (revoked or deleted). Upload a new key, or remove the team key to use the default account.`,
  credential_unreadable: () =>
    'The stored service account key can no longer be decrypted (the encryption key was rotated away). Connect the sheet again with the key.',
  sheet_not_shared: (e) => `The sheet is not shared with ${e}. Share it with that address as an editor.`,
  sheet_not_found: () => 'The spreadsheet no longer exists or its id is wrong. Connect the sheet again.',
  tab_missing: () =>
    'The sheet has no Leads tab with a lead-id column. Refresh the sheet from the add-on to recreate it.',
  rate_limited: () => 'Google asked us to slow down; the changes go out with the next push.',
  google_unavailable: () => 'Google Sheets did not answer; the changes go out with the next push.',
};

const PL: Texts = {
  credential_rejected: (e) =>
    `Google odrzucił klucz konta usługi ${e} (unieważniony lub usunięty). Prześlij nowy klucz albo usuń klucz zespołu, by użyć konta domyślnego.`,
  credential_unreadable: () =>
    'Zapisanego klucza konta usługi nie da się już odszyfrować (klucz szyfrowania został wymieniony). Połącz arkusz ponownie, podając klucz.',
  sheet_not_shared: (e) =>
    `Arkusz nie jest udostępniony dla ${e}. Udostępnij go temu adresowi z prawem edycji.`,
  sheet_not_found: () =>
    'Arkusz już nie istnieje albo jego identyfikator jest błędny. Połącz arkusz ponownie.',
  tab_missing: () =>
    'W arkuszu brakuje karty Leads z kolumną identyfikatora leada. Odśwież arkusz z dodatku, by ją odtworzyć.',
  rate_limited: () => 'Google poprosił o zwolnienie tempa; zmiany trafią do arkusza przy następnym zapisie.',
  google_unavailable: () =>
    'Google Sheets nie odpowiedział; zmiany trafią do arkusza przy następnym zapisie.',
};

const RO: Texts = {
  credential_rejected: (e) =>
    `Google a refuzat cheia contului de serviciu ${e} (revocată sau ștearsă). Încărcați o cheie nouă sau eliminați cheia echipei pentru a folosi contul implicit.`,
  credential_unreadable: () =>
    'Cheia contului de serviciu salvată nu mai poate fi decriptată (cheia de criptare a fost schimbată). Conectați din nou foaia cu cheia.',
  sheet_not_shared: (e) =>
    `Foaia nu este partajată cu ${e}. Partajați-o cu această adresă, cu drept de editare.`,
  sheet_not_found: () => 'Foaia de calcul nu mai există sau id-ul ei este greșit. Conectați din nou foaia.',
  tab_missing: () =>
    'Foaia nu are fila Leads cu coloana de id al lead-ului. Reîmprospătați foaia din add-on pentru a o recrea.',
  rate_limited: () => 'Google ne-a cerut să încetinim; modificările pleacă la următoarea scriere.',
  google_unavailable: () => 'Google Sheets nu a răspuns; modificările pleacă la următoarea scriere.',
};

const RU: Texts = {
  credential_rejected: (e) =>
    `Google отклонил ключ сервисного аккаунта ${e} (отозван или удалён). Загрузите новый ключ или удалите ключ команды, чтобы использовать аккаунт по умолчанию.`,
  credential_unreadable: () =>
    'Сохранённый ключ сервисного аккаунта больше не расшифровывается (ключ шифрования заменён). Подключите таблицу заново с ключом.',
  sheet_not_shared: (e) => `Таблица не открыта для ${e}. Предоставьте этому адресу доступ на редактирование.`,
  sheet_not_found: () =>
    'Таблица больше не существует или её идентификатор неверен. Подключите таблицу заново.',
  tab_missing: () =>
    'В таблице нет листа Leads со столбцом идентификатора лида. Обновите таблицу из дополнения, чтобы восстановить его.',
  rate_limited: () => 'Google попросил снизить темп; изменения уйдут при следующей записи.',
  google_unavailable: () => 'Google Sheets не ответил; изменения уйдут при следующей записи.',
};

const TEXTS: Record<Language, Texts> = { en: EN, pl: PL, ro: RO, ru: RU };

/** What a push error means and what the team does about it, in the workspace's language. */
export function sheetErrorMessage(
  code: SheetErrorCode,
  language: Language,
  serviceAccountEmail: string,
): string {
  return TEXTS[language][code](serviceAccountEmail);
}

const AGENDA_TITLE: Record<Language, string> = {
  en: 'The live sheet has stopped',
  pl: 'Arkusz na żywo przestał się aktualizować',
  ro: 'Foaia live nu se mai actualizează',
  ru: 'Живая таблица перестала обновляться',
};

/** The weekly agenda's line for a stopped sheet. */
export function sheetAgendaTitle(language: Language): string {
  return AGENDA_TITLE[language];
}
