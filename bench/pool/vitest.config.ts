import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineProject } from 'vitest/config';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/**
 * The bench's metered part (`npm run bench` runs it; `npm test` does not): the real Worker code in
 * workerd with a real migrated D1, as in test/worker, where D1's own `meta.rows_read` of every
 * statement can be summed (test/worker/metered-d1.ts). BENCH_SCALES carries the run's sizes in.
 */
export default defineProject({
  plugins: [
    cloudflareTest(async () => ({
      main: root('worker/index.ts'),
      wrangler: { configPath: root('wrangler.toml') },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: await readD1Migrations(root('migrations')),
          LEADPACT_ADMIN_SECRET: 'test-admin-secret',
          LEADPACT_ALLOW_LOOPBACK_WEBHOOKS: 'true',
          LEADPACT_ENCRYPTION_KEY: Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64'),
          BENCH_SCALES: process.env.BENCH_SCALES ?? '{}',
        },
        queueProducers: { INTAKE_QUEUE: { queueName: 'leadpact-intake-unconsumed' } },
      },
    })),
  ],
  test: {
    name: 'bench',
    include: ['bench/pool/**/*.pool.ts'],
    setupFiles: ['./test/worker/apply-migrations.ts'],
    root: root(''),
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
