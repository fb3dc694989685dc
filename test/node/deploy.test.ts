import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
    // The load suite's forced failures live in its own entry (test/node/soak/fault-entry.ts), never in what ships.
    expect(bundle).not.toContain('LEADPACT_SOAK_FAULTS');
    expect(bundle).not.toContain('soak fault');
    expect(bundle).not.toContain('injected by the fault suite');
  }, 120_000);
});

/**
 * A wrangler stand-in that logs each call and answers `secret list` with the given secrets; anything else fails.
 * Logged out, `whoami` behaves as wrangler 4's does: exit 0 in plain text, exit 1 with `--json`.
 */
async function fakeWrangler(
  secrets: string[],
  loggedIn = true,
): Promise<{ path: string; calls: () => Promise<string[]> }> {
  const dir = await mkdtemp(join(tmpdir(), 'leadpact-fake-wrangler-'));
  const log = join(dir, 'calls.log');
  const path = join(dir, 'wrangler');
  const list = JSON.stringify(secrets.map((name) => ({ name, type: 'secret_text' })));
  await writeFile(
    path,
    [
      '#!/usr/bin/env bash',
      `echo "$*" >> '${log}'`,
      'case "$1" in',
      loggedIn
        ? '  whoami) exit 0 ;;'
        : `  whoami) [ "$2" = --json ] && { echo '{"loggedIn":false}'; exit 1; }; echo 'You are not authenticated.'; exit 0 ;;`,
      `  secret) [ "$2" = list ] && { echo '${list}'; exit 0; } ;;`,
      'esac',
      'exit 3',
    ].join('\n'),
  );
  await chmod(path, 0o755);
  return { path, calls: async () => (await readFile(log, 'utf8')).trim().split('\n') };
}

describe('npm run deploy without the encryption key', () => {
  const deploy = (wrangler: string) =>
    run('bash', ['scripts/deploy.sh'], {
      env: { ...LOCAL_ENV, LEADPACT_WRANGLER: wrangler, SKIP_TESTS: '1' },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );

  it('should ask to log in first when wrangler has no credentials, before looking at secrets', async () => {
    const wrangler = await fakeWrangler(['LEADPACT_ADMIN_SECRET', 'LEADPACT_ENCRYPTION_KEY'], false);
    const result = await deploy(wrangler.path);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Log in first: npx wrangler login');
    expect(result.stderr).not.toContain('Refusing to deploy');
    expect(await wrangler.calls()).toEqual(['whoami --json']);
  });

  it('should refuse before changing anything remote when LEADPACT_ENCRYPTION_KEY is not set', async () => {
    // Only the previous key is set: that is not the key.
    const wrangler = await fakeWrangler(['LEADPACT_ADMIN_SECRET', 'LEADPACT_ENCRYPTION_KEY_PREVIOUS']);
    const result = await deploy(wrangler.path);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the Worker secret LEADPACT_ENCRYPTION_KEY is not set');
    expect(result.stderr).toContain('wrangler secret put LEADPACT_ENCRYPTION_KEY');
    expect(await wrangler.calls()).toEqual(['whoami --json', 'secret list']);
  });

  it('should go on to the database when the key is set', async () => {
    const wrangler = await fakeWrangler(['LEADPACT_ADMIN_SECRET', 'LEADPACT_ENCRYPTION_KEY']);
    const result = await deploy(wrangler.path);
    // The stand-in fails the first remote step: what matters is that the script reached it.
    expect(result.code).not.toBe(0);
    expect(result.stderr).not.toContain('Refusing to deploy');
    const calls = await wrangler.calls();
    expect(calls.slice(0, 2)).toEqual(['whoami --json', 'secret list']);
    expect(calls[2]).toMatch(/^d1 /);
  });
});
