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
}

const en: SheetTexts = {
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
