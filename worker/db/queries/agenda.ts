import { and, desc, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { Agreement } from '../../domain/agreement/schema';
import { addMonths } from '../../domain/agreement/versions';
import { SIDES, type Side } from '../../domain/constants';
import type { LeadStage } from '../../domain/ledger/constants';
import { sheetErrorMessage } from '../../domain/live-sheet/messages';
import {
  type Agenda,
  type AgendaInput,
  type AgendaPace,
  agendaPeriod,
  buildAgenda,
  LEAD_DEADLINE_KINDS,
  type LeadDeadlineKind,
  leadDisplayName,
  nextWeeklyMeeting,
  PACE_STAGES,
} from '../../domain/sla';
import type { Workspace } from '../../domain/workspace';
import { addDays, localDateOf, startOfLocalDay } from '../../domain/zoned-time';
import type { Database } from '../client';
import {
  agreementSignatures,
  agreementVersions,
  leadEvents,
  leads,
  members,
  personaReviews,
  slaTransitions,
} from '../schema';
import { chunks, inWorkspace } from '../scope';
import { loadJudgingAgreement } from './judging';
import { getPlanView, type KnownWorkspace, listStoredPlans } from './reports';
import { getSheetConnection } from './sheet';
import { requireWorkspace } from './workspaces';

/** D1 binds at most 100 parameters per statement; IN lists go in chunks below that. */

/** The persona review's next due date: the latest recorded review's, else the agreement's last review + cadence. */
async function personaDueOn(db: Database, workspaceId: string, agreement: Agreement): Promise<string | null> {
  const latest = await db
    .select({ nextDueOn: personaReviews.nextDueOn })
    .from(personaReviews)
    .where(eq(personaReviews.workspaceId, workspaceId))
    .orderBy(desc(personaReviews.reviewedOn), desc(personaReviews.createdAt))
    .limit(1)
    .get();
  if (latest) return latest.nextDueOn;
  const last = agreement.persona.lastReviewedOn;
  return last ? addMonths(last, agreement.persona.reviewEveryMonths) : null;
}

/** The proposal collecting signatures, with the sides that have not signed yet. */
async function pendingAgreement(db: Database, workspaceId: string): Promise<AgendaInput['pendingAgreement']> {
  const proposal = await db
    .select({
      id: agreementVersions.id,
      number: agreementVersions.number,
      sides: agreementVersions.requiredSides,
    })
    .from(agreementVersions)
    .where(and(eq(agreementVersions.workspaceId, workspaceId), eq(agreementVersions.status, 'proposed')))
    .orderBy(desc(agreementVersions.number))
    .limit(1)
    .get();
  if (!proposal) return null;
  const signed = await db
    .select({ side: agreementSignatures.side })
    .from(agreementSignatures)
    .where(
      and(eq(agreementSignatures.workspaceId, workspaceId), eq(agreementSignatures.versionId, proposal.id)),
    )
    .all();
  const done = new Set(signed.map((s) => s.side));
  const missingSides = SIDES.filter((side: Side) => proposal.sides.includes(side) && !done.has(side));
  return missingSides.length > 0 ? { version: proposal.number, missingSides } : null;
}

/**
 * The instant the agenda's pace is pro-rated to: the end of today in the team's
 * time zone, or the meeting if that comes first. A day, not a millisecond, so
 * every reading of the same agenda on the same day says the same thing.
 */
export function paceInstant(meetingAt: Date, now: Date, timeZone: string): Date {
  const endOfToday = startOfLocalDay(addDays(localDateOf(now, timeZone), 1), timeZone);
  return endOfToday < meetingAt ? endOfToday : meetingAt;
}

/**
 * Pace against the funnel plan that covers the meeting's date, the narrowest
 * first (its month, quarter, then year), as the plan view computes it now.
 */
async function paceAt(
  db: Database,
  workspaceId: string,
  meetingDay: string,
  now: Date,
  known: KnownWorkspace | undefined,
): Promise<AgendaPace | null> {
  const [year, month] = meetingDay.split('-') as [string, string];
  const quarter = Math.floor((Number(month) - 1) / 3) + 1;
  const stored = new Set((await listStoredPlans(db, workspaceId)).map((p) => p.period));
  const key = [`${year}-${month}`, `${year}-Q${quarter}`, year].find((k) => stored.has(k));
  if (!key) return null;
  const view = await getPlanView(db, workspaceId, key, now, known);
  return {
    period: key,
    currency: view.currency,
    stages: PACE_STAGES.map((stage) => {
      const p = view.pace.stages[stage];
      const round = (n: number) => (stage === 'revenue' ? Math.round(n * 100) / 100 : Math.round(n));
      return {
        stage,
        status: p.status,
        actual: p.actual,
        expected: round(p.expectedToDate),
        planned: p.planned,
      };
    }),
  };
}

/**
 * The facts of the agenda of ISO `week` (the seven days before that week's
 * meeting), read through indexes: events by (workspace, type, time), leads and
 * events of the handed-over leads by key, breaches by (workspace, step, time).
 */
export async function loadAgenda(
  db: Database,
  workspaceId: string,
  week: string,
  now: Date,
  /** What the caller read already (the sweep reads each workspace and its agreement once). */
  known?: KnownWorkspace,
): Promise<Agenda> {
  const ws = known?.workspace ?? (await requireWorkspace(db, workspaceId));
  const { content } = known?.active ? known.active : await loadJudgingAgreement(db, ws);
  const timeZone = content.sla.timezone;
  const weekly = content.meetings.weekly;
  const period = agendaPeriod(weekly, timeZone, week);
  const from = period.start.toISOString();
  const to = period.end.toISOString();
  const inPeriod = (type: 'mql' | 'rejected' | 'nurtured') =>
    and(
      eq(leadEvents.workspaceId, workspaceId),
      eq(leadEvents.type, type),
      gte(leadEvents.occurredAt, from),
      lt(leadEvents.occurredAt, to),
    );

  const [
    mqlEvents,
    rejectedEvents,
    nurturedEvents,
    breachRows,
    people,
    campaignsActive,
    dueOn,
    pending,
    pace,
  ] = await Promise.all([
    db
      .select({ leadId: leadEvents.leadId, at: leadEvents.occurredAt })
      .from(leadEvents)
      .where(inPeriod('mql'))
      .all(),
    db
      .select({ leadId: leadEvents.leadId, payload: leadEvents.payload })
      .from(leadEvents)
      .where(inPeriod('rejected'))
      .all(),
    db
      .select({ leadId: leadEvents.leadId, payload: leadEvents.payload })
      .from(leadEvents)
      .where(inPeriod('nurtured'))
      .all(),
    db
      .select({ leadId: slaTransitions.leadId, kind: slaTransitions.kind, ownerId: slaTransitions.ownerId })
      .from(slaTransitions)
      .where(
        and(
          eq(slaTransitions.workspaceId, workspaceId),
          eq(slaTransitions.step, 'breached'),
          gte(slaTransitions.at, from),
          lt(slaTransitions.at, to),
        ),
      )
      .all(),
    db
      .select({ id: members.id, name: members.name })
      .from(members)
      .where(eq(members.workspaceId, workspaceId))
      .all(),
    db
      .selectDistinct({ campaign: leadEvents.campaign })
      .from(leadEvents)
      .where(
        and(
          eq(leadEvents.workspaceId, workspaceId),
          inArray(leadEvents.type, ['created', 'touch']),
          gte(leadEvents.occurredAt, from),
          lt(leadEvents.occurredAt, to),
          isNotNull(leadEvents.campaign),
        ),
      )
      .all(),
    personaDueOn(db, workspaceId, content),
    pendingAgreement(db, workspaceId),
    paceAt(
      db,
      workspaceId,
      localDateOf(period.meetingAt, timeZone),
      paceInstant(period.meetingAt, now, timeZone),
      known,
    ),
  ]);
  const nameOf = new Map(people.map((p) => [p.id, p.name]));

  // Handed over in the period, and whether sales has worked them since (an attempt, or any decision).
  const mqlAt = new Map<string, string>();
  for (const e of mqlEvents) if (!mqlAt.has(e.leadId)) mqlAt.set(e.leadId, e.at);
  const ids = [...mqlAt.keys()];
  const handedRows: {
    id: string;
    ownerId: string | null;
    firstName: string | null;
    lastName: string | null;
    company: string | null;
    email: string | null;
  }[] = [];
  const worked = new Set<string>();
  for (const part of chunks(ids)) {
    const [rows, attempts] = await Promise.all([
      db
        .select({
          id: leads.id,
          ownerId: leads.ownerId,
          firstName: leads.firstName,
          lastName: leads.lastName,
          company: leads.company,
          email: leads.email,
        })
        .from(leads)
        .where(and(inWorkspace(leads.workspaceId, workspaceId), inArray(leads.id, part)))
        .all(),
      db
        .selectDistinct({ leadId: leadEvents.leadId })
        .from(leadEvents)
        .where(
          and(
            inWorkspace(leadEvents.workspaceId, workspaceId),
            inArray(leadEvents.leadId, part),
            sql`+${leadEvents.type} in ('attempt', 'accepted', 'qualified', 'rejected', 'nurtured', 'opportunity', 'won', 'lost')`,
          ),
        )
        .all(),
    ]);
    handedRows.push(...rows);
    for (const a of attempts) worked.add(a.leadId);
  }
  const handedOver = handedRows
    .map((row) => ({
      leadId: row.id,
      name: leadDisplayName(row, ws.language),
      ownerId: row.ownerId,
      ownerName: row.ownerId ? (nameOf.get(row.ownerId) ?? null) : null,
      mqlAt: mqlAt.get(row.id) ?? from,
      worked: worked.has(row.id),
    }))
    .sort((a, b) => a.mqlAt.localeCompare(b.mqlAt));

  // What became of each campaign active in the period: its leads by where they stand now.
  const campaignNames = campaignsActive.map((c) => c.campaign).filter((c): c is string => c !== null);
  const stagesByCampaign = new Map<string, Partial<Record<LeadStage, number>>>();
  for (const part of chunks(campaignNames)) {
    const rows = await db
      .select({ campaign: leads.campaign, stage: leads.stage, n: sql<number>`count(*)` })
      .from(leads)
      .where(and(eq(leads.workspaceId, workspaceId), inArray(leads.campaign, part)))
      .groupBy(leads.campaign, leads.stage)
      .all();
    for (const row of rows) {
      if (!row.campaign) continue;
      const stages = stagesByCampaign.get(row.campaign) ?? {};
      stages[row.stage] = Number(row.n);
      stagesByCampaign.set(row.campaign, stages);
    }
  }

  const reasonLabel = new Map(content.rejectionReasons.map((r) => [r.code, r.label]));
  const input: AgendaInput = {
    week,
    language: ws.language,
    timeZone,
    meetingAt: period.meetingAt.toISOString(),
    durationMinutes: weekly.durationMinutes,
    period: { start: from, end: to },
    standingItems: weekly.agenda,
    handedOver,
    breaches: breachRows
      .filter((b): b is typeof b & { kind: LeadDeadlineKind } =>
        (LEAD_DEADLINE_KINDS as readonly string[]).includes(b.kind),
      )
      .map((b) => ({
        leadId: b.leadId ?? '',
        kind: b.kind,
        ownerId: b.ownerId,
        ownerName: b.ownerId ? (nameOf.get(b.ownerId) ?? null) : null,
      })),
    rejections: rejectedEvents.map((e) => ({
      leadId: e.leadId,
      reasons: (Array.isArray(e.payload.reasons) ? e.payload.reasons : [])
        .filter((code): code is string => typeof code === 'string')
        .map((code) => ({ code, label: reasonLabel.get(code) ?? code })),
    })),
    nurtures: nurturedEvents.map((e) => {
      const code = typeof e.payload.reason === 'string' ? e.payload.reason : '';
      return { leadId: e.leadId, code, label: reasonLabel.get(code) ?? code };
    }),
    campaigns: [...stagesByCampaign.entries()].map(([campaign, stages]) => ({ campaign, stages })),
    pace,
    personaReview: dueOn
      ? {
          dueOn,
          guardianName: content.persona.guardianMemberId
            ? (nameOf.get(content.persona.guardianMemberId) ?? null)
            : null,
        }
      : null,
    pendingAgreement: pending,
    liveSheet: await stoppedSheet(db, ws),
  };
  return buildAgenda(input, now);
}

/** The team's live sheet when its pushes have stopped: the meeting is where someone takes on fixing it. */
async function stoppedSheet(db: Database, ws: Workspace): Promise<AgendaInput['liveSheet']> {
  const sheet = await getSheetConnection(db, ws.id);
  if (sheet?.state !== 'stopped' || !sheet.lastErrorCode) return null;
  return {
    message: sheetErrorMessage(sheet.lastErrorCode, ws.language, sheet.serviceAccountEmail),
    since: sheet.lastPushAt,
  };
}

/** The ISO week of the workspace's next weekly meeting (the default agenda). */
export async function agendaWeekOf(db: Database, workspaceId: string, now: Date): Promise<string> {
  const ws = await requireWorkspace(db, workspaceId);
  const { content } = await loadJudgingAgreement(db, ws);
  return nextWeeklyMeeting(content.meetings.weekly, content.sla.timezone, now).week;
}
