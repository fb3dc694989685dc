import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { databaseFor } from '../db/client';
import { say } from '../domain/i18n';
import type { Permission } from '../domain/permissions';
import { roleAllows } from '../domain/permissions';
import { type Caller, parseToken, sha256Hex, timingSafeEqualText } from '../domain/tokens';
import { webHost } from '../platform/web-host';
import { type AcceptedToken, acceptToken, type ReadToken, resolveToken } from '../services/tokens';
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
 * What every bearer check shares: the lockout, a failure counted and answered 401 (unknown,
 * malformed and revoked tokens look the same to the caller), the API limit and the last-used
 * refresh. `check` finds the caller of a well-formed token, or null.
 */
async function admit(
  c: Context<AppEnv>,
  raw: string,
  check: (parsed: { workspaceId: string }) => Promise<AcceptedToken | null>,
  /** False where the route counts its own allowance (intake: per source). */
  apiAllowance = true,
): Promise<Caller> {
  const parsed = parseToken(raw);
  const scope = { ip: clientAddress(c), target: parsed ? `ws:${parsed.workspaceId}` : null };
  assertNotLocked(scope);
  const accepted = parsed ? await check(parsed) : null;
  if (!accepted) {
    await countFailure(authFailureLimiters(c.env), scope);
    throw new ApiError('unauthorized', say('tokenUnknown'), { headers: CHALLENGE });
  }
  if (apiAllowance) await enforceRateLimit(c.env.API_LIMITER, `token:${accepted.caller.tokenId}`);
  if (accepted.touch) c.executionCtx.waitUntil(accepted.touch());
  return accepted.caller;
}

/** Resolves a raw bearer token to its caller, or throws 401. */
export function authenticate(c: Context<AppEnv>, raw: string): Promise<Caller> {
  return admit(c, raw, async ({ workspaceId }) => {
    const resolved = await resolveToken({
      ctx: { db: databaseFor(c.env, workspaceId), workspaceId, now: new Date() },
      input: { raw },
    });
    if (resolved) c.set('workspaceLanguage', resolved.language);
    return resolved;
  });
}

/**
 * `authenticate` for a token that was read along with other rows (intake reads
 * source, workspace and token in one round trip): the same checks without a
 * read of its own. `token` is the live row whose hash matched, or null; `hash`
 * is the bearer value's SHA-256 the row was found by (hashed once per request).
 * A delivery spends its source's allowance (INTAKE_LIMITER), as a signed one does,
 * not the token's API allowance as well: one limiter call per delivery, not two.
 */
export function authenticateRead(
  c: Context<AppEnv>,
  raw: string,
  read: { hash: string; token: ReadToken | null },
  now: Date,
): Promise<Caller> {
  return admit(
    c,
    raw,
    async ({ workspaceId }) => {
      const accepted = acceptToken({
        ctx: { db: databaseFor(c.env, workspaceId), workspaceId, now },
        input: read,
      });
      // The row may be held by the isolate (intake's lookup cache): it now says it was used, so the
      // requests that follow within the cache's life do not write `last_used_at` again, each of them.
      if (accepted?.touch && read.token) read.token.lastUsedAt = now.toISOString();
      return accepted;
    },
    false,
  );
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
