import { drizzle } from 'drizzle-orm/d1';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as schema from '../../worker/db/schema';
import { judgeDeliveries } from '../../worker/services/intake';
import typeform from '../fixtures/intake/typeform.json';
import {
  call,
  callWith,
  createTestWorkspace,
  env,
  expectProblem,
  type TestWorkspace,
  WAIT_FOR_LEAD,
} from './harness';
import { meteredD1 } from './metered-d1';
import { type Provider, signedHeaders } from './signing';
import { testVault } from './test-vault';

async function createSource(ws: TestWorkspace, provider: Provider) {
  const res = await call('POST', '/v1/sources', {
    token: ws.tokens.admin,
    json: { name: provider, provider, origin: 'marketing', createsLead: true },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: string; secret: string };
}

const TABLES = ['leads', 'lead_events', 'consents', 'intake_deliveries'] as const;

async function snapshot(workspaceId: string) {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await env.DB.prepare(`select count(*) as n from ${table} where workspace_id = ?`)
      .bind(workspaceId)
      .first<{ n: number }>();
    counts[table] = row?.n ?? 0;
  }
  return counts;
}

const jsonish = fc.oneof(
  fc.json(),
  fc.string(),
  fc.constant(JSON.stringify(typeform)),
  fc
    .record({ email: fc.string(), phone: fc.string(), consent: fc.oneof(fc.boolean(), fc.string()) })
    .map((o) => JSON.stringify(o)),
  fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean())).map((o) => JSON.stringify(o)),
);
const contentType = fc.constantFrom(
  'application/json',
  'application/x-www-form-urlencoded',
  'application/json; charset=utf-8',
);
const headerNames = [
  'leadpact-signature',
  'typeform-signature',
  'tally-signature',
  'x-webflow-signature',
  'x-webflow-timestamp',
  'idempotency-key',
  'authorization',
];
const junkHeaders = fc.dictionary(fc.constantFrom(...headerNames), fc.stringMatching(/^[\x20-\x7e]{0,80}$/), {
  maxKeys: 4,
});

describe('intake under random input', () => {
  it('should answer only 4xx problems to a thousand random deliveries and change nothing', async () => {
    const ws = await createTestWorkspace();
    const providers: Provider[] = ['generic', 'typeform', 'tally', 'webflow'];
    const sources = await Promise.all(providers.map((p) => createSource(ws, p)));
    const before = await snapshot(ws.id);
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 3 }),
        jsonish,
        contentType,
        junkHeaders,
        async (i, body, type, headers) => {
          const source = sources[i];
          if (!source) return;
          // Half the time a correctly computed wrong signature (right scheme, wrong secret).
          const forged = await signedHeaders(
            providers[i] as Provider,
            body,
            'whsec_someone-elses-secret-000000',
          );
          const res = await call('POST', `/v1/intake/${source.id}`, {
            body,
            headers: { 'content-type': type, ...(body.length % 2 === 0 ? forged : {}), ...headers },
          });
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
          expect(res.headers.get('content-type')).toContain('application/problem+json');
        },
      ),
      { numRuns: 1000 },
    );
    expect(await snapshot(ws.id)).toEqual(before);
    expect(statuses.get(401)).toBeGreaterThan(0);
  }, 120_000);
});

