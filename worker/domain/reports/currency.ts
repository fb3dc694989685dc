/**
 * The currency revenue is reported in: the one asked for, else the agreement's
 * goal currency, else the one most won revenue was booked in.
 */
export function reportCurrency(
  preferred: string | null,
  rows: ReadonlyArray<{ currency: string | null; revenue: number }>,
): string | null {
  if (preferred) return preferred;
  const named = rows.filter((r): r is { currency: string; revenue: number } => r.currency !== null);
  named.sort((a, b) => b.revenue - a.revenue || a.currency.localeCompare(b.currency));
  return named[0]?.currency ?? null;
}

/** Won revenue booked in currencies other than the report's: shown beside it, never summed into it (to the cent). */
export function otherCurrencies(
  rows: ReadonlyArray<{ currency: string | null; won: number; revenue: number }>,
  currency: string | null,
): { currency: string; won: number; revenue: number }[] {
  return rows
    .filter(
      (c): c is { currency: string; won: number; revenue: number } =>
        c.currency !== null && c.currency !== currency,
    )
    .map((c) => ({ currency: c.currency, won: c.won, revenue: Math.round(c.revenue * 100) / 100 }));
}
