import { runBatches, type Statement } from '../../db/batch';
import { activeChannelRows, type OutboxMessage } from '../../db/queries/notifications';
import { getSheetConnection } from '../../db/queries/sheet';
import {
  type DeadlineRow,
  dueDeadlineRows,
  recheckStatement,
  signersOf,
  stepStatements,
} from '../../db/queries/sla-sweep';
import { teamMembers } from '../../db/queries/sla-sweep/due';
import type { Host } from '../../domain/host';
import { slot } from '../../domain/privacy';
import {
  LEAD_LINK_DAYS,
  messagesFor,
  nextWeeklyReport,
  type QueuedMessage,
  type SweepTeam,
  signedLeadPath,
  spreadsheetUrl,
  sweepDeadline,
  type TransitionStep,
  wantsAgenda,
  weekOfReport,
} from '../../domain/sla';
import type { DatabaseContext, ServiceContext } from '../context';
import { vaultOf } from '../privacy/vault';
import { loadAgenda } from './load-agenda';
import { STATEMENTS_PER_BATCH } from './sync-governance';
import { type WorkspaceFacts, WorkspaceFactsCache } from './workspace-facts';

/** Due deadlines read per query; a sweep loops until fewer come back (or MAX_ROUNDS). */
const SWEEP_BATCH = 200;
const MAX_ROUNDS = 25;

export interface SweepReport {
  /** Deadlines whose next step had come. */
  due: number;
  /** Transitions recorded (each at most once, ever). */
  transitions: number;
  /** Messages queued. */
  messages: number;
}

/** What the sweep reads once per workspace per round to word and address its messages. */
interface WorkspaceSweep {
  facts: WorkspaceFacts;
  team: SweepTeam;
  /** Per lead: where a person opens it from a message (see MessageSetting.leadLink). */
  leadLinks: Map<string, (linkBase: string) => string>;
}

/** How the sweep makes links people can open: the deployment's root secret for signing, the host's crypto. */
export interface LeadLinkSigning {
  root: string;
  host: Pick<Host, 'hmacSha256' | 'timingSafeEqual'>;
}

async function loadWorkspaceSweep(
  ctx: ServiceContext,
  facts: WorkspaceFacts,
  rows: readonly DeadlineRow[],
  signing: LeadLinkSigning | null,
): Promise<WorkspaceSweep> {
  const { db, workspaceId } = ctx;
  const versions = [...new Set(rows.map((r) => r.agreementVersion).filter((v): v is number => v !== null))];
  const leadIds = [...new Set(rows.map((r) => r.leadId).filter((id): id is string => id !== null))];
  // No lead is read: a notice names its lead only when it is sent (NoticeDraft), so the sweep's reads
  // follow the deadlines that fell due and nothing else.
  const [people, channels, signers, sheet] = await Promise.all([
    teamMembers(db, workspaceId),
    activeChannelRows(db, workspaceId),
    signersOf(db, workspaceId, versions),
    getSheetConnection(db, workspaceId),
  ]);
  // The team's connected sheet holds every lead's row; without one, a signed page for a week.
  const leadLinks = new Map<string, (linkBase: string) => string>();
  const expiresAt = new Date(ctx.now.getTime() + LEAD_LINK_DAYS * 86_400_000);
  for (const leadId of leadIds) {
    if (sheet) {
      const url = spreadsheetUrl(sheet.spreadsheetId);
      leadLinks.set(leadId, () => url);
    } else if (signing) {
      const path = await signedLeadPath(signing.host, signing.root, workspaceId, leadId, expiresAt);
      leadLinks.set(leadId, (linkBase) => `${linkBase}${path}`);
    }
  }
  return {
    facts,
    team: {
      members: new Map(people.map((p) => [p.id, p])),
      signers,
      activeVersion: facts.active?.version ?? null,
      channels,
    },
    leadLinks,
  };
}

async function sealedMessage(
  ctx: ServiceContext,
  message: QueuedMessage,
  namedLeads: readonly string[],
): Promise<OutboxMessage> {
  const vault = vaultOf(ctx, message.workspaceId);
  const bodyKey = await vault.mintKey(null);
  const body = await vault.seal(bodyKey.id, slot.message(message.key), message.body);
  return { ...message, body, bodyKey, namedLeads };
}

