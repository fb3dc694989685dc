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
import { chunks } from '../scope';
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

/**
 * Each workspace's active version as last read in this isolate. A version's content never changes
 * once proposed (a new one gets a new number and hash), so a judge that has it asks D1 for the number
 * and hash only: the content (about 13 KB of JSON) crosses again only when the version changed.
 */
const ACTIVE_VERSIONS = new Map<string, { number: number; hash: string; content: Agreement }>();
const ACTIVE_VERSIONS_HELD = 200;

function rememberActive(workspaceId: string, version: { number: number; hash: string; content: Agreement }) {
  ACTIVE_VERSIONS.delete(workspaceId);
  ACTIVE_VERSIONS.set(workspaceId, version);
  // The least recently read workspace goes first (a Map keeps insertion order).
  if (ACTIVE_VERSIONS.size > ACTIVE_VERSIONS_HELD) {
    const oldest = ACTIVE_VERSIONS.keys().next().value;
    if (oldest !== undefined) ACTIVE_VERSIONS.delete(oldest);
  }
}

/** Deep-frozen: the one copy every later batch of the isolate judges by must not be changed by any. */
function frozen<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) frozen(inner);
    Object.freeze(value);
  }
  return value;
}

type AgreementRow = { number: number | null; hash: string | null; content: Agreement | null };

/** The active version's row (its number), as the judging decision takes it, its content from `held` when D1 left it out. */
function activeOf(
  workspaceId: string,
  row: AgreementRow | undefined,
  held: { number: number; hash: string; content: Agreement } | undefined,
): JudgingAgreement | null {
  if (!row || row.number === null || row.hash === null) return null;
  const version =
    row.content !== null
      ? { number: row.number, hash: row.hash, content: frozen(row.content) }
      : held?.hash === row.hash
        ? held
        : null;
  if (!version) throw new Error('the active agreement version came without its content');
  rememberActive(workspaceId, version);
  return { version: version.number, content: version.content };
}

/** Everything a batch of one workspace's deliveries is judged against, read once for all of them. */
export interface JudgingReads {
  workspace: Workspace;
  deliveries: DeliveryRow[];
  sources: Map<string, SourceWithSecret>;
  agreement: JudgingAgreement;
  routing: RoutingState;
}

/**
 * One D1 round trip for a batch of deliveries (at most 90 ids): the deliveries still to judge,
 * the workspace, their sources, the agreement (active version and draft) and
 * routing (rules, cursor, sales ring). Null when the workspace is gone.
 */
export async function loadJudgingReads(
  db: Database,
  workspaceId: string,
  deliveryIds: readonly string[],
): Promise<JudgingReads | null> {
  const ids = chunks(deliveryIds)[0] ?? [];
  const held = ACTIVE_VERSIONS.get(workspaceId);
  const sourcesOfDeliveries = db
    .select({ id: intakeDeliveries.sourceId })
    .from(intakeDeliveries)
    .where(and(eq(intakeDeliveries.workspaceId, workspaceId), inArray(intakeDeliveries.id, ids)));
  const [deliveryRows, sourceRows, workspaceRows, agreementRows, routingRows, salesRows] = await db.batch([
    unjudgedDeliveriesQuery(db, workspaceId, ids),
    db
      .select()
      .from(sources)
      .where(and(eq(sources.workspaceId, workspaceId), inArray(sources.id, sourcesOfDeliveries))),
    db.select().from(workspaces).where(eq(workspaces.id, workspaceId)),
    // The active version and the draft in one statement; the judge takes the version if there is one,
    // and its content only when this isolate does not hold that version already.
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
      activeOf(
        workspaceId,
        agreementRows.find((r) => r.number !== null),
        held,
      ),
      agreementRows.find((r) => r.number === null)?.content ?? null,
      workspace,
    ),
    routing: {
      rules: (routingRow?.rules ?? []) as RoutingRule[],
      lastMemberId: routingRow?.lastMemberId ?? null,
      candidates: salesRows,
    },
  };
}
