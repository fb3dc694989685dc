import { createHmac, randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduledUrl } from '../../scripts/sweep.mjs';
import {
  additionalDataCandidates,
  additionalDataOpening,
  everyKey,
  keyRingOf,
  type Marked,
  openDatabaseCopy,
  openSealed,
  type Person,
  personOf,
  type SealedValue,
  scanDirectory,
  sealedValues,
} from './raw-bytes';
import { seedTeam } from './sheet/team-seed';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';
import { startWorkerServer, type WorkerServer } from './worker-server';

/**
 * The raw-bytes test of issue #16: people come in through every path that stores personal data
 * (the five forms providers, each signed as that provider signs; touches; actions with notes;
 * feedback; a CSV import; a notification that names them), are erased through the API, and then
 * every file wrangler keeps for the local D1 — the database, its WAL and shm, and anything else
 * under the persist directory — is read as bytes. Not one of their markers may be there, in any
 * encoding a path could store it in. A person who is not erased keeps every marker readable
 * through the API, so the test cannot pass by storing nothing.
 */

const RUN = randomBytes(4).toString('hex');
/** A key as the operator makes one (`openssl rand -base64 32`). */
const MASTER_KEY = randomBytes(32).toString('base64');
/** In the sources' names: not personal, stored as it is, so the scanner must find it. */
const SOURCE_MARKER = `sn${RUN}`;

/** The chat channel (`/down`) answers 500 so its message stays in the outbox, undelivered, until erasure. */
const startReceiver = () => startWebhookReceiver((request) => (request.path.startsWith('/down') ? 500 : 200));

const hmac = (secret: string, message: string) => createHmac('sha256', secret).update(message);

/** How each provider signs a raw body (README, "Connect your forms tool"). */
function signed(provider: string, secret: string, body: string): Record<string, string> {
  const now = Date.now();
  switch (provider) {
    case 'typeform':
      return { 'typeform-signature': `sha256=${hmac(secret, body).digest('base64')}` };
    case 'tally':
      return { 'tally-signature': hmac(secret, body).digest('base64') };
    case 'webflow':
      return {
        'x-webflow-timestamp': String(now),
        'x-webflow-signature': hmac(secret, `${now}:${body}`).digest('hex'),
      };
    default: {
      const t = Math.floor(now / 1000);
      return { 'leadpact-signature': `t=${t},v1=${hmac(secret, `${t}.${body}`).digest('hex')}` };
    }
  }
}

/** A Typeform `form_response` as Typeform posts it. */
function typeformBody(p: Person): string {
  const field = (id: string, type: string, ref: string, title: string) => ({ id, type, ref, title });
  return JSON.stringify({
    event_id: `ev${p.tag}`,
    event_type: 'form_response',
    form_response: {
      form_id: 'lT4Z3j',
      token: `tok${p.tag}`,
      submitted_at: new Date().toISOString(),
      hidden: { utm_campaign: 'raw-bytes' },
      definition: {
        id: 'lT4Z3j',
        title: 'Contact',
        fields: [
          field('f1', 'email', 'email', 'Your e-mail'),
          field('f2', 'short_text', 'first_name', 'First name'),
          field('f3', 'short_text', 'last_name', 'Last name'),
          field('f4', 'phone_number', 'phone', 'Phone'),
          field('f5', 'short_text', 'company', 'Company'),
          field('f6', 'long_text', 'message', 'How can we help?'),
          field('f7', 'legal', 'consent', p.consentText),
        ],
      },
      answers: [
        { type: 'email', email: p.email, field: { id: 'f1', type: 'email' } },
        { type: 'text', text: p.firstName, field: { id: 'f2', type: 'short_text' } },
        { type: 'text', text: p.lastName, field: { id: 'f3', type: 'short_text' } },
        { type: 'phone_number', phone_number: p.phone, field: { id: 'f4', type: 'phone_number' } },
        { type: 'text', text: p.company, field: { id: 'f5', type: 'short_text' } },
        { type: 'text', text: p.message, field: { id: 'f6', type: 'long_text' } },
        { type: 'boolean', boolean: true, field: { id: 'f7', type: 'legal' } },
      ],
    },
  });
}

