import { createMiddleware } from 'hono/factory';
import { databaseFor } from '../db/client';
import { resolveToken } from '../db/queries/tokens';
import type { Permission } from '../domain/permissions';
import { roleAllows } from '../domain/permissions';
import { parseToken, sha256Hex, timingSafeEqualText } from '../domain/tokens';
import type { AppEnv } from './context';
import { ApiError } from './problem';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

function bearerOf(header: string | undefined): string | null {
  return header ? (BEARER.exec(header)?.[1] ?? null) : null;
}

const CHALLENGE = { 'www-authenticate': 'Bearer realm="leadpact"' };

/**
 * Resolves the bearer token to a caller (scoped to its workspace) and checks
 * the route's permission. Unknown, malformed and revoked tokens look the same.
 */
export function requirePermission(permission: Permission) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const raw = bearerOf(c.req.header('authorization'));
    if (!raw)
      throw new ApiError('unauthorized', 'Send an API token as `Authorization: Bearer <token>`.', {
        headers: CHALLENGE,
      });
    const parsed = parseToken(raw);
    const resolved = parsed
      ? await resolveToken(databaseFor(c.env, parsed.workspaceId), parsed.workspaceId, raw, new Date())
      : null;
    if (!resolved)
      throw new ApiError('unauthorized', 'The API token is unknown or revoked.', { headers: CHALLENGE });
    if (resolved.touch) c.executionCtx.waitUntil(resolved.touch());
    if (!roleAllows(resolved.caller.role, permission)) {
      throw new ApiError(
        'forbidden',
        `A ${resolved.caller.role} token may not do this (needs ${permission}).`,
      );
    }
    c.set('caller', resolved.caller);
    await next();
  });
}

/** Guards workspace bootstrap with the deployment's admin secret, compared by hash in constant time. */
export function requireAdminSecret() {
  return createMiddleware<AppEnv>(async (c, next) => {
    const secret = c.env.LEADPACT_ADMIN_SECRET;
    if (!secret) {
      throw new ApiError(
        'forbidden',
        'Workspace creation is disabled: LEADPACT_ADMIN_SECRET is not set on this deployment.',
      );
    }
    const raw = bearerOf(c.req.header('authorization'));
    if (!raw)
      throw new ApiError('unauthorized', 'Send the admin secret as `Authorization: Bearer <secret>`.', {
        headers: CHALLENGE,
      });
    const [given, expected] = await Promise.all([sha256Hex(raw), sha256Hex(secret)]);
    if (!timingSafeEqualText(given, expected)) {
      throw new ApiError('unauthorized', 'The admin secret is wrong.', { headers: CHALLENGE });
    }
    await next();
  });
}
