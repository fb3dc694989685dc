import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { databaseFor } from '../db/client';
import { say } from '../domain/i18n';
import type { Permission } from '../domain/permissions';
import { roleAllows } from '../domain/permissions';
import { type Caller, parseToken, sha256Hex, timingSafeEqualText } from '../domain/tokens';
import { webHost } from '../platform/web-host';
import { refreshLastUsed, resolveToken } from '../services/tokens';
import { assertNotLocked, authFailureLimiters, clientAddress, countFailure } from './auth-failures';
import type { AppEnv } from './context';
import { ApiError } from './problem';
import { enforceRateLimit } from './rate-limit';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

function bearerOf(header: string | undefined): string | null {
  return header ? (BEARER.exec(header)?.[1] ?? null) : null;
}

const CHALLENGE = { 'www-authenticate': 'Bearer realm="leadpact"' };

/**
 * Resolves a raw bearer token to its caller, or throws 401. Unknown, malformed
 * and revoked tokens look the same to the caller.
 */
export async function authenticate(c: Context<AppEnv>, raw: string): Promise<Caller> {
  const parsed = parseToken(raw);
  const scope = { ip: clientAddress(c), target: parsed ? `ws:${parsed.workspaceId}` : null };
  assertNotLocked(scope);
  const resolved = parsed
    ? await resolveToken({
        ctx: { db: databaseFor(c.env, parsed.workspaceId), workspaceId: parsed.workspaceId, now: new Date() },
        input: { raw },
      })
    : null;
  if (!resolved) {
    await countFailure(authFailureLimiters(c.env), scope);
    throw new ApiError('unauthorized', say('tokenUnknown'), { headers: CHALLENGE });
  }
  c.set('workspaceLanguage', resolved.language);
  await enforceRateLimit(c.env.API_LIMITER, `token:${resolved.caller.tokenId}`);
  if (resolved.touch) c.executionCtx.waitUntil(resolved.touch());
  return resolved.caller;
}

/** A token row the caller already read (the intake lookup batch), in the shape `authenticateRead` checks. */
export interface ReadToken {
  id: string;
  workspaceId: string;
  role: Caller['role'];
  memberId: string | null;
  tokenHash: string;
  lastUsedAt: string | null;
}

/**
 * `authenticate` for a token that was read along with other rows (intake reads
 * source, workspace and token in one round trip): the same lockout, failure
 * count, 401, API limit and last-used refresh, without a read of its own.
 * `token` is the live row whose hash matched, or null.
 */
export async function authenticateRead(
  c: Context<AppEnv>,
  raw: string,
  token: ReadToken | null,
  now: Date,
): Promise<Caller> {
  const parsed = parseToken(raw);
  const scope = { ip: clientAddress(c), target: parsed ? `ws:${parsed.workspaceId}` : null };
  assertNotLocked(scope);
  const hash = await sha256Hex(raw, webHost);
  if (!token || !timingSafeEqualText(token.tokenHash, hash, webHost)) {
    await countFailure(authFailureLimiters(c.env), scope);
    throw new ApiError('unauthorized', say('tokenUnknown'), { headers: CHALLENGE });
  }
  await enforceRateLimit(c.env.API_LIMITER, `token:${token.id}`);
  const refresh = refreshLastUsed({
    ctx: { db: databaseFor(c.env, token.workspaceId), workspaceId: token.workspaceId, now },
    input: { tokenId: token.id, lastUsedAt: token.lastUsedAt },
  });
  if (refresh) c.executionCtx.waitUntil(refresh);
  return { workspaceId: token.workspaceId, tokenId: token.id, role: token.role, memberId: token.memberId };
}

export function bearerToken(c: Context<AppEnv>): string | null {
  return bearerOf(c.req.header('authorization'));
}

/** Resolves the bearer token to a caller (scoped to its workspace) and checks the route's permission. */
export function requirePermission(permission: Permission) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const raw = bearerOf(c.req.header('authorization'));
    if (!raw) throw new ApiError('unauthorized', say('tokenMissing'), { headers: CHALLENGE });
    const caller = await authenticate(c, raw);
    assertAllowed(caller, permission);
    c.set('caller', caller);
    await next();
  });
}

/**
 * A route's guard: the middleware plus the permission it names, published in the OpenAPI
 * document as `x-permission` so the authorization matrix is generated from the document.
 */
export function guard(permission: Permission) {
  return { middleware: [requirePermission(permission)], 'x-permission': permission };
}

export function assertAllowed(caller: Caller, permission: Permission): void {
  if (!roleAllows(caller.role, permission)) {
    throw new ApiError('forbidden', say('roleForbidden', { role: caller.role, permission }));
  }
}

/** Guards workspace bootstrap with the deployment's admin secret, compared by hash in constant time. */
export function requireAdminSecret() {
  return createMiddleware<AppEnv>(async (c, next) => {
    const secret = c.env.LEADPACT_ADMIN_SECRET;
    if (!secret) {
      throw new ApiError('forbidden', say('adminDisabled'));
    }
    const raw = bearerOf(c.req.header('authorization'));
    if (!raw) throw new ApiError('unauthorized', say('adminMissing'), { headers: CHALLENGE });
    const scope = { ip: clientAddress(c), target: 'admin' };
    assertNotLocked(scope);
    const [given, expected] = await Promise.all([sha256Hex(raw, webHost), sha256Hex(secret, webHost)]);
    if (!timingSafeEqualText(given, expected, webHost)) {
      await countFailure(authFailureLimiters(c.env), scope);
      throw new ApiError('unauthorized', say('adminWrong'), { headers: CHALLENGE });
    }
    await next();
  });
}
