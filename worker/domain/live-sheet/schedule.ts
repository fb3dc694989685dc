/** A sheet that is owed a push this minute. */
export interface PushCandidate {
  workspaceId: string;
  /** The service account that writes it; the quota is per account. */
  account: string;
  /** SLA transitions are waiting: a breach matters more than a new name. */
  urgent: boolean;
  /** When it was last written (or connected); the longest-waiting goes first. */
  waitingSince: string;
}

/** What one push costs: one read of the lead-id column, one `values.batchUpdate`. */
export const PUSH_COST = { reads: 1, writes: 1 } as const;

/**
 * The fair share of a minute: sheets with SLA transitions first, then the
 * longest waiting, each taken only while its account still has a read and a
 * write left this minute. Everything a sheet is owed goes in its one write,
 * so a sheet is never picked twice; whoever is left over goes first next
 * minute because it has waited longest.
 */
export function schedulePushes(
  candidates: readonly PushCandidate[],
  remaining: ReadonlyMap<string, { reads: number; writes: number }>,
): PushCandidate[] {
  const left = new Map([...remaining].map(([account, r]) => [account, { ...r }]));
  const ordered = [...candidates].sort(
    (a, b) =>
      Number(b.urgent) - Number(a.urgent) ||
      a.waitingSince.localeCompare(b.waitingSince) ||
      a.workspaceId.localeCompare(b.workspaceId),
  );
  const picked: PushCandidate[] = [];
  for (const candidate of ordered) {
    const budget = left.get(candidate.account);
    if (!budget || budget.reads < PUSH_COST.reads || budget.writes < PUSH_COST.writes) continue;
    budget.reads -= PUSH_COST.reads;
    budget.writes -= PUSH_COST.writes;
    picked.push(candidate);
  }
  return picked;
}

/**
 * Exponential backoff with full jitter (AWS's "full jitter"): a random wait in
 * [0, min(cap, base·2^attempt)). `random` is passed in, in [0, 1).
 */
export function backoffMs(attempt: number, random: number, baseMs = 500, capMs = 8_000): number {
  return Math.floor(random * Math.min(capMs, baseMs * 2 ** attempt));
}
