import type { Quadrant, TemperatureLevel } from '../agreement/constants';
import type { Language } from '../constants';
import type { LeadStage } from '../ledger/constants';
import type { DeadlineKind, DeadlineStatus } from '../sla/constants';

/** Sales milestones the Leads tab names as a lead's last action. */
export const LAST_ACTIONS = [
  'attempt',
  'accepted',
  'qualified',
  'opportunity',
  'won',
  'lost',
  'nurtured',
  'disqualified',
] as const;
export type LastAction = (typeof LAST_ACTIONS)[number];

/** The tabs LeadPact writes, in the order they appear. */
export const SHEET_TABS = [
  'agreement',
  'glossary',
  'icp',
  'scoring',
  'rules',
  'leads',
  'funnel',
  'report',
  'agenda',
] as const;
export type SheetTab = (typeof SHEET_TABS)[number];

/** The sales actions a row can ask for (part 2 of the add-on sends them to `POST /v1/leads/{id}/actions`). */
export const SHEET_ACTIONS = [
  'attempt_call',
  'attempt_email',
  'accept',
  'qualify',
  'reject',
  'nurture',
  'opportunity',
  'won',
  'lost',
  'feedback',
] as const;
export type SheetAction = (typeof SHEET_ACTIONS)[number];

/**
 * The words of the sheet's frame, one table per language (the agreement's own
 * text is the team's). Shaped like a message catalogue — one flat record per
 * language of plain strings and small enum maps — so it moves into the shared
 * i18n catalogue unchanged.
 */
export interface SheetTexts {
  /** The spreadsheet locale whose number and date formats the tabs use. */
  locale: string;
  dateFormat: string;
  dateTimeFormat: string;
  stages: Record<LeadStage, string>;
  statuses: Record<DeadlineStatus, string>;
  kinds: Record<DeadlineKind, string>;
  quadrants: Record<Quadrant, string>;
  temperatures: Record<TemperatureLevel, string>;
  lastActions: Record<LastAction, string>;
  /**
   * Tab names (the tabs are found by the name in any language, so a team may switch language). The Leads tab
   * keeps its one name, `LEADS_TAB`, in every language: the Worker's live push addresses it by that name.
   */
  tabs: Record<SheetTab, string>;
  /** Row 1 of every tab: when LeadPact last wrote it and from where. */
  freshness: string;
  /** Row 1 when the Worker could not be reached or refused: the reason instead of silence. */
  failure: string;
  /** Row 1 of an agreement tab a person edited since the last refresh while the Worker's draft changed too. */
  localEdits: string;
  /** The actions offered in the Leads tab's Action column (part 2 sends them). */
  actions: Record<SheetAction, string>;
}

const en: SheetTexts = {
  tabs: {
    agreement: 'Agreement',
    glossary: 'Glossary',
    icp: 'ICP',
    scoring: 'Scoring',
    rules: 'Rules',
    leads: 'Leads',
    funnel: 'Funnel plan',
    report: 'Report',
    agenda: 'Agenda',
  },
  freshness: 'LeadPact · refreshed {at} from {source}',
  failure:
    '⚠ LeadPact could not refresh this tab at {at}: {reason}. The values below are from the last refresh.',
  localEdits:
    '⚠ This tab was edited here and the agreement changed in LeadPact since: push or discard your edits, then refresh.',
  actions: {
    attempt_call: 'Call attempt',
    attempt_email: 'E-mail attempt',
    accept: 'Accept',
    qualify: 'Qualify (SQL)',
    reject: 'Reject',
    nurture: 'Send to nurture',
    opportunity: 'Opportunity',
    won: 'Won',
    lost: 'Lost',
    feedback: 'Feedback',
  },
  locale: 'en_GB',
  dateFormat: 'yyyy-mm-dd',
  dateTimeFormat: 'yyyy-mm-dd hh:mm',
  stages: {
    prospect: 'Prospect',
    lead: 'Lead',
    mql: 'MQL',
    sal: 'SAL (accepted)',
    sql: 'SQL',
    opportunity: 'Opportunity',
    won: 'Won',
    lost: 'Lost',
    nurture: 'Nurture',
    disqualified: 'Disqualified',
  },
  statuses: {
    pending: 'On time',
    due_soon: 'Due soon',
    breached: 'Breached',
    met: 'Met',
    met_late: 'Met late',
    cancelled: 'Cancelled',
  },
  kinds: {
    first_touch: 'First touch',
    attempts: 'Contact attempts',
    decision: 'Decision',
    persona_review: 'Persona review',
    agreement_review: 'Agreement review',
    weekly_report: 'Weekly agenda',
  },
  quadrants: { perfect: 'Perfect', engaged: 'Engaged', fit: 'Fit', low: 'Low' },
  temperatures: { cold: 'Cold', warm: 'Warm', hot: 'Hot' },
  lastActions: {
    attempt: 'Contact attempt',
    accepted: 'Accepted',
    qualified: 'Qualified (SQL)',
    opportunity: 'Opportunity',
    won: 'Won',
    lost: 'Lost',
    nurtured: 'Sent to nurture',
    disqualified: 'Disqualified',
  },
};

