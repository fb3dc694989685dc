import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineProject } from 'vitest/config';
import { startFakeSheets } from '../fake-sheets/server';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

// Google for the live sheet (issue 14): a fake over real HTTP on loopback, with a key pair made for this run.
const google = await startFakeSheets();
const encryptionKey = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64');

export default defineProject({
  plugins: [
    cloudflareTest(async () => ({
      main: root('worker/index.ts'),
      wrangler: { configPath: root('wrangler.toml') },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: await readD1Migrations(root('migrations')),
          LEADPACT_ADMIN_SECRET: 'test-admin-secret',
          // Notification channels may point at loopback receivers (closed ports here; a real one in test/node).
          LEADPACT_ALLOW_LOOPBACK_WEBHOOKS: 'true',
          GOOGLE_SERVICE_ACCOUNT_JSON: JSON.stringify(google.deploymentKey),
          GOOGLE_SHEETS_API_BASE: google.url,
          GOOGLE_OAUTH_TOKEN_URL: `${google.url}/token`,
          LEADPACT_ENCRYPTION_KEY: encryptionKey,
          FAKE_SHEETS_URL: google.url,
          // Bad-input fuzzing runs per write route: a few in `npm test`, more from `npm run soak`.
          FUZZ_RUNS: process.env.FUZZ_RUNS ?? '3',
        },
        // Tests judge stored deliveries themselves (test/worker/intake-queue.ts drives the real queue()
        // handler with createMessageBatch): the producer sends to a queue nobody consumes here, so no
        // background consumer races a test's assertions. test/node runs the real consumer under wrangler.
        queueProducers: { INTAKE_QUEUE: { queueName: 'leadpact-intake-unconsumed' } },
      },
    })),
  ],
  test: {
    name: 'worker',
    include: ['test/worker/**/*.test.ts'],
    setupFiles: ['./test/worker/apply-migrations.ts'],
    root: root(''),
  },
});
