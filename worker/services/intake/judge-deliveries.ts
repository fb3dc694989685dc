import { runBatch, type Statement } from '../../db/batch';
import type { Database } from '../../db/client';
import { retryOnConflict } from '../../db/conflict';
import { InsertRows } from '../../db/insert-rows';
import { submissionStatements } from '../../db/queries/intake';
import {
  bodyKeysDestroyed,
  type DeliveryRow,
  deliveriesById,
  type JudgedAnswer,
  judgedStatements,
  markFailed,
  rejectedStatement,
} from '../../db/queries/intake-deliveries';
import type { JudgingReads } from '../../db/queries/judging';
import {
  findLeadByIdentity,
  identitiesQuery,
  identityIndexes,
  identityMatch,
  type LeadRow,
} from '../../db/queries/leads';
import { advanceCursorStatement, loadRouting } from '../../db/queries/routing';
import { base64Decode } from '../../domain/encoding';
import { DomainError, fieldIssue, InvalidError } from '../../domain/errors';
import { say, thing } from '../../domain/i18n';
import { readIntake } from '../../domain/intake';
import { assertAdmissible } from '../../domain/intake/admission';
import type { DeliveryError } from '../../domain/intake/delivery';
import { planSubmission } from '../../domain/intake/plan';
import type { CanonicalSubmission } from '../../domain/intake/types';
import type { LeadStage } from '../../domain/ledger/constants';
import type { SourceWithSecret } from '../../domain/ledger/sources';
import { errorTextWithoutValues, slot } from '../../domain/privacy';
import { newId } from '../../platform/ids';
import { webHost } from '../../platform/web-host';
import type { DatabaseContext } from '../context';
import { vaultOf } from '../privacy/vault';
import { loadHeldJudgingReads } from './held-agreements';

export interface DeliveryRef {
  workspaceId: string;
  id: string;
}

/**
 * What judging did to one delivery. `retry`: transient trouble (too many
 * concurrent writers), left `stored` for the next pass; `gone`: not waiting for
 * a judgement (already judged, or no such delivery).
 */
export type JudgeOutcome =
  | { id: string; status: 'judged'; leadId: string; stage: LeadStage }
  | { id: string; status: 'rejected'; error: DeliveryError; problem: DomainError }
  | { id: string; status: 'failed'; error: DeliveryError }
  | { id: string; status: 'retry' }
  | { id: string; status: 'gone' };

/**
 * A seam for the reliability tests: runs after a batch's reads, before each
 * delivery is planned. Throwing makes that delivery fail; it may also change the
 * database under the judge (a concurrent judge finishing first).
 */
export type JudgeFault = (delivery: DeliveryRow) => void | Promise<void>;

/** How many deliveries of one workspace share one set of reads (D1's bound parameters cap IN lists at 90). */
const READ_CHUNK = 90;

/**
 * Judges stored deliveries in batches: per workspace one round trip reads the
 * deliveries, their sources, the agreement and routing; one more reads every
 * delivery's identity; one `db.batch` writes every lead, event, deadline,
 * consent and delivery status. Deliveries naming the same person are judged in
 * successive rounds, so the second sees the first's lead. When the shared batch
 * fails (a concurrent writer, a bad statement), each delivery of it is judged
 * alone with its own batch: one delivery's failure never loses or half-writes
 * another. A delivery whose judging throws stays stored as `failed` with the
 * error, for an admin to re-judge.
 */
