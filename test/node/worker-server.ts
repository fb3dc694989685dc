import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { unstable_startWorker } from 'wrangler';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

export interface WorkerServer {
  url: string;
  adminSecret: string;
  /** The local D1 files live here (wrangler's `--persist-to`). */
  persistDir: string;
  worker: Awaited<ReturnType<typeof unstable_startWorker>>;
  /** The plain-text bindings it started with (the admin secret, the encryption key). */
  vars: Record<string, string>;
  /** Stops the Worker and keeps its D1 files (to change them and start again on them). */
  stop: () => Promise<void>;
  dispose: () => Promise<void>;
}

export const LOCAL_ENV = {
  ...process.env,
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_SEND_METRICS: 'false',
  CI: 'true',
};

/**
 * Starts the real Worker from wrangler.toml in workerd (wrangler's programmatic
 * dev server, which drives Miniflare) on loopback, with a fresh local D1 that
 * `wrangler d1 migrations apply --local` migrated — the same path `npm start`
 * takes. For Node-side tests and benchmarks.
 */
export async function startWorkerServer(
  options: {
    vars?: Record<string, string>;
    /** Start on these D1 files (a stopped server's) as they are; pass its `vars` too, to keep its encryption key. */
    persistDir?: string;
    /** Another entry than wrangler.toml's `main` (the load suite's fault wrapper, test/node/soak/fault-entry.ts). */
    entrypoint?: string;
    /** Serves `/__scheduled?cron=…`, so a test can fire the cron as Cloudflare would. */
    testScheduled?: boolean;
  } = {},
): Promise<WorkerServer> {
  const persistDir = options.persistDir ?? (await mkdtemp(join(tmpdir(), 'leadpact-d1-')));
  if (!options.persistDir)
    await run('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistDir], {
      cwd: ROOT,
      env: LOCAL_ENV,
    });
  const adminSecret = 'node-test-admin-secret';
  // A fresh master key per server, as `npm start` writes one into .dev.vars: personal data needs it.
  const encryptionKey = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64');
  const vars = {
    LEADPACT_ADMIN_SECRET: adminSecret,
    LEADPACT_ENCRYPTION_KEY: encryptionKey,
    ...options.vars,
  };
  const worker = await unstable_startWorker({
    config: join(ROOT, 'wrangler.toml'),
    ...(options.entrypoint ? { entrypoint: join(ROOT, options.entrypoint) } : {}),
    bindings: Object.fromEntries(
      Object.entries(vars).map(([name, value]) => [name, { type: 'plain_text' as const, value }]),
    ),
    dev: {
      persist: persistDir,
      server: { hostname: '127.0.0.1', port: 0 },
      inspector: false,
      watch: false,
      testScheduled: options.testScheduled ?? false,
      logLevel: 'warn',
    },
  });
  const url = (await worker.url).toString().replace(/\/$/, '');
  return {
    url,
    adminSecret,
    persistDir,
    vars,
    worker,
    stop: () => worker.dispose(),
    dispose: async () => {
      await worker.dispose();
      await rm(persistDir, { recursive: true, force: true });
    },
  };
}
