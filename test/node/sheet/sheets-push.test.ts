import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const SCRIPT_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';

let dir = '';
let claspLog = '';
let fakeClasp = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'leadpact-push-'));
  claspLog = join(dir, 'clasp.log');
  fakeClasp = join(dir, 'clasp');
  // Google cannot be reached from here: a stand-in clasp records where and how it was called.
  await writeFile(fakeClasp, `#!/bin/sh\necho "$PWD $*" >> ${claspLog}\nls dist >> ${claspLog}\n`);
  await chmod(fakeClasp, 0o755);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function push(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run('bash', ['scripts/sheets-push.sh', ...args], {
      env: {
        ...process.env,
        LEADPACT_SHEETS_LINT: 'echo lint-ran',
        LEADPACT_SHEETS_TEST: 'echo tests-ran',
        CLASP: fakeClasp,
        ...env,
      },
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('npm run sheets:push', () => {
  it('should lint, test and build before clasp pushes dist/ to the dev script', async () => {
    const result = await push([], { LEADPACT_SCRIPT_ID_DEV: SCRIPT_ID });
    expect(result.code).toBe(0);
    const order = ['lint-ran', 'tests-ran', '3/4 build', `4/4 clasp push to ${SCRIPT_ID}`].map((s) =>
      result.out.indexOf(s),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const log = await readFile(claspLog, 'utf8');
    expect(log).toMatch(/apps-script push --force\n/);
    expect(log).toContain('Code.js');
    expect(log).toContain('appsscript.json');
    expect(JSON.parse(await readFile('apps-script/.clasp.json', 'utf8'))).toEqual({
      scriptId: SCRIPT_ID,
      rootDir: 'dist',
    });
  });

  it('should push prod to the prod script id only', async () => {
    const prodId = `${SCRIPT_ID}prod`;
    const result = await push(['prod', '--dry-run'], {
      LEADPACT_SCRIPT_ID_DEV: SCRIPT_ID,
      LEADPACT_SCRIPT_ID_PROD: prodId,
    });
    expect(result.code).toBe(0);
    expect(result.out).toContain(`would push apps-script/dist/ to script ${prodId}`);
    expect(JSON.parse(await readFile('apps-script/.clasp.json', 'utf8')).scriptId).toBe(prodId);
  });

  it('should take --dry-run alone as the dev script, as `npm run sheets:push -- --dry-run`', async () => {
    const result = await push(['--dry-run'], { LEADPACT_SCRIPT_ID_DEV: SCRIPT_ID });
    expect(result.code).toBe(0);
    expect(result.out).toContain(`[dev] 4/4 dry run: would push apps-script/dist/ to script ${SCRIPT_ID}`);
    expect(JSON.parse(await readFile('apps-script/.clasp.json', 'utf8')).scriptId).toBe(SCRIPT_ID);
  });

  it('should refuse a target without a script id before running anything', async () => {
    const result = await push(['prod'], { LEADPACT_SCRIPT_ID_PROD: '' });
    expect(result.code).toBe(2);
    expect(result.out).toContain('no script id for prod');
    expect(result.out).not.toContain('lint-ran');
  });

  it('should refuse an unknown target', async () => {
    const result = await push(['staging'], {});
    expect(result.code).toBe(2);
    expect(result.out).toContain('dev or prod');
  });

  it('should stop when the tests fail, pushing nothing', async () => {
    const before = await readFile(claspLog, 'utf8').catch(() => '');
    const result = await push([], { LEADPACT_SCRIPT_ID_DEV: SCRIPT_ID, LEADPACT_SHEETS_TEST: 'false' });
    expect(result.code).not.toBe(0);
    expect(result.out).not.toContain('3/4 build');
    expect(await readFile(claspLog, 'utf8').catch(() => '')).toBe(before);
  });
});
