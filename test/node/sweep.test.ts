import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instantOf, scheduledUrl } from '../../scripts/sweep.mjs';
import { LOCAL_ENV, startWorkerServer, type WorkerServer } from './worker-server';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

/**
 * `npm run sweep -- --at …` against the real Worker (wrangler's dev server, a
 * migrated local D1): a lead's first-touch deadline is pending, the sweep as of
 * a minute after it is due breaches it. Nothing else moves the clock here.
 */
describe('npm run sweep', () => {
  let worker: WorkerServer;

  async function api<T>(method: string, path: string, token: string, json?: unknown): Promise<T> {
    const res = await fetch(`${worker.url}${path}`, {
      method,
      // `Prefer: wait` matters only to intake: it answers the judged lead instead of 202.
      headers: {
        authorization: `Bearer ${token}`,
        prefer: 'wait=5',
        ...(json ? { 'content-type': 'application/json' } : {}),
      },
      body: json ? JSON.stringify(json) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  const firstTouch = async (leadId: string, token: string) => {
    const lead = await api<{ sla: { deadlines: { kind: string; dueAt: string; status: string }[] } }>(
      'GET',
      `/v1/leads/${leadId}`,
      token,
    );
    const deadline = lead.sla.deadlines.find((d) => d.kind === 'first_touch');
    if (!deadline) throw new Error('no first-touch deadline');
    return deadline;
  };

  beforeAll(async () => {
    worker = await startWorkerServer();
  });

  afterAll(async () => {
    await worker?.dispose();
  });

  it('should breach a due deadline when run as of a later moment, and say what it did', async () => {
    const ws = await api<{ adminToken: string }>('POST', '/v1/workspaces', worker.adminSecret, {
      name: 'Sweep',
      timezone: 'Europe/Warsaw',
      language: 'en',
      country: 'PL',
    });
    const admin = ws.adminToken;
    const signer = async (side: string) => {
      const m = await api<{ id: string }>('POST', '/v1/members', admin, {
        name: `${side} lead`,
        email: `${side}@sweep.test`,
        side,
      });
      return (
        await api<{ token: string }>('POST', '/v1/tokens', admin, { role: side, label: side, memberId: m.id })
      ).token;
    };
    const [marketing, sales] = [await signer('marketing'), await signer('sales')];
    const version = await api<{ number: number }>('POST', '/v1/agreement/draft/propose', marketing);
    await api('POST', `/v1/agreement/versions/${version.number}/signatures`, marketing, {});
    await api('POST', `/v1/agreement/versions/${version.number}/signatures`, sales, {});
    const source = await api<{ id: string }>('POST', '/v1/sources', marketing, {
      name: 'Form',
      provider: 'generic',
      origin: 'marketing',
      createsLead: true,
    });
    const intake = await api<{ token: string }>('POST', '/v1/tokens', admin, {
      role: 'intake',
      label: 'form',
    });
    const { leadId } = await api<{ leadId: string }>('POST', `/v1/intake/${source.id}`, intake.token, {
      email: 'ola@huta.pl',
      phone: '+48 600 100 200',
      consent: true,
    });
    const before = await firstTouch(leadId, admin);
    expect(before.status).toBe('pending');

    const at = new Date(Date.parse(before.dueAt) + 60_000).toISOString();
    const { stdout } = await run('npm', ['run', '--silent', 'sweep', '--', '--at', at, '--url', worker.url], {
      cwd: ROOT,
      env: LOCAL_ENV,
    });
    expect(stdout.trim()).toBe(`Ran cron "* * * * *" as of ${at}: ok.`);
    expect((await firstTouch(leadId, admin)).status).toBe('breached');
  });

  it('should fail plainly when no Worker answers', async () => {
    const failed = await run('node', ['scripts/sweep.mjs', '--url', 'http://127.0.0.1:9'], {
      cwd: ROOT,
      env: LOCAL_ENV,
    }).catch((error: { code: number; stderr: string }) => error);
    expect('code' in failed && failed.code).toBe(1);
    expect('stderr' in failed && failed.stderr).toContain('start it with `npm start` first');
  });

  it('should read --at as given: with an offset exactly, without one in local time', () => {
    expect(instantOf('2026-12-02T09:05:00+01:00')).toBe(Date.UTC(2026, 11, 2, 8, 5));
    expect(instantOf('2026-12-02T09:05')).toBe(new Date(2026, 11, 2, 9, 5).getTime());
    expect(() => instantOf('next tuesday')).toThrow('--at next tuesday is not a date-time');
    expect(scheduledUrl('http://127.0.0.1:8787/', 1_780_000_000_000)).toBe(
      'http://127.0.0.1:8787/cdn-cgi/local/scheduled?cron=*%20*%20*%20*%20*&time=1780000000000&format=json',
    );
  });

  it('should use the trigger path wrangler dev serves here (/cdn-cgi/handler/ is its legacy alias)', async () => {
    for (const path of ['/cdn-cgi/local/scheduled', '/cdn-cgi/handler/scheduled']) {
      const res = await fetch(`${worker.url}${path}?cron=${encodeURIComponent('17 3 * * *')}&format=json`);
      expect(await res.json(), path).toEqual(expect.objectContaining({ outcome: 'ok' }));
    }
  });
});
