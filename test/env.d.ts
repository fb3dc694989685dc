import type { D1Migration } from 'cloudflare:test';
import type { Env as WorkerEnv } from '../worker/env';

declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {
      TEST_MIGRATIONS: D1Migration[];
      /** The fake Google (test/fake-sheets/server.ts) the Worker's Google URLs point at; tests drive it. */
      FAKE_SHEETS_URL: string;
    }
    interface GlobalProps {
      mainModule: typeof import('../worker/index');
    }
  }
}
