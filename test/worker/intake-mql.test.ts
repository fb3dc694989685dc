import { drizzle } from 'drizzle-orm/d1';
import { describe, expect, it } from 'vitest';
import * as schema from '../../worker/db/schema';
import { judgeDeliveries } from '../../worker/services/intake';
import { activateDraft, createSigningWorkspace, type SigningWorkspace } from './agreement-fixtures';
import { call, createTestWorkspace, env, expectProblem, type TestWorkspace, WAIT_FOR_LEAD } from './harness';

async function genericSource(ws: TestWorkspace) {
  const res = await call('POST', '/v1/sources', {
    token: ws.tokens.admin,
    json: { name: 'Contact form', provider: 'generic', origin: 'marketing', createsLead: true },
  });
  return ((await res.json()) as { id: string }).id;
}

let n = 0;
async function submit(ws: TestWorkspace, sourceId: string, extra: Record<string, unknown> = {}) {
  n += 1;
  const res = await call('POST', `/v1/intake/${sourceId}`, {
    token: ws.tokens.intake,
    json: {
      email: `buyer${n}@factory${n}.pl`,
      phone: '+48 600 200 300',
      consent: true,
      company: 'Factory',
      ...extra,
    },
    headers: WAIT_FOR_LEAD,
  });
  // 201 judged while it waited; 200 when the same body came before (a duplicate answers its lead).
  expect([200, 201], await res.clone().text()).toContain(res.status);
  const { leadId } = (await res.json()) as { leadId: string };
  const lead = await call('GET', `/v1/leads/${leadId}`, { token: ws.tokens.sales });
  return (await lead.json()) as {
    id: string;
    stage: string;
    ownerId: string | null;
    agreementVersion: number | null;
    events: { type: string }[];
  };
}

async function addSalesRep(ws: TestWorkspace, name: string, active = true) {
  const res = await call('POST', '/v1/members', {
    token: ws.tokens.admin,
    json: { name, email: `${name.toLowerCase()}@acme.test`, side: 'sales', active },
  });
  return ((await res.json()) as { id: string }).id;
}

