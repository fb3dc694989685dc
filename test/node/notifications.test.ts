import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduledUrl } from '../../scripts/sweep.mjs';
import { launchChromium } from './chromium';
import { type Received, startWebhookReceiver } from './webhook-receiver';
import { startWorkerServer, type WorkerServer } from './worker-server';

/**
 * The SLA clock's notifications against a real HTTP receiver: the real Worker
 * (wrangler's dev server, workerd, a migrated local D1) posts to a `node:http`
 * server on 127.0.0.1. Nothing is mocked: the cron is fired through the
 * Worker's `scheduled` handler with a chosen `scheduledTime`.
 */

/** A webhook receiver that answers 500 to the first delivery of each type in `failFirst`, 200 otherwise. */
async function startReceiver() {
  const failFirst = new Set<string>();
  const receiver = await startWebhookReceiver((request, before) => {
    const key = String(request.headers['leadpact-delivery'] ?? '');
    const type = (() => {
      try {
        return String((JSON.parse(request.body) as { type?: string }).type ?? '');
      } catch {
        return '';
      }
    })();
    const fail = failFirst.has(type) && !before.some((r) => r.headers['leadpact-delivery'] === key);
    return fail ? 500 : 200;
  });
  return { ...receiver, failFirst };
}

/** Checks `LeadPact-Signature: t=…,v1=…` as a receiver would: HMAC-SHA256 over "t.body", fresh timestamp. */
function verify(header: string, body: string, secret: string): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  const given = Buffer.from(parts.v1 ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function waitFor<T>(what: string, probe: () => T | undefined, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('SLA notifications reach a real receiver', () => {
  let worker: WorkerServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

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

  /**
   * Fires the every-minute cron at `at`. wrangler's `Worker.scheduled()` looks the Worker up in its proxy's
   * Miniflare and fails ("worker not found"), so this uses the trigger endpoint wrangler dev enables
   * (`unsafeTriggerHandlers`), which dispatches to the same `scheduled` handler and waits for it.
   */
  async function cron(at: number) {
    const res = await fetch(scheduledUrl(worker.url, at));
    expect(await res.json()).toMatchObject({ outcome: 'ok' });
  }

  beforeAll(async () => {
    receiver = await startReceiver();
    worker = await startWorkerServer({ vars: { LEADPACT_ALLOW_LOOPBACK_WEBHOOKS: 'true' } });
  });

  afterAll(async () => {
    await worker?.dispose();
    await new Promise((r) => receiver?.server.close(r));
  });

  it('should deliver a breach, signed, in Polish, linking to the lead, and a retried failure exactly once', async () => {
    // A Polish team with a signed agreement, its sales and management leads, a contact form.
    const ws = await api<{ id: string; adminToken: string }>('POST', '/v1/workspaces', worker.adminSecret, {
      name: 'Stalmet',
      timezone: 'Europe/Warsaw',
      language: 'pl',
      country: 'PL',
    });
    const admin = ws.adminToken;
    const person = async (side: string, role: string, name: string) => {
      const m = await api<{ id: string }>('POST', '/v1/members', admin, {
        name,
        email: `${side}@stalmet.test`,
        side,
      });
      const t = await api<{ token: string }>('POST', '/v1/tokens', admin, {
        role,
        label: name,
        memberId: m.id,
      });
      return { id: m.id, token: t.token };
    };
    const marketing = await person('marketing', 'marketing', 'Ewa Marketing');
    const sales = await person('sales', 'sales', 'Adam Sprzedaż');
    const manager = await person('management', 'manager', 'Olga Zarząd');
    const version = await api<{ number: number }>('POST', '/v1/agreement/draft/propose', marketing.token);
    await api('POST', `/v1/agreement/versions/${version.number}/signatures`, marketing.token, {});
    await api('POST', `/v1/agreement/versions/${version.number}/signatures`, sales.token, {});
    const intake = await api<{ token: string }>('POST', '/v1/tokens', admin, {
      role: 'intake',
      label: 'form',
    });
    const source = await api<{ id: string }>('POST', '/v1/sources', marketing.token, {
      name: 'Formularz kontaktowy',
      provider: 'generic',
      origin: 'marketing',
      createsLead: true,
    });

    // The team's webhook (signed) and its Slack-style chat channel both point at the receiver.
    const hook = await api<{ id: string; secret: string }>(
      'POST',
      '/v1/notification-channels',
      manager.token,
      {
        kind: 'webhook',
        name: 'CRM',
        url: `${receiver.url}/hooks/leadpact`,
        topics: ['breached', 'escalated'],
      },
    );
    await api('POST', '/v1/notification-channels', manager.token, {
      kind: 'slack',
      name: '#sprzedaz',
      url: `${receiver.url}/slack`,
      topics: ['breached'],
    });
    receiver.failFirst.add('sla.breached');

    const { leadId } = await api<{ leadId: string }>('POST', `/v1/intake/${source.id}`, intake.token, {
      email: 'jan.kowalski@hutmen.pl',
      phone: '+48 600 100 200',
      firstName: 'Jan',
      lastName: 'Kowalski',
      company: 'Hutmen',
      consent: true,
    });
    const lead = await api<{
      stage: string;
      sla: { deadlines: { kind: string; dueAt: string; escalateAt: string }[] };
    }>('GET', `/v1/leads/${leadId}`, admin);
    expect(lead.stage).toBe('mql');
    const first = lead.sla.deadlines.find((d) => d.kind === 'first_touch');
    if (!first) throw new Error('no first-touch deadline');
    const due = Date.parse(first.dueAt);

    // The first cron after the due time records the breach and tries both channels; the webhook answers 500.
    await cron(due + 60_000);
    const isBreach = (r: Received) => r.path === '/hooks/leadpact' && r.body.includes('"sla.breached"');
    await waitFor('the first try', () => receiver.received.find(isBreach));
    await waitFor('the chat post', () => receiver.received.find((r) => r.path === '/slack'));
    expect(receiver.received.filter(isBreach).map((r) => r.status)).toEqual([500]);

    // Too early for the retry (backoff one minute), then the retry, then later runs: delivered once.
    await cron(due + 90_000);
    expect(receiver.received.filter(isBreach)).toHaveLength(1);
    await cron(due + 121_000);
    await waitFor('the retry', () => (receiver.received.filter(isBreach).length === 2 ? true : undefined));
    await cron(due + 300_000);
    await cron(due + 301_000);
    const tries = receiver.received.filter(isBreach);
    expect(tries.map((r) => r.status)).toEqual([500, 200]);
    expect(new Set(tries.map((r) => r.headers['leadpact-delivery'])).size).toBe(1);
    expect(tries.map((r) => r.headers['leadpact-attempt'])).toEqual(['1', '2']);
    expect(receiver.received.filter((r) => r.path === '/slack')).toHaveLength(1);

    const delivered = tries[1] as Received;
    expect(verify(String(delivered.headers['leadpact-signature']), delivered.body, hook.secret)).toBe(true);
    expect(verify(String(delivered.headers['leadpact-signature']), delivered.body, 'whsec_not-it')).toBe(
      false,
    );
    const message = JSON.parse(delivered.body) as {
      type: string;
      language: string;
      text: string;
      url: string;
      lead: { id: string; url: string };
      recipients: { memberId: string; role: string }[];
    };
    expect(message.type).toBe('sla.breached');
    expect(message.language).toBe('pl');
    expect(message.text).toMatch(
      /^🔴 Naruszenie SLA: pierwszy kontakt dla Jan Kowalski \(Hutmen\) — termin minął /,
    );
    expect(message.text).toContain('Opiekun: Adam Sprzedaż.');
    // The message's link is the signed read-only page a person can open; machines keep the API URL.
    expect(message.url).toMatch(new RegExp(`^${worker.url}/l/${ws.id}/${leadId}\\?exp=\\d+&sig=[\\w-]+$`));
    expect(message.lead).toEqual({ id: leadId, url: `${worker.url}/v1/leads/${leadId}` });
    // Owner and sales lead are the same person here: named once.
    expect(message.recipients).toEqual([expect.objectContaining({ memberId: sales.id, role: 'owner' })]);
    const apiLead = await fetch(message.lead.url, { headers: { authorization: `Bearer ${admin}` } });
    expect(apiLead.status).toBe(200);

    // Clicked from chat: no token, a page in real Chromium, in Polish, naming the lead and its breach.
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      const opened = await page.goto(message.url);
      expect(opened?.status()).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe('pl');
      await expect(page.locator('h1').textContent()).resolves.toBe('Jan Kowalski (Hutmen)');
      const body = (await page.locator('body').textContent()) ?? '';
      expect(body).toContain('Opiekun');
      expect(body).toContain('Adam Sprzedaż');
      expect(body).toMatch(/pierwszy kontakt — termin .*: po terminie/);
      for (const hidden of ['jan.kowalski@hutmen.pl', '600 100 200', '+48600100200'])
        expect(body).not.toContain(hidden);
      await page.screenshot({ path: 'test-artifacts/lead-page.png', fullPage: true });
      expect(errors).toEqual([]);
      const forged = await page.goto(message.url.replace(/.{4}$/, 'AAAA'));
      expect(forged?.status()).toBe(404);
    } finally {
      await browser.close();
    }

    const chat = JSON.parse((receiver.received.find((r) => r.path === '/slack') as Received).body) as {
      text: string;
    };
    expect(chat.text).toContain('Naruszenie SLA');
    expect(chat.text).toContain(`<${message.url}|Otwórz leada>`);

    // Still breached one span later: the manager hears of it.
    await cron(Date.parse(first.escalateAt) + 60_000);
    const escalation = await waitFor('the escalation', () =>
      receiver.received.find((r) => r.path === '/hooks/leadpact' && r.body.includes('"sla.escalated"')),
    );
    const escalated = JSON.parse(escalation.body) as {
      text: string;
      recipients: { memberId: string; role: string }[];
    };
    expect(escalated.text).toMatch(/^🚨 Nadal po terminie: pierwszy kontakt dla Jan Kowalski/);
    expect(escalated.recipients).toEqual([
      expect.objectContaining({ memberId: manager.id, role: 'manager' }),
    ]);
  });
});
