/** True when D1 refused a write on a unique index: a concurrent writer got there first. */
export function isUniqueViolation(error: unknown): boolean {
  const text = `${String(error)} ${String((error as { cause?: unknown } | null)?.cause ?? '')}`;
  return /UNIQUE constraint failed|SQLITE_CONSTRAINT/i.test(text);
}

/** A short random pause that grows with each attempt, so writers that collided do not collide again in step. */
export function backoff(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(200, 5 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
