import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineProject } from 'vitest/config';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

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
        },
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