const pl: SheetTexts = {
  tabs: {
    agreement: 'Umowa SLA',
    glossary: 'Słownik',
    icp: 'ICP',
    scoring: 'Scoring',
    rules: 'Zasady',
    leads: 'Leads',
    funnel: 'Plan lejka',
    report: 'Raport',
    agenda: 'Agenda',
  },
  freshness: 'LeadPact · odświeżono {at} z {source}',
  failure: '⚠ LeadPact nie mógł odświeżyć tej karty o {at}: {reason}. Poniżej dane z ostatniego odświeżenia.',
  localEdits:
    '⚠ Tę kartę edytowano tutaj, a umowa w LeadPact zmieniła się od tego czasu: wyślij lub odrzuć zmiany, potem odśwież.',
  actions: {
    attempt_call: 'Próba telefoniczna',
    attempt_email: 'Próba e-mailowa',
    accept: 'Akceptuj',
    qualify: 'Kwalifikuj (SQL)',
    reject: 'Odrzuć',
    nurture: 'Do dogrzewania',
    opportunity: 'Szansa sprzedaży',
    won: 'Wygrany',
    lost: 'Przegrany',
    feedback: 'Informacja zwrotna',
  },
  locale: 'pl_PL',
  dateFormat: 'yyyy-mm-dd',
  dateTimeFormat: 'yyyy-mm-dd hh:mm',
  stages: {
    prospect: 'Prospekt',
    lead: 'Lead',
    mql: 'MQL',
    sal: 'Lead zaakceptowany (SAL)',
    sql: 'SQL',
    opportunity: 'Szansa sprzedaży',
    won: 'Wygrany',
    lost: 'Przegrany',
    nurture: 'Dogrzewanie',
    disqualified: 'Zdyskwalifikowany',
  },
  statuses: {
    pending: 'W terminie',
    due_soon: 'Zbliża się termin',
    breached: 'Po terminie',
    met: 'Dotrzymany',
    met_late: 'Dotrzymany z opóźnieniem',
    cancelled: 'Anulowany',
  },
  kinds: {
    first_touch: 'Pierwszy kontakt',
    attempts: 'Próby kontaktu',
    decision: 'Decyzja',
    persona_review: 'Przegląd persony',
    agreement_review: 'Przegląd umowy',
    weekly_report: 'Agenda tygodniowa',
  },
  quadrants: { perfect: 'Idealny', engaged: 'Zaangażowany', fit: 'Dopasowany', low: 'Niski' },
  temperatures: { cold: 'Zimny', warm: 'Ciepły', hot: 'Gorący' },
  lastActions: {
    attempt: 'Próba kontaktu',
    accepted: 'Zaakceptowany',
    qualified: 'Zakwalifikowany (SQL)',
    opportunity: 'Szansa sprzedaży',
    won: 'Wygrany',
    lost: 'Przegrany',
    nurtured: 'Do dogrzewania',
    disqualified: 'Zdyskwalifikowany',
  },
};

