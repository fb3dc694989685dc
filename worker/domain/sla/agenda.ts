import { fill } from '../agreement/labels';
import type { Language, Side } from '../constants';
import { LEAD_STAGES, type LeadStage } from '../ledger/constants';
import { localDateOf } from '../zoned-time';
import type { LeadDeadlineKind } from './constants';
import { addDays } from './governance';
import { formatInstant, SLA_LABELS } from './messages';

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
  sections: AgendaSection[];
}

interface AgendaLabels {
  title: string;
  when: string;
  handedOver: string;
  handedOverNone: string;
  handedOverLine: string;
  notWorkedLead: string;
  noOwner: string;
  breaches: string;
  breachesNone: string;
  breachLine: string;
  rejections: string;
  rejectionsNone: string;
  rejectionLine: string;
  nurtureLine: string;
  campaigns: string;
  campaignsNone: string;
  campaignLine: string;
  pace: string;
  paceNone: string;
  paceLine: string;
  paceStatus: Record<AgendaPace['stages'][number]['status'], string>;
  revenue: string;
  noGuardian: string;
  persona: string;
  personaDue: string;
  personaOverdue: string;
  agreement: string;
  agreementLine: string;
  standing: string;
  sides: Record<Side, string>;
  stages: Record<LeadStage, string>;
  fullAgenda: string;
}

const EN: AgendaLabels = {
  title: 'Weekly marketing–sales meeting, {week}',
  when: 'Meeting {at} ({minutes} min). Covers {from} to {to}.',
  handedOver: 'MQLs handed over',
  handedOverNone: 'No MQLs were handed over to sales.',
  handedOverLine: '{notWorked} of the {total} leads we sent were not worked.',
  notWorkedLead: '{lead}: {owner}, MQL since {at}',
  noOwner: 'no owner',
  breaches: 'SLA breaches by owner',
  breachesNone: 'No SLA breaches.',
  breachLine: '{owner}: {count} ({kinds})',
  rejections: 'Rejections and nurture returns to discuss',
  rejectionsNone: 'No rejections or nurture returns.',
  rejectionLine: 'Rejected, {label}: {count}',
  nurtureLine: 'Back to nurture, “{reason}”: {count}',
  campaigns: 'What became of each campaign’s leads',
  campaignsNone: 'No campaign brought leads.',
  campaignLine: '{campaign}: {leads} leads, now {stages}',
  pace: 'Pace against the plan',
  paceNone: 'No funnel plan covers this period.',
  paceLine: '{stage}: {actual}, {expected} expected by now of {planned} planned for {period}: {status}.',
  paceStatus: { not_started: 'not started', ahead: 'ahead', on_track: 'on track', behind: 'behind' },
  revenue: 'revenue',
  noGuardian: 'no guardian named',
  persona: 'Buyer persona review',
  personaDue: 'Due {date} ({guardian}).',
  personaOverdue: 'Overdue since {date} ({guardian}).',
  agreement: 'Agreement changes waiting for signatures',
  agreementLine: 'Version {version} waits for: {sides}.',
  standing: 'Standing items',
  sides: { marketing: 'marketing', sales: 'sales', management: 'management' },
  stages: {
    prospect: 'prospect',
    lead: 'lead',
    mql: 'MQL',
    sal: 'accepted',
    sql: 'SQL',
    opportunity: 'opportunity',
    won: 'won',
    lost: 'lost',
    nurture: 'nurture',
    disqualified: 'disqualified',
  },
  fullAgenda: 'Full agenda',
};