describe('rate limits', () => {
  /** A verified delivery: the same body and key each time, so it is one lead and the rest duplicates. */
  const signedPost = async (source: { id: string; secret: string }, headers: Record<string, string> = {}) => {
    const body = JSON.stringify({ email: 'x@y.pl', phone: '+48600100200', consent: true });
    return call('POST', `/v1/intake/${source.id}`, {
      body,
      headers: {
        'content-type': 'application/json',
        'idempotency-key': 'the-same-delivery',
        ...WAIT_FOR_LEAD,
        ...(await signedHeaders('generic', body, source.secret)),
        ...headers,
      },
    });
  };

  it('should answer 429 with Retry-After once a source exceeds its limit, and count per source', async () => {
    const ws = await createTestWorkspace();
    const [busy, quiet] = await Promise.all([createSource(ws, 'generic'), createSource(ws, 'generic')]);
    let limited: Response | null = null;
    // Up to two limit windows: the count may reset once while the loop runs.
    // Verified deliveries with no contact (422 after the count) keep the loop cheap: nothing is written.
    const noContact = JSON.stringify({ consent: true });
    for (let i = 0; i < 1300 && !limited; i++) {
      const res = await call('POST', `/v1/intake/${busy.id}`, {
        body: noContact,
        headers: {
          'content-type': 'application/json',
          ...(await signedHeaders('generic', noContact, busy.secret)),
        },
      });
      if (res.status === 429) limited = res;
      else expect(res.status).toBe(422);
    }
    expect(limited, 'the limiter never answered 429').not.toBeNull();
    if (!limited) return;
    const problem = await expectProblem(limited, 429);
    expect(problem.title).toBe('Too many requests');
    expect(limited.headers.get('retry-after')).toBe('60');
    // Another source of the same workspace is not affected.
    await expectProblem(await call('POST', `/v1/intake/${quiet.id}`, { json: { email: 'x@y.pl' } }), 401);
    expect((await signedPost(quiet)).status).toBe(201);
  }, 120_000);

  it("should spend the source's allowance for a token-authenticated delivery, not the token's API allowance too", async () => {
    const ws = await createTestWorkspace();
    const source = await createSource(ws, 'generic');
    const counted: string[] = [];
    const limiter = (name: string) => ({
      limit: async ({ key }: { key: string }) => {
        counted.push(`${name} ${key}`);
        return { success: true };
      },
    });
    const limiters = { INTAKE_LIMITER: limiter('intake'), API_LIMITER: limiter('api') };
    const res = await callWith(limiters, 'POST', `/v1/intake/${source.id}`, {
      token: ws.tokens.intake,
      json: { email: 'allowance@factory.pl', consent: true },
    });
    expect(res.status).toBe(202);
    // One limiter call per delivery, as a signed source's: the API's own routes still count per token.
    expect(counted).toEqual([`intake source:${source.id}`]);
    const api = await callWith(limiters, 'GET', '/v1/intake/deliveries?status=stored&limit=1', {
      token: ws.tokens.admin,
    });
    expect(api.status).toBe(200);
    expect(counted).toEqual([`intake source:${source.id}`, expect.stringMatching(/^api token:tok_/)]);
  });

  it('should count unverified deliveries per address, so real ones keep flowing after 600 junk posts', async () => {
    const ws = await createTestWorkspace();
    const source = await createSource(ws, 'generic');
    const junk = (ip: string) =>
      call('POST', `/v1/intake/${source.id}`, {
        json: { email: 'x@y.pl' },
        headers: { 'cf-connecting-ip': ip, 'leadpact-signature': 't=1,v1=00' },
      });
    const statuses = new Map<number, number>();
    let locked: Response | null = null;
    for (let i = 0; i < 600; i++) {
      const res = await junk('198.51.100.7');
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status === 429) locked ??= res;
    }
    // 60 a minute per address and source, then the address waits out the minute (a window may reset once).
    expect(statuses.get(401)).toBeGreaterThanOrEqual(60);
    expect(statuses.get(401)).toBeLessThanOrEqual(120);
    expect((statuses.get(401) ?? 0) + (statuses.get(429) ?? 0)).toBe(600);
    if (!locked) throw new Error('junk was never limited');
    await expectProblem(locked, 429);
    const retry = Number(locked.headers.get('retry-after'));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    // The forms tool, from its own address, and the same source: still accepted.
    const real = await signedPost(source, { 'cf-connecting-ip': '203.0.113.20' });
    expect(real.status, await real.clone().text()).toBe(201);
    expect(((await real.json()) as { leadId: string | null }).leadId).toMatch(/^lead_/);
    // The junk address is refused before any lookup, even with a valid signature, until the minute ends.
    await expectProblem(await signedPost(source, { 'cf-connecting-ip': '198.51.100.7' }), 429);
    // Junk without an address (never the case behind Cloudflare) does not touch the source's allowance either.
    for (let i = 0; i < 50; i++) await expectProblem(await junk(''), 401);
    // The same delivery again: a duplicate, answered with its lead.
    expect((await signedPost(source)).status).toBe(200);
  }, 120_000);
});

