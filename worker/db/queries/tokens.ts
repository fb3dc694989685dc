import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Language } from '../../domain/constants';
import type { TokenInfo } from '../../domain/tokens';
import type { Database } from '../client';
import { apiTokens, workspaces } from '../schema';

export type TokenRow = typeof apiTokens.$inferSelect;

export function toTokenInfo(row: TokenRow): TokenInfo {
  return {
    id: row.id,
    role: row.role,
    label: row.label,
    memberId: row.memberId,
    hint: row.hint,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}

/**
 * The live (unrevoked) token of the workspace with this hash, and the
 * workspace's language, which rides along by primary key: no second read per request.
 */
export async function liveTokenByHash(
  db: Database,
  workspaceId: string,
  hash: string,
): Promise<{ token: TokenRow; language: Language } | null> {
  const found = await db
    .select({ token: apiTokens, language: workspaces.language })
    .from(apiTokens)
    .innerJoin(workspaces, eq(workspaces.id, apiTokens.workspaceId))
    .where(
      and(eq(apiTokens.tokenHash, hash), eq(apiTokens.workspaceId, workspaceId), isNull(apiTokens.revokedAt)),
    )
    .get();
  return found ?? null;
}

/** Sets a token's `last_used_at`. */
export function touchToken(db: Database, tokenId: string, now: Date) {
  return db.update(apiTokens).set({ lastUsedAt: now.toISOString() }).where(eq(apiTokens.id, tokenId)).run();
}

export async function insertToken(db: Database, row: TokenRow): Promise<void> {
  await db.insert(apiTokens).values(row);
}

export async function listTokens(db: Database, workspaceId: string): Promise<TokenInfo[]> {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.workspaceId, workspaceId))
    .orderBy(desc(apiTokens.createdAt))
    .all();
  return rows.map(toTokenInfo);
}

/** A token's revocation time (null while live), or undefined when the workspace has no such token. */
export async function tokenRevokedAt(
  db: Database,
  workspaceId: string,
  tokenId: string,
): Promise<string | null | undefined> {
  const row = await db
    .select({ revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.workspaceId, workspaceId)))
    .get();
  return row ? row.revokedAt : undefined;
}

export async function markTokenRevoked(
  db: Database,
  workspaceId: string,
  tokenId: string,
  now: Date,
): Promise<void> {
  await db
    .update(apiTokens)
    .set({ revokedAt: now.toISOString() })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.workspaceId, workspaceId)))
    .run();
}
