import type { Context } from 'hono';
import { type Said, say } from '../domain/i18n';
import type { Env } from '../env';
import type { AppEnv } from './context';
import { ApiError } from './problem';

/**
 * Limits on failed authentication: wrong API tokens, wrong admin secrets and
 * intake deliveries whose signature does not verify.
 *
 * Counting uses Workers rate-limit bindings (wrangler.toml, counted per
 * Cloudflare location across isolates). The bindings cannot be asked "is this
 * key over?" without counting a hit, so once a key goes over, this isolate
 * remembers it until the window ends and refuses that caller before any D1
 * lookup: a locked address costs nothing. Other isolates lock it on its next
 * failure there.
 *
 * - Per client address (`CF-Connecting-IP`): `AUTH_IP_FAILURES` failures a
 *   minute, then everything with a credential from that address waits out the
 *   minute, its valid tokens too — it is the attacker's address.
 * - Per target (a token's workspace prefix, or the admin secret):
 *   `AUTH_TARGET_FAILURES` failures a minute from all addresses together. Past
 *   that, each address that fails on the target is locked out of that target
 *   for the minute at its first failure; an address that has not failed keeps
 *   working, so a spread-out attack never locks the team's own valid tokens out.
 *
 * A request without `CF-Connecting-IP` never came through Cloudflare's edge
 * (only tests that call the Worker directly); it is counted per target only.
 */

export const AUTH_FAILURE_WINDOW_SECONDS = 60;
const MAX_LOCKS = 10_000;

/** key → epoch ms the lock ends; insertion order is age, for eviction. */
const locks = new Map<string, number>();

export function clientAddress(c: Context<AppEnv>): string | null {
  const ip = c.req.header('cf-connecting-ip')?.trim();
  return ip ? ip : null;
}

/** The lock keys a caller is checked against. */
export interface FailureScope {
  ip: string | null;
  /** `ws:<workspace id>`, `admin`, or `intake:<source id>`. */
  target: string | null;
}

const LOCKED = say('lockedAddress');
const targetLocked = (target: string) => say(target === 'admin' ? 'lockedAdmin' : 'lockedWorkspace');

/** The lock keys a caller is checked against, each with what its 429 says. */
function lockKeys({ ip, target }: FailureScope): [key: string, detail: Said][] {
  const keys: [string, Said][] = [];
  if (ip) keys.push([`ip:${ip}`, LOCKED]);
  if (ip && target) keys.push([`ip:${ip}|${target}`, targetLocked(target)]);
  return keys;
}

function tooMany(until: number, now: number, detail: Said): ApiError {
  const seconds = Math.max(1, Math.ceil((until - now) / 1000));
  return new ApiError('rate_limited', detail, { headers: { 'retry-after': String(seconds) } });
}

/** Throws 429 with Retry-After while this caller is locked out. */
export function assertNotLocked(scope: FailureScope, now = Date.now()): void {
  for (const [key, detail] of lockKeys(scope)) {
    const until = locks.get(key);
    if (until === undefined) continue;
    if (until > now) throw tooMany(until, now, detail);
    locks.delete(key);
  }
}

function lock(key: string, now: number): number {
  const until = now + AUTH_FAILURE_WINDOW_SECONDS * 1000;
  locks.delete(key);
  if (locks.size >= MAX_LOCKS) {
    for (const [k, end] of locks) if (end <= now) locks.delete(k);
    const oldest = locks.keys().next();
    if (locks.size >= MAX_LOCKS && !oldest.done) locks.delete(oldest.value);
  }
  locks.set(key, until);
  return until;
}

/** The limiters a kind of failure is counted with. */
export interface FailureLimiters {
  perIp: Env['AUTH_IP_FAILURES'];
  perTarget: Env['AUTH_TARGET_FAILURES'];
}

export function authFailureLimiters(env: Env): FailureLimiters {
  return { perIp: env.AUTH_IP_FAILURES, perTarget: env.AUTH_TARGET_FAILURES };
}

/**
 * Counts one failure. Throws 429 (and locks) when it took the address or the
 * target over its limit; otherwise returns, and the caller answers its 401.
 */
export async function countFailure(
  limiters: FailureLimiters,
  scope: FailureScope,
  now = Date.now(),
): Promise<void> {
  const [ipOk, targetOk] = await Promise.all([
    scope.ip && limiters.perIp ? limiters.perIp.limit({ key: `ip:${scope.ip}` }) : { success: true },
    scope.target && limiters.perTarget ? limiters.perTarget.limit({ key: scope.target }) : { success: true },
  ]);
  if (!ipOk.success && scope.ip) throw tooMany(lock(`ip:${scope.ip}`, now), now, LOCKED);
  if (!targetOk.success) {
    console.warn(
      JSON.stringify({ level: 'warn', message: 'auth failures over limit', target: scope.target }),
    );
    const until = scope.ip && scope.target ? lock(`ip:${scope.ip}|${scope.target}`, now) : now + 60_000;
    throw tooMany(until, now, targetLocked(scope.target ?? ''));
  }
}