/** A Tally `FORM_RESPONSE`: the consent is a single checkbox whose option is the wording. */
function tallyBody(p: Person): string {
  const input = (key: string, label: string, type: string, value: unknown) => ({ key, label, type, value });
  return JSON.stringify({
    eventId: `ev-${p.tag}`,
    eventType: 'FORM_RESPONSE',
    createdAt: new Date().toISOString(),
    data: {
      responseId: `r${p.tag}`,
      submissionId: `r${p.tag}`,
      formId: 'VwbNEw',
      formName: 'Contact',
      createdAt: new Date().toISOString(),
      fields: [
        input('q_first', 'First name', 'INPUT_TEXT', p.firstName),
        input('q_last', 'Last name', 'INPUT_TEXT', p.lastName),
        input('q_company', 'Company', 'INPUT_TEXT', p.company),
        input('q_email', 'Email', 'INPUT_EMAIL', p.email),
        input('q_phone', 'Phone number', 'INPUT_PHONE_NUMBER', p.phone),
        input('q_message', 'Message', 'TEXTAREA', p.message),
        {
          key: 'q_consent',
          label: 'Zgoda',
          type: 'CHECKBOXES',
          value: ['opt1'],
          options: [{ id: 'opt1', text: p.consentText }],
        },
      ],
    },
  });
}

/** A Webflow `form_submission` (v2): the consent checkbox's name is its wording. */
function webflowBody(p: Person): string {
  return JSON.stringify({
    triggerType: 'form_submission',
    payload: {
      name: 'Contact Us',
      siteId: '65427cf400e02b306eaa049c',
      data: {
        'First Name': p.firstName,
        'Last Name': p.lastName,
        email: p.email,
        'Phone Number': p.phone,
        Company: p.company,
        Message: p.message,
        [p.consentText]: true,
      },
      submittedAt: new Date().toISOString(),
      id: `wf${p.tag}`,
      formId: '65429eadebe8a9f3a30f62d0',
    },
  });
}

/** The canonical fields, as the generic endpoint and the Google Forms relay send them. */
function canonicalBody(p: Person): string {
  return JSON.stringify({
    email: p.email,
    phone: p.phone,
    firstName: p.firstName,
    lastName: p.lastName,
    company: p.company,
    title: p.title,
    message: p.message,
    consent: true,
    consentText: p.consentText,
    externalId: p.externalId,
  });
}

const BODIES: Record<string, (p: Person) => string> = {
  typeform: typeformBody,
  tally: tallyBody,
  webflow: webflowBody,
  generic: canonicalBody,
  'google-forms': canonicalBody,
};