const PL: AgendaLabels = {
  title: 'Cotygodniowe spotkanie marketingu i sprzedaży, {week}',
  when: 'Spotkanie {at} ({minutes} min). Okres od {from} do {to}.',
  handedOver: 'Przekazane leady MQL',
  handedOverNone: 'Nie przekazano sprzedaży żadnego leada MQL.',
  handedOverLine: '{notWorked} z {total} przekazanych leadów nie podjęto.',
  notWorkedLead: '{lead}: {owner}, MQL od {at}',
  noOwner: 'bez opiekuna',
  breaches: 'Naruszenia SLA według opiekuna',
  breachesNone: 'Brak naruszeń SLA.',
  breachLine: '{owner}: {count} ({kinds})',
  rejections: 'Odrzucenia i zwroty do dogrzewania do omówienia',
  rejectionsNone: 'Brak odrzuceń i zwrotów do dogrzewania.',
  rejectionLine: 'Odrzucone, {label}: {count}',
  nurtureLine: 'Do dogrzewania, „{reason}”: {count}',
  campaigns: 'Co się stało z leadami z każdej kampanii',
  campaignsNone: 'Żadna kampania nie przyniosła leadów.',
  campaignLine: '{campaign}: {leads} leadów, teraz {stages}',
  pace: 'Tempo względem planu',
  paceNone: 'Brak planu lejka na ten okres.',
  paceLine: '{stage}: {actual}, do dziś oczekiwano {expected} z {planned} planowanych na {period}: {status}.',
  paceStatus: {
    not_started: 'okres się nie zaczął',
    ahead: 'przed planem',
    on_track: 'zgodnie z planem',
    behind: 'za planem',
  },
  revenue: 'przychód',
  noGuardian: 'strażnik nie jest wskazany',
  persona: 'Przegląd buyer persony',
  personaDue: 'Termin {date} ({guardian}).',
  personaOverdue: 'Po terminie od {date} ({guardian}).',
  agreement: 'Zmiany umowy czekające na podpisy',
  agreementLine: 'Wersja {version} czeka na: {sides}.',
  standing: 'Stałe punkty',
  sides: { marketing: 'marketing', sales: 'sprzedaż', management: 'zarząd' },
  stages: {
    prospect: 'prospekt',
    lead: 'lead',
    mql: 'MQL',
    sal: 'zaakceptowany',
    sql: 'SQL',
    opportunity: 'szansa sprzedaży',
    won: 'wygrany',
    lost: 'przegrany',
    nurture: 'dogrzewanie',
    disqualified: 'zdyskwalifikowany',
  },
  fullAgenda: 'Pełna agenda',
};

const RO: AgendaLabels = {
  title: 'Întâlnirea săptămânală marketing–vânzări, {week}',
  when: 'Întâlnire {at} ({minutes} min). Perioada {from} – {to}.',
  handedOver: 'Lead-uri MQL predate',
  handedOverNone: 'Niciun lead MQL nu a fost predat vânzărilor.',
  handedOverLine: '{notWorked} din cele {total} lead-uri trimise nu au fost lucrate.',
  notWorkedLead: '{lead}: {owner}, MQL din {at}',
  noOwner: 'fără responsabil',
  breaches: 'Încălcări SLA pe responsabil',
  breachesNone: 'Nicio încălcare SLA.',
  breachLine: '{owner}: {count} ({kinds})',
  rejections: 'Respingeri și returnări la nurturing de discutat',
  rejectionsNone: 'Nicio respingere sau returnare la nurturing.',
  rejectionLine: 'Respinse, {label}: {count}',
  nurtureLine: 'Înapoi la nurturing, „{reason}”: {count}',
  campaigns: 'Ce s-a întâmplat cu lead-urile fiecărei campanii',
  campaignsNone: 'Nicio campanie nu a adus lead-uri.',
  campaignLine: '{campaign}: {leads} lead-uri, acum {stages}',
  pace: 'Ritmul față de plan',
  paceNone: 'Niciun plan de pâlnie pentru această perioadă.',
  paceLine:
    '{stage}: {actual}, {expected} așteptate până acum din {planned} planificate pentru {period}: {status}.',
  paceStatus: {
    not_started: 'perioada nu a început',
    ahead: 'peste plan',
    on_track: 'conform planului',
    behind: 'sub plan',
  },
  revenue: 'venituri',
  noGuardian: 'niciun responsabil numit',
  persona: 'Revizuirea buyer persona',
  personaDue: 'Termen {date} ({guardian}).',
  personaOverdue: 'Depășit din {date} ({guardian}).',
  agreement: 'Modificări ale acordului care așteaptă semnături',
  agreementLine: 'Versiunea {version} așteaptă: {sides}.',
  standing: 'Puncte permanente',
  sides: { marketing: 'marketing', sales: 'vânzări', management: 'management' },
  stages: {
    prospect: 'prospect',
    lead: 'lead',
    mql: 'MQL',
    sal: 'acceptat',
    sql: 'SQL',
    opportunity: 'oportunitate',
    won: 'câștigat',
    lost: 'pierdut',
    nurture: 'nurturing',
    disqualified: 'descalificat',
  },
  fullAgenda: 'Agenda completă',
};

