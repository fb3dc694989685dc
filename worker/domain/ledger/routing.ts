import * as z from 'zod';
import type { LeadProfile } from '../agreement/evaluate';
import { fieldIssue, InvalidError } from '../errors';
import { say } from '../i18n';

export interface RoutingCandidate {
  memberId: string;
}

/** Leads whose `field` is one of `values` go to these members (round robin among them). */
export const RoutingRule = z.strictObject({
  id: z.string().trim().min(1).max(60),
  field: z.enum(['country', 'industry']),
  values: z.array(z.string().trim().min(1).max(120)).min(1).max(200),
  memberIds: z.array(z.string().min(1)).min(1).max(100),
});
export type RoutingRule = z.output<typeof RoutingRule>;

export const RoutingRules = z.strictObject({ rules: z.array(RoutingRule).max(100) });
export type RoutingRules = z.output<typeof RoutingRules>;

function fieldValue(profile: LeadProfile, field: RoutingRule['field']): string | null {
  const value = profile[field];
  return typeof value === 'string' ? value.trim().toLowerCase() : null;
}

/** The member after `lastMemberId` in `pool` (wrapping), or the first. */
function nextInRing(pool: readonly string[], lastMemberId: string | null): string | undefined {
  if (pool.length === 0) return undefined;
  const index = lastMemberId ? pool.indexOf(lastMemberId) : -1;
  return pool[(index + 1) % pool.length];
}

/**
 * Picks the owner of a new MQL: the first routing rule that matches the lead
 * narrows the pool to its (active) members; round robin within the pool. With
 * no match, or a rule whose members are all inactive, every active sales member
 * is the pool. Inactive members are never picked because they are not candidates.
 */
export function pickOwner(
  candidates: readonly RoutingCandidate[],
  rules: readonly RoutingRule[],
  lastMemberId: string | null,
  profile: LeadProfile,
): { memberId: string; rule: string | null } | null {
  const active = candidates.map((c) => c.memberId);
  for (const rule of rules) {
    const value = fieldValue(profile, rule.field);
    if (!value || !rule.values.some((v) => v.trim().toLowerCase() === value)) continue;
    const pool = active.filter((id) => rule.memberIds.includes(id));
    const memberId = nextInRing(pool, lastMemberId);
    if (memberId) return { memberId, rule: rule.id };
  }
  const memberId = nextInRing(active, lastMemberId);
  return memberId ? { memberId, rule: null } : null;
}

/**
 * Rules may only route to sales members of the workspace (`salesIds`, active or
 * not): a 422 names each member id that is not one, by its place in the rules.
 */
export function assertRoutesToSales(rules: readonly RoutingRule[], salesIds: ReadonlySet<string>): void {
  const issues = rules.flatMap((rule, i) =>
    rule.memberIds
      .map((id, j) => ({ id, j }))
      .filter(({ id }) => !salesIds.has(id))
      .map(({ id, j }) => fieldIssue(`rules[${i}].memberIds[${j}]`, say('notSalesMember', { id }))),
  );
  if (issues.length > 0) throw new InvalidError(say('routingSalesOnly'), issues);
}
