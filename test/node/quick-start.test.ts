import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCAL_ENV } from './worker-server';

interface Ready {
  baseUrl: string;
  workspaceId: string;
  tokens: Record<string, string>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Runs `node scripts/start.mjs` (what `npm start` runs) until it prints its ready line. */
function start(
  port: number,
  persistDir: string,
): Promise<{ child: ChildProcess; ready: Ready; output: () => string }> {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { ...LOCAL_ENV, PORT: String(port), LEADPACT_PERSIST_DIR: persistDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not get ready:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const line = /LEADPACT_READY (.+)/.exec(output)?.[1];
      if (line) {
        clearTimeout(timer);
        resolve({ child, ready: JSON.parse(line) as Ready, output: () => output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`start exited ${code}:\n${output}`)));
  });
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || !child.pid) return;
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-child.pid, 'SIGINT');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
}

describe('npm start', () => {
  const children: ChildProcess[] = [];
  let persistDir = '';

  afterAll(async () => {
    for (const child of children) await stop(child);
    if (persistDir) await rm(persistDir, { recursive: true, force: true });
  });

  it('should migrate, seed once, print URLs and a token per role, and serve the demo workspace', async () => {
    persistDir = await mkdtemp(join(tmpdir(), 'leadpact-start-'));
    const port = await freePort();
    const first = await start(port, persistDir);
    children.push(first.child);
    const { ready } = first;
    expect(ready.baseUrl).toBe(`http://127.0.0.1:${port}`);
    expect(first.output()).toContain(`${ready.baseUrl}/docs`);
    expect(Object.keys(ready.tokens).sort()).toEqual([
      'admin',
      'intake',
      'manager',
      'marketing',
      'sales',
      'viewer',
    ]);
    for (const token of Object.values(ready.tokens)) expect(first.output()).toContain(token);
    // Each bound token says whose it is: the sales token acts only on Sorin's leads and unowned ones.
    expect(first.output()).toMatch(new RegExp(`sales +${ready.tokens.sales}  as Sorin Popescu\n`));
    expect(first.output()).toMatch(new RegExp(`manager +${ready.tokens.manager}  as Maria Ionescu\n`));
    expect(first.output()).toMatch(new RegExp(`admin +${ready.tokens.admin}\n`));

    // The admin secret is in .dev.vars, never printed, and creates workspaces as the README's curl does.
    const devVars = await readFile('.dev.vars', 'utf8');
    expect(devVars).toMatch(/^LEADPACT_ENCRYPTION_KEY=/m);
    const adminSecret = /^LEADPACT_ADMIN_SECRET="?([^"\n]+)"?$/m.exec(devVars)?.[1] ?? '';
    expect(adminSecret).not.toBe('');
    expect(first.output()).not.toContain(adminSecret);
    const workspace = await fetch(`${ready.baseUrl}/v1/workspaces`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminSecret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Acme', timezone: 'Europe/Warsaw', language: 'pl', country: 'PL' }),
    });
    expect(workspace.status).toBe(201);

    const members = await fetch(`${ready.baseUrl}/v1/members`, {
      headers: { authorization: `Bearer ${ready.tokens.manager}` },
    });
    expect(members.status).toBe(200);
    const body = (await members.json()) as { data: { id: string; name: string; side: string }[] };
    expect(body.data.map((m) => m.side).sort()).toEqual([
      'management',
      'marketing',
      'sales',
      'sales',
      'sales',
    ]);
    expect((await fetch(`${ready.baseUrl}/docs`)).status).toBe(200);
    expect(first.output()).toContain(`${ready.baseUrl}/openapi.json`);
    const openapi = (await (await fetch(`${ready.baseUrl}/openapi.json`)).json()) as { paths: object };
    expect(Object.keys(openapi.paths)).toContain('/v1/intake/{sourceId}');
    // npm start writes the local master key, so personal data can be sealed from the first delivery.
    expect(first.output()).toContain(`${ready.baseUrl}/health`);
    expect(await (await fetch(`${ready.baseUrl}/health`)).json()).toMatchObject({ encryption: 'configured' });
    // The starter agreement is signed, so the demo leads with a phone are MQLs with an owner.
    const leads = await fetch(`${ready.baseUrl}/v1/leads`, {
      headers: { authorization: `Bearer ${ready.tokens.sales}` },
    });
    const leadBody = (await leads.json()) as {
      data: { email: string; stage: string; ownerId: string | null }[];
    };
    const stages = Object.fromEntries(leadBody.data.map((l) => [l.email, l.stage]));
    expect(stages).toEqual({
      'jan.kowalski@stalmet.pl': 'mql',
      'ioana.pop@fabrica.ro': 'mql',
      'olga@zavod.ru': 'lead',
    });
    expect(leadBody.data.filter((l) => l.stage === 'mql').every((l) => l.ownerId)).toBe(true);
    // One of them is the sales lead's, so the printed sales token has a lead of its own to work.
    const sorin = body.data.find((m) => m.name === 'Sorin Popescu')?.id;
    expect(leadBody.data.filter((l) => l.stage === 'mql' && l.ownerId === sorin)).toHaveLength(1);

    await stop(first.child);
    const second = await start(port, persistDir);
    children.push(second.child);
    expect(second.output()).toContain('already seeded');
    expect(second.ready.workspaceId).toBe(ready.workspaceId);
    expect(second.ready.tokens).toEqual(ready.tokens);
    const again = await fetch(`${ready.baseUrl}/v1/leads`, {
      headers: { authorization: `Bearer ${ready.tokens.sales}` },
    });
    expect(((await again.json()) as { data: unknown[] }).data).toHaveLength(3);

    // The printed contact form takes the README's delivery and, asked to wait, answers with the judged MQL.
    const contactUrl = /Contact form \(generic source\): (\S+)/.exec(second.output())?.[1] ?? '';
    expect(contactUrl).toMatch(new RegExp(`^${ready.baseUrl}/v1/intake/src_`));
    const delivery = await fetch(contactUrl, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${ready.tokens.intake}`,
        prefer: 'wait=5',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ email: 'jan@stalmet.pl', phone: '+48 601 234 567', consent: true }),
    });
    expect(delivery.status).toBe(201);
    expect(delivery.headers.get('location')).toMatch(/^\/v1\/intake\/deliveries\/dlv_/);
    expect(await delivery.json()).toMatchObject({ status: 'judged', stage: 'mql', duplicate: false });

    // The printed sweep command names this port (not the script's default 8787) and runs the cron.
    expect(second.output()).toContain(`npm run sweep -- --url ${ready.baseUrl} --at <date-time>`);
    const sweep = await promisify(execFile)(process.execPath, ['scripts/sweep.mjs', '--url', ready.baseUrl], {
      env: LOCAL_ENV,
    });
    expect(sweep.stdout).toMatch(/Ran cron "\* \* \* \* \*" as of .+: ok\./);

    // A local D1 made from another 0000_init.sql (rewritten in place until the first release) is refused
    // with the way out, since wrangler would not apply the new one over it.
    await stop(second.child);
    const stamp = join(persistDir, 'migrations.sha256');
    expect(await readFile(stamp, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    await writeFile(stamp, `${'0'.repeat(64)}\n`);
    const refused = await start(port, persistDir).then(
      () => '',
      (error: Error) => error.message,
    );
    expect(refused).toContain('start exited 1');
    expect(refused).toContain(`rm -rf ${persistDir} && npm start`);
    expect(refused).not.toContain('Applying migrations');
  }, 180_000);
});
