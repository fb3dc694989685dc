import { and, eq, isNull, sql } from 'drizzle-orm';
import type { SourceWithSecret } from '../../domain/ledger/sources';
import type { Workspace } from '../../domain/workspace';
import type { Database } from '../client';
import { agreementDrafts, agreementVersions, apiTokens, sources, workspaces } from '../schema';

export interface IntakeLookup {
  source: SourceWithSecret & { workspaceId: string };
  workspace: Workspace;
  /** Whether the agreement in force (active version, else draft) asks for consent; null when neither exists yet. */
  consentRequired: boolean | null;
  /** The live token the bearer names in the source's workspace, when one was given and found. */
  token: typeof apiTokens.$inferSelect | null;
}

/**
 * Everything an intake request needs before it stores a delivery, in one D1
 * round trip: the source with its workspace, the agreement's consent rule (a
 * JSON path, not the whole agreement) and the bearer token by its hash. The
 * workspace comes from the source row inside each statement, so a token or an
 * agreement of another workspace is never read. Null when there is no such source.
 */
export async function lookupIntake(
  db: Database,
  sourceId: string,
  tokenHash: string | null,
): Promise<IntakeLookup | null> {
  const workspaceOfSource = sql`(select ${sources.workspaceId} from ${sources} where ${sources.id} = ${sourceId})`;
  const consentOf = (content: typeof agreementVersions.content | typeof agreementDrafts.content) =>
    sql<number | null>`json_extract(${content}, '$.leadDefinition.consentRequired')`;
  // No joins: D1's batch answers rows keyed by column name, so two tables' `id`s would collide.
  const [found, workspace, active, draft, token] = await db.batch([
    db.select().from(sources).where(eq(sources.id, sourceId)),
    db.select().from(workspaces).where(eq(workspaces.id, workspaceOfSource)),
    db
      .select({ consent: consentOf(agreementVersions.content) })
      .from(agreementVersions)
      .where(
        and(eq(agreementVersions.workspaceId, workspaceOfSource), eq(agreementVersions.status, 'active')),
      ),
    db
      .select({ consent: consentOf(agreementDrafts.content) })
      .from(agreementDrafts)
      .where(eq(agreementDrafts.workspaceId, workspaceOfSource)),
    db
      .select()
      .from(apiTokens)
      .where(
        and(
          eq(apiTokens.tokenHash, tokenHash ?? ''),
          eq(apiTokens.workspaceId, workspaceOfSource),
          isNull(apiTokens.revokedAt),
        ),
      ),
  ]);
  const row = found[0];
  const home = workspace[0];
  if (!row || !home) return null;
  const { workspaceId, ...rest } = row;
  const consent = active[0]?.consent ?? draft[0]?.consent ?? null;
  return {
    source: { ...rest, fieldMap: rest.fieldMap ?? null, workspaceId },
    workspace: { ...home },
    consentRequired: consent === null ? null : Boolean(consent),
    token: tokenHash ? (token[0] ?? null) : null,
  };
}
