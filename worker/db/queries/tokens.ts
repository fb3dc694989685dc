import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Language } from '../../domain/constants';
import { NotFoundError } from '../../domain/errors';
import { thing } from '../../domain/i18n';
import {
  type Caller,
  type CreateToken,
  mintToken,
  sha256Hex,
  type TokenInfo,
  timingSafeEqualText,
} from '../../domain/tokens';
import { newId } from '../../platform/ids';
import { webHost } from '../../platform/web-host';
import type { Database } from '../client';
import { apiTokens, workspaces } from '../schema';

function toTokenInfo(row: typeof apiTokens.$inferSelect): TokenInfo {
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

/** How stale `last_used_at` may get before a request refreshes it (one write a minute, not one per request). */
export const LAST_USED_RESOLUTION_MS = 60_000;

export interface ResolvedToken {
  caller: Caller;
  /** The workspace's language: what the caller reads unless Accept-Language asks for another. */
  language: Language;
  /** Set when `last_used_at` should be refreshed; the caller runs it after the response. */
  touch: (() => Promise<unknown>) | null;
}

/** Finds the live token for a raw bearer value, or null. Only hashes are compared, in constant time. */
export async function resolveToken(
  db: Database,
  workspaceId: string,
  rawToken: string,
  now: Date,
): Promise<ResolvedToken | null> {
  const hash = await sha256Hex(rawToken, webHost);
  // The workspace's language rides along by primary key: no second read per request.
  const found = await db
    .select({ token: apiTokens, language: workspaces.language })
    .from(apiTokens)
    .innerJoin(workspaces, eq(workspaces.id, apiTokens.workspaceId))
    .where(
      and(eq(apiTokens.tokenHash, hash), eq(apiTokens.workspaceId, workspaceId), isNull(apiTokens.revokedAt)),
    )
    .get();
  const row = found?.token;
  if (!found || !row || !timingSafeEqualText(row.tokenHash, hash, webHost)) return null;
  const stale = !row.lastUsedAt || now.getTime() - Date.parse(row.lastUsedAt) > LAST_USED_RESOLUTION_MS;
  return {
    caller: { workspaceId: row.workspaceId, tokenId: row.id, role: row.role, memberId: row.memberId },
    language: found.language,
    touch: stale ? () => touchToken(db, row.id, now) : null,
  };
}

/** Refreshes a token's `last_used_at` (after the response; see LAST_USED_RESOLUTION_MS). */
export function touchToken(db: Database, tokenId: string, now: Date) {
  return db.update(apiTokens).set({ lastUsedAt: now.toISOString() }).where(eq(apiTokens.id, tokenId)).run();
}

/** Mints and stores a token; its secret is answered here only, the database keeps its hash. */
export async function createToken(
  db: Database,
  workspaceId: string,
  input: CreateToken,
  now: Date,
): Promise<{ info: TokenInfo; token: string }> {
  const token = mintToken(workspaceId, webHost.randomBytes);
  const row = {
    id: newId('tok', now.getTime()),
    workspaceId,
    role: input.role,
    label: input.label,
    memberId: input.memberId ?? null,
    tokenHash: await sha256Hex(token, webHost),
    hint: token.slice(-4),
    createdAt: now.toISOString(),
    lastUsedAt: null,
    revokedAt: null,
  };
  await db.insert(apiTokens).values(row);
  return { info: toTokenInfo(row), token };
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

/** Revokes at once: the next request with that token is refused. Revoking twice is harmless. */
export async function revokeToken(
  db: Database,
  workspaceId: string,
  tokenId: string,
  now: Date,
): Promise<void> {
  const row = await db
    .select({ id: apiTokens.id, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.workspaceId, workspaceId)))
    .get();
  if (!row) throw new NotFoundError(thing('token'));
  if (row.revokedAt) return;
  await db
    .update(apiTokens)
    .set({ revokedAt: now.toISOString() })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.workspaceId, workspaceId)))
    .run();
}
