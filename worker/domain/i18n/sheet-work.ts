import type { Language } from '../constants';
import type { AttemptOutcome } from '../ledger/events';

/**
 * What the add-on says while the team works in the sheet (issue 13): attempt
 * outcomes offered in the Leads tab's Reason column, and the notes it leaves
 * on a row's Action cell. Placeholders are `{name}`, filled with `fill`.
 */
export interface SheetWorkTexts {
  outcomes: Record<AttemptOutcome, string>;
  /** Note on an Action cell a person edited: it waits for them to send it. */
  pending: string;
  /** Note on an Action cell someone else changed after this person edited it. */
  notYours: string;
  /** Note when the Worker refused the action (`reason` is its answer). */
  refused: string;
  /** Note when the lead changed since the row was read (`changes` lists what changed). */
  stale: string;
  /** Note when the Worker could not be reached: the row stays pending. */
  unreachable: string;
  /** One changed column in `stale`: `Stage: MQL → SAL`. */
  change: string;
  nothingVisible: string;
  /** Input problems found before anything is sent. */
  unknownAction: string;
  needsReason: string;
  unknownReason: string;
  unknownOutcome: string;
  needsAmount: string;
  needsCriterionReason: string;
  noLeadId: string;
  /** The answer of "Send my pending rows". */
  sent: string;
  nothingPending: string;
}

const en: SheetWorkTexts = {
  outcomes: {
    no_answer: 'No answer',
    left_message: 'Left a message',
    connected: 'Connected',
    bounced: 'Bounced',
    wrong_number: 'Wrong number',
  },
  pending: 'Waiting to be sent as you: LeadPact › Send my pending rows.',
  notYours:
    'Someone else changed this row after you edited it; nothing was sent under your name. Edit it again to send it as you.',
  refused: 'LeadPact refused this: {reason} Your input is kept; correct it and send again.',
  stale:
    'The lead changed since this row was refreshed, so nothing was sent. What changed: {changes}. Check it and send again.',
  unreachable: 'LeadPact could not be reached ({reason}); this row is still waiting to be sent.',
  change: '{column}: {before} → {after}',
  nothingVisible: 'its history (nothing shown in this row)',
  unknownAction: '"{value}" is not an action LeadPact knows; choose one from the list.',
  needsReason: '{action} needs a reason: choose one in the Reason column.',
  unknownReason: '"{value}" is not a rejection reason of the signed agreement (known: {known}).',
  unknownOutcome: '"{value}" is not a call outcome (use one of: {known}).',
  needsAmount: '{action} needs the amount: write it at the start of the Note, such as 25000 EUR.',
  needsCriterionReason:
    'To qualify with a failed criterion, choose a reason tied to an SQL criterion; "{value}" names none.',
  noLeadId: 'This row has no lead id, so LeadPact cannot tell which lead it is.',
  sent: 'Sent {sent} row(s); {refused} refused, {waiting} still waiting.',
  nothingPending: 'You have no pending rows.',
};

const pl: SheetWorkTexts = {
  outcomes: {
    no_answer: 'Brak odpowiedzi',
    left_message: 'Zostawiono wiadomość',
    connected: 'Rozmowa',
    bounced: 'Odbity e-mail',
    wrong_number: 'Błędny numer',
  },
  pending: 'Czeka na wysłanie jako Ty: LeadPact › Send my pending rows.',
  notYours:
    'Ktoś inny zmienił ten wiersz po Twojej edycji; nic nie wysłano w Twoim imieniu. Edytuj go ponownie, aby wysłać jako Ty.',
  refused: 'LeadPact odrzucił to: {reason} Twoje dane zostają; popraw je i wyślij ponownie.',
  stale:
    'Lead zmienił się od odświeżenia tego wiersza, więc nic nie wysłano. Co się zmieniło: {changes}. Sprawdź i wyślij ponownie.',
  unreachable: 'Nie udało się połączyć z LeadPact ({reason}); wiersz nadal czeka na wysłanie.',
  change: '{column}: {before} → {after}',
  nothingVisible: 'jego historia (nic widocznego w tym wierszu)',
  unknownAction: '„{value}” to nie jest akcja znana LeadPact; wybierz ją z listy.',
  needsReason: '{action} wymaga powodu: wybierz go w kolumnie Powód.',
  unknownReason: '„{value}” nie jest powodem odrzucenia z podpisanej umowy (znane: {known}).',
  unknownOutcome: '„{value}” nie jest wynikiem kontaktu (użyj jednego z: {known}).',
  needsAmount: '{action} wymaga kwoty: wpisz ją na początku notatki, np. 25000 PLN.',
  needsCriterionReason:
    'Aby zakwalifikować z niespełnionym kryterium, wybierz powód powiązany z kryterium SQL; „{value}” żadnego nie wskazuje.',
  noLeadId: 'Ten wiersz nie ma ID leada, więc LeadPact nie wie, którego leada dotyczy.',
  sent: 'Wysłano wierszy: {sent}; odrzucono: {refused}; nadal czeka: {waiting}.',
  nothingPending: 'Nie masz wierszy czekających na wysłanie.',
};

