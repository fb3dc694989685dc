import { latestPersonaDueOn, openProposal, readAgendaFacts } from '../../db/queries/agenda';
import { loadJudgingAgreement } from '../../db/queries/judging';
import { listStoredPlans } from '../../db/queries/reports';
import { getSheetConnection } from '../../db/queries/sheet';
import { requireWorkspace } from '../../db/queries/workspaces';
import { sheetErrorMessage } from '../../domain/live-sheet/messages';
import {
  type Agenda,
  type AgendaInput,
  type AgendaPace,
  agendaInputOf,
  agendaPaceOf,
  agendaPeriod,
  agendaPlanPeriod,
  buildAgenda,
  nextWeeklyMeeting,
  paceInstant,
  pendingAgreementOf,
  personaDueOn,
} from '../../domain/sla';
import type { Workspace } from '../../domain/workspace';
import { localDateOf } from '../../domain/zoned-time';
import type { ServiceContext } from '../context';
import { getPlan } from '../plans/get-plan';
import type { KnownWorkspace } from '../plans/plan-view';
import { vaultOf } from '../privacy/vault';

/**
 * The agenda of ISO `week` (the seven days before that week's meeting), from
 * the week's facts, the agreement in force and the funnel plan covering the meeting.
 */
export async function loadAgenda({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  /** `known`: what the caller read already (the sweep reads each workspace and its agreement once). */
  input: { week: string; known?: KnownWorkspace };
}): Promise<Agenda> {
  const { db, workspaceId, now } = ctx;
  const { week, known } = input;
  const ws = known?.workspace ?? (await requireWorkspace(db, workspaceId));
  const { content } = known?.active ? known.active : await loadJudgingAgreement(db, ws);
  const timeZone = content.sla.timezone;
  const period = agendaPeriod(content.meetings.weekly, timeZone, week);
  const [facts, latestDue, proposal, pace, liveSheet] = await Promise.all([
    readAgendaFacts(db, vaultOf(ctx, workspaceId), workspaceId, {
      from: period.start.toISOString(),
      to: period.end.toISOString(),
    }),
    latestPersonaDueOn(db, workspaceId),
    openProposal(db, workspaceId),
    paceAt(ctx, localDateOf(period.meetingAt, timeZone), paceInstant(period.meetingAt, now, timeZone), known),
    stoppedSheet(ctx, ws),
  ]);
  const agendaInput = agendaInputOf({
    week,
    language: ws.language,
    agreement: content,
    period,
    facts,
    pace,
    personaDueOn: personaDueOn(latestDue, content),
    pendingAgreement: pendingAgreementOf(proposal),
    liveSheet,
  });
  return buildAgenda(agendaInput, now);
}

/** Pace against the funnel plan that covers the meeting's date, the narrowest first, as the plan view computes it at `at`. */
async function paceAt(
  ctx: ServiceContext,
  meetingDay: string,
  at: Date,
  known: KnownWorkspace | undefined,
): Promise<AgendaPace | null> {
  const stored = new Set((await listStoredPlans(ctx.db, ctx.workspaceId)).map((p) => p.period));
  const key = agendaPlanPeriod(meetingDay, stored);
  if (!key) return null;
  return agendaPaceOf(key, await getPlan({ ctx: { ...ctx, now: at }, input: { period: key, known } }));
}

/** The team's live sheet when its pushes have stopped: the meeting is where someone takes on fixing it. */
async function stoppedSheet(ctx: ServiceContext, ws: Workspace): Promise<AgendaInput['liveSheet']> {
  const sheet = await getSheetConnection(ctx.db, ws.id);
  if (sheet?.state !== 'stopped' || !sheet.lastErrorCode) return null;
  return {
    message: sheetErrorMessage(sheet.lastErrorCode, ws.language, sheet.serviceAccountEmail),
    since: sheet.lastPushAt,
  };
}

/** The ISO week of the workspace's next weekly meeting (the default agenda). */
export async function agendaWeekOf({ ctx }: { ctx: ServiceContext }): Promise<string> {
  const ws = await requireWorkspace(ctx.db, ctx.workspaceId);
  const { content } = await loadJudgingAgreement(ctx.db, ws);
  return nextWeeklyMeeting(content.meetings.weekly, content.sla.timezone, ctx.now).week;
}
