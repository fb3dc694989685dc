import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'node',
    environment: 'node',
    include: ['test/node/**/*.test.ts'],
    root: fileURLToPath(new URL('../../', import.meta.url)),
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
