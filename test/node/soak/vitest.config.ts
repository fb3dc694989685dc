import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The load suite alone (`npm run soak`): it starts its own Worker under wrangler
 * dev and runs for minutes at full size, so it is not one of `npm test`'s projects.
 */
export default defineConfig({
  test: {
    name: 'soak',
    environment: 'node',
    include: ['test/node/soak/**/*.soak.ts'],
    root: fileURLToPath(new URL('../../../', import.meta.url)),
    testTimeout: 60 * 60_000,
    hookTimeout: 300_000,
    // Thousands of queue and error lines from the Worker drown the one line the suite is for: its summary.
    onConsoleLog: (log) => (log.startsWith('load:') ? undefined : false),
  },
});
