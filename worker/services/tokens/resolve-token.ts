import { liveTokenByHash, touchToken } from '../../db/queries/tokens';
import type { Language } from '../../domain/constants';
import { type Caller, lastUsedIsStale, sha256Hex, timingSafeEqualText } from '../../domain/tokens';
import { webHost } from '../../platform/web-host';
import type { ServiceContext } from '../context';

export interface ResolvedToken {
  caller: Caller;
  /** The workspace's language: what the caller reads unless Accept-Language asks for another. */
  language: Language;
  /** Set when `last_used_at` should be refreshed; the caller runs it after the response. */
  touch: (() => Promise<unknown>) | null;
}

/** Finds the live token for a raw bearer value, or null. Only hashes are compared, in constant time. */
export async function resolveToken({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { raw: string };
}): Promise<ResolvedToken | null> {
  const hash = await sha256Hex(input.raw, webHost);
  const found = await liveTokenByHash(ctx.db, ctx.workspaceId, hash);
  const row = found?.token;
  if (!found || !row || !timingSafeEqualText(row.tokenHash, hash, webHost)) return null;
  return {
    caller: { workspaceId: row.workspaceId, tokenId: row.id, role: row.role, memberId: row.memberId },
    language: found.language,
    touch: lastUsedIsStale(row.lastUsedAt, ctx.now) ? () => touchToken(ctx.db, row.id, ctx.now) : null,
  };
}

/** Refreshes a token's `last_used_at` when stale (a token read along with other rows, as intake does). */
export function refreshLastUsed({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { tokenId: string; lastUsedAt: string | null };
}): Promise<unknown> | null {
  return lastUsedIsStale(input.lastUsedAt, ctx.now) ? touchToken(ctx.db, input.tokenId, ctx.now) : null;
}
