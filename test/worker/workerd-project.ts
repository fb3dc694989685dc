import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineProject, type TestProjectInlineConfiguration } from 'vitest/config';

/** A path from the repository's root. */
export const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/**
 * A vitest project that runs the real Worker code in workerd with a real migrated D1 (test/worker's
 * and the bench's pool alike): the Worker's own bindings with a key made for this run, plus `bindings`.
 */
export function workerdProject(options: {
  bindings: Record<string, string>;
  test: NonNullable<TestProjectInlineConfiguration['test']> & { name: string; include: string[] };
}) {
  const encryptionKey = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64');
  return defineProject({
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
            LEADPACT_ENCRYPTION_KEY: encryptionKey,
            ...options.bindings,
          },
          // Tests judge stored deliveries themselves (test/worker/intake-queue.ts drives the real queue()
          // handler with createMessageBatch): the producer sends to a queue nobody consumes here, so no
          // background consumer races a test's assertions. test/node runs the real consumer under wrangler.
          queueProducers: { INTAKE_QUEUE: { queueName: 'leadpact-intake-unconsumed' } },
        },
      })),
    ],
    test: {
      setupFiles: ['./test/worker/apply-migrations.ts'],
      root: root(''),
      ...options.test,
    },
  });
}
