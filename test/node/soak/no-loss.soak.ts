import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkerServer, type WorkerServer } from '../worker-server';

/**
 * No loss under load (issue 15), against the real Worker under wrangler dev
 * with its real Queue consumer and local D1, behind the soak's fault entry
 * (test/node/soak/fault-entry.ts). `SOAK_DELIVERIES` sizes the run (10,000 in
 * `npm run soak`, less while iterating), `SOAK_CONNECTIONS` the senders in flight.
 *
 * Of every ten sends: one repeats an earlier delivery exactly (same key, same
 * body), one is an earlier person with a new body, one is forced to fail once
 * (a 503 from the intake store, a judge that throws, a consumer batch that
 * throws, or a queue message never sent, in turn); the rest are new people.
 * Recovery is the normal one: the sender retries a 429/503 after its
 * Retry-After, Queues retries a failed batch, the minute cron picks up what the
 * queue never judged, an admin re-judges what failed. Then everything is counted.
 */
const SIZE = Number(process.env.SOAK_DELIVERIES ?? 1000);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 100);
/** Spread so that no form passes its own abuse limit (600 deliveries a minute) and no token the API's (1,200). */
const SOURCES = 40;
const INTAKE_TOKENS = 20;
/** How many times a sender tries one delivery (Tally tries five; we allow more so a slow run is not a loss). */
const SENDER_TRIES = 8;
/** How long the suite waits for the queue and the cron to judge everything. */
const DRAIN_MS = 15 * 60_000;

type Kind = 'new' | 'duplicate' | 'same person' | 'fault 503' | 'fault judge' | 'fault queue' | 'fault lost';

const FAULTS = ['fault 503', 'fault judge', 'fault queue', 'fault lost'] as const;

interface Send {
  kind: Kind;
  key: string;
  email: string;
  source: number;
  body: Record<string, unknown>;
}

interface Answer {
  status: number;
  retryAfter: string | null;
  problem: boolean;
}

interface Outcome {
  send: Send;
  answers: Answer[];
  location: string | null;
  network: number;
}

function plan(size: number): Send[] {
  const sends: Send[] = [];
  for (let i = 0; i < size; i++) {
    const slot = i % 10;
    const earlier = (back: number) => sends[i - back];
    const duplicateOf = slot === 0 ? earlier(5) : undefined;
    if (duplicateOf) {
      sends.push({ ...duplicateOf, kind: 'duplicate' });
      continue;
    }
    const samePerson = slot === 1 ? earlier(4) : undefined;
    const kind: Kind = samePerson
      ? 'same person'
      : slot === 2
        ? (FAULTS[Math.floor(i / 10) % FAULTS.length] ?? 'fault 503')
        : 'new';
    const email = samePerson?.email ?? `soak.${i}@buyer-${i % 500}.example`;
    const fault = kind.startsWith('fault ') ? kind.slice('fault '.length) : undefined;
    sends.push({
      kind,
      key: `soak-${i}`,
      email,
      source: i % SOURCES,
      body: {
        email,
        firstName: 'Soak',
        lastName: `Buyer ${i}`,
        company: `Buyer ${i % 500}`,
        title: i % 3 === 0 ? 'CEO' : 'Engineer',
        consent: true,
        message: `Send ${i}: please call me about the offer.`,
        ...(fault ? { soakFault: fault } : {}),
      },
    });
  }
  return sends;
}

async function api<T>(
  server: WorkerServer,
  method: string,
  path: string,
  token: string,
  json?: unknown,
  expected = [200, 201],
): Promise<T> {
  for (;;) {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: json !== undefined ? JSON.stringify(json) : undefined,
    });
    const text = await res.text();
    const retryAfter = res.headers.get('retry-after');
    if ((res.status === 429 || res.status === 503) && retryAfter) {
      await new Promise((r) => setTimeout(r, Number(retryAfter) * 1000));
      continue;
    }
    if (!expected.includes(res.status))
      throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : null) as T;
  }
}

/** Runs `work` over `items` with `connections` in flight. */
async function pool<T, R>(items: readonly T[], connections: number, work: (item: T) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(connections, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i] as T);
      }
    }),
  );
  return results;
}

interface Seeded {
  workspaceId: string;
  admin: string;
  intake: string[];
  sources: string[];
}