const ro: SheetTexts = {
  tabs: {
    agreement: 'Acord SLA',
    glossary: 'Glosar',
    icp: 'ICP',
    scoring: 'Scoring',
    rules: 'Reguli',
    leads: 'Leads',
    funnel: 'Plan pâlnie',
    report: 'Raport',
    agenda: 'Agendă',
  },
  freshness: 'LeadPact · actualizat {at} din {source}',
  failure:
    '⚠ LeadPact nu a putut actualiza această filă la {at}: {reason}. Valorile de mai jos sunt de la ultima actualizare.',
  localEdits:
    '⚠ Fila a fost editată aici, iar acordul s-a schimbat în LeadPact între timp: trimiteți sau renunțați la modificări, apoi actualizați.',
  actions: {
    attempt_call: 'Încercare telefon',
    attempt_email: 'Încercare e-mail',
    accept: 'Acceptă',
    qualify: 'Califică (SQL)',
    reject: 'Respinge',
    nurture: 'Trimite la nurturing',
    opportunity: 'Oportunitate',
    won: 'Câștigat',
    lost: 'Pierdut',
    feedback: 'Feedback',
  },
  locale: 'ro_RO',
  dateFormat: 'yyyy-mm-dd',
  dateTimeFormat: 'yyyy-mm-dd hh:mm',
  stages: {
    prospect: 'Prospect',
    lead: 'Lead',
    mql: 'MQL',
    sal: 'Lead acceptat (SAL)',
    sql: 'SQL',
    opportunity: 'Oportunitate',
    won: 'Câștigat',
    lost: 'Pierdut',
    nurture: 'Nurturing',
    disqualified: 'Descalificat',
  },
  statuses: {
    pending: 'În termen',
    due_soon: 'Termen aproape',
    breached: 'Depășit',
    met: 'Respectat',
    met_late: 'Respectat cu întârziere',
    cancelled: 'Anulat',
  },
  kinds: {
    first_touch: 'Primul contact',
    attempts: 'Încercări de contact',
    decision: 'Decizie',
    persona_review: 'Revizuirea persona',
    agreement_review: 'Revizuirea acordului',
    weekly_report: 'Agenda săptămânală',
  },
  quadrants: { perfect: 'Perfect', engaged: 'Implicat', fit: 'Potrivit', low: 'Scăzut' },
  temperatures: { cold: 'Rece', warm: 'Cald', hot: 'Fierbinte' },
  lastActions: {
    attempt: 'Încercare de contact',
    accepted: 'Acceptat',
    qualified: 'Calificat (SQL)',
    opportunity: 'Oportunitate',
    won: 'Câștigat',
    lost: 'Pierdut',
    nurtured: 'Trimis la nurturing',
    disqualified: 'Descalificat',
  },
};

const ru: SheetTexts = {
  tabs: {
    agreement: 'Соглашение',
    glossary: 'Глоссарий',
    icp: 'ICP',
    scoring: 'Скоринг',
    rules: 'Правила',
    leads: 'Leads',
    funnel: 'План воронки',
    report: 'Отчёт',
    agenda: 'Повестка',
  },
  freshness: 'LeadPact · обновлено {at} из {source}',
  failure: '⚠ LeadPact не смог обновить вкладку в {at}: {reason}. Ниже данные последнего обновления.',
  localEdits:
    '⚠ Вкладку изменили здесь, а соглашение в LeadPact с тех пор изменилось: отправьте или отмените правки, затем обновите.',
  actions: {
    attempt_call: 'Звонок',
    attempt_email: 'Письмо',
    accept: 'Принять',
    qualify: 'Квалифицировать (SQL)',
    reject: 'Отклонить',
    nurture: 'На взращивание',
    opportunity: 'Сделка',
    won: 'Выигран',
    lost: 'Проигран',
    feedback: 'Обратная связь',
  },
  locale: 'ru_RU',
  dateFormat: 'dd.mm.yyyy',
  dateTimeFormat: 'dd.mm.yyyy hh:mm',
  stages: {
    prospect: 'Проспект',
    lead: 'Лид',
    mql: 'MQL',
    sal: 'Принят продажами (SAL)',
    sql: 'SQL',
    opportunity: 'Сделка',
    won: 'Выигран',
    lost: 'Проигран',
    nurture: 'Взращивание',
    disqualified: 'Дисквалифицирован',
  },
  statuses: {
    pending: 'В срок',
    due_soon: 'Срок близко',
    breached: 'Просрочен',
    met: 'Выполнен',
    met_late: 'Выполнен с опозданием',
    cancelled: 'Отменён',
  },
  kinds: {
    first_touch: 'Первый контакт',
    attempts: 'Попытки связи',
    decision: 'Решение',
    persona_review: 'Пересмотр портрета',
    agreement_review: 'Пересмотр соглашения',
    weekly_report: 'Повестка недели',
  },
  quadrants: { perfect: 'Идеальный', engaged: 'Вовлечённый', fit: 'Подходящий', low: 'Низкий' },
  temperatures: { cold: 'Холодный', warm: 'Тёплый', hot: 'Горячий' },
  lastActions: {
    attempt: 'Попытка связи',
    accepted: 'Принят',
    qualified: 'Квалифицирован (SQL)',
    opportunity: 'Сделка',
    won: 'Выигран',
    lost: 'Проигран',
    nurtured: 'На взращивание',
    disqualified: 'Дисквалифицирован',
  },
};

export const SHEET_TEXTS: Record<Language, SheetTexts> = { en, pl, ro, ru };
