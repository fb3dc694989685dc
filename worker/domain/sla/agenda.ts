import type { Language, Side } from '../constants';
import { catalogueOf, counted, fill, formatDate, formatInstant, formatMoney, formatNumber } from '../i18n';
import { LEAD_STAGES, type LeadStage } from '../ledger/constants';
import { escapeMarkdown } from '../markup';
import { localDateOf } from '../zoned-time';
import type { LeadDeadlineKind } from './constants';
import { addDays } from './governance';

/** The persona review joins the agenda this many days before it is due. */
export const PERSONA_AGENDA_WINDOW_DAYS = 14;

/**
 * The weekly joint meeting's agenda, written from the data (DOMAIN.md, "The
 * report"): what was handed over and not worked, breaches by owner, rejections
 * and nurture returns with their reasons, what became of each campaign's leads,
 * pace against the plan, persona review and agreement changes waiting.
 */

export interface AgendaLead {
  leadId: string;
  name: string;
  ownerId: string | null;
  ownerName: string | null;
  mqlAt: string;
  /** Sales has worked it: a contact attempt or a decision (accept, qualify, reject, nurture…) is logged. */
  worked: boolean;
}

export interface AgendaBreach {
  leadId: string;
  kind: LeadDeadlineKind;
  ownerId: string | null;
  ownerName: string | null;
}

export const PACE_STAGES = ['mql', 'sql', 'won', 'revenue'] as const;
export type PaceStage = (typeof PACE_STAGES)[number];

export interface AgendaPace {
  /** The plan's period key: `2026-11`, `2026-Q4` or `2026`. */
  period: string;
  /** The plan's currency: revenue is written in it. */
  currency: string | null;
  stages: {
    stage: PaceStage;
    status: 'not_started' | 'behind' | 'on_track' | 'ahead';
    actual: number;
    /** The plan pro-rated to now. */
    expected: number;
    planned: number;
  }[];
}

export interface AgendaInput {
  week: string;
  language: Language;
  timeZone: string;
  meetingAt: string;
  durationMinutes: number;
  period: { start: string; end: string };
  /** The agreement's standing items for the weekly meeting. */
  standingItems: readonly string[];
  handedOver: readonly AgendaLead[];
  breaches: readonly AgendaBreach[];
  /** One entry per rejection, with the agreement's label for each reason code. */
  rejections: readonly { leadId: string; reasons: readonly { code: string; label: string }[] }[];
  /** One entry per nurture return, with the agreement's label for its reason code. */
  nurtures: readonly { leadId: string; code: string; label: string }[];
  /** Leads per campaign that was active in the period, by where they stand now. */
  campaigns: readonly { campaign: string; stages: Partial<Record<LeadStage, number>> }[];
  /** Pace against the funnel plan covering the meeting (the narrowest: month, quarter, year), when there is one. */
  pace: AgendaPace | null;
  personaReview: { dueOn: string; guardianName: string | null } | null;
  pendingAgreement: { version: number; missingSides: readonly Side[] } | null;
  /** The live sheet when its pushes stopped (issue 14): why, in the team's words, and since when. */
  liveSheet?: { message: string; since: string | null } | null;
}

export interface AgendaSection {
  id:
    | 'handed_over'
    | 'breaches'
    | 'rejections'
    | 'campaigns'
    | 'pace'
    | 'persona_review'
    | 'agreement'
    | 'live_sheet'
    | 'standing';
  title: string;
  lines: string[];
}

export interface Agenda {
  week: string;
  language: Language;
  title: string;
  /** When the meeting is and what period it covers, in words. */
  subtitle: string;
  meetingAt: string;
  period: { start: string; end: string };
  handedOver: {
    total: number;
    notWorked: number;
    notWorkedLeads: { leadId: string; name: string; ownerName: string | null }[];
  };
  breachesByOwner: {
    ownerId: string | null;
    ownerName: string | null;
    total: number;
    byKind: Partial<Record<LeadDeadlineKind, number>>;
  }[];
  rejections: { code: string; label: string; count: number }[];
  nurture: { code: string; label: string; count: number }[];
  campaigns: { campaign: string; leads: number; stages: Partial<Record<LeadStage, number>> }[];
  pace: AgendaInput['pace'];
  personaReview: { dueOn: string; overdue: boolean; guardianName: string | null } | null;
  pendingAgreement: AgendaInput['pendingAgreement'];
  liveSheet: { message: string; since: string | null } | null;
  sections: AgendaSection[];
}