const ro: SheetWorkTexts = {
  outcomes: {
    no_answer: 'Fără răspuns',
    left_message: 'Mesaj lăsat',
    connected: 'Conectat',
    bounced: 'E-mail respins',
    wrong_number: 'Număr greșit',
  },
  pending: 'Așteaptă să fie trimis în numele tău: LeadPact › Send my pending rows.',
  notYours:
    'Altcineva a modificat rândul după editarea ta; nu s-a trimis nimic în numele tău. Editează-l din nou ca să-l trimiți tu.',
  refused: 'LeadPact a refuzat: {reason} Datele tale rămân; corectează-le și trimite din nou.',
  stale:
    'Lead-ul s-a schimbat de la ultima reîmprospătare a rândului, deci nu s-a trimis nimic. Ce s-a schimbat: {changes}. Verifică și trimite din nou.',
  unreachable: 'LeadPact nu a putut fi contactat ({reason}); rândul așteaptă în continuare.',
  change: '{column}: {before} → {after}',
  nothingVisible: 'istoricul său (nimic vizibil în acest rând)',
  unknownAction: '„{value}” nu este o acțiune cunoscută de LeadPact; alege una din listă.',
  needsReason: '{action} cere un motiv: alege-l în coloana Motiv.',
  unknownReason: '„{value}” nu este un motiv de respingere din acordul semnat (cunoscute: {known}).',
  unknownOutcome: '„{value}” nu este un rezultat al contactului (folosește: {known}).',
  needsAmount: '{action} cere suma: scrie-o la începutul notei, de exemplu 25000 RON.',
  needsCriterionReason:
    'Pentru a califica cu un criteriu neîndeplinit, alege un motiv legat de un criteriu SQL; „{value}” nu indică niciunul.',
  noLeadId: 'Rândul nu are ID de lead, deci LeadPact nu știe despre ce lead este vorba.',
  sent: 'Trimise: {sent} rânduri; refuzate: {refused}; în așteptare: {waiting}.',
  nothingPending: 'Nu ai rânduri în așteptare.',
};

const ru: SheetWorkTexts = {
  outcomes: {
    no_answer: 'Нет ответа',
    left_message: 'Оставлено сообщение',
    connected: 'Дозвонились',
    bounced: 'Письмо не доставлено',
    wrong_number: 'Неверный номер',
  },
  pending: 'Ждёт отправки от вашего имени: LeadPact › Send my pending rows.',
  notYours:
    'Кто-то другой изменил эту строку после вас; от вашего имени ничего не отправлено. Измените её снова, чтобы отправить от себя.',
  refused: 'LeadPact отказал: {reason} Ваши данные сохранены; исправьте их и отправьте снова.',
  stale:
    'Лид изменился после обновления этой строки, поэтому ничего не отправлено. Что изменилось: {changes}. Проверьте и отправьте снова.',
  unreachable: 'Не удалось связаться с LeadPact ({reason}); строка всё ещё ждёт отправки.',
  change: '{column}: {before} → {after}',
  nothingVisible: 'его история (в строке ничего не изменилось)',
  unknownAction: '«{value}» — не действие LeadPact; выберите его из списка.',
  needsReason: 'Для действия «{action}» нужна причина: выберите её в столбце «Причина».',
  unknownReason: '«{value}» — не причина отказа из подписанного соглашения (известные: {known}).',
  unknownOutcome: '«{value}» — не результат контакта (используйте: {known}).',
  needsAmount: 'Для действия «{action}» нужна сумма: напишите её в начале заметки, например 25000 RUB.',
  needsCriterionReason:
    'Чтобы квалифицировать с невыполненным критерием, выберите причину, связанную с критерием SQL; «{value}» ни с одним не связана.',
  noLeadId: 'В строке нет ID лида, поэтому LeadPact не знает, о каком лиде речь.',
  sent: 'Отправлено строк: {sent}; отклонено: {refused}; ждут: {waiting}.',
  nothingPending: 'У вас нет строк, ждущих отправки.',
};

export const SHEET_WORK_TEXTS: Readonly<Record<Language, SheetWorkTexts>> = { en, pl, ro, ru };
