import { describe, expect, it } from 'vitest';
import { matchIdentity, sameIdentityLeads } from '../../worker/domain/ledger/identity';
import { call, createTestWorkspace, env, type TestWorkspace, WAIT_FOR_LEAD } from './harness';
import { openLeadRow, openPayload } from './test-vault';

async function genericSource(ws: TestWorkspace): Promise<string> {
  const res = await call('POST', '/v1/sources', {
    token: ws.tokens.marketing,
    json: { name: 'Formularz kontaktowy', provider: 'generic', origin: 'marketing', createsLead: true },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function deliver(ws: TestWorkspace, sourceId: string, body: Record<string, unknown>) {
  const res = await call('POST', `/v1/intake/${sourceId}`, {
    token: ws.tokens.intake,
    json: { consent: true, submittedAt: '2026-11-20T10:00:00Z', ...body },
    headers: WAIT_FOR_LEAD,
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { leadId: string; duplicate: boolean };
}

async function leadRows(workspaceId: string) {
  const rows = await env.DB.prepare('select * from leads where workspace_id = ? order by created_at, id')
    .bind(workspaceId)
    .all<Record<string, unknown>>();
  return Promise.all(
    rows.results.map(async (r) => {
      const opened = await openLeadRow(r);
      return {
        id: String(r.id),
        email: (opened?.email ?? null) as string | null,
        phone: (opened?.phone ?? null) as string | null,
        erasedAt: (r.erased_at ?? null) as string | null,
      };
    }),
  );
}

async function touchWarnings(leadId: string) {
  const rows = await env.DB.prepare(
    "select id, workspace_id, payload, sealed_payload from lead_events where lead_id = ? and type = 'touch' order by seq",
  )
    .bind(leadId)
    .all<{ id: string; workspace_id: string; payload: string; sealed_payload: string | null }>();
  return Promise.all(
    rows.results.map(
      async (r) =>
        ((await openPayload(r.workspace_id, r)) as { warnings: { path: string; message: string }[] })
          .warnings,
    ),
  );
}

const polish = () => createTestWorkspace({ language: 'pl', country: 'PL' });

describe('one person, one lead: the phone in E.164 when there is no e-mail', () => {
  it('should add a phone-only delivery of 0048 601-234-567 to the lead that gave 601 234 567 with an e-mail', async () => {
    const ws = await polish();
    const source = await genericSource(ws);
    const first = await deliver(ws, source, { email: 'jan.kowalski@stalmet.pl', phone: '601 234 567' });
    const second = await deliver(ws, source, { phone: '0048 601-234-567', firstName: 'Jan' });
    expect(second).toEqual({
      deliveryId: expect.stringMatching(/^dlv_/),
      status: 'judged',
      leadId: first.leadId,
      stage: expect.any(String),
      duplicate: false,
    });
    expect(await leadRows(ws.id)).toEqual([
      { id: first.leadId, email: 'jan.kowalski@stalmet.pl', phone: '+48601234567', erasedAt: null },
    ]);
    const touches = await env.DB.prepare(
      "select count(*) as n from lead_events where lead_id = ? and type = 'touch'",
    )
      .bind(first.leadId)
      .first<{ n: number }>();
    expect(touches?.n).toBe(2);
  });

  it('should give a phone-only lead the e-mail that later arrives with its phone', async () => {
    const ws = await polish();
    const source = await genericSource(ws);
    const first = await deliver(ws, source, { phone: '601 234 567' });
    const second = await deliver(ws, source, { email: 'jan.kowalski@stalmet.pl', phone: '0048 601-234-567' });
    expect(second.leadId).toBe(first.leadId);
    expect(await leadRows(ws.id)).toEqual([
      { id: first.leadId, email: 'jan.kowalski@stalmet.pl', phone: '+48601234567', erasedAt: null },
    ]);
  });

  it('should keep someone else with the same phone and another e-mail apart', async () => {
    const ws = await polish();
    const source = await genericSource(ws);
    const jan = await deliver(ws, source, { email: 'jan.kowalski@stalmet.pl', phone: '601 234 567' });
    const anna = await deliver(ws, source, { email: 'anna.nowak@stalmet.pl', phone: '601 234 567' });
    expect(anna.leadId).not.toBe(jan.leadId);
    expect((await leadRows(ws.id)).map((r) => r.email)).toEqual([
      'jan.kowalski@stalmet.pl',
      'anna.nowak@stalmet.pl',
    ]);
    expect(await touchWarnings(anna.leadId)).toEqual([[]]);
  });

  it("should attach to the e-mail's lead and record the conflict when e-mail and phone name two leads", async () => {
    const ws = await polish();
    const source = await genericSource(ws);
    const byPhone = await deliver(ws, source, { phone: '601 234 567' });
    const byEmail = await deliver(ws, source, { email: 'jan.kowalski@stalmet.pl' });
    const both = await deliver(ws, source, { email: 'jan.kowalski@stalmet.pl', phone: '0048 601-234-567' });
    expect(both.leadId).toBe(byEmail.leadId);
    expect((await leadRows(ws.id)).map((r) => r.id)).toEqual([byPhone.leadId, byEmail.leadId]);
    expect(await touchWarnings(byEmail.leadId)).toEqual([
      [],
      [{ path: 'phone', message: expect.stringContaining(byPhone.leadId) }],
    ]);
    const history = (await (
      await call('GET', `/v1/leads/${byEmail.leadId}`, { token: ws.tokens.marketing })
    ).json()) as { events: { type: string; payload: { warnings?: { message: string }[] } }[] };
    const touches = history.events.filter((e) => e.type === 'touch');
    expect(touches.at(-1)?.payload.warnings?.[0]?.message).toContain(byPhone.leadId);
  });

  it('should erase the phone-only twin with the person, so no lead keeps the phone', async () => {
    const ws = await polish();
    const source = await genericSource(ws);
    const byPhone = await deliver(ws, source, { phone: '601 234 567' });
    const person = await deliver(ws, source, { email: 'jan.kowalski@stalmet.pl' });
    await deliver(ws, source, { email: 'jan.kowalski@stalmet.pl', phone: '0048 601-234-567' });
    const res = await call('DELETE', `/v1/leads/${person.leadId}`, { token: ws.tokens.admin });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ erased: true, alsoErased: [byPhone.leadId] });
    const rows = await leadRows(ws.id);
    expect(rows.filter((r) => r.phone !== null)).toEqual([]);
    expect(rows.filter((r) => r.erasedAt !== null).map((r) => r.id)).toEqual([byPhone.leadId, person.leadId]);
  });
});

describe('matchIdentity', () => {
  const lead = (
    id: string,
    email: string | null,
    phone: string | null,
    updatedAt = '2026-11-01T00:00:00Z',
  ) => ({
    id,
    email,
    phone,
    updatedAt,
  });

  it('should pick the most recently updated of several e-mail leads sharing a phone, and report the others', () => {
    const a = lead('a', 'a@x.pl', '+48601234567', '2026-11-01T00:00:00Z');
    const b = lead('b', 'b@x.pl', '+48601234567', '2026-11-03T00:00:00Z');
    expect(matchIdentity({ email: null, phone: '+48601234567' }, [a, b])).toEqual({
      lead: b,
      conflicts: [a],
    });
  });

  it('should name nobody for an unknown e-mail whose phone belongs to another e-mail', () => {
    const a = lead('a', 'a@x.pl', '+48601234567');
    expect(matchIdentity({ email: 'c@x.pl', phone: '+48601234567' }, [a])).toEqual({
      lead: null,
      conflicts: [],
    });
  });

  it('should erase with a phone-only lead the one e-mail lead of its phone, and none of several', () => {
    const phoneOnly = lead('p', null, '+48601234567');
    const a = lead('a', 'a@x.pl', '+48601234567');
    const b = lead('b', 'b@x.pl', '+48601234567');
    expect(sameIdentityLeads(phoneOnly, [phoneOnly, a])).toEqual([a]);
    expect(sameIdentityLeads(phoneOnly, [phoneOnly, a, b])).toEqual([]);
    expect(sameIdentityLeads(a, [phoneOnly, a, b])).toEqual([phoneOnly]);
  });
});
