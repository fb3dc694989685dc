import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { LOCAL_ENV } from './worker-server';

const run = promisify(execFile);

describe('npm run deploy -- --dry-run', () => {
  it('should bundle the Worker offline, as wrangler deploy would upload it', async () => {
    await rm('dist/worker', { recursive: true, force: true });
    const { stdout } = await run('bash', ['scripts/deploy.sh', '--dry-run'], { env: LOCAL_ENV });
    expect(stdout).toContain('nothing was uploaded');
    const bundle = await readFile('dist/worker/index.js', 'utf8');
    expect(bundle).toContain('/v1/workspaces');
    expect(bundle).not.toContain('cloudflare:test');
  }, 120_000);
});