describe('intake cost', () => {
  /** A delivery of its own per `i`, stored through the API (not judged: no Prefer: wait). */
  async function store(ws: TestWorkspace, sourceId: string, i: number, email: string): Promise<string> {
    const res = await call('POST', `/v1/intake/${sourceId}`, {
      token: ws.tokens.intake,
      json: {
        externalId: `d-${i}`,
        email,
        // A phone of its own per delivery (outside the seeded range): a shared phone would make them one person.
        phone: `+4869${String(i).padStart(7, '0')}`,
        firstName: 'A',
        lastName: 'B',
        company: 'C',
        title: 'CEO',
        industry: 'steel',
        employees: 50,
        country: 'PL',
        consent: true,
        consentText: 'ok',
      },
    });
    expect(res.status, await res.clone().text()).toBe(202);
    return ((await res.json()) as { deliveryId: string }).deliveryId;
  }

  async function seed(workspaceId: string, count: number, offset: number) {
    // Bulk rows straight into the tables, as many as a busy workspace has.
    // Their e-mail and phone as the judge looks them up: blind indexes under the workspace's index key.
    const vault = testVault(drizzle(env.DB, { schema }), workspaceId);
    const statements: D1PreparedStatement[] = [];
    for (let i = offset; i < offset + count; i++) {
      statements.push(
        env.DB.prepare(
          `insert into leads (id, workspace_id, seq, stage, email_index, phone_index, consent, fit, engagement, quadrant, icp_match, touch_counts, created_at, updated_at)
           values (?, ?, 1, 'lead', ?, ?, 1, 0, 0, 'low', 0, '{}', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
        ).bind(
          `lead_seed_${workspaceId}_${i}`,
          workspaceId,
          await vault.blindIndex('email', `seed${i}@bulk.pl`),
          await vault.blindIndex('phone', `+4860${String(i).padStart(7, '0')}`),
        ),
        env.DB.prepare(
          `insert into lead_events (id, workspace_id, lead_id, seq, type, occurred_at, recorded_at, actor_type, payload)
           values (?, ?, ?, 1, 'created', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'system', '{}')`,
        ).bind(`evt_seed_${workspaceId}_${i}`, workspaceId, `lead_seed_${workspaceId}_${i}`),
      );
    }
    for (let i = 0; i < statements.length; i += 500) await env.DB.batch(statements.slice(i, i + 500));
  }

  it('should read a handful of rows per delivery however large the ledger grows', async () => {
    const ws = await createTestWorkspace();
    const { id: sourceId } = await createSource(ws, 'generic');
    const meter = meteredD1(env.DB);
    const db = drizzle(meter.binding, { schema });

    // The judge's whole cost for one delivery: its shared reads (one round trip), identity, one write batch.
    const measure = async (i: number, email: string) => {
      const id = await store(ws, sourceId, i, email);
      meter.reset();
      const outcome = await judgeDeliveries({
        ctx: { db, now: new Date(), encryption: { key: env.LEADPACT_ENCRYPTION_KEY } },
        input: { refs: [{ workspaceId: ws.id, id }] },
      });
      expect(outcome.get(id)?.status).toBe('judged');
      return { ...meter.totals };
    };

    await seed(ws.id, 1000, 0);
    const small = { created: await measure(1, 'new1@lead.pl'), merged: await measure(2, 'seed5@bulk.pl') };
    await seed(ws.id, 9000, 1000);
    const large = { created: await measure(3, 'new2@lead.pl'), merged: await measure(4, 'seed7005@bulk.pl') };

    for (const cost of [small.created, small.merged, large.created, large.merged]) {
      expect(cost.rowsRead).toBeLessThan(40);
      // 15 before bodies were sealed; the body's key adds the workspace keys' read, its own, and its
      // destruction; a new person's key is one insert more.
      expect(cost.statements).toBeLessThan(19);
    }
    expect(small.merged.rowsRead).toBeGreaterThan(0);
    // Ten times the leads, the same cost.
    expect(large.created.rowsRead).toBe(small.created.rowsRead);
    expect(large.merged.rowsRead).toBe(small.merged.rowsRead);
  }, 120_000);
});
