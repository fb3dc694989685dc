import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Agreement } from '../../domain/agreement/schema';
import type { JudgingAgreement } from '../../domain/ledger/judge';
import { judgingAgreementOf } from '../../domain/ledger/judging-agreement';
import type { RoutingRule } from '../../domain/ledger/routing';
import type { SourceWithSecret } from '../../domain/ledger/sources';
import type { Workspace } from '../../domain/workspace';
import type { Database } from '../client';
import {
  agreementDrafts,
  agreementVersions,
  intakeDeliveries,
  members,
  routing,
  sources,
  workspaces,
} from '../schema';
import { chunks, inWorkspace } from '../scope';
import { getActiveAgreement } from './agreement';
import { type DeliveryRow, unjudgedDeliveriesQuery } from './intake-deliveries';
import type { RoutingState } from './routing';

/**
 * The agreement leads are judged by: the active (signed) version; before the
 * first signature the current draft (or the starter, if nobody opened the
 * draft yet), with `version: null`, so leads are scored but never become MQLs
 * and no clock starts. Read-only: intake never writes agreement rows.
 */
export async function loadJudgingAgreement(db: Database, workspace: Workspace): Promise<JudgingAgreement> {
  const active = await getActiveAgreement(db, workspace.id);
  if (active) return judgingAgreementOf(active, null, workspace);
  const draft = await db
    .select({ content: agreementDrafts.content })
    .from(agreementDrafts)
    .where(eq(agreementDrafts.workspaceId, workspace.id))
    .get();
  return judgingAgreementOf(null, draft?.content ?? null, workspace);
}

/** A signed version as a judge may hold it: its content never changes once proposed. */
export interface ActiveVersion {
  number: number;
  hash: string;
  content: Agreement;
}

type AgreementRow = { number: number | null; hash: string | null; content: Agreement | null };

/** The active version's row, its content from `held` when D1 left it out (the caller already holds it). */
function activeOf(row: AgreementRow | undefined, held: ActiveVersion | undefined): ActiveVersion | null {
  if (!row || row.number === null || row.hash === null) return null;
  if (row.content !== null) return { number: row.number, hash: row.hash, content: row.content };
  if (held?.hash === row.hash) return held;
  throw new Error('the active agreement version came without its content');
}

/** Everything a batch of one workspace's deliveries is judged against, read once for all of them. */
export interface JudgingReads {
  workspace: Workspace;
  deliveries: DeliveryRow[];
  sources: Map<string, SourceWithSecret>;
  agreement: JudgingAgreement;
  /** The active version the agreement is (null: judged by the draft), for a caller that holds it. */
  active: ActiveVersion | null;
  routing: RoutingState;
}

/**
 * One D1 round trip for a batch of deliveries (at most 90 ids): the deliveries still to judge,
 * the workspace, their sources, the agreement (active version and draft) and
 * routing (rules, cursor, sales ring). Null when the workspace is gone. Given the version the
 * caller `held`, D1 answers the active version's content only when it is another one.
 */
export async function loadJudgingReads(
  db: Database,
  workspaceId: string,
  deliveryIds: readonly string[],
  held?: ActiveVersion,
): Promise<JudgingReads | null> {
  const ids = chunks(deliveryIds)[0] ?? [];
  const sourcesOfDeliveries = db
    .select({ id: intakeDeliveries.sourceId })
    .from(intakeDeliveries)
    .where(and(inWorkspace(intakeDeliveries.workspaceId, workspaceId), inArray(intakeDeliveries.id, ids)));
  const [deliveryRows, sourceRows, workspaceRows, agreementRows, routingRows, salesRows] = await db.batch([
    unjudgedDeliveriesQuery(db, workspaceId, ids),
    db
      .select()
      .from(sources)
      .where(and(eq(sources.workspaceId, workspaceId), inArray(sources.id, sourcesOfDeliveries))),
    db.select().from(workspaces).where(eq(workspaces.id, workspaceId)),
    // The active version and the draft in one statement; the judge takes the version if there is one,
    // and its content only when the caller does not hold that version already.
    db
      .select({
        number: agreementVersions.number,
        hash: agreementVersions.hash,
        content:
          sql<Agreement | null>`case when ${agreementVersions.hash} = ${held?.hash ?? ''} then null else ${agreementVersions.content} end`.mapWith(
            agreementVersions.content,
          ),
      })
      .from(agreementVersions)
      .where(and(eq(agreementVersions.workspaceId, workspaceId), eq(agreementVersions.status, 'active')))
      .unionAll(
        db
          .select({
            number: sql<number>`null`.as('number'),
            hash: sql<string>`null`.as('hash'),
            content: agreementDrafts.content,
          })
          .from(agreementDrafts)
          // The draft only counts before the first signature: once a version is active it stays unread.
          .where(
            and(
              eq(agreementDrafts.workspaceId, workspaceId),
              sql`not exists (select 1 from ${agreementVersions} where ${agreementVersions.workspaceId} = ${workspaceId} and ${agreementVersions.status} = 'active')`,
            ),
          ),
      ),
    db.select().from(routing).where(eq(routing.workspaceId, workspaceId)),
    db
      .select({ memberId: members.id })
      .from(members)
      .where(and(eq(members.workspaceId, workspaceId), eq(members.side, 'sales'), eq(members.active, true)))
      .orderBy(asc(members.createdAt), asc(members.id)),
  ]);
  const workspace = workspaceRows[0];
  if (!workspace) return null;
  const routingRow = routingRows[0];
  const active = activeOf(
    agreementRows.find((r) => r.number !== null),
    held,
  );
  return {
    workspace: { ...workspace },
    deliveries: deliveryRows,
    sources: new Map(
      sourceRows.map(({ workspaceId: _scope, ...rest }) => [
        rest.id,
        { ...rest, fieldMap: rest.fieldMap ?? null },
      ]),
    ),
    agreement: judgingAgreementOf(
      active && { version: active.number, content: active.content },
      agreementRows.find((r) => r.number === null)?.content ?? null,
      workspace,
    ),
    active,
    routing: {
      rules: (routingRow?.rules ?? []) as RoutingRule[],
      lastMemberId: routingRow?.lastMemberId ?? null,
      candidates: salesRows,
    },
  };
}