describe('erasure leaves no byte of the person in the local D1', () => {
  let worker: WorkerServer;
  let receiver: WebhookReceiver;

  async function api<T>(
    method: string,
    path: string,
    token: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const res = await fetch(`${worker.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  async function cron(at: number) {
    const res = await fetch(scheduledUrl(worker.url, at));
    expect(await res.json()).toMatchObject({ outcome: 'ok' });
  }

  beforeAll(async () => {
    receiver = await startReceiver();
    worker = await startWorkerServer({
      vars: { LEADPACT_ALLOW_LOOPBACK_WEBHOOKS: 'true', LEADPACT_ENCRYPTION_KEY: MASTER_KEY },
    });
  });

  /** The test stops the Worker itself to read the files it leaves. */
  let stopped = false;

  afterAll(async () => {
    if (stopped) await rm(worker.persistDir, { recursive: true, force: true });
    else await worker?.dispose();
    await new Promise((r) => receiver?.server.close(r));
  });

  it('should leave no marker of an erased person in any file, and every marker of a kept one readable', async () => {
    // A team with a signed agreement, one sales rep (every MQL is hers), a manager, and a channel per kind.
    const team = await seedTeam(worker.url, worker.adminSecret);
    const admin = team.admin;
    const marketing = team.members.marketing.token;
    const sales = team.members.sales.token;
    const manager = team.members.management.token;
    await api('POST', '/v1/notification-channels', manager, {
      kind: 'webhook',
      name: 'CRM',
      url: `${receiver.url}/up`,
      topics: ['breached'],
    });
    await api('POST', '/v1/notification-channels', manager, {
      kind: 'slack',
      name: '#sales',
      url: `${receiver.url}/down`,
      topics: ['breached'],
    });

    const sources: Record<string, { id: string; secret: string }> = {};
    for (const provider of Object.keys(BODIES)) {
      sources[provider] = await api('POST', '/v1/sources', marketing, {
        name: `Form ${provider} ${SOURCE_MARKER}`,
        provider,
        origin: 'marketing',
        createsLead: true,
        // Webflow makes the secret itself; the source is told it.
        ...(provider === 'webflow' ? { secret: `wf_${RUN}_secret` } : {}),
      });
    }

    /** Posts a person's form as its provider signs it; answers the judged lead. */
    const submit = async (provider: string, p: Person): Promise<string> => {
      const source = sources[provider] as { id: string; secret: string };
      const body = BODIES[provider]?.(p) ?? '';
      const res = await fetch(`${worker.url}/v1/intake/${source.id}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          prefer: 'wait=5',
          ...signed(provider, source.secret, body),
        },
        body,
      });
      const answer = (await res.json()) as { leadId?: string; status?: string };
      expect(res.status, `${provider}: ${JSON.stringify(answer)}`).toBe(201);
      return answer.leadId as string;
    };

    // One person per provider; the generic one is also worked by sales, touched and imported again.
    const erased: Marked[] = [];
    for (const [i, provider] of Object.keys(BODIES).entries()) {
      const p = personOf(`${RUN}${i}`, i);
      erased.push({ person: p, leadId: await submit(provider, p), via: provider });
    }
    const kept = personOf(`${RUN}k`, 9);
    const keptLeadId = await submit('generic', kept);
    const worked = erased.find((e) => e.via === 'generic') as Marked;

    // Touches: one on a known person (the URL names her), one that makes a prospect of an unknown e-mail.
    const prospect = personOf(`${RUN}t`, 7);
    const touched = await api<{ data: { leadId: string; created: boolean }[] }>(
      'POST',
      '/v1/events',
      marketing,
      {
        events: [
          {
            email: worked.person.email,
            type: 'pricing_view',
            url: worked.person.url,
            occurredAt: new Date().toISOString(),
          },
          {
            email: prospect.email,
            type: 'webinar_attended',
            url: prospect.url,
            occurredAt: new Date().toISOString(),
          },
          { leadId: keptLeadId, type: 'pricing_view', url: kept.url, occurredAt: new Date().toISOString() },
        ],
      },
    );
    expect(touched.data.map((d) => d.created)).toEqual([false, true, false]);
    erased.push({ person: prospect, leadId: touched.data[1]?.leadId as string, via: 'touch' });

    // A CSV import: a person only the list knows, with an external id and a note-like consent text.
    const imported = personOf(`${RUN}c`, 8);
    const csv = [
      'email,phone,firstName,lastName,company,title,externalId,consent,consentText,stage',
      [
        imported.email,
        imported.phone,
        imported.firstName,
        imported.lastName,
        imported.company,
        imported.title,
        imported.externalId,
        'yes',
        imported.consentText,
        'sql',
      ].join(','),
    ].join('\n');
    const importRes = await fetch(`${worker.url}/v1/import?importKey=${encodeURIComponent(`list-${RUN}`)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${marketing}`, 'content-type': 'text/csv' },
      body: csv,
    });
    const importAnswer = (await importRes.json()) as { results: { status: string; leadId: string }[] };
    expect(importRes.status, JSON.stringify(importAnswer)).toBe(200);
    expect(importAnswer.results.map((r) => r.status)).toEqual(['created']);
    erased.push({ person: imported, leadId: importAnswer.results[0]?.leadId as string, via: 'import' });

    // Sales works the person and the kept one: notes, an idempotent attempt (its answer is stored), feedback.
    for (const [leadId, p] of [
      [worked.leadId, worked.person],
      [keptLeadId, kept],
    ] as const) {
      await api(
        'POST',
        `/v1/leads/${leadId}/actions`,
        sales,
        {
          type: 'attempt',
          channel: 'phone',
          outcome: 'connected',
          note: p.note,
        },
        { 'idempotency-key': `attempt-${p.tag}` },
      );
      await api('POST', `/v1/leads/${leadId}/actions`, sales, { type: 'accept', note: p.note });
      await api('POST', `/v1/leads/${leadId}/actions`, sales, {
        type: 'feedback',
        answers: { conversation: 4, as_promised: true, best_contacts: p.feedback, missing_info: p.feedback },
        note: p.note,
      });
    }

    // A breach of the first person of each provider's form: both channels get a message naming her; the chat's
    // stays undelivered in the outbox (its receiver answers 500).
    const detail = await api<{ sla: { deadlines: { kind: string; dueAt: string }[] } }>(
      'GET',
      `/v1/leads/${erased[1]?.leadId}`,
      admin,
    );
    const firstTouch = detail.sla.deadlines.find((d) => d.kind === 'first_touch');
    expect(firstTouch).toBeDefined();
    await cron(Date.parse(firstTouch?.dueAt ?? '') + 60_000);
    const named = (p: Person) =>
      receiver.received.some(({ body }) => body.toLowerCase().includes(p.lastName.toLowerCase()));
    expect(erased.filter((e) => e.via !== 'touch' && e.via !== 'import').some((e) => named(e.person))).toBe(
      true,
    );

    // Before erasure every path really stored its markers: the export names each one.
    for (const e of erased) {
      const exported = JSON.stringify(await api('GET', `/v1/leads/${e.leadId}/export`, admin)).toLowerCase();
      for (const marker of e.person.storedBy(e.via)) {
        expect(exported, `${e.via} stores ${marker}`).toContain(marker.toLowerCase());
      }
    }

    // Before erasure, read independently of the Worker: each person's data is sealed under their own key, and
    // the same decryption that later fails opens it now (with the additional data it is bound to).
    const masters = [Buffer.from(MASTER_KEY, 'base64')];
    const before = await openDatabaseCopy(worker.persistDir);
    const ringBefore = keyRingOf(before, masters);
    const erasedLeads = new Set(erased.map((e) => e.leadId));
    const erasedKeyIds = new Set(
      [...ringBefore.personKeys].filter(([, k]) => k.leadId && erasedLeads.has(k.leadId)).map(([id]) => id),
    );
    const sealedOfErased: { value: SealedValue; ad: string }[] = [];
    for (const e of erased) {
      const own = [...ringBefore.personKeys].filter(([, k]) => k.leadId === e.leadId);
      expect(own.length, `${e.via} has a person key`).toBeGreaterThan(0);
      const plain: string[] = [];
      for (const value of sealedValues(before)) {
        const key = own.find(([id]) => id === value.keyId)?.[1].key;
        if (!key) continue;
        const ad = additionalDataOpening(value, key);
        expect(ad, `${value.table}.${value.column} opens with its own key`).not.toBeNull();
        sealedOfErased.push({ value, ad: ad as string });
        plain.push((openSealed(value.sealed, key, ad as string) as Buffer).toString('utf8').toLowerCase());
      }
      for (const marker of e.person.storedBy(e.via))
        expect(plain.join(' '), `${e.via}: ${marker} is sealed with the person's key`).toContain(marker);
    }
    before.close();

    for (const e of erased) await api('DELETE', `/v1/leads/${e.leadId}`, admin);

    // Every file at once, while the Worker runs (the WAL's frames not yet checkpointed), and after it stopped.
    const markers = erased.flatMap((e) => e.person.markers());
    const running = await scanDirectory(worker.persistDir, markers);
    expect(running.files.some((f) => f.endsWith('.sqlite'))).toBe(true);
    expect(running.found).toEqual([]);

    // The kept person is whole through the API: the control that markers were stored at all.
    const keptExport = JSON.stringify(
      await api('GET', `/v1/leads/${keptLeadId}/export`, admin),
    ).toLowerCase();
    for (const marker of kept.storedBy('worked')) expect(keptExport, marker).toContain(marker.toLowerCase());

    await worker.worker.dispose();
    stopped = true;
    const after = await scanDirectory(worker.persistDir, markers);
    expect(after.found).toEqual([]);
    // The scanner sees what is there: the sources' names, which are not personal, are found in the same files.
    const control = await scanDirectory(worker.persistDir, [SOURCE_MARKER]);
    expect(control.found.some((f) => f.includes('.sqlite'))).toBe(true);

    // Their keys are gone, and no key left in the system — any workspace data key the master opens, any person
    // key those open — opens what was sealed for them: neither the values read before, nor any value left that
    // names a key that no longer exists.
    const left = await openDatabaseCopy(worker.persistDir);
    const ring = keyRingOf(left, masters);
    expect([...ring.personKeys.keys()].filter((id) => erasedKeyIds.has(id))).toEqual([]);
    expect(ring.personKeys.size).toBeGreaterThan(0);
    const keysLeft = everyKey(ring);
    let tries = 0;
    for (const { value, ad } of sealedOfErased)
      for (const key of keysLeft) {
        tries += 1;
        expect(openSealed(value.sealed, key, ad), `${value.table}.${value.column}`).toBeNull();
      }
    const data = sealedValues(left).filter((v) => v.table !== 'workspace_keys' && v.table !== 'person_keys');
    // Data is sealed with person keys only: a value under a workspace or master key could never be erased.
    expect(data.filter((v) => !v.keyId.startsWith('pk')).map((v) => `${v.table}.${v.column}`)).toEqual([]);
    const orphans = data.filter((v) => !ring.personKeys.has(v.keyId));
    expect(orphans.length).toBeGreaterThan(0);
    for (const value of orphans)
      for (const ad of additionalDataCandidates(value))
        for (const key of keysLeft) {
          tries += 1;
          expect(openSealed(value.sealed, key, ad), `${value.table}.${value.column}`).toBeNull();
        }
    expect(tries).toBeGreaterThan(0);
    left.close();
  });
});