/** The statements for one due deadline: the domain decides its steps and messages, the db writes them. */
async function deadlineStatements(
  ctx: ServiceContext,
  d: DeadlineRow,
  sweep: WorkspaceSweep,
): Promise<{ statements: Statement[]; transitions: number; messages: number }> {
  const { db, now } = ctx;
  const outcome = sweepDeadline(d, now);
  if (!outcome) return { statements: [recheckStatement(db, d, now)], transitions: 0, messages: 0 };
  const { workspace, active } = sweep.facts;
  const messages = new Map<TransitionStep, OutboxMessage[]>();
  for (const step of outcome.steps) {
    // The agenda is the one costly read: only when a settled weekly report has a channel to go to.
    const agenda = wantsAgenda(step, d, sweep.team)
      ? await loadAgenda({
          ctx: { ...ctx, workspaceId: d.workspaceId },
          input: { week: weekOfReport(d.key), known: sweep.facts },
        })
      : null;
    // Bodies are about people (a lead's notice gets its name when sent, the agenda names leads now): each
    // is sealed with a key of its own (never one bound to a lead, whose own key seals its data), and
    // remembers which leads it names, for erasure.
    const named = d.leadId ? [d.leadId] : (agenda?.handedOver.notWorkedLeads.map((l) => l.leadId) ?? []);
    const rendered = messagesFor(step, d, sweep.team, {
      language: workspace.language,
      // The agreement's time zone words the times.
      timeZone: active?.content.sla.timezone ?? workspace.timezone,
      now,
      agenda,
      leadLink: d.leadId ? (sweep.leadLinks.get(d.leadId) ?? null) : null,
    });
    messages.set(step, await Promise.all(rendered.map((m) => sealedMessage(ctx, m, named))));
  }
  // The weekly agenda rolls over: once posted, next week's is scheduled in the same batch.
  const plan = d.kind === 'weekly_report' ? nextWeeklyReport(active, weekOfReport(d.key)) : null;
  const nextWeekly = plan && active ? { plan, version: active.version } : null;
  return {
    statements: stepStatements(db, d, { outcome, messages, nextWeekly }, now),
    transitions: outcome.steps.length,
    messages: [...messages.values()].reduce((n, list) => n + list.length, 0),
  };
}

/**
 * Records what became true of deadlines by `now`: reads only the deadlines whose
 * next step has come, across the database's workspaces; then per workspace
 * (read once: the workspace, its agreement, members, channels, signers) moves
 * each deadline on, records its steps once and queues its messages, in batches
 * guarded by the state read. Reads no lead: a notice's lead is named when it is
 * sent. Safe to run twice, concurrently, or late.
 */
export async function sweepDeadlines({
  ctx,
  input = {},
}: {
  ctx: DatabaseContext;
  input?: { facts?: WorkspaceFactsCache; leadLinks?: LeadLinkSigning | null };
}): Promise<SweepReport> {
  const { db, now } = ctx;
  const facts = input.facts ?? new WorkspaceFactsCache(ctx);
  const report: SweepReport = { due: 0, transitions: 0, messages: 0 };
  const seen = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const due = (await dueDeadlineRows(db, now.toISOString(), SWEEP_BATCH)).filter((d) => !seen.has(d.id));
    if (due.length === 0) break;
    const byWorkspace = new Map<string, DeadlineRow[]>();
    for (const d of due) {
      seen.add(d.id);
      byWorkspace.set(d.workspaceId, [...(byWorkspace.get(d.workspaceId) ?? []), d]);
    }
    report.due += due.length;
    for (const [workspaceId, rows] of byWorkspace) {
      const known = await facts.facts(workspaceId);
      if (!known) continue;
      const wctx = { ...ctx, workspaceId };
      const sweep = await loadWorkspaceSweep(wctx, known, rows, input.leadLinks ?? null);
      const statements: Statement[] = [];
      for (const d of rows) {
        const step = await deadlineStatements(wctx, d, sweep);
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
