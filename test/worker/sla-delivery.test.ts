import { describe, expect, it } from 'vitest';
import { type Database, databaseFor } from '../../worker/db/client';
import type { OpenBody } from '../../worker/db/queries/notifications';
import { slot } from '../../worker/domain/privacy';
import { DELIVERY_MAX_ATTEMPTS, draftOf, verifySignatureHeader } from '../../worker/domain/sla';
import { webHost } from '../../worker/platform/web-host';
import { deliverOutbox as deliver, type Send } from '../../worker/services/notifications';
import { vaultOf } from '../../worker/services/privacy/vault';
import { sweepDeadlines } from '../../worker/services/sla';
import { call, env } from './harness';
import {
  addChannel,
  CLOSED_PORT_URL,
  createSlaWorkspace,
  opener,
  outboxOf,
  submitLeadAt,
} from './sla-fixtures';

/**
 * The outbox's retry and deduplication rules, with the transport passed in
 * (a real receiver on loopback is exercised in test/node/notifications.test.ts).
 */

/** The outbox verb at `now` (what the minute's sweep runs after its deadlines), called directly. */
const deliverOutbox = (db: Database, now: Date, send: Send, openBodies: OpenBody) =>
  deliver({ ctx: { db, now }, input: { send, openBodies } });

const MONDAY_9 = '2026-11-23T08:00:00Z';
const BREACHED = new Date('2026-11-23T12:00:00Z');

