import { workerdProject } from '../../test/worker/workerd-project';

/**
 * The bench's metered part (`npm run bench` runs it; `npm test` does not): the real Worker code in
 * workerd with a real migrated D1, as in test/worker, where D1's own `meta.rows_read` of every
 * statement can be summed (test/worker/metered-d1.ts). BENCH_SCALES carries the run's sizes in.
 */
export default workerdProject({
  bindings: { BENCH_SCALES: process.env.BENCH_SCALES ?? '{}' },
  test: {
    name: 'bench',
    include: ['bench/pool/**/*.pool.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
