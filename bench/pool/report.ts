import { env } from '../../test/worker/harness';

/** The sizes bench/run.mjs asks for (BENCH_SCALES, JSON), with the defaults of a full run. */
export interface BenchScales {
  sweep: { open: number[]; due: number };
  reports: { leads: number[] };
}

export function benchScales(): BenchScales {
  const asked = JSON.parse((env as unknown as { BENCH_SCALES: string }).BENCH_SCALES) as Partial<BenchScales>;
  return {
    sweep: asked.sweep ?? { open: [1000, 10_000, 100_000], due: 40 },
    reports: asked.reports ?? { leads: [10_000, 100_000] },
  };
}

/** One measurement, on one line bench/run.mjs picks out of vitest's output. */
export function report(part: string, figures: Record<string, unknown>) {
  console.log(`BENCH ${JSON.stringify({ part, ...figures })}`);
}
