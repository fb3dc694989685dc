import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STEPS, type DemoState, seedDemo } from '../../../scripts/seed.mjs';
import { buildAddon } from '../../../scripts/sheets-build.mjs';
import { startWorkerServer, type WorkerServer } from '../worker-server';
import { appsScriptContext, loadBundle } from './fakes/apps-script-globals';
import { type FakeServices, fakeServices } from './fakes/fake-services';
import { SyncFetcher } from './fakes/sync-fetch';

/**
 * "Keep this sheet live" from the built add-on against the real Worker, which
 * holds a deployment service account: the sheet sends its own id (nobody copies
 * it) under the clicking person's token, and shows the e-mail to share with.
 */
const SERVICE_ACCOUNT = 'leadpact-push@demo-project.iam.gserviceaccount.com';
let server: WorkerServer;
let demo: DemoState;
let stateDir = '';
const fetcher = new SyncFetcher();
let fake: FakeServices;
let addon: Record<string, (...args: unknown[]) => unknown>;

async function status(token: string) {
  const res = await fetch(`${server.url}/v1/sheet/status`, { headers: { authorization: `Bearer ${token}` } });
  return (await res.json()) as { connected: boolean; spreadsheetId: string | null };
}

beforeAll(async () => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = {
    type: 'service_account',
    project_id: 'demo-project',
    private_key_id: 'k1',
    private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    client_email: SERVICE_ACCOUNT,
    token_uri: 'http://127.0.0.1:9/token',
  };
  await buildAddon();
  server = await startWorkerServer({
    vars: {
      GOOGLE_SERVICE_ACCOUNT_JSON: JSON.stringify(key),
      LEADPACT_ENCRYPTION_KEY: Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64'),
    },
  });
  stateDir = await mkdtemp(join(tmpdir(), 'leadpact-keep-live-'));
  demo = await seedDemo({
    baseUrl: server.url,
    adminSecret: server.adminSecret,
    stateFile: join(stateDir, 'state.json'),
    steps: DEMO_STEPS,
  });
  fake = fakeServices({ fetcher });
  addon = await loadBundle(appsScriptContext(fake));
}, 240_000);

afterAll(async () => {
  await fetcher.close();
  await server?.dispose();
  if (stateDir) await rm(stateDir, { recursive: true, force: true });
});

describe('Keep this sheet live, from the sidebar', () => {
  it('should refuse a sales person and connect nothing', async () => {
    addon.saveConnection?.({ apiUrl: server.url, token: demo.tokens.sales });
    const result = addon.keepSheetLive?.() as { ok: boolean; message: string };
    expect(result.ok).toBe(false);
    expect(result.message.length).toBeGreaterThan(0);
    expect((await status(demo.tokens.admin ?? '')).connected).toBe(false);
  });

  it("should send this spreadsheet's own id for an admin and answer the e-mail to share it with", async () => {
    addon.saveConnection?.({ apiUrl: server.url, token: demo.tokens.admin });
    fake.log.reset();
    const result = addon.keepSheetLive?.() as { ok: boolean; serviceAccountEmail: string };
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true, serviceAccountEmail: SERVICE_ACCOUNT });
    expect(fake.log.count('UrlFetchApp.fetch')).toBe(1);
    const now = await status(demo.tokens.admin ?? '');
    expect(now.connected).toBe(true);
    expect(now.spreadsheetId).toBe(fake.spreadsheet.getId());
  });

  it('should show the live push as on when the sidebar opens, and why pushes fail while Google cannot be reached', async () => {
    const on = addon.getLiveSheetStatus?.() as { ok: boolean; connected: boolean; lastError: string | null };
    expect(on).toMatchObject({ ok: true, connected: true, lastError: null });
    // A new lead is owed to the sheet; the key's token endpoint (a closed loopback port) cannot answer.
    const intake = await fetch(`${server.url}/v1/intake/${demo.sources?.contact?.id ?? ''}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${demo.tokens.intake ?? ''}`,
        'content-type': 'application/json',
        prefer: 'wait=5',
      },
      body: JSON.stringify({ email: 'live@push.test', phone: '+48 600 555 444', consent: true }),
    });
    expect(intake.status).toBeLessThan(300);
    const sweep = await fetch(
      `${server.url}/cdn-cgi/local/scheduled?cron=${encodeURIComponent('* * * * *')}&time=${Date.now()}`,
    );
    expect(sweep.status).toBe(200);
    // The sweep finishes in waitUntil, after the answer: wait for its outcome, bounded.
    for (let i = 0; i < 50; i++) {
      const res = await fetch(`${server.url}/v1/sheet/status`, {
        headers: { authorization: `Bearer ${demo.tokens.admin ?? ''}` },
      });
      if (((await res.json()) as { lastError: unknown }).lastError) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const stopped = addon.getLiveSheetStatus?.() as { connected: boolean; lastError: string | null };
    expect(stopped.connected).toBe(true);
    expect(stopped.lastError).toEqual(expect.any(String));
  });
});