export async function judgeDeliveries({
  ctx,
  input,
}: {
  ctx: DatabaseContext;
  input: { refs: readonly DeliveryRef[]; fault?: JudgeFault };
}): Promise<Map<string, JudgeOutcome>> {
  const outcomes = new Map<string, JudgeOutcome>();
  const byWorkspace = new Map<string, string[]>();
  for (const ref of input.refs) {
    const ids = byWorkspace.get(ref.workspaceId) ?? [];
    if (!ids.includes(ref.id)) ids.push(ref.id);
    byWorkspace.set(ref.workspaceId, ids);
  }
  for (const [workspaceId, ids] of byWorkspace) {
    for (let i = 0; i < ids.length; i += READ_CHUNK) {
      const part = ids.slice(i, i + READ_CHUNK);
      const reads = await loadHeldJudgingReads(ctx.db, workspaceId, part, ctx.now);
      if (reads) await judgeWorkspaceBatch(ctx, reads, input.fault, outcomes);
      for (const id of part) if (!outcomes.has(id)) outcomes.set(id, { id, status: 'gone' });
    }
  }
  return outcomes;
}

/** A delivery judged in a round: its answer, and whom the round robin gave its lead (null: nobody). */
interface Settled {
  item: Admitted;
  answer: JudgedAnswer;
  assignedTo: string | null;
}

interface Admitted {
  row: DeliveryRow;
  source: SourceWithSecret;
  submission: CanonicalSubmission;
  at: Date;
}

async function judgeWorkspaceBatch(
  ctx: DatabaseContext,
  reads: JudgingReads,
  fault: JudgeFault | undefined,
  outcomes: Map<string, JudgeOutcome>,
): Promise<void> {
  const admitted: Admitted[] = [];
  const rejections: { row: DeliveryRow; problem: DomainError }[] = [];
  const consentRequired = reads.agreement.content.leadDefinition.consentRequired;
  // Every body's key in one read, not one per delivery.
  await vaultOf(ctx, reads.workspace.id).load(reads.deliveries.map((d) => d.bodyKey));
  for (const row of reads.deliveries) {
    try {
      await fault?.(row);
      const source = reads.sources.get(row.sourceId);
      if (!source) throw new Error(`source ${row.sourceId} is missing`);
      const submission = await readStored(ctx, row, source, reads);
      assertAdmissible(submission, consentRequired);
      admitted.push({ row, source, submission, at: new Date(row.createdAt) });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid') rejections.push({ row, problem: error });
      else await fail(ctx.db, row, error, ctx.now, outcomes);
    }
  }
  const language = reads.workspace.language;
  const rejectionWrites = rejections.map(({ row, problem }) => {
    const error = deliveryErrorOf(problem, language);
    outcomes.set(row.id, { id: row.id, status: 'rejected', error, problem });
    return rejectedStatement(ctx.db, row, error, ctx.now);
  });

  let pending = admitted;
  let extra: Statement[] = rejectionWrites;
  while (pending.length > 0 || extra.length > 0) {
    const { round, later } = splitByPerson(pending);
    await judgeRound(ctx, reads, round, extra, outcomes);
    pending = later;
    extra = [];
  }
}

/** The stored body read again exactly as at arrival: the field map and country of now, the clock of then. */
async function readStored(
  ctx: DatabaseContext,
  row: DeliveryRow,
  source: SourceWithSecret,
  reads: JudgingReads,
): Promise<CanonicalSubmission> {
  const opened = await vaultOf(ctx, row.workspaceId).open(row.body, slot.delivery(row.id));
  if (opened === null) throw new Error('the stored body cannot be opened (no body, or its key is gone)');
  const body = base64Decode(opened);
  if (!body) throw new Error('the stored body is not base64');
  const outcome = await readIntake({
    provider: source.provider,
    body,
    headers: { get: (name) => (name.toLowerCase() === 'content-type' ? row.contentType : null) },
    secrets: [source.secret],
    // Verified when it arrived.
    verifySignature: false,
    fieldMap: source.fieldMap,
    workspaceCountry: reads.workspace.country,
    now: Date.parse(row.createdAt),
    host: webHost,
  });
  if (outcome.kind !== 'submission') {
    throw new InvalidError(say('deliveryNotSubmission'), [
      fieldIssue('body', say('deliveryNotSubmissionField')),
    ]);
  }
  return outcome.submission;
}

