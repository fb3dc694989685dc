import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAddon } from '../../../scripts/sheets-build.mjs';
import { startWorkerServer, type WorkerServer } from '../worker-server';
import { appsScriptContext, loadBundle } from './fakes/apps-script-globals';
import { type FailingProxy, startFailingProxy } from './fakes/failing-proxy';
import { fakeServices } from './fakes/fake-services';
import { SyncFetcher } from './fakes/sync-fetch';
import { api, type SeededTeam, seedTeam } from './team-seed';

/**
 * The Google Forms relay: the built bundle in a bare V8 context with the
 * fakes, posting to the real Worker's intake as a `google-forms` source.
 */
let server: WorkerServer;
let fetcher: SyncFetcher;
let team: SeededTeam;
let proxy: FailingProxy;

beforeAll(async () => {
  [server] = await Promise.all([startWorkerServer(), buildAddon()]);
  fetcher = new SyncFetcher();
  team = await seedTeam(server.url, server.adminSecret);
  proxy = await startFailingProxy(server.url);
}, 180_000);

afterAll(async () => {
  await proxy?.close();
  await fetcher?.close();
  await server?.dispose();
});

type Globals = Record<string, (...args: unknown[]) => unknown>;

async function linkedSheet() {
  let clock = Date.now();
  const fake = fakeServices({ fetcher, now: () => new Date(clock) });
  fake.documentProperties.values.set('LEADPACT_API_URL', server.url);
  fake.userProperties.values.set('LEADPACT_TOKEN', team.admin);
  const context = appsScriptContext(fake);
  // Apps Script's clock is the context's Date: the test moves it to let backoffs pass.
  context.Date = class extends Date {
    constructor(...args: ConstructorParameters<typeof Date> | []) {
      if (args.length === 0) super(clock);
      else super(...(args as ConstructorParameters<typeof Date>));
    }
    static override now() {
      return clock;
    }
  };
  const globals = (await loadBundle(context)) as Globals;
  const call = (name: string, ...args: unknown[]) => {
    const fn = globals[name];
    if (!fn) throw new Error(`the bundle has no ${name}`);
    return fn(...args);
  };
  const linked = call('linkGoogleForm') as { ok: boolean; sourceId: string };
  expect(linked.ok).toBe(true);
  return {
    fake,
    call,
    sourceId: linked.sourceId,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

let responses = 0;
function response(email: string) {
  responses += 1;
  const stamp = `01/12/2026 10:${String(responses).padStart(2, '0')}:00`;
  const namedValues = {
    Timestamp: [stamp],
    email: [email],
    phone: ['+48 600 100 200'],
    firstName: ['Olga'],
    company: ['Mill & Co'],
    consent: ['true'],
  };
  return { namedValues, values: [stamp, email, '+48 600 100 200', 'Olga', 'Mill & Co', 'true'] };
}

async function leadsFrom(sourceId: string) {
  const page = await api(server.url, 'GET', `/v1/leads?source=${sourceId}`, team.admin);
  return page.body.data as Array<{ email: string }>;
}

/**
 * The relay gets its 202 once the response is stored; the Worker's queue consumer judges it a
 * moment later. Reads the source's leads until `count` are there (at most 10 s), then answers them.
 */
async function judgedLeadsFrom(sourceId: string, count: number) {
  for (let i = 0; i < 100; i++) {
    const leads = await leadsFrom(sourceId);
    if (leads.length >= count) return leads;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return leadsFrom(sourceId);
}

const outboxRows = (fake: ReturnType<typeof fakeServices>) =>
  fake.spreadsheet
    .sheet('LeadPact outbox')
    .dump()
    .slice(1)
    .map((row) => ({ attempts: row[2], status: row[4], reason: row[5] }));

describe('relaying a linked Google Form', () => {
  it('should create the source once and install the form trigger and the outbox timer', async () => {
    const { fake, call, sourceId } = await linkedSheet();
    expect(fake.formSubmitTriggers).toEqual(['onFormSubmitInstalled']);
    expect(fake.triggers).toEqual([{ handler: 'retryFormOutbox', minutes: 5 }]);
    expect(fake.spreadsheet.sheet('LeadPact outbox').hidden).toBe(true);
    const again = call('linkGoogleForm') as { sourceId: string };
    expect(again.sourceId).toBe(sourceId);
    expect(fake.fetches.filter((f) => f.url.endsWith('/v1/sources'))).toHaveLength(1);
    // The secret stays in the document's properties, never in a cell.
    expect(JSON.stringify(fake.spreadsheet.sheet('LeadPact outbox').dump())).not.toContain('secret');
  });

  it('should deliver a response at once, signed, and store it once however often it is sent', async () => {
    const { fake, call, sourceId } = await linkedSheet();
    const event = response('olga@mill.pl');
    const first = call('onFormSubmitInstalled', event) as { status: string };
    expect(first.status).toBe('delivered');
    const post = fake.fetches.find((f) => f.url.includes('/v1/intake/'));
    expect(post?.headers['leadpact-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(post?.headers.authorization).toBeUndefined();
    // Google fires the trigger twice now and then: same key, one lead, one delivery.
    expect((call('onFormSubmitInstalled', event) as { status: string }).status).toBe('delivered');
    expect(await judgedLeadsFrom(sourceId, 1)).toHaveLength(1);
  });

  it('should keep a response while the Worker is down and deliver it exactly once after it comes back', async () => {
    const { fake, call, sourceId, advance } = await linkedSheet();
    fake.setUnreachable(true);
    const waiting = call('onFormSubmitInstalled', response('piotr@mill.pl')) as {
      status: string;
      reason: string;
    };
    expect(waiting.status).toBe('waiting');
    expect(waiting.reason).toContain('Address unavailable');
    expect(outboxRows(fake)).toEqual([{ attempts: 1, status: 'waiting', reason: expect.any(String) }]);
    // Nothing went to properties: the outbox is a sheet.
    expect([...fake.documentProperties.values.keys()].sort()).toEqual([
      'LEADPACT_API_URL',
      'LEADPACT_FORMS_RELAY',
    ]);

    // Before its backoff is over the timer does not even try.
    expect(call('retryFormOutbox')).toEqual({ tried: 0, delivered: 0, waiting: 1 });
    advance(61_000);
    expect(call('retryFormOutbox')).toEqual({ tried: 1, delivered: 0, waiting: 1 });
    expect(outboxRows(fake)[0]?.attempts).toBe(2);
    expect(await leadsFrom(sourceId)).toHaveLength(0);

    fake.setUnreachable(false);
    advance(60_000);
    // The second backoff (2 minutes) is not over yet.
    expect(call('retryFormOutbox')).toEqual({ tried: 0, delivered: 0, waiting: 1 });
    advance(61_000);
    expect(call('retryFormOutbox')).toEqual({ tried: 1, delivered: 1, waiting: 0 });
    expect(outboxRows(fake)).toEqual([{ attempts: 3, status: 'delivered', reason: '' }]);
    advance(3_600_000 - 300_000);
    expect(call('retryFormOutbox')).toEqual({ tried: 0, delivered: 0, waiting: 0 });
    const leads = await judgedLeadsFrom(sourceId, 1);
    expect(leads.map((l) => l.email)).toEqual(['piotr@mill.pl']);
  });

  it('should mark a response refused for good with the Worker’s reason and never retry it', async () => {
    const { fake, call, advance } = await linkedSheet();
    // A relay whose secret no longer matches (the source was re-created): 401, not worth retrying.
    const config = JSON.parse(fake.documentProperties.values.get('LEADPACT_FORMS_RELAY') ?? '{}');
    fake.documentProperties.values.set(
      'LEADPACT_FORMS_RELAY',
      JSON.stringify({ ...config, secret: 'not-the-secret-0000000000' }),
    );
    const refused = call('onFormSubmitInstalled', response('ola@mill.pl')) as {
      status: string;
      reason: string;
    };
    expect(refused.status).toBe('refused');
    expect(refused.reason).toContain('could not be verified');
    advance(7 * 3_600_000);
    const intakePosts = () => fake.fetches.filter((f) => f.url.includes('/v1/intake/')).length;
    const before = intakePosts();
    expect(call('retryFormOutbox')).toEqual({ tried: 0, delivered: 0, waiting: 0 });
    expect(intakePosts()).toBe(before);
    // Kept, with its reason: nothing is dropped.
    expect(outboxRows(fake)).toEqual([{ attempts: 1, status: 'refused', reason: refused.reason }]);
  });
});

describe('relaying through trouble (a failing proxy in front of the real Worker)', () => {
  /** Points the relay at the proxy in a given mode: `ok`, `down` (503), `lost` (stored, then 502) or `busy` (429). */
  const via = (fake: ReturnType<typeof fakeServices>, mode: 'ok' | 'down' | 'lost' | 'busy') =>
    fake.documentProperties.values.set('LEADPACT_API_URL', `${proxy.url}/${mode}`);

  async function leadDetail(leadId: string) {
    const lead = await api(server.url, 'GET', `/v1/leads/${leadId}`, team.admin);
    return lead.body as { touchCounts: Record<string, number>; events: Array<{ type: string }> };
  }

  it('should keep 5xx answers in the outbox, retry with backoff, and land the response exactly once', async () => {
    const { fake, call, sourceId, advance } = await linkedSheet();
    // The gateway loses the answer after the Worker stored the response: the relay cannot know it landed.
    via(fake, 'lost');
    const first = call('onFormSubmitInstalled', response('marta@mill.pl')) as {
      status: string;
      reason: string;
    };
    expect(first).toMatchObject({
      status: 'waiting',
      reason: 'LeadPact has trouble on its side (HTTP 502): try again in a few minutes.',
    });
    // Stored, then judged by the Worker's queue a moment later.
    expect(await judgedLeadsFrom(sourceId, 1)).toHaveLength(1);

    // Then the Worker is down: 503, still waiting, the wait doubles.
    via(fake, 'down');
    advance(61_000);
    expect(call('retryFormOutbox')).toEqual({ tried: 1, delivered: 0, waiting: 1 });
    expect(outboxRows(fake)).toEqual([
      { attempts: 2, status: 'waiting', reason: 'The proxy says the Worker is down.' },
    ]);
    via(fake, 'ok');
    advance(61_000);
    expect(call('retryFormOutbox')).toEqual({ tried: 0, delivered: 0, waiting: 1 });
    advance(60_000);
    expect(call('retryFormOutbox')).toEqual({ tried: 1, delivered: 1, waiting: 0 });
    expect(outboxRows(fake)).toEqual([{ attempts: 3, status: 'delivered', reason: '' }]);

    // Three posts of one response (same delivery key): one lead, one form touch, one creation.
    const statuses = fake.fetches.filter((f) => f.url.includes('/v1/intake/')).map((f) => f.status);
    // The third is a repeat of a delivery already judged: 200 with its lead.
    expect(statuses).toEqual([502, 503, 200]);
    const leads = (await judgedLeadsFrom(sourceId, 1)) as unknown as Array<{ id: string; email: string }>;
    expect(leads.map((l) => l.email)).toEqual(['marta@mill.pl']);
    const lead = await leadDetail(String(leads[0]?.id));
    expect(lead.touchCounts.form_submitted).toBe(1);
    expect(lead.events.filter((e) => e.type === 'created')).toHaveLength(1);
  });

  it('should wait as long as a 429’s Retry-After asks, then deliver once', async () => {
    const { fake, call, sourceId, advance } = await linkedSheet();
    via(fake, 'busy');
    const first = call('onFormSubmitInstalled', response('lena@mill.pl')) as {
      status: string;
      reason: string;
    };
    expect(first).toMatchObject({ status: 'waiting', reason: 'Slow down for two minutes.' });
    via(fake, 'ok');
    // The backoff alone would retry after a minute; the Worker asked for two.
    advance(61_000);
    expect(call('retryFormOutbox')).toEqual({ tried: 0, delivered: 0, waiting: 1 });
    advance(60_000);
    expect(call('retryFormOutbox')).toEqual({ tried: 1, delivered: 1, waiting: 0 });
    const leads = (await judgedLeadsFrom(sourceId, 1)) as unknown as Array<{ id: string; email: string }>;
    expect(leads.map((l) => l.email)).toEqual(['lena@mill.pl']);
    expect((await leadDetail(String(leads[0]?.id))).touchCounts.form_submitted).toBe(1);
  });

  it('should mark a response the Worker refuses (422) with its reason and never post it again', async () => {
    const { fake, call, sourceId, advance } = await linkedSheet();
    via(fake, 'ok');
    const stamp = '01/12/2026 11:59:00';
    // A response with no way to reach the person: the Worker refuses it for good.
    const refused = call('onFormSubmitInstalled', {
      namedValues: { Timestamp: [stamp], firstName: ['Nobody'], company: ['Mill & Co'] },
      values: [stamp, 'Nobody', 'Mill & Co'],
    }) as { status: string; reason: string };
    expect(refused.status).toBe('refused');
    expect(refused.reason).not.toBe('');
    const posts = () => fake.fetches.filter((f) => f.url.includes('/v1/intake/'));
    expect(posts().map((f) => f.status)).toEqual([422]);
    advance(7 * 3_600_000);
    expect(call('retryFormOutbox')).toEqual({ tried: 0, delivered: 0, waiting: 0 });
    expect(posts()).toHaveLength(1);
    expect(outboxRows(fake)).toEqual([{ attempts: 1, status: 'refused', reason: refused.reason }]);
    expect(await leadsFrom(sourceId)).toHaveLength(0);
  });
});
