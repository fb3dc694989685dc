import { type IntakeLookup, lookupIntake } from '../../db/queries/intake-lookup';
import { starterAgreement } from '../../domain/agreement/templates';
import type { DatabaseContext } from '../context';
import { isolateCache } from '../isolate-cache';

export type IntakeTarget = Omit<IntakeLookup, 'consentRequired'> & { consentRequired: boolean };
export type IntakeSource = IntakeTarget['source'];

/**
 * How long an isolate trusts what it read about a source and a token: archiving
 * a source or revoking a token takes effect within this time everywhere (at
 * once in the isolate that did it, which forgets what it held). A form posting
 * steadily then costs one lookup per isolate every 10 s, not one per delivery.
 */
export const INTAKE_LOOKUP_TTL_MS = 10_000;

const cache = isolateCache<IntakeTarget>({ ttlMs: INTAKE_LOOKUP_TTL_MS });

/**
 * The source an intake URL names, its workspace, the consent rule in force and
 * the bearer token (by hash) — one D1 round trip, then held for
 * INTAKE_LOOKUP_TTL_MS. Null when there is no such source (not cached: a source
 * created a moment ago works at once).
 */
export async function findIntakeTarget({
  ctx,
  input,
}: {
  ctx: DatabaseContext;
  input: { sourceId: string; tokenHash: string | null };
}): Promise<IntakeTarget | null> {
  const key = `${input.sourceId}|${input.tokenHash ?? ''}`;
  const at = ctx.now.getTime();
  const held = cache.get(key, at);
  if (held) return held;
  const found = await lookupIntake(ctx.db, input.sourceId, input.tokenHash);
  if (!found) {
    cache.delete(key);
    return null;
  }
  const target: IntakeTarget = {
    ...found,
    consentRequired:
      found.consentRequired ??
      starterAgreement(found.workspace.language, {
        timezone: found.workspace.timezone,
        country: found.workspace.country,
      }).leadDefinition.consentRequired,
  };
  // A token that was not found is not held: the next try reads again (and counts as a failure again).
  if (input.tokenHash === null || target.token) cache.set(key, target, at);
  return target;
}

/** Called where a source is changed or a token revoked: this isolate stops trusting what it held at once. */
export function forgetIntakeLookups(): void {
  cache.clear();
}
