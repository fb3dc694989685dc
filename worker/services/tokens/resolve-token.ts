import { liveTokenByHash, type TokenRow, touchToken } from '../../db/queries/tokens';
import type { Language } from '../../domain/constants';
import { type Caller, lastUsedIsStale, sha256Hex, timingSafeEqualText } from '../../domain/tokens';
import { webHost } from '../../platform/web-host';
import type { ServiceContext } from '../context';

/** The parts of a token row that decide whether it is the one a bearer value names. */
export type ReadToken = Pick<
  TokenRow,
  'id' | 'workspaceId' | 'role' | 'memberId' | 'tokenHash' | 'lastUsedAt'
>;

export interface AcceptedToken {
  caller: Caller;
  /** Set when `last_used_at` should be refreshed; the caller runs it after the response. */
  touch: (() => Promise<unknown>) | null;
}

export interface ResolvedToken extends AcceptedToken {
  /** The workspace's language: what the caller reads unless Accept-Language asks for another. */
  language: Language;
}

/**
 * Checks a live token row read by the bearer value's hash (by `resolveToken`, or along with other
 * rows, as intake does): the caller it names, or null. Hashes are compared in constant time.
 */
export function acceptToken({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { hash: string; token: ReadToken | null };
}): AcceptedToken | null {
  const { hash, token } = input;
  if (!token || !timingSafeEqualText(token.tokenHash, hash, webHost)) return null;
  return {
    caller: { workspaceId: token.workspaceId, tokenId: token.id, role: token.role, memberId: token.memberId },
    touch: lastUsedIsStale(token.lastUsedAt, ctx.now) ? () => touchToken(ctx.db, token.id, ctx.now) : null,
  };
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
  const accepted = found ? acceptToken({ ctx, input: { hash, token: found.token } }) : null;
  return found && accepted ? { ...accepted, language: found.language } : null;
}