async function seed(server: WorkerServer): Promise<Seeded> {
  const ws = await api<{ id: string; adminToken: string }>(
    server,
    'POST',
    '/v1/workspaces',
    server.adminSecret,
    {
      name: 'Soak',
      timezone: 'Europe/Warsaw',
      language: 'en',
      country: 'PL',
    },
  );
  const admin = ws.adminToken;
  const signer = async (side: string, role: string, name: string) => {
    const member = await api<{ id: string }>(server, 'POST', '/v1/members', admin, {
      name,
      email: `${name.split(' ')[0]?.toLowerCase()}@soak.test`,
      side,
    });
    return (
      await api<{ token: string }>(server, 'POST', '/v1/tokens', admin, {
        role,
        label: `${role} (soak)`,
        memberId: member.id,
      })
    ).token;
  };
  const marketing = await signer('marketing', 'marketing', 'Marta Nowak');
  const sales = await signer('sales', 'sales', 'Sorin Popescu');
  // A signed agreement: deliveries are scored, become MQLs, are routed and start SLA clocks, as in production.
  const version = await api<{ number: number }>(server, 'POST', '/v1/agreement/draft/propose', marketing);
  for (const token of [marketing, sales]) {
    await api(server, 'POST', `/v1/agreement/versions/${version.number}/signatures`, token, {});
  }
  const intake: string[] = [];
  for (let i = 0; i < INTAKE_TOKENS; i++) {
    intake.push(
      (
        await api<{ token: string }>(server, 'POST', '/v1/tokens', admin, {
          role: 'intake',
          label: `intake ${i}`,
        })
      ).token,
    );
  }
  const sources: string[] = [];
  for (let i = 0; i < SOURCES; i++) {
    const source = await api<{ id: string }>(server, 'POST', '/v1/sources', marketing, {
      name: `Form ${i + 1}`,
      provider: 'generic',
      origin: 'marketing',
      createsLead: true,
    });
    sources.push(source.id);
  }
  return { workspaceId: ws.id, admin, intake, sources };
}

/** One sender: retries a 429/503 after its Retry-After (and a dropped connection), as a forms tool does. */
async function deliver(server: WorkerServer, seeded: Seeded, send: Send, index: number): Promise<Outcome> {
  const outcome: Outcome = { send, answers: [], location: null, network: 0 };
  const body = JSON.stringify(send.body);
  for (let tries = 0; tries < SENDER_TRIES; tries++) {
    let res: Response;
    try {
      res = await fetch(`${server.url}/v1/intake/${seeded.sources[send.source]}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${seeded.intake[index % seeded.intake.length]}`,
          'content-type': 'application/json',
          'idempotency-key': send.key,
        },
        body,
      });
    } catch {
      outcome.network += 1;
      await new Promise((r) => setTimeout(r, 1000));
      continue;
    }
    await res.arrayBuffer();
    const answer: Answer = {
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      problem: (res.headers.get('content-type') ?? '').startsWith('application/problem+json'),
    };
    outcome.answers.push(answer);
    if (res.ok) {
      outcome.location = res.headers.get('location');
      return outcome;
    }
    if ((answer.status !== 429 && answer.status !== 503) || !answer.retryAfter) return outcome;
    await new Promise((r) => setTimeout(r, Number(answer.retryAfter) * 1000));
  }
  return outcome;
}

interface Counts {
  injected: { store503: number; judgeThrew: number; batchesThrown: number; messagesLost: number };
  leads: number;
  created: number;
  touches: number;
  deliveries: Record<string, number>;
  leadIds: string[];
}

async function counts(server: WorkerServer, workspaceId: string): Promise<Counts> {
  const res = await fetch(`${server.url}/__soak/counts?workspace=${workspaceId}`);
  return (await res.json()) as Counts;
}

let server: WorkerServer;

beforeAll(async () => {
  server = await startWorkerServer({
    entrypoint: 'test/node/soak/fault-entry.ts',
    vars: { LEADPACT_SOAK_FAULTS: 'on' },
    testScheduled: true,
  });
});

afterAll(async () => {
  await server?.dispose();
});