/** Deliveries naming a person already in this round wait for the next one, where they see its lead. */
function splitByPerson(pending: Admitted[]): { round: Admitted[]; later: Admitted[] } {
  const seen = new Set<string>();
  const round: Admitted[] = [];
  const later: Admitted[] = [];
  for (const item of pending) {
    const names = [
      item.submission.email ? `e:${item.submission.email}` : null,
      item.submission.phone ? `p:${item.submission.phone}` : null,
    ].filter((n): n is string => n !== null);
    if (names.some((n) => seen.has(n))) {
      later.push(item);
      continue;
    }
    for (const n of names) seen.add(n);
    round.push(item);
  }
  return { round, later };
}

async function judgeRound(
  ctx: DatabaseContext,
  reads: JudgingReads,
  round: Admitted[],
  extra: Statement[],
  outcomes: Map<string, JudgeOutcome>,
): Promise<void> {
  const { db } = ctx;
  const workspaceId = reads.workspace.id;
  const vault = vaultOf(ctx, workspaceId);
  const statements: Statement[] = [...extra];
  const judged: Settled[] = [];
  // The round's leads, events, keys and consents as a few multi-row inserts, not a few per lead.
  const inserts = new InsertRows();
  try {
    // The round's people are all different (splitByPerson): one read finds every one of them.
    const indexes = await Promise.all(round.map((item) => identityIndexes(vault, item.submission)));
    const [first, ...rest] = identitiesQuery(db, workspaceId, indexes);
    const found: LeadRow[] = first ? ((await db.batch([first, ...rest])) as LeadRow[][]).flat() : [];
    for (const [i, item] of round.entries()) {
      const match = await identityMatch(vault, indexes[i] as (typeof indexes)[number], found);
      const { plan, answer, writes } = await judgementOf(ctx, reads, item, match, reads.routing, inserts);
      // The next delivery of the batch continues the round robin from this one.
      if (plan.assignedTo) reads.routing = { ...reads.routing, lastMemberId: plan.assignedTo };
      statements.push(...writes);
      judged.push({ item, answer, assignedTo: plan.assignedTo });
    }
    statements.push(...settledStatements(db, workspaceId, judged, ctx.now), ...inserts.statements(db));
  } catch (error) {
    // No key to seal personal data with (503): every delivery of the round stays stored for a later pass.
    if (!(error instanceof DomainError && error.code === 'unavailable')) throw error;
    await runBatch(db, extra);
    for (const item of round) outcomes.set(item.row.id, { id: item.row.id, status: 'retry' });
    return;
  }
  try {
    await runBatch(db, statements);
    for (const j of judged) outcomes.set(j.item.row.id, { id: j.item.row.id, status: 'judged', ...j.answer });
    return;
  } catch {
    // One of them collided or could not be written: each goes alone, so the others still land.
  }
  for (const statement of extra) {
    try {
      await runBatch(db, [statement]);
    } catch {
      // A rejection another judge already settled; its outcome stays as reported.
    }
  }
  for (const item of round) {
    const before = await loadRouting(db, workspaceId);
    try {
      outcomes.set(item.row.id, await judgeAlone(ctx, reads, item, before));
    } catch (error) {
      if (error instanceof DomainError && error.code === 'unavailable') {
        outcomes.set(item.row.id, { id: item.row.id, status: 'retry' });
      } else await fail(db, item.row, error, ctx.now, outcomes);
    }
  }
}

