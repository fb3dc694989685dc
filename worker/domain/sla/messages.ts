import type { Language } from '../constants';
import { catalogueOf, fill, formatInstant } from '../i18n';
import type { DeadlineKind, NotificationTopic } from './constants';

/** Who a notification is for, and why: the owner and the sales lead on a breach, the manager on escalation. */
export const RECIPIENT_ROLES = ['owner', 'sales_lead', 'marketing_lead', 'manager', 'guardian'] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

export interface Recipient {
  memberId: string;
  name: string;
  role: RecipientRole;
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
  return person || lead.company || lead.email || catalogueOf(language).sla.unnamedLead;
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
  const l = catalogueOf(language).sla;
  const values = {
    what: l.kinds[notice.kind],
    lead: notice.lead?.name ?? '',
    due: formatInstant(language, notice.dueAt, timeZone),
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