describe('no loss under load', () => {
  it(`should judge every accepted delivery exactly once: ${SIZE} deliveries at ${CONNECTIONS} connections, with duplicates, repeat people and forced failures`, async () => {
    const seeded = await seed(server);
    const sends = plan(SIZE);
    const started = performance.now();
    // The minute cron runs through the whole load, as deployed: it judges what the queue has not reached
    // a minute after arrival (racing the queue for it) and what the queue never got.
    let cronRuns = 0;
    const fireCron = async () => {
      cronRuns += 1;
      await fetch(`${server.url}/__scheduled?cron=${encodeURIComponent('* * * * *')}`).catch(() => null);
    };
    const cron = setInterval(() => void fireCron(), 60_000);
    let sentIn = 0;
    let outcomes: Outcome[] = [];
    try {
      outcomes = await pool(
        sends.map((send, i) => ({ send, i })),
        CONNECTIONS,
        ({ send, i }) => deliver(server, seeded, send, i),
      );
      sentIn = (performance.now() - started) / 1000;
      for (const deadline = performance.now() + DRAIN_MS; performance.now() < deadline; ) {
        if (((await counts(server, seeded.workspaceId)).deliveries.stored ?? 0) === 0) break;
        await new Promise((r) => setTimeout(r, 1000));
      }
    } finally {
      clearInterval(cron);
    }
    // What the judge could not process waits, failed, for an admin: re-judged after "the fix".
    let rejudged = 0;
    for (;;) {
      const run = await api<{ tried: number; judged: number }>(
        server,
        'POST',
        '/v1/intake/deliveries/rejudge',
        seeded.admin,
      );
      if (run.tried === 0) break;
      rejudged += run.judged;
    }

    // Every 2xx: its Location says judged, with a lead.
    const accepted = outcomes.filter((o) => o.location !== null);
    const views = await pool(
      accepted.map((o, i) => ({
        location: o.location ?? '',
        token: seeded.intake[i % seeded.intake.length],
      })),
      CONNECTIONS,
      ({ location, token }) =>
        api<{ status: string; leadId: string | null }>(server, 'GET', location, token ?? seeded.admin),
    );
    const after = await counts(server, seeded.workspaceId);
    const elapsed = (performance.now() - started) / 1000;

    const uniqueDeliveries = new Set(sends.map((s) => `${s.source}|${s.key}`)).size;
    const people = new Set(sends.map((s) => s.email)).size;
    const of = (kind: Kind) => sends.filter((s) => s.kind === kind).length;
    const refusals = outcomes.flatMap((o) => o.answers.filter((a) => a.status >= 300));
    const retryable = refusals.filter(
      (a) => (a.status === 429 || a.status === 503) && a.retryAfter && a.problem,
    );
    const lost = outcomes.filter((o) => o.location === null);
    const notJudged = views.filter((v) => v.status !== 'judged' || !v.leadId);
    const knownLeads = new Set(after.leadIds);
    const strayLeads = views.filter((v) => v.leadId && !knownLeads.has(v.leadId));
    const network = outcomes.reduce((n, o) => n + o.network, 0);

    console.log(
      `load: ${SIZE} deliveries at ${CONNECTIONS} connections in ${elapsed.toFixed(0)} s ` +
        `(sent in ${sentIn.toFixed(0)} s, ${(SIZE / sentIn).toFixed(0)}/s): ` +
        `${of('duplicate')} exact duplicates, ${of('same person')} same person with a new body, ` +
        `${FAULTS.reduce((n, f) => n + of(f), 0)} forced failures ` +
        `(${after.injected.store503} intake 503s retried by the sender, ${after.injected.judgeThrew} judge throws re-judged (${rejudged}), ` +
        `${of('fault queue')} in ${after.injected.batchesThrown} consumer batches retried by Queues, ` +
        `${after.injected.messagesLost} queue messages never sent, judged by the minute cron (${cronRuns} runs)); ` +
        `${refusals.length} non-2xx, ${retryable.length} of them 429/503 with Retry-After, ${network} dropped connections, ${lost.length} never accepted; ` +
        `${accepted.length} 2xx, ${accepted.length - notJudged.length} judged; ` +
        `leads ${after.leads} = people ${people}, created ${after.created}, touches ${after.touches} = unique deliveries ${uniqueDeliveries}; ` +
        `${lost.length + notJudged.length + strayLeads.length === 0 && after.leads === people && after.touches === uniqueDeliveries ? 'nothing lost' : 'LOSS'}`,
    );

    expect(lost).toEqual([]);
    expect(refusals).toEqual(retryable);
    expect(notJudged).toEqual([]);
    expect(strayLeads).toEqual([]);
    expect(after.deliveries).toEqual({ judged: uniqueDeliveries });
    expect(after.leads).toBe(people);
    expect(after.created).toBe(people);
    expect(after.touches).toBe(uniqueDeliveries);
    // The faults happened as planned, and their recovery is what made the numbers above.
    expect(after.injected.store503).toBe(of('fault 503'));
    // A judge-fault delivery the cron reached before the queue is judged without the fault (the cron passes none).
    expect(after.injected.judgeThrew).toBeGreaterThan(0);
    expect(after.injected.judgeThrew).toBeLessThanOrEqual(of('fault judge'));
    expect(rejudged).toBe(after.injected.judgeThrew);
    if (of('fault queue') > 0) expect(after.injected.batchesThrown).toBeGreaterThan(0);
    // Never sent, yet judged: only the minute cron's pickup could have done it.
    expect(after.injected.messagesLost).toBe(of('fault lost'));
    if (of('fault lost') > 0) expect(cronRuns).toBeGreaterThan(0);
    expect(refusals.filter((a) => a.status === 503).length).toBeGreaterThanOrEqual(of('fault 503'));
  });
});
