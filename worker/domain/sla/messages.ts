import { fill } from '../agreement/labels';
import type { Language } from '../constants';
import type { DeadlineKind, NotificationTopic } from './constants';

/** Who a notification is for, and why: the owner and the sales lead on a breach, the manager on escalation. */
export const RECIPIENT_ROLES = ['owner', 'sales_lead', 'marketing_lead', 'manager', 'guardian'] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

export interface Recipient {
  memberId: string;
  name: string;
  role: RecipientRole;
}

interface SlaLabels {
  locale: string;
  kinds: Record<DeadlineKind, string>;
  leadDueSoon: string;
  leadBreached: string;
  leadEscalated: string;
  teamDueSoon: string;
  teamBreached: string;
  teamEscalated: string;
  owner: string;
  noOwner: string;
  forWhom: string;
  roles: Record<RecipientRole, string>;
  openLead: string;
  unnamedLead: string;
}

const EN: SlaLabels = {
  locale: 'en-GB',
  kinds: {
    first_touch: 'first touch',
    attempts: 'contact attempts',
    decision: 'decision (SQL, nurture or disqualify)',
    persona_review: 'buyer persona review',
    agreement_review: 'agreement review',
    weekly_report: 'weekly meeting agenda',
  },
  leadDueSoon: '⏰ Due soon: {what} for {lead}, due {due}.',
  leadBreached: '🔴 SLA breached: {what} for {lead} was due {due}.',
  leadEscalated: '🚨 Still breached: {what} for {lead} was due {due} and is still not done.',
  teamDueSoon: '⏰ Due soon: {what}, due {due}.',
  teamBreached: '🔴 Overdue: {what} was due {due}.',
  teamEscalated: '🚨 Still overdue: {what} was due {due}.',
  owner: 'Owner: {name}.',
  noOwner: 'No owner assigned.',
  forWhom: 'For: {names}.',
  roles: {
    owner: 'owner',
    sales_lead: 'sales lead',
    marketing_lead: 'marketing lead',
    manager: 'manager',
    guardian: 'persona guardian',
  },
  openLead: 'Open the lead',
  unnamedLead: 'a lead',
};

const PL: SlaLabels = {
  locale: 'pl-PL',
  kinds: {
    first_touch: 'pierwszy kontakt',
    attempts: 'próby kontaktu',
    decision: 'decyzja (SQL, dogrzewanie lub dyskwalifikacja)',
    persona_review: 'przegląd buyer persony',
    agreement_review: 'przegląd umowy SLA',
    weekly_report: 'agenda cotygodniowego spotkania',
  },
  leadDueSoon: '⏰ Zbliża się termin: {what} dla {lead}, termin {due}.',
  leadBreached: '🔴 Naruszenie SLA: {what} dla {lead} — termin minął {due}.',
  leadEscalated: '🚨 Nadal po terminie: {what} dla {lead} — termin minął {due} i wciąż nic nie zrobiono.',
  teamDueSoon: '⏰ Zbliża się termin: {what}, termin {due}.',
  teamBreached: '🔴 Po terminie: {what} — termin minął {due}.',
  teamEscalated: '🚨 Nadal po terminie: {what} — termin minął {due}.',
  owner: 'Opiekun: {name}.',
  noOwner: 'Brak opiekuna.',
  forWhom: 'Do: {names}.',
  roles: {
    owner: 'opiekun',
    sales_lead: 'szef sprzedaży',
    marketing_lead: 'szef marketingu',
    manager: 'kierownik',
    guardian: 'strażnik buyer persony',
  },
  openLead: 'Otwórz leada',
  unnamedLead: 'lead',
};

const RO: SlaLabels = {
  locale: 'ro-RO',
  kinds: {
    first_touch: 'primul contact',
    attempts: 'încercări de contact',
    decision: 'decizie (SQL, nurturing sau descalificare)',
    persona_review: 'revizuirea buyer persona',
    agreement_review: 'revizuirea acordului SLA',
    weekly_report: 'agenda întâlnirii săptămânale',
  },
  leadDueSoon: '⏰ Termen apropiat: {what} pentru {lead}, termen {due}.',
  leadBreached: '🔴 SLA încălcat: {what} pentru {lead} avea termen {due}.',
  leadEscalated: '🚨 Încă depășit: {what} pentru {lead} avea termen {due} și tot nu s-a făcut.',
  teamDueSoon: '⏰ Termen apropiat: {what}, termen {due}.',
  teamBreached: '🔴 Termen depășit: {what} avea termen {due}.',
  teamEscalated: '🚨 Încă depășit: {what} avea termen {due}.',
  owner: 'Responsabil: {name}.',
  noOwner: 'Fără responsabil.',
  forWhom: 'Pentru: {names}.',
  roles: {
    owner: 'responsabil',
    sales_lead: 'șeful vânzărilor',
    marketing_lead: 'șeful marketingului',
    manager: 'manager',
    guardian: 'responsabilul buyer persona',
  },
  openLead: 'Deschide lead-ul',
  unnamedLead: 'un lead',
};

