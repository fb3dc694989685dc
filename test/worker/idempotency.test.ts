import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import { call, env, expectProblem } from './harness';
import { createMql, type LeadWorkspace, signStarterAgreement } from './lead-fixtures';

const ATTEMPT = { type: 'attempt', channel: 'phone', outcome: 'no_answer' };

function actWithKey(ws: LeadWorkspace, leadId: string, key: string, action: Record<string, unknown>) {
  return call('POST', `/v1/leads/${leadId}/actions`, {
    token: ws.tokens.admin,
    json: action,
    headers: { 'idempotency-key': key },
  });
}

async function eventCount(leadId: string, type: string): Promise<number> {
  const row = await env.DB.prepare('select count(*) as n from lead_events where lead_id = ? and type = ?')
    .bind(leadId, type)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

async function answer(res: Response) {
  return { status: res.status, body: await res.text() };
}

describe('Idempotency-Key on ledger writes', () => {
  it('should answer a retried action with the first answer and log the attempt once', async () => {
    const ws = await signStarterAgreement();
    const { leadId } = await createMql(ws);
    const first = await answer(await actWithKey(ws, leadId, 'call-1', ATTEMPT));
    const retry = await actWithKey(ws, leadId, 'call-1', ATTEMPT);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await answer(retry)).toEqual(first);
    expect(first.status).toBe(200);
    expect(await eventCount(leadId, 'attempt')).toBe(1);
  });

  it('should refuse the same key with another body with 422 naming the header, and log nothing', async () => {
    const ws = await signStarterAgreement();
    const { leadId } = await createMql(ws);
    expect((await actWithKey(ws, leadId, 'call-1', ATTEMPT)).status).toBe(200);
    const problem = await expectProblem(
      await actWithKey(ws, leadId, 'call-1', { ...ATTEMPT, channel: 'email' }),
      422,
    );
    expect(problem.errors).toEqual([{ path: 'Idempotency-Key', message: expect.any(String) }]);
    expect(await eventCount(leadId, 'attempt')).toBe(1);
  });

  it('should land one attempt when two requests with one key race', async () => {
    const ws = await signStarterAgreement();
    const { leadId } = await createMql(ws);
    const [a, b] = await Promise.all([
      actWithKey(ws, leadId, 'race-1', ATTEMPT).then(answer),
      actWithKey(ws, leadId, 'race-1', ATTEMPT).then(answer),
    ]);
    expect(a.status).toBe(200);
    expect(b).toEqual(a);
    expect(await eventCount(leadId, 'attempt')).toBe(1);
  });

  it('should keep keys per workspace: another team’s key of the same name is its own', async () => {
    const one = await signStarterAgreement();
    const two = await signStarterAgreement();
    const [l1, l2] = [await createMql(one), await createMql(two)];
    expect((await actWithKey(one, l1.leadId, 'shared-key', ATTEMPT)).status).toBe(200);
    const other = await actWithKey(two, l2.leadId, 'shared-key', ATTEMPT);
    expect(other.status).toBe(200);
    expect(other.headers.get('idempotent-replayed')).toBeNull();
    expect(await eventCount(l2.leadId, 'attempt')).toBe(1);
  });

  it('should replay a batch of touches without appending them twice', async () => {
    const ws = await signStarterAgreement();
    const { leadId } = await createMql(ws);
    const body = { events: [{ leadId, type: 'pricing_view', occurredAt: '2026-11-20T10:00:00Z' }] };
    const post = () =>
      call('POST', '/v1/events', {
        token: ws.tokens.marketing,
        json: body,
        headers: { 'idempotency-key': 'sync-2026-11-20' },
      }).then(answer);
    const before = await eventCount(leadId, 'touch');
    const first = await post();
    expect(first.status).toBe(200);
    expect(await post()).toEqual(first);
    expect(await eventCount(leadId, 'touch')).toBe(before + 1);
  });

  it('should replay an erasure with its first answer, not “already erased”', async () => {
    const ws = await signStarterAgreement();
    const { leadId } = await createMql(ws);
    const erase = () =>
      call('DELETE', `/v1/leads/${leadId}`, {
        token: ws.tokens.admin,
        headers: { 'idempotency-key': 'gdpr-ticket-17' },
      }).then(answer);
    const first = await erase();
    expect(JSON.parse(first.body)).toMatchObject({ erased: true });
    expect(await erase()).toEqual(first);
    expect(await eventCount(leadId, 'erased')).toBe(1);
  });

  it('should seal a stored action answer with the person key: no plaintext stored, same answer replayed, 409 once erased', async () => {
    const ws = await signStarterAgreement();
    const marker = `Idemmarker${Date.now()}`;
    const { leadId, email } = await createMql(ws, { lastName: marker });
    const first = await answer(await actWithKey(ws, leadId, 'call-sealed', ATTEMPT));
    expect(first.body).toContain(marker);
    expect(first.body).toContain(email);
    const row = await env.DB.prepare('select * from idempotency_keys where key = ?')
      .bind('call-sealed')
      .first<Record<string, unknown>>();
    const stored = JSON.stringify(row);
    expect(row?.response).toBeNull();
    expect(stored).not.toContain(marker);
    expect(stored).not.toContain(email);
    expect(await answer(await actWithKey(ws, leadId, 'call-sealed', ATTEMPT))).toEqual(first);

    const erased = await call('DELETE', `/v1/leads/${leadId}`, { token: ws.tokens.admin });
    expect(erased.status).toBe(200);
    const replay = await actWithKey(ws, leadId, 'call-sealed', ATTEMPT);
    const problem = await expectProblem(replay, 409);
    expect(JSON.stringify(problem)).not.toContain(marker);
    expect(await eventCount(leadId, 'attempt')).toBe(1);
  });

  it('should refuse an unusable key naming the header', async () => {
    const ws = await signStarterAgreement();
    const { leadId } = await createMql(ws);
    const problem = await expectProblem(await actWithKey(ws, leadId, 'x'.repeat(201), ATTEMPT), 422);
    expect(problem.errors).toEqual([{ path: 'Idempotency-Key', message: expect.any(String) }]);
    expect(await eventCount(leadId, 'attempt')).toBe(0);
  });

  it('should forget keys after seven days in the daily housekeeping, like intake keys', async () => {
    const ws = await signStarterAgreement();
    const now = Date.parse('2026-11-22T03:17:00Z');
    const insert = env.DB.prepare(
      'insert into idempotency_keys (workspace_id, key, request_hash, status, response, created_at) values (?, ?, ?, 200, ?, ?)',
    );
    await env.DB.batch([
      insert.bind(ws.id, 'old', 'h', '{}', new Date(now - 8 * 86_400_000).toISOString()),
      insert.bind(ws.id, 'fresh', 'h', '{}', new Date(now - 6 * 86_400_000).toISOString()),
    ]);
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: '17 3 * * *', scheduledTime: now }), env, ctx);
    await waitOnExecutionContext(ctx);
    const keys = await env.DB.prepare('select key from idempotency_keys where workspace_id = ?')
      .bind(ws.id)
      .all<{ key: string }>();
    expect(keys.results.map((r) => r.key)).toEqual(['fresh']);
  });
});
