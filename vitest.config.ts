import { defineConfig } from 'vitest/config';

/** Two projects: Worker code inside workerd, and Node-side code (add-on logic, browser pages, scripts). */
export default defineConfig({
  test: {
    projects: ['./test/worker/vitest.config.ts', './test/node/vitest.config.ts'],
  },
});