/** One delivery judged against the lead its identity found: the plan, the answer, and the statements writing both. */
async function judgementOf(
  ctx: DatabaseContext,
  reads: JudgingReads,
  item: Admitted,
  match: Pick<Parameters<typeof planSubmission>[0], 'conflicts'> & {
    lead: Parameters<typeof planSubmission>[0]['existing'];
  },
  routing: JudgingReads['routing'],
  into?: InsertRows,
) {
  const existing = match.lead;
  const plan = planSubmission({
    existing,
    conflicts: match.conflicts,
    source: item.source,
    submission: item.submission,
    agreement: reads.agreement,
    routing,
    now: item.at,
    newLeadId: newId('lead', item.at.getTime()),
  });
  const answer = { leadId: plan.state.id, stage: plan.state.stage };
  // The delivery's status, its body's key and the routing cursor are the caller's (settledStatements).
  const writes: Statement[] = [
    ...(await submissionStatements(
      ctx.db,
      vaultOf(ctx, reads.workspace.id),
      {
        workspaceId: reads.workspace.id,
        sourceId: item.source.id,
        submission: item.submission,
        deliveryKey: item.row.key,
        fromSeq: existing?.seq ?? 0,
        plan,
        at: item.at,
      },
      into,
    )),
  ];
  return { plan, answer, writes };
}

/**
 * What closes a round of judged deliveries (one delivery judged alone is a round of one): the routing
 * cursor once, where the last assignment left it, the deliveries' statuses and answers, and their
 * bodies' keys destroyed, each a statement or two for the whole round.
 */
function settledStatements(
  db: Database,
  workspaceId: string,
  settled: readonly Settled[],
  now: Date,
): Statement[] {
  const last = settled.findLast((s) => s.assignedTo !== null);
  return [
    ...(last?.assignedTo ? [advanceCursorStatement(db, workspaceId, last.assignedTo, last.item.at)] : []),
    ...judgedStatements(
      db,
      workspaceId,
      settled.map((s) => ({ row: s.item.row, answer: s.answer })),
      now,
    ),
    ...bodyKeysDestroyed(
      db,
      workspaceId,
      settled.map((s) => s.item.row),
    ),
  ];
}

/** One delivery on fresh state, retried on write conflicts; a delivery judged meanwhile answers `gone`. */
async function judgeAlone(
  ctx: DatabaseContext,
  reads: JudgingReads,
  item: Admitted,
  routingAtStart: JudgingReads['routing'],
): Promise<JudgeOutcome> {
  const { db } = ctx;
  const workspaceId = reads.workspace.id;
  let routing = routingAtStart;
  let attempt = 0;
  return retryOnConflict<JudgeOutcome>(
    async () => {
      if (attempt++ > 0) routing = await loadRouting(db, workspaceId);
      const match = await findLeadByIdentity(db, vaultOf(ctx, workspaceId), workspaceId, item.submission);
      const { plan, answer, writes } = await judgementOf(ctx, reads, item, match, routing);
      await runBatch(db, [
        ...writes,
        ...settledStatements(db, workspaceId, [{ item, answer, assignedTo: plan.assignedTo }], ctx.now),
      ]);
      return { id: item.row.id, status: 'judged', ...answer };
    },
    {
      attempts: 12,
      what: thing('thisDelivery'),
      onConflict: async () => {
        const [now] = await deliveriesById(db, workspaceId, [item.row.id]);
        return now?.status === 'judged' ? { id: item.row.id, status: 'gone' } : null;
      },
    },
  );
}

async function fail(
  db: Database,
  row: DeliveryRow,
  error: unknown,
  at: Date,
  outcomes: Map<string, JudgeOutcome>,
): Promise<void> {
  const kept: DeliveryError = {
    code: 'judge_failed',
    message: errorTextWithoutValues(error),
  };
  console.error(
    JSON.stringify({ level: 'error', message: 'judging failed', delivery: row.id, error: kept.message }),
  );
  await markFailed(db, row, kept, at);
  outcomes.set(row.id, { id: row.id, status: 'failed', error: kept });
}

function deliveryErrorOf(
  problem: DomainError,
  language: JudgingReads['workspace']['language'],
): DeliveryError {
  return {
    code: problem.code,
    message: problem.say(language),
    errors: problem.issues.map((issue) => ({
      path: issue.path,
      message: issue.say?.(language) ?? issue.message,
    })),
  };
}