function countBy<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
): Map<string, { item: T; count: number }> {
  const out = new Map<string, { item: T; count: number }>();
  for (const item of items) {
    const key = keyOf(item);
    const entry = out.get(key);
    if (entry) entry.count += 1;
    else out.set(key, { item, count: 1 });
  }
  return out;
}

/** Builds the agenda from the week's facts; every number in it is counted here, from the lists given. */
export function buildAgenda(input: AgendaInput, now: Date): Agenda {
  const language = input.language;
  const l = catalogueOf(language).agenda;
  const kinds = catalogueOf(language).sla.kinds;
  const at = (iso: string) => formatInstant(language, iso, input.timeZone);

  const notWorkedLeads = input.handedOver
    .filter((lead) => !lead.worked)
    .map((lead) => ({ leadId: lead.leadId, name: lead.name, ownerName: lead.ownerName }));

  const owners = new Map<string, Agenda['breachesByOwner'][number]>();
  for (const breach of input.breaches) {
    const key = breach.ownerId ?? '';
    const entry = owners.get(key) ?? {
      ownerId: breach.ownerId,
      ownerName: breach.ownerName,
      total: 0,
      byKind: {},
    };
    entry.total += 1;
    entry.byKind[breach.kind] = (entry.byKind[breach.kind] ?? 0) + 1;
    owners.set(key, entry);
  }
  const breachesByOwner = [...owners.values()].sort(
    (a, b) => b.total - a.total || (a.ownerName ?? '').localeCompare(b.ownerName ?? ''),
  );

  const rejections = [
    ...countBy(
      input.rejections.flatMap((r) => r.reasons),
      (reason) => reason.code,
    ).values(),
  ]
    .map(({ item, count }) => ({ code: item.code, label: item.label, count }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  const nurture = [...countBy(input.nurtures, (n) => n.code).values()]
    .map(({ item, count }) => ({ code: item.code, label: item.label, count }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));

  const campaigns = input.campaigns
    .map((c) => ({
      campaign: c.campaign,
      leads: Object.values(c.stages).reduce((sum, n) => sum + (n ?? 0), 0),
      stages: c.stages,
    }))
    .filter((c) => c.leads > 0)
    .sort((a, b) => b.leads - a.leads || a.campaign.localeCompare(b.campaign));

  // The persona review is on the agenda when it is overdue or due within PERSONA_AGENDA_WINDOW_DAYS of the meeting.
  const meetingDay = localDateOf(new Date(input.meetingAt), input.timeZone);
  const today = localDateOf(now, input.timeZone);
  const personaReview =
    input.personaReview && input.personaReview.dueOn <= addDays(meetingDay, PERSONA_AGENDA_WINDOW_DAYS)
      ? { ...input.personaReview, overdue: input.personaReview.dueOn < today }
      : null;

  const sections: AgendaSection[] = [];
  const total = input.handedOver.length;
  sections.push({
    id: 'handed_over',
    title: l.handedOver,
    lines:
      total === 0
        ? [l.handedOverNone]
        : [
            counted(language, l.handedOverLine, total, { notWorked: notWorkedLeads.length }),
            ...input.handedOver
              .filter((lead) => !lead.worked)
              .map((lead) =>
                fill(l.notWorkedLead, {
                  lead: lead.name,
                  owner: lead.ownerName ?? l.noOwner,
                  at: at(lead.mqlAt),
                }),
              ),
          ],
  });
  sections.push({
    id: 'breaches',
    title: l.breaches,
    lines:
      breachesByOwner.length === 0
        ? [l.breachesNone]
        : breachesByOwner.map((o) =>
            fill(l.breachLine, {
              owner: o.ownerName ?? l.noOwner,
              count: formatNumber(language, o.total),
              kinds: Object.entries(o.byKind)
                .map(([kind, n]) => `${kinds[kind as LeadDeadlineKind]} × ${formatNumber(language, n)}`)
                .join(', '),
            }),
          ),
  });
  sections.push({
    id: 'rejections',
    title: l.rejections,
    lines:
      rejections.length + nurture.length === 0
        ? [l.rejectionsNone]
        : [
            ...rejections.map((r) =>
              fill(l.rejectionLine, { label: r.label, count: formatNumber(language, r.count) }),
            ),
            ...nurture.map((n) =>
              fill(l.nurtureLine, { reason: n.label, count: formatNumber(language, n.count) }),
            ),
          ],
  });
  sections.push({
    id: 'campaigns',
    title: l.campaigns,
    lines:
      campaigns.length === 0
        ? [l.campaignsNone]
        : campaigns.map((c) =>
            counted(language, l.campaignLine, c.leads, {
              campaign: c.campaign,
              stages: LEAD_STAGES.filter((s) => (c.stages[s] ?? 0) > 0)
                .map((s) => counted(language, l.stageCounts[s], c.stages[s] ?? 0))
                .join(', '),
            }),
          ),
  });
  sections.push({
    id: 'pace',
    title: l.pace,
    lines: input.pace
      ? input.pace.stages.map((p) => {
          // Revenue is money in the plan's currency ("48 000,00 zł"); the stages are counts.
          const amount = (n: number) =>
            p.stage === 'revenue'
              ? formatMoney(language, n, input.pace?.currency ?? null)
              : formatNumber(language, n);
          return fill(l.paceLine, {
            stage: p.stage === 'revenue' ? l.revenue : l.stages[p.stage],
            actual: amount(p.actual),
            expected: amount(p.expected),
            planned: amount(p.planned),
            period: input.pace?.period ?? '',
            status: l.paceStatus[p.status],
          });
        })
      : [l.paceNone],
  });
  if (personaReview) {
    sections.push({
      id: 'persona_review',
      title: l.persona,
      lines: [
        fill(personaReview.overdue ? l.personaOverdue : l.personaDue, {
          date: formatDate(language, personaReview.dueOn),
          guardian: personaReview.guardianName ?? l.noGuardian,
        }),
      ],
    });
  }
  if (input.pendingAgreement) {
    sections.push({
      id: 'agreement',
      title: l.agreement,
      lines: [
        fill(l.agreementLine, {
          version: input.pendingAgreement.version,
          sides: input.pendingAgreement.missingSides.map((s) => l.sides[s]).join(', '),
        }),
      ],
    });
  }
  if (input.liveSheet) {
    const words = catalogueOf(language).liveSheet;
    sections.push({
      id: 'live_sheet',
      title: words.agendaTitle,
      lines: [
        input.liveSheet.since
          ? fill(words.agendaSince, { at: at(input.liveSheet.since), reason: input.liveSheet.message })
          : input.liveSheet.message,
      ],
    });
  }
  if (input.standingItems.length > 0) {
    sections.push({ id: 'standing', title: l.standing, lines: [...input.standingItems] });
  }

  return {
    week: input.week,
    language: input.language,
    title: fill(l.title, { week: input.week }),
    subtitle: fill(l.when, {
      at: at(input.meetingAt),
      minutes: input.durationMinutes,
      from: at(input.period.start),
      to: at(input.period.end),
    }),
    meetingAt: input.meetingAt,
    period: input.period,
    handedOver: { total, notWorked: notWorkedLeads.length, notWorkedLeads },
    breachesByOwner,
    rejections,
    nurture,
    campaigns,
    pace: input.pace,
    personaReview,
    pendingAgreement: input.pendingAgreement,
    liveSheet: input.liveSheet ?? null,
    sections,
  };
}

/** The agenda as Markdown, for the meeting notes and `GET /v1/agenda?format=markdown`. */
export function agendaMarkdown(agenda: Agenda): string {
  // Lines are plain text with names from forms in them: escaped, they read as written.
  const out = [`# ${escapeMarkdown(agenda.title)}`, '', escapeMarkdown(agenda.subtitle), ''];
  agenda.sections.forEach((section, i) => {
    out.push(`## ${i + 1}. ${escapeMarkdown(section.title)}`, '');
    for (const line of section.lines) out.push(`- ${escapeMarkdown(line)}`);
    out.push('');
  });
  return `${out.join('\n').trimEnd()}\n`;
}

/** The agenda as chat lines: title, when, then each section's title with its first lines. */
export function agendaChatLines(agenda: Agenda, maxLinesPerSection = 4): string[] {
  const out = [agenda.title, agenda.subtitle];
  agenda.sections.forEach((section, i) => {
    out.push(`${i + 1}. ${section.title}`);
    for (const line of section.lines.slice(0, maxLinesPerSection)) out.push(`   • ${line}`);
    if (section.lines.length > maxLinesPerSection) out.push(`   • …`);
  });
  return out;
}

export function agendaLinkLabel(language: Language): string {
  return catalogueOf(language).agenda.fullAgenda;
}