describe('MQL and owner under the starter agreement', () => {
  it('should record and score leads but make no MQL before the agreement is signed', async () => {
    const ws = await createTestWorkspace();
    await addSalesRep(ws, 'Early');
    const lead = await submit(ws, await genericSource(ws));
    expect(lead.stage).toBe('lead');
    expect(lead.ownerId).toBeNull();
    expect(lead.events.map((e) => e.type)).toContain('scored');
    expect(lead.events.map((e) => e.type)).not.toContain('mql');
  });

  describe('once signed', () => {
    /** A workspace of its own per test: routing keeps a cursor, so tests must not share one. */
    async function signed(): Promise<{ ws: SigningWorkspace; sourceId: string; version: number }> {
      const ws = await createSigningWorkspace();
      const version = await activateDraft(ws);
      return { ws, sourceId: await genericSource(ws), version: version.number };
    }

    it('should make a consenting lead with a phone an MQL once, under the signed version, with an owner', async () => {
      const { ws, sourceId, version } = await signed();
      const lead = await submit(ws, sourceId);
      expect(lead.stage).toBe('mql');
      expect(lead.agreementVersion).toBe(version);
      expect(lead.ownerId).toBe(ws.signers.sales.memberId);
      const types = lead.events.map((e) => e.type);
      expect(types.filter((t) => t === 'mql')).toHaveLength(1);
      expect(types.filter((t) => t === 'assigned')).toHaveLength(1);

      // The same person again is a touch, not a second MQL.
      const again = await submit(ws, sourceId, {
        email: (
          (await call('GET', `/v1/leads/${lead.id}`, { token: ws.tokens.sales }).then((r) => r.json())) as {
            email: string;
          }
        ).email,
      });
      expect(again.id).toBe(lead.id);
      expect(again.events.filter((e) => e.type === 'mql')).toHaveLength(1);
    });

    it('should keep a lead without a phone a lead (the starter MQL rule needs one)', async () => {
      const { ws, sourceId } = await signed();
      const lead = await submit(ws, sourceId, { phone: undefined });
      expect(lead.stage).toBe('lead');
      expect(lead.ownerId).toBeNull();
    });

    it('should deal MQLs round robin among active sales members, skipping inactive ones', async () => {
      const { ws, sourceId } = await signed();
      const anna = await addSalesRep(ws, 'Anna');
      await addSalesRep(ws, 'Idle', false);
      const ivan = await addSalesRep(ws, 'Ivan');
      const reps = [ws.signers.sales.memberId, anna, ivan];
      const owners: (string | null)[] = [];
      for (let i = 0; i < 6; i++) owners.push((await submit(ws, sourceId)).ownerId);
      expect(new Set(owners)).toEqual(new Set(reps));
      for (const rep of reps) expect(owners.filter((o) => o === rep)).toHaveLength(2);
      // Strict rotation: no member twice in a row.
      for (let i = 1; i < owners.length; i++) expect(owners[i]).not.toBe(owners[i - 1]);
    });

    it('should deal a burst judged as one queue batch round robin in arrival order, whatever order the batch lists them', async () => {
      const { ws, sourceId } = await signed();
      const anna = await addSalesRep(ws, 'Anna');
      const ivan = await addSalesRep(ws, 'Ivan');
      const ring = [ws.signers.sales.memberId, anna, ivan];
      const deliveries: string[] = [];
      for (let i = 0; i < 6; i++) {
        n += 1;
        const res = await call('POST', `/v1/intake/${sourceId}`, {
          token: ws.tokens.intake,
          json: {
            email: `burst${n}@factory${n}.pl`,
            phone: '+48 600 200 300',
            consent: true,
            company: 'Factory',
          },
        });
        expect(res.status).toBe(202);
        deliveries.push(((await res.json()) as { deliveryId: string }).deliveryId);
      }
      // The queue promises no order: hand the consumer the burst backwards.
      const outcomes = await judgeDeliveries({
        ctx: {
          db: drizzle(env.DB, { schema }),
          now: new Date(),
          encryption: { key: env.LEADPACT_ENCRYPTION_KEY },
        },
        input: { refs: [...deliveries].reverse().map((id) => ({ workspaceId: ws.id, id })) },
      });
      const owners: (string | null)[] = [];
      for (const id of deliveries) {
        const leadId = (outcomes.get(id) as { leadId?: string } | undefined)?.leadId;
        const lead = await call('GET', `/v1/leads/${leadId}`, { token: ws.tokens.manager });
        owners.push(((await lead.json()) as { ownerId: string | null }).ownerId);
      }
      // Sent one after another, each goes to the next member of the ring, as when judged one by one.
      expect(owners[0]).toBe(ws.signers.sales.memberId);
      for (let i = 1; i < owners.length; i++) {
        expect(ring.indexOf(owners[i] ?? ''), `delivery ${i}`).toBe(
          (ring.indexOf(owners[i - 1] ?? '') + 1) % 3,
        );
      }
    });

    it('should route by country when a rule matches, and refuse rules naming non-sales members', async () => {
      const { ws, sourceId } = await signed();
      await addSalesRep(ws, 'Olga');
      const ivan = await addSalesRep(ws, 'Ivan');
      const bad = await call('PUT', '/v1/routing', {
        token: ws.tokens.manager,
        json: {
          rules: [{ id: 'ro', field: 'country', values: ['RO'], memberIds: [ws.signers.marketing.memberId] }],
        },
      });
      const problem = await expectProblem(bad, 422);
      expect((problem.errors as { path: string }[])[0]?.path).toBe('rules[0].memberIds[0]');
      const ok = await call('PUT', '/v1/routing', {
        token: ws.tokens.manager,
        json: { rules: [{ id: 'ro', field: 'country', values: ['RO'], memberIds: [ivan] }] },
      });
      expect(ok.status).toBe(200);
      for (let i = 0; i < 3; i++)
        expect((await submit(ws, sourceId, { country: 'RO', phone: '+40 722 123 456' })).ownerId).toBe(ivan);
      const polish = await submit(ws, sourceId, { country: 'PL' });
      expect(polish.ownerId).not.toBeNull();
    });
  });
});