const RU: SlaLabels = {
  locale: 'ru-RU',
  kinds: {
    first_touch: 'первый контакт',
    attempts: 'попытки связаться',
    decision: 'решение (SQL, взращивание или дисквалификация)',
    persona_review: 'пересмотр портрета покупателя',
    agreement_review: 'пересмотр соглашения SLA',
    weekly_report: 'повестка еженедельной встречи',
  },
  leadDueSoon: '⏰ Скоро срок: {what} по лиду {lead}, срок {due}.',
  leadBreached: '🔴 Нарушение SLA: {what} по лиду {lead}, срок истёк {due}.',
  leadEscalated: '🚨 Всё ещё просрочено: {what} по лиду {lead}, срок истёк {due}, а дело так и не сделано.',
  teamDueSoon: '⏰ Скоро срок: {what}, срок {due}.',
  teamBreached: '🔴 Просрочено: {what}, срок истёк {due}.',
  teamEscalated: '🚨 Всё ещё просрочено: {what}, срок истёк {due}.',
  owner: 'Ответственный: {name}.',
  noOwner: 'Ответственный не назначен.',
  forWhom: 'Кому: {names}.',
  roles: {
    owner: 'ответственный',
    sales_lead: 'руководитель продаж',
    marketing_lead: 'руководитель маркетинга',
    manager: 'руководитель',
    guardian: 'ответственный за портрет покупателя',
  },
  openLead: 'Открыть лид',
  unnamedLead: 'без имени',
};

export const SLA_LABELS: Record<Language, SlaLabels> = { en: EN, pl: PL, ro: RO, ru: RU };

/** An instant as people of `language` read it, in the agreement's time zone ("24 Nov 2026, 10:00"). */
export function formatInstant(at: string, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(SLA_LABELS[language].locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(at));
}

/** How a lead is named in a message: person and company, else either, else its e-mail, else a neutral word. */
export function leadDisplayName(
  lead: {
    firstName?: string | null;
    lastName?: string | null;
    company?: string | null;
    email?: string | null;
  },
  language: Language,
): string {
  const person = [lead.firstName, lead.lastName].filter((p): p is string => !!p).join(' ');
  if (person && lead.company) return `${person} (${lead.company})`;
  return person || lead.company || lead.email || SLA_LABELS[language].unnamedLead;
}

export type DeadlineTopic = Exclude<NotificationTopic, 'agenda'>;

export interface DeadlineNotice {
  topic: DeadlineTopic;
  kind: DeadlineKind;
  dueAt: string;
  /** Null for governance deadlines. */
  lead: { id: string; name: string } | null;
  ownerName: string | null;
  recipients: readonly Recipient[];
}

/** The words of a deadline notification, one sentence per line, in the workspace's language. */
export function noticeLines(notice: DeadlineNotice, language: Language, timeZone: string): string[] {
  const l = SLA_LABELS[language];
  const values = {
    what: l.kinds[notice.kind],
    lead: notice.lead?.name ?? '',
    due: formatInstant(notice.dueAt, language, timeZone),
  };
  const template = notice.lead
    ? { due_soon: l.leadDueSoon, breached: l.leadBreached, escalated: l.leadEscalated }[notice.topic]
    : { due_soon: l.teamDueSoon, breached: l.teamBreached, escalated: l.teamEscalated }[notice.topic];
  const lines = [fill(template, values)];
  if (notice.lead) lines.push(notice.ownerName ? fill(l.owner, { name: notice.ownerName }) : l.noOwner);
  if (notice.recipients.length > 0) {
    const names = notice.recipients.map((r) => `${r.name} (${l.roles[r.role]})`).join(', ');
    lines.push(fill(l.forWhom, { names }));
  }
  return lines;
}