interface Sent {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * A transport that records every request and answers the ones `failing` picks (all by default) with the
 * given statuses in turn, then 200; every other request gets 200. A sweep delivers every workspace's
 * outbox, so a test picks its own requests (by URL or by `LeadPact-Delivery` key).
 */
function transport(
  statuses: number[] = [],
  failing: (s: Sent) => boolean = () => true,
): { send: Send; sent: Sent[] } {
  const sent: Sent[] = [];
  const send: Send = async (url, init) => {
    const request = {
      url,
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      body: String(init.body),
    };
    sent.push(request);
    return new Response('', { status: failing(request) ? (statuses.shift() ?? 200) : 200 });
  };
  return { send, sent };
}

const deliveryOf = (key: string | undefined) => (s: Sent) => s.headers['leadpact-delivery'] === key;

/** HMAC-SHA256 of `text` under `secret`, in hex, computed here rather than by the code under test. */
async function hmacSha256Hex(secret: string, text: string): Promise<string> {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey(
    'raw',
    enc.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(text)));
  return [...mac].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function breachOneLead(channel: { kind: string; url: string; topics?: string[] }) {
  const ws = await createSlaWorkspace();
  const added = await addChannel(ws, { topics: ['breached'], ...channel });
  const { leadId } = await submitLeadAt(ws, MONDAY_9);
  const db = databaseFor(env, ws.id);
  await sweepDeadlines({ ctx: { db, now: BREACHED, encryption: { key: env.LEADPACT_ENCRYPTION_KEY } } });
  return { ws, channel: added, leadId, db };
}

const at = (ms: number) => new Date(BREACHED.getTime() + ms);

describe('delivering the outbox', () => {
  it('should retry a failed delivery with exponential backoff and deliver it exactly once, signed', async () => {
    const { ws, channel, leadId, db } = await breachOneLead({ kind: 'webhook', url: CLOSED_PORT_URL });
    const [queued] = await outboxOf(ws.id);
    expect(queued).toMatchObject({ topic: 'breached', status: 'pending', attempts: 0 });
    const mine = deliveryOf(queued?.key);
    const { send, sent: all } = transport([503, 500], mine);

    await deliverOutbox(db, at(0), send, opener(db));
    expect((await outboxOf(ws.id))[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: at(60_000).toISOString(),
      lastError: 'HTTP 503',
    });
    await deliverOutbox(db, at(30_000), send, opener(db)); // too early: not claimed
    expect(all.filter(mine)).toHaveLength(1);
    await deliverOutbox(db, at(60_000), send, opener(db));
    expect((await outboxOf(ws.id))[0]).toMatchObject({
      attempts: 2,
      nextAttemptAt: at(180_000).toISOString(),
    });
    await deliverOutbox(db, at(180_000), send, opener(db));
    expect((await outboxOf(ws.id))[0]).toMatchObject({ status: 'delivered', attempts: 3, lastError: null });
    await deliverOutbox(db, at(3_600_000), send, opener(db));
    const sent = all.filter(mine);
    expect(sent).toHaveLength(3);

    // Every try is the same message under the same key, signed anew.
    expect(new Set(sent.map((s) => s.body)).size).toBe(1);
    expect(sent.map((s) => s.headers['leadpact-attempt'])).toEqual(['1', '2', '3']);
    const last = sent[2] as Sent;
    const signature = last.headers['leadpact-signature'] ?? '';
    const t = Number(/t=(\d+)/.exec(signature)?.[1]);
    expect(signature).toBe(`t=${t},v1=${await hmacSha256Hex(channel.secret ?? '', `${t}.${last.body}`)}`);
    expect(await verifySignatureHeader(signature, last.body, channel.secret ?? '', t, 300, webHost)).toBe(
      true,
    );
    expect(
      await verifySignatureHeader(signature, `${last.body} `, channel.secret ?? '', t, 300, webHost),
    ).toBe(false);
    expect(await verifySignatureHeader(signature, last.body, 'whsec_wrong', t, 300, webHost)).toBe(false);
    expect(
      await verifySignatureHeader(signature, last.body, channel.secret ?? '', t + 301, 300, webHost),
    ).toBe(false);
    const body = JSON.parse(last.body) as Record<string, unknown>;
    expect(body).toMatchObject({
      id: queued?.key,
      type: 'sla.breached',
      url: `https://leadpact.test/v1/leads/${leadId}`,
    });
  });

  it('should get a message to a receiver that answers 500 three times exactly once, and never again', async () => {
    const { ws, db } = await breachOneLead({ kind: 'webhook', url: CLOSED_PORT_URL });
    const [queued] = await outboxOf(ws.id);
    const mine = deliveryOf(queued?.key);
    const { send, sent: all } = transport([500, 500, 500], mine);
    // Sweeps an hour apart: every retry is due by the next one, whatever the backoff.
    for (let hour = 0; hour < 8; hour += 1) await deliverOutbox(db, at(hour * 3_600_000), send, opener(db));
    const sent = all.filter(mine);
    expect(sent.map((s) => s.headers['leadpact-attempt'])).toEqual(['1', '2', '3', '4']);
    expect(new Set(sent.map((s) => s.body)).size).toBe(1);
    expect((await outboxOf(ws.id))[0]).toMatchObject({ status: 'delivered', attempts: 4, lastError: null });
  });

  it('should send each message once when two sweeps deliver at the same time', async () => {
    const { ws, db } = await breachOneLead({ kind: 'webhook', url: CLOSED_PORT_URL });
    const { send, sent } = transport();
    await Promise.all([
      deliverOutbox(db, at(0), send, opener(db)),
      deliverOutbox(db, at(0), send, opener(db)),
      deliverOutbox(db, at(1), send, opener(db)),
    ]);
    const mine = (await outboxOf(ws.id))[0];
    expect(sent.filter((s) => s.headers['leadpact-delivery'] === mine?.key)).toHaveLength(1);
    expect(mine?.status).toBe('delivered');
  });

  it('should give up after the last attempt, and drop messages of a deleted channel unsent', async () => {
    const { ws, db } = await breachOneLead({ kind: 'webhook', url: CLOSED_PORT_URL });
    const [queued] = await outboxOf(ws.id);
    const mine = deliveryOf(queued?.key);
    const { send, sent } = transport(Array(DELIVERY_MAX_ATTEMPTS + 1).fill(500), mine);
    let t = 0;
    for (let i = 0; i < DELIVERY_MAX_ATTEMPTS + 1; i++) {
      await deliverOutbox(db, at(t), send, opener(db));
      t += 7 * 3_600_000; // past any backoff
    }
    expect((await outboxOf(ws.id))[0]).toMatchObject({ status: 'failed', attempts: DELIVERY_MAX_ATTEMPTS });
    expect(sent.filter(mine)).toHaveLength(DELIVERY_MAX_ATTEMPTS);

    const other = await breachOneLead({ kind: 'webhook', url: CLOSED_PORT_URL });
    const [unsent] = await outboxOf(other.ws.id);
    await call('DELETE', `/v1/notification-channels/${other.channel.id}`, { token: other.ws.tokens.admin });
    const quiet = transport();
    await deliverOutbox(other.db, at(0), quiet.send, opener(other.db));
    expect(quiet.sent.filter(deliveryOf(unsent?.key))).toEqual([]);
    expect((await outboxOf(other.ws.id))[0]).toMatchObject({
      key: unsent?.key,
      status: 'failed',
      lastError: 'The channel was deleted.',
    });
  });

  it('should post chat webhooks as text with a link, and make Google Chat retries idempotent by requestId', async () => {
    const chat = await breachOneLead({
      kind: 'google_chat',
      url: 'https://chat.googleapis.com/v1/spaces/AAAA/messages?key=k&token=t',
    });
    const slack = await breachOneLead({ kind: 'slack', url: 'https://hooks.slack.com/services/T0/B0/XX' });
    const { send, sent } = transport([500], (s) => s.url.startsWith('https://chat.googleapis.com/'));
    await deliverOutbox(chat.db, at(0), send, opener(chat.db));
    await deliverOutbox(chat.db, at(60_000), send, opener(chat.db));
    const toChat = sent.filter((s) => s.url.startsWith('https://chat.googleapis.com/'));
    expect(toChat).toHaveLength(2);
    const ids = toChat.map((s) => new URL(s.url).searchParams.get('requestId'));
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(ids[1]).toBe(ids[0]);
    expect(new URL(toChat[0]?.url ?? '').searchParams.get('token')).toBe('t');
    const chatText = (JSON.parse(toChat[0]?.body ?? '{}') as { text: string }).text;
    expect(chatText).toMatch(
      /^🔴 SLA breached: first touch for Jan Nowak\d+ \(Factory \d+\) was due 23 Nov 2026, 13:00\./,
    );
    expect(chatText).toContain(`<https://leadpact.test/v1/leads/${chat.leadId}|Open the lead>`);

    const toSlack = sent.filter((s) => s.url.startsWith('https://hooks.slack.com/'));
    expect(toSlack).toHaveLength(1);
    const slackBody = JSON.parse(toSlack[0]?.body ?? '{}') as { text: string };
    expect(Object.keys(slackBody)).toEqual(['text']);
    expect(slackBody.text).toContain(`<https://leadpact.test/v1/leads/${slack.leadId}|Open the lead>`);
    expect(toSlack[0]?.headers['leadpact-signature']).toBeUndefined();
  });
});

describe('erasing a lead with messages about it', () => {
  it('should blank the messages that name the person and never send the pending ones', async () => {
    const { ws, leadId, db } = await breachOneLead({ kind: 'webhook', url: CLOSED_PORT_URL });
    const before = await outboxOf(ws.id);
    expect(before).toHaveLength(1);
    const lead = (await (await call('GET', `/v1/leads/${leadId}`, { token: ws.tokens.admin })).json()) as {
      email: string;
    };
    // The body names the lead, but the row holds it only sealed with the message's own key.
    expect(before[0]?.body).toContain(leadId);
    const stored = await env.DB.prepare(
      'select body, body_key from notification_outbox where workspace_id = ?',
    )
      .bind(ws.id)
      .first<{ body: string; body_key: string }>();
    expect(stored?.body).toMatch(/^lps1\./);
    expect(stored?.body).not.toContain(leadId);
    expect(stored?.body).not.toContain(lead.email);

    expect((await call('DELETE', `/v1/leads/${leadId}`, { token: ws.tokens.admin })).status).toBe(200);
    const after = await env.DB.prepare(
      'select body, body_key as bodyKey, status from notification_outbox where workspace_id = ?',
    )
      .bind(ws.id)
      .all<{ body: string; status: string }>();
    expect(after.results).toEqual([{ body: '', bodyKey: null, status: 'failed' }]);
    // Its key is destroyed with it: the copies a database keeps of the old row are ciphertext nobody can open.
    const key = await env.DB.prepare(
      'select count(*) as n from person_keys where workspace_id = ? and id = ?',
    )
      .bind(ws.id, stored?.body_key ?? '')
      .first<{ n: number }>();
    expect(key?.n).toBe(0);
    expect(JSON.stringify(after.results)).not.toContain(lead.email);
    const { send, sent } = transport();
    await deliverOutbox(db, at(60_000), send, opener(db));
    expect(sent.filter(deliveryOf(before[0]?.key))).toEqual([]);
  });
});

describe('naming the lead in a notice', () => {
  it('should queue a notice without the lead’s name and name the lead as it is when the notice is sent', async () => {
    const ws = await createSlaWorkspace();
    await addChannel(ws, {
      kind: 'slack',
      url: 'https://hooks.slack.com/services/T1/B1/YY',
      topics: ['breached'],
    });
    const person = {
      email: 'ewa@huta-sendzimira.pl',
      firstName: 'Ewa',
      lastName: 'Nowak',
      company: 'Huta S',
    };
    const { leadId } = await submitLeadAt(ws, MONDAY_9, person);
    const db = databaseFor(env, ws.id);
    const ctx = { db, now: BREACHED, encryption: { key: env.LEADPACT_ENCRYPTION_KEY } };
    await sweepDeadlines({ ctx });

    // What the outbox holds, opened with the message's own key: the whole notice but the name.
    const stored = await env.DB.prepare(
      'select key, body, body_key from notification_outbox where workspace_id = ?',
    )
      .bind(ws.id)
      .all<{ key: string; body: string; body_key: string }>();
    expect(stored.results).toHaveLength(1);
    const [row] = stored.results;
    const vault = vaultOf(ctx, ws.id);
    await vault.load([row?.body_key ?? null]);
    const raw = (await vault.open(row?.body ?? '', slot.message(row?.key ?? ''))) ?? '';
    expect(draftOf(raw)).toMatchObject({ leadId, channelKind: 'slack' });
    expect(raw).not.toContain('Ewa');
    expect(raw).not.toContain('Nowak');

    // She writes again under her new name before the notice goes out: it names her as she is now.
    const again = await submitLeadAt(ws, '2026-11-23T12:00:30Z', { ...person, lastName: 'Kowalska' });
    expect(again.leadId).toBe(leadId);
    const { send, sent } = transport();
    await deliverOutbox(db, at(60_000), send, opener(db));
    const text = sent
      .filter((s) => s.url.startsWith('https://hooks.slack.com/services/T1/'))
      .map((s) => (JSON.parse(s.body) as { text: string }).text);
    expect(text).toHaveLength(1);
    expect(text[0]).toMatch(/^🔴 SLA breached: first touch for Ewa Kowalska \(Huta S\) was due /);
    expect(text[0]).not.toContain('Nowak');
  });
});
