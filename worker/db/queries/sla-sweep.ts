import { and, asc, desc, eq, gt, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { Agreement } from '../../domain/agreement/schema';
import type { Side } from '../../domain/constants';
import { catalogueOf } from '../../domain/i18n';
import {
  agendaChatLines,
  agendaLinkLabel,
  agreementReviewPlan,
  type DeadlineKind,
  type DeadlineNotice,
  type DeadlineStatus,
  firstPersonaReviewDue,
  GOVERNANCE_DEADLINE_KINDS,
  type GovernancePlan,
  LEAD_DEADLINE_KINDS,
  leadDisplayName,
  type NotificationTopic,
  nextCheckAt,
  nextWeeklyMeeting,
  noticeLines,
  OPEN_DEADLINE_STATUSES,
  type OutgoingMessage,
  personaReviewPlan,
  type Recipient,
  type RecipientRole,
  settledStatus,
  shiftIsoWeek,
  sweepDeadline,
  type TransitionStep,
  weeklyReportPlan,
} from '../../domain/sla';
import { channelBody } from '../../domain/sla/channels';
import type { Workspace } from '../../domain/workspace';
import { newId } from '../../platform/ids';
import { runBatches, type Statement } from '../batch';
import type { Database } from '../client';
import {
  agreementSignatures,
  agreementVersions,
  leads,
  members,
  type notificationChannels,
  personaReviews,
  slaDeadlines,
  slaSweepState,
  slaTransitions,
} from '../schema';
import { chunks, inWorkspace } from '../scope';
import { loadAgenda } from './agenda';
import { getActiveAgreement } from './agreement';
import { activeChannelRows, enqueueStatement } from './notifications';
import { getWorkspace } from './workspaces';

type DeadlineRow = typeof slaDeadlines.$inferSelect;
type ChannelRow = typeof notificationChannels.$inferSelect;

/** Due deadlines read per query; a sweep loops until fewer come back (or MAX_BATCHES). */
const SWEEP_BATCH = 200;
const MAX_BATCHES = 25;
/** Statements per `db.batch`. */
const STATEMENTS_PER_BATCH = 150;
/** Workspaces whose governance deadlines one sweep refreshes (the pass walks all of them in turn). */
export const GOVERNANCE_CHUNK = 20;
const STATE_ID = 'sweep';

export interface SweepReport {
  /** Deadlines whose next step had come. */
  due: number;
  /** Transitions recorded (each at most once, ever). */
  transitions: number;
  /** Messages queued. */
  messages: number;
}

interface MemberInfo {
  id: string;
  name: string;
  side: Side;
  active: boolean;
}

/** What the sweep needs to word and address one workspace's messages, read once per workspace. */
interface WorkspaceContext {
  workspace: Workspace;
  members: Map<string, MemberInfo>;
  channels: ChannelRow[];
  /** Version number → side → member who signed it (the sales lead is whoever signed for sales). */
  signers: Map<number, Partial<Record<Side, string>>>;
  leads: Map<string, { name: string; ownerId: string | null }>;
  active: { version: number; activatedAt: string; content: Agreement } | null;
}

async function loadContext(
  db: Database,
  workspaceId: string,
  rows: readonly DeadlineRow[],
): Promise<WorkspaceContext | null> {
  const workspace = await getWorkspace(db, workspaceId);
  if (!workspace) return null;
  const versions = [...new Set(rows.map((r) => r.agreementVersion).filter((v): v is number => v !== null))];
  const leadIds = [...new Set(rows.map((r) => r.leadId).filter((id): id is string => id !== null))];
  const [people, channels, signatureRows, active] = await Promise.all([
    db
      .select({ id: members.id, name: members.name, side: members.side, active: members.active })
      .from(members)
      .where(eq(members.workspaceId, workspaceId))
      .all(),
    activeChannelRows(db, workspaceId),
    versions.length === 0
      ? Promise.resolve([])
      : db
          .select({
            number: agreementVersions.number,
            side: agreementSignatures.side,
            memberId: agreementSignatures.memberId,
          })
          .from(agreementSignatures)
          .innerJoin(agreementVersions, eq(agreementVersions.id, agreementSignatures.versionId))
          .where(
            and(eq(agreementVersions.workspaceId, workspaceId), inArray(agreementVersions.number, versions)),
          )
          .all(),
    // The agreement's time zone words the times; its meetings roll the weekly agenda over.
    getActiveAgreement(db, workspaceId),
  ]);
  const signers = new Map<number, Partial<Record<Side, string>>>();
  for (const s of signatureRows) signers.set(s.number, { ...signers.get(s.number), [s.side]: s.memberId });
  const leadMap = new Map<string, { name: string; ownerId: string | null }>();
  for (const part of chunks(leadIds)) {
    const found = await db
      .select({
        id: leads.id,
        firstName: leads.firstName,
        lastName: leads.lastName,
        company: leads.company,
        email: leads.email,
        ownerId: leads.ownerId,
      })
      .from(leads)
      .where(and(inWorkspace(leads.workspaceId, workspaceId), inArray(leads.id, part)))
      .all();
    for (const l of found)
      leadMap.set(l.id, { name: leadDisplayName(l, workspace.language), ownerId: l.ownerId });
  }
  return {
    workspace,
    members: new Map(people.map((p) => [p.id, p])),
    channels,
    signers,
    leads: leadMap,
    active: active
      ? { version: active.version, activatedAt: active.activatedAt, content: active.content }
      : null,
  };
}

/** Who a step is for: breach → owner and sales lead; escalation → the manager(s); governance → its keepers. */
function recipientsOf(step: TransitionStep, d: DeadlineRow, ctx: WorkspaceContext): Recipient[] {
  const signers = (d.agreementVersion !== null ? ctx.signers.get(d.agreementVersion) : undefined) ?? {};
  const activeSigners = ctx.active ? (ctx.signers.get(ctx.active.version) ?? {}) : {};
  const lead = (side: Side) => signers[side] ?? activeSigners[side];
  const managers = [...ctx.members.values()]
    .filter((m) => m.active && m.side === 'management')
    .map((m) => m.id);
  const out: Recipient[] = [];
  const add = (memberId: string | null | undefined, role: RecipientRole) => {
    const member = memberId ? ctx.members.get(memberId) : undefined;
    if (member?.active && !out.some((r) => r.memberId === member.id)) {
      out.push({ memberId: member.id, name: member.name, role });
    }
  };
  const isLead = (LEAD_DEADLINE_KINDS as readonly string[]).includes(d.kind);
  if (isLead) {
    if (step === 'due_soon') add(d.ownerId ?? lead('sales'), d.ownerId ? 'owner' : 'sales_lead');
    if (step === 'breached') {
      add(d.ownerId, 'owner');
      add(lead('sales'), 'sales_lead');
    }
    if (step === 'escalated') {
      for (const id of managers) add(id, 'manager');
      if (out.length === 0)
        add(lead('management') ?? lead('sales'), lead('management') ? 'manager' : 'sales_lead');
    }
    return out;
  }
  if (d.kind === 'persona_review') {
    add(d.ownerId, 'guardian');
    add(lead('marketing'), 'marketing_lead');
    if (step !== 'due_soon') add(lead('sales'), 'sales_lead');
  }
  if (d.kind === 'agreement_review') {
    add(lead('marketing'), 'marketing_lead');
    add(lead('sales'), 'sales_lead');
    if (step !== 'due_soon') for (const id of managers) add(id, 'manager');
  }
  return out;
}

/** Channels that take a topic: the team's channels, and personal channels of the people it is for. */
function channelsFor(
  topic: NotificationTopic,
  recipients: readonly Recipient[],
  ctx: WorkspaceContext,
): ChannelRow[] {
  const people = new Set(recipients.map((r) => r.memberId));
  return ctx.channels.filter(
    (c) => c.topics.includes(topic) && (c.memberId === null || topic === 'agenda' || people.has(c.memberId)),
  );
}

const stepAt = (step: TransitionStep, d: DeadlineRow, now: string): string =>
  step === 'due_soon'
    ? d.dueSoonAt
    : step === 'breached'
      ? d.dueAt
      : step === 'escalated'
        ? (d.escalateAt ?? now)
        : now;

/** The statements that record a due deadline's steps, queue their messages and move it on, guarded by the state read. */
async function stepStatements(
  db: Database,
  d: DeadlineRow,
  ctx: WorkspaceContext,
  now: Date,
): Promise<{ statements: Statement[]; transitions: number; messages: number }> {
  const outcome = sweepDeadline(
    {
      kind: d.kind,
      status: d.status,
      dueSoonAt: d.dueSoonAt,
      dueAt: d.dueAt,
      escalateAt: d.escalateAt,
      escalatedAt: d.escalatedAt,
    },
    now,
  );
  const at = now.toISOString();
  if (!outcome) {
    // Nothing due after all (a row whose times were moved): just put its next look right.
    const nextAt = nextCheckAt(d, d.status);
    return {
      statements: [
        db
          .update(slaDeadlines)
          .set({ nextAt, updatedAt: at })
          .where(and(eq(slaDeadlines.id, d.id), eq(slaDeadlines.workspaceId, d.workspaceId))),
      ],
      transitions: 0,
      messages: 0,
    };
  }
  // Every statement holds only while the row is as we read it: a concurrent sweep or writer makes them no-ops.
  const guard: SQL = sql`exists (select 1 from sla_deadlines g where g.id = ${d.id} and g.workspace_id = ${d.workspaceId}
    and g.status = ${d.status} and g.next_at = ${d.nextAt})`;
  const statements: Statement[] = [];
  let messages = 0;
  let from: DeadlineStatus = d.status;
  for (const step of outcome.steps) {
    const to: DeadlineStatus =
      step === 'due_soon' ? 'due_soon' : step === 'settled' ? outcome.status : 'breached';
    statements.push(
      db
        .insert(slaTransitions)
        .select(
          sql`select ${`${d.id}:${step}`}, ${d.workspaceId}, ${d.id}, ${d.leadId}, ${d.kind}, ${step}, ${from}, ${to},
            ${d.ownerId}, ${stepAt(step, d, at)}, ${at}
          where ${guard}`,
        )
        .onConflictDoNothing(),
    );
    from = to;
    for (const message of await messagesFor(db, step, d, ctx, now)) {
      statements.push(enqueueStatement(db, message, now, guard));
      messages += 1;
    }
  }
  statements.push(
    db
      .update(slaDeadlines)
      .set({
        status: outcome.status,
        nextAt: outcome.nextAt,
        updatedAt: at,
        ...(outcome.steps.includes('due_soon') ? { dueSoonRecordedAt: at } : {}),
        ...(outcome.steps.includes('breached') ? { breachedAt: at } : {}),
        ...(outcome.steps.includes('escalated') ? { escalatedAt: at } : {}),
        ...(outcome.steps.includes('settled') ? { settledAt: at } : {}),
      })
      .where(
        and(
          eq(slaDeadlines.id, d.id),
          eq(slaDeadlines.workspaceId, d.workspaceId),
          eq(slaDeadlines.status, d.status),
          eq(slaDeadlines.nextAt, d.nextAt ?? ''),
        ),
      ),
  );
  // The weekly agenda rolls over: once posted, next week's is scheduled in the same batch.
  if (d.kind === 'weekly_report' && ctx.active?.content.reporting.weeklyAgenda) {
    const week = d.key.slice('weekly_report:'.length);
    const plan = weeklyReportPlan(
      ctx.active.content.meetings.weekly,
      ctx.active.content.sla.timezone,
      shiftIsoWeek(week, 1),
    );
    statements.push(insertGovernance(db, d.workspaceId, plan, null, ctx.active.version, now));
  }
  return { statements, transitions: outcome.steps.length, messages };
}

async function messagesFor(
  db: Database,
  step: TransitionStep,
  d: DeadlineRow,
  ctx: WorkspaceContext,
  now: Date,
): Promise<{ workspaceId: string; key: string; channelId: string; topic: string; body: string }[]> {
  const { workspace } = ctx;
  const at = now.toISOString();
  if (d.kind === 'weekly_report') {
    if (step !== 'settled') return [];
    const channels = channelsFor('agenda', [], ctx);
    if (channels.length === 0) return [];
    const week = d.key.slice('weekly_report:'.length);
    const agenda = await loadAgenda(db, d.workspaceId, week, now, workspace);
    return channels.map((channel) => {
      const key = `${d.id}:${step}:${channel.id}`;
      const message: OutgoingMessage = {
        id: key,
        type: 'agenda.weekly',
        createdAt: at,
        workspaceId: d.workspaceId,
        language: workspace.language,
        lines: agendaChatLines(agenda),
        link: {
          url: `${channel.linkBase}/v1/agenda?week=${week}&format=markdown`,
          label: agendaLinkLabel(workspace.language),
        },
        data: { agenda },
      };
      return {
        workspaceId: d.workspaceId,
        key,
        channelId: channel.id,
        topic: 'agenda',
        body: channelBody(channel.kind, message),
      };
    });
  }
  if (step !== 'due_soon' && step !== 'breached' && step !== 'escalated') return [];
  const recipients = recipientsOf(step, d, ctx);
  const channels = channelsFor(step, recipients, ctx);
  if (channels.length === 0) return [];
  const lead = d.leadId ? ctx.leads.get(d.leadId) : undefined;
  const notice: DeadlineNotice = {
    topic: step,
    kind: d.kind as DeadlineKind,
    dueAt: d.dueAt,
    lead: d.leadId
      ? { id: d.leadId, name: lead?.name ?? catalogueOf(workspace.language).sla.unnamedLead }
      : null,
    ownerName: d.ownerId ? (ctx.members.get(d.ownerId)?.name ?? null) : null,
    recipients,
  };
  const lines = noticeLines(
    notice,
    workspace.language,
    ctx.active?.content.sla.timezone ?? workspace.timezone,
  );
  return channels.map((channel) => {
    const key = `${d.id}:${step}:${channel.id}`;
    const url = d.leadId ? `${channel.linkBase}/v1/leads/${d.leadId}` : null;
    const message: OutgoingMessage = {
      id: key,
      type: `sla.${step}`,
      createdAt: at,
      workspaceId: d.workspaceId,
      language: workspace.language,
      lines,
      link: url ? { url, label: catalogueOf(workspace.language).sla.openLead } : null,
      data: {
        deadline: {
          id: d.id,
          kind: d.kind,
          status: step === 'due_soon' ? 'due_soon' : 'breached',
          startedAt: d.startedAt,
          dueAt: d.dueAt,
          agreementVersion: d.agreementVersion,
        },
        lead: d.leadId ? { id: d.leadId, url } : null,
        ownerId: d.ownerId,
        recipients,
      },
    };
    return {
      workspaceId: d.workspaceId,
      key,
      channelId: channel.id,
      topic: step,
      body: channelBody(channel.kind, message),
    };
  });
}

/**
 * Records what became true of deadlines by `now`: reads only the deadlines whose
 * next step has come, through the (status, next_at) index, across the
 * database's workspaces; then, per workspace (its own scoped reads), records
 * each step once, queues its messages and moves the deadline on, all in one
 * batch guarded by the state read. Safe to run twice, concurrently, or late.
 */
export async function sweepDeadlines(db: Database, now: Date): Promise<SweepReport> {
  const at = now.toISOString();
  const report: SweepReport = { due: 0, transitions: 0, messages: 0 };
  const seen = new Set<string>();
  for (let round = 0; round < MAX_BATCHES; round++) {
    // Cross-workspace by design: the cron sweep serves every workspace of this database.
    const due = (
      await db
        .select()
        .from(slaDeadlines)
        .where(and(inArray(slaDeadlines.status, [...OPEN_DEADLINE_STATUSES]), lte(slaDeadlines.nextAt, at)))
        .orderBy(asc(slaDeadlines.nextAt))
        .limit(SWEEP_BATCH)
        .all()
    ).filter((d) => !seen.has(d.id));
    if (due.length === 0) break;
    const byWorkspace = new Map<string, DeadlineRow[]>();
    for (const d of due) {
      seen.add(d.id);
      byWorkspace.set(d.workspaceId, [...(byWorkspace.get(d.workspaceId) ?? []), d]);
    }
    report.due += due.length;
    for (const [workspaceId, rows] of byWorkspace) {
      const ctx = await loadContext(db, workspaceId, rows);
      if (!ctx) continue;
      const statements: Statement[] = [];
      for (const d of rows) {
        const step = await stepStatements(db, d, ctx, now);
        statements.push(...step.statements);
        report.transitions += step.transitions;
        report.messages += step.messages;
      }
      await runBatches(db, statements, STATEMENTS_PER_BATCH);
    }
    if (due.length < SWEEP_BATCH) break;
  }
  return report;
}

// ---------------------------------------------------------------------------
// Governance deadlines

function insertGovernance(
  db: Database,
  workspaceId: string,
  plan: GovernancePlan,
  ownerId: string | null,
  version: number,
  now: Date,
): Statement {
  const at = now.toISOString();
  return db
    .insert(slaDeadlines)
    .values({
      id: newId('sla', now.getTime()),
      workspaceId,
      key: plan.key,
      leadId: null,
      kind: plan.kind,
      status: 'pending',
      agreementVersion: version,
      ownerId,
      startedAt: plan.startedAt,
      dueSoonAt: plan.dueSoonAt,
      dueAt: plan.dueAt,
      escalateAt: null,
      nextAt: plan.dueSoonAt,
      createdAt: at,
      updatedAt: at,
    })
    .onConflictDoNothing();
}

/**
 * Brings a workspace's team deadlines in line with its signed agreement: the
 * persona review (from the latest review, else the agreement), the agreement
 * review (the active version's activation + cadence) and the next weekly agenda.
 * A persona review recorded or a new version signed settles the old deadline
 * (met, or met late) and opens the next. Reads only the workspace's open team
 * deadlines (by the kind index), never its leads.
 */
export async function syncGovernance(db: Database, workspaceId: string, now: Date): Promise<void> {
  const [active, latestReview, open] = await Promise.all([
    getActiveAgreement(db, workspaceId),
    db
      .select({ nextDueOn: personaReviews.nextDueOn, createdAt: personaReviews.createdAt })
      .from(personaReviews)
      .where(eq(personaReviews.workspaceId, workspaceId))
      .orderBy(desc(personaReviews.reviewedOn), desc(personaReviews.createdAt))
      .limit(1)
      .get(),
    db
      .select()
      .from(slaDeadlines)
      .where(
        and(
          eq(slaDeadlines.workspaceId, workspaceId),
          inArray(slaDeadlines.kind, [...GOVERNANCE_DEADLINE_KINDS]),
          inArray(slaDeadlines.status, [...OPEN_DEADLINE_STATUSES]),
        ),
      )
      .all(),
  ]);
  if (!active) return;
  const { content } = active;
  const timeZone = content.sla.timezone;
  const personaDue =
    latestReview?.nextDueOn ??
    firstPersonaReviewDue(
      content.persona.lastReviewedOn,
      active.activatedAt,
      content.persona.reviewEveryMonths,
      timeZone,
    );
  const plans: { plan: GovernancePlan; ownerId: string | null; settledAt: string }[] = [
    {
      plan: personaReviewPlan(personaDue, timeZone, latestReview?.createdAt ?? active.activatedAt),
      ownerId: content.persona.guardianMemberId,
      settledAt: latestReview?.createdAt ?? now.toISOString(),
    },
    {
      plan: agreementReviewPlan(
        active.version,
        active.activatedAt,
        content.meetings.agreementReviewEveryMonths,
        timeZone,
      ),
      ownerId: null,
      settledAt: active.activatedAt,
    },
  ];
  if (content.reporting.weeklyAgenda) {
    const next = nextWeeklyMeeting(content.meetings.weekly, timeZone, now);
    plans.push({
      plan: weeklyReportPlan(content.meetings.weekly, timeZone, next.week),
      ownerId: null,
      settledAt: '',
    });
  }
  const at = now.toISOString();
  const statements: Statement[] = [];
  for (const { plan, ownerId, settledAt } of plans) {
    for (const row of open.filter((r) => r.kind === plan.kind)) {
      if (row.key === plan.key) {
        // Same deadline; the agreement may have moved its times (a new meeting slot, a new guardian).
        const moved =
          row.status === 'pending' && (row.dueAt !== plan.dueAt || row.dueSoonAt !== plan.dueSoonAt);
        if (moved || row.ownerId !== ownerId) {
          statements.push(
            db
              .update(slaDeadlines)
              .set({
                ownerId,
                ...(moved ? { dueAt: plan.dueAt, dueSoonAt: plan.dueSoonAt, nextAt: plan.dueSoonAt } : {}),
                updatedAt: at,
              })
              .where(
                and(
                  eq(slaDeadlines.id, row.id),
                  eq(slaDeadlines.workspaceId, workspaceId),
                  eq(slaDeadlines.status, row.status),
                ),
              ),
          );
        }
      } else if (plan.kind !== 'weekly_report') {
        // A review was recorded or a new version signed: the old deadline is met (or met late).
        const status = settledStatus(row.dueAt, settledAt);
        statements.push(
          db
            .insert(slaTransitions)
            .select(
              sql`select id || ':settled', workspace_id, id, null, kind, 'settled', status, ${status}, owner_id,
                ${settledAt}, ${at}
              from sla_deadlines where id = ${row.id} and workspace_id = ${workspaceId} and status = ${row.status}`,
            )
            .onConflictDoNothing(),
          db
            .update(slaDeadlines)
            .set({ status, settledAt, nextAt: null, updatedAt: at })
            .where(
              and(
                eq(slaDeadlines.id, row.id),
                eq(slaDeadlines.workspaceId, workspaceId),
                eq(slaDeadlines.status, row.status),
              ),
            ),
        );
      }
    }
    if (!open.some((r) => r.key === plan.key))
      statements.push(insertGovernance(db, workspaceId, plan, ownerId, active.version, now));
  }
  await runBatches(db, statements, STATEMENTS_PER_BATCH);
}

/**
 * Refreshes the team deadlines of the next GOVERNANCE_CHUNK workspaces that run
 * under a signed agreement, continuing where the previous sweep stopped, so
 * every workspace is visited in turn at a bounded cost per minute.
 */
export async function governancePass(db: Database, now: Date, chunk = GOVERNANCE_CHUNK): Promise<number> {
  const state = await db.select().from(slaSweepState).where(eq(slaSweepState.id, STATE_ID)).get();
  const cursor = state?.governanceCursor ?? '';
  // Cross-workspace by design; the partial unique index on active versions serves it.
  const page = async (after: string) =>
    db
      .select({ workspaceId: agreementVersions.workspaceId })
      .from(agreementVersions)
      .where(and(eq(agreementVersions.status, 'active'), gt(agreementVersions.workspaceId, after)))
      .orderBy(asc(agreementVersions.workspaceId))
      .limit(chunk)
      .all();
  let batch = await page(cursor);
  if (batch.length === 0 && cursor !== '') batch = await page('');
  for (const { workspaceId } of batch) await syncGovernance(db, workspaceId, now);
  const last = batch.at(-1)?.workspaceId ?? '';
  const at = now.toISOString();
  await db
    .insert(slaSweepState)
    .values({
      id: STATE_ID,
      lastRunAt: at,
      governanceCursor: batch.length < chunk ? '' : last,
      updatedAt: at,
    })
    .onConflictDoUpdate({
      target: slaSweepState.id,
      set: {
        lastRunAt: sql`max(${slaSweepState.lastRunAt}, ${at})`,
        governanceCursor: batch.length < chunk ? '' : last,
        updatedAt: at,
      },
    });
  return batch.length;
}