const RU: AgendaLabels = {
  title: 'Еженедельная встреча маркетинга и продаж, {week}',
  when: 'Встреча {at} ({minutes} мин). Период с {from} по {to}.',
  handedOver: 'Переданные MQL',
  handedOverNone: 'Отделу продаж не передано ни одного MQL.',
  handedOverLine: 'Из {total} переданных лидов не отработано {notWorked}.',
  notWorkedLead: '{lead}: {owner}, MQL с {at}',
  noOwner: 'без ответственного',
  breaches: 'Нарушения SLA по ответственным',
  breachesNone: 'Нарушений SLA нет.',
  breachLine: '{owner}: {count} ({kinds})',
  rejections: 'Отказы и возвраты на взращивание для обсуждения',
  rejectionsNone: 'Отказов и возвратов на взращивание нет.',
  rejectionLine: 'Отказ, {label}: {count}',
  nurtureLine: 'На взращивание, «{reason}»: {count}',
  campaigns: 'Что стало с лидами каждой кампании',
  campaignsNone: 'Ни одна кампания не принесла лидов.',
  campaignLine: '{campaign}: {leads} лидов, сейчас {stages}',
  pace: 'Темп относительно плана',
  paceNone: 'Плана воронки на этот период нет.',
  paceLine:
    '{stage}: {actual}, к сегодняшнему дню ожидалось {expected} из {planned} по плану на {period}: {status}.',
  paceStatus: {
    not_started: 'период ещё не начался',
    ahead: 'опережаем план',
    on_track: 'идём по плану',
    behind: 'отстаём от плана',
  },
  revenue: 'выручка',
  noGuardian: 'ответственный не назначен',
  persona: 'Пересмотр портрета покупателя',
  personaDue: 'Срок {date} ({guardian}).',
  personaOverdue: 'Просрочено с {date} ({guardian}).',
  agreement: 'Изменения соглашения ждут подписей',
  agreementLine: 'Версия {version} ждёт подписи: {sides}.',
  standing: 'Постоянные пункты',
  sides: { marketing: 'маркетинг', sales: 'продажи', management: 'руководство' },
  stages: {
    prospect: 'проспект',
    lead: 'лид',
    mql: 'MQL',
    sal: 'принят',
    sql: 'SQL',
    opportunity: 'сделка',
    won: 'выигран',
    lost: 'проигран',
    nurture: 'взращивание',
    disqualified: 'дисквалифицирован',
  },
  fullAgenda: 'Полная повестка',
};

export const AGENDA_LABELS: Record<Language, AgendaLabels> = { en: EN, pl: PL, ro: RO, ru: RU };

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
  const l = AGENDA_LABELS[input.language];
  const kinds = SLA_LABELS[input.language].kinds;
  const at = (iso: string) => formatInstant(iso, input.language, input.timeZone);
  const day = (date: string) =>
    new Intl.DateTimeFormat(SLA_LABELS[input.language].locale, {
      dateStyle: 'medium',
      timeZone: 'UTC',
    }).format(new Date(`${date}T00:00:00Z`));

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
            fill(l.handedOverLine, { notWorked: notWorkedLeads.length, total }),
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
              count: o.total,
              kinds: Object.entries(o.byKind)
                .map(([kind, n]) => `${kinds[kind as LeadDeadlineKind]} × ${n}`)
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
            ...rejections.map((r) => fill(l.rejectionLine, { label: r.label, count: r.count })),
            ...nurture.map((n) => fill(l.nurtureLine, { reason: n.label, count: n.count })),
          ],
  });
  sections.push({
    id: 'campaigns',
    title: l.campaigns,
    lines:
      campaigns.length === 0
        ? [l.campaignsNone]
        : campaigns.map((c) =>
            fill(l.campaignLine, {
              campaign: c.campaign,
              leads: c.leads,
              stages: LEAD_STAGES.filter((s) => (c.stages[s] ?? 0) > 0)
                .map((s) => `${c.stages[s]} ${l.stages[s]}`)
                .join(', '),
            }),
          ),
  });
  sections.push({
    id: 'pace',
    title: l.pace,
    lines: input.pace
      ? input.pace.stages.map((p) =>
          fill(l.paceLine, {
            stage: p.stage === 'revenue' ? l.revenue : l.stages[p.stage],
            actual: p.actual,
            expected: p.expected,
            planned: p.planned,
            period: input.pace?.period ?? '',
            status: l.paceStatus[p.status],
          }),
        )
      : [l.paceNone],
  });
  if (personaReview) {
    sections.push({
      id: 'persona_review',
      title: l.persona,
      lines: [
        fill(personaReview.overdue ? l.personaOverdue : l.personaDue, {
          date: day(personaReview.dueOn),
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
    sections,
  };
}

/** The agenda as Markdown, for the meeting notes and `GET /v1/agenda?format=markdown`. */
export function agendaMarkdown(agenda: Agenda): string {
  const out = [`# ${agenda.title}`, '', agenda.subtitle, ''];
  agenda.sections.forEach((section, i) => {
    out.push(`## ${i + 1}. ${section.title}`, '');
    for (const line of section.lines) out.push(`- ${line}`);
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
  return AGENDA_LABELS[language].fullAgenda;
}
