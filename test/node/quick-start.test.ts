import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

    const members = await fetch(`${ready.baseUrl}/v1/members`, {
      headers: { authorization: `Bearer ${ready.tokens.manager}` },
    });
    expect(members.status).toBe(200);
    const body = (await members.json()) as { data: { side: string }[] };
    expect(body.data.map((m) => m.side).sort()).toEqual([
      'management',
      'marketing',
      'sales',
      'sales',
      'sales',
    ]);
    expect((await fetch(`${ready.baseUrl}/docs`)).status).toBe(200);
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
  }, 180_000);
});
