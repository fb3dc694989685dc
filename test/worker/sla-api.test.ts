import { describe, expect, it } from 'vitest';
import { call, createTestWorkspace, expectProblem } from './harness';
import {
  addChannel,
  addSalesRep,
  createSlaWorkspace,
  type DeadlineView,
  leadWithDeadlines,
  runCron,
  submitLeadAt,
} from './sla-fixtures';

const MONDAY_9 = '2026-11-23T08:00:00Z';

interface Page {
  data: DeadlineView[];
  nextCursor: string | null;
}

async function sla(token: string, query = ''): Promise<Page> {
  const res = await call('GET', `/v1/sla${query}`, { token });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Page;
}

describe('GET /v1/leads/{id} shows the lead’s deadlines', () => {
  it('should list all three, point at the next one and colour the lead by its worst status', async () => {
    const ws = await createSlaWorkspace();
    const { leadId } = await submitLeadAt(ws, MONDAY_9);
    let lead = await leadWithDeadlines(ws, leadId);
    expect(lead.sla.deadlines.map((d) => d.kind)).toEqual(['first_touch', 'attempts', 'decision']);
    expect(lead.sla.next).toMatchObject({ kind: 'first_touch', dueAt: '2026-11-23T12:00:00.000Z' });
    expect(lead.sla.worst).toBe('pending');
    await runCron('2026-11-23T12:05:00Z');
    lead = await leadWithDeadlines(ws, leadId);
    expect(lead.sla.worst).toBe('breached');
    expect(lead.sla.next?.kind).toBe('first_touch');
  });

  it('should show a lead that never became an MQL without deadlines', async () => {
    const ws = await createSlaWorkspace();
    const { leadId, stage } = await submitLeadAt(ws, MONDAY_9, { phone: undefined });
    expect(stage).toBe('lead');
    const lead = await leadWithDeadlines(ws, leadId);
    expect(lead.sla).toEqual({ deadlines: [], next: null, worst: null });
  });
});

describe('GET /v1/leads shows each lead’s SLA colour', () => {
  it('should give every lead of the page its next deadline and worst status, and none to a lead without a clock', async () => {
    const ws = await createSlaWorkspace();
    const breached = await submitLeadAt(ws, MONDAY_9);
    const fresh = await submitLeadAt(ws, '2026-11-23T11:00:00Z');
    const noClock = await submitLeadAt(ws, MONDAY_9, { phone: undefined });
    await runCron('2026-11-23T12:05:00Z');
    const res = await call('GET', '/v1/leads?limit=10', { token: ws.tokens.sales });
    expect(res.status).toBe(200);
    const page = (await res.json()) as {
      data: { id: string; sla: { next: { kind: string; dueAt: string } | null; worst: string | null } }[];
    };
    const byId = new Map(page.data.map((l) => [l.id, l.sla]));
    expect(byId.get(breached.leadId)).toMatchObject({ worst: 'breached', next: { kind: 'first_touch' } });
    expect(byId.get(fresh.leadId)).toMatchObject({ worst: 'pending', next: { kind: 'first_touch' } });
    expect(byId.get(noClock.leadId)).toEqual({ next: null, worst: null });
  });
});

describe('GET /v1/sla', () => {
  it('should list open deadlines first due first, filter by owner, kind and status, and page', async () => {
    const ws = await createSlaWorkspace();
    const first = await submitLeadAt(ws, MONDAY_9); // owned by the sales signer (the only rep yet)
    const rep = await addSalesRep(ws, 'Ivan Rep');
    const second = await submitLeadAt(ws, '2026-11-23T09:00:00Z', { country: 'PL' });

    const open = await sla(ws.tokens.viewer);
    expect(open.data).toHaveLength(6);
    expect(open.data.map((d) => d.dueAt)).toEqual([...open.data.map((d) => d.dueAt)].sort());
    expect(open.data[0]).toMatchObject({ leadId: first.leadId, kind: 'first_touch' });

    const ivans = await sla(ws.tokens.sales, `?owner=${rep}`);
    expect(new Set(ivans.data.map((d) => d.leadId))).toEqual(new Set([second.leadId]));
    const mine = await sla(ws.tokens.sales, `?owner=${ws.signers.sales.memberId}&kind=decision`);
    expect(mine.data.map((d) => [d.leadId, d.kind])).toEqual([[first.leadId, 'decision']]);

    const page1 = await sla(ws.tokens.marketing, '?limit=4');
    expect(page1.data).toHaveLength(4);
    const page2 = await sla(ws.tokens.marketing, `?limit=4&cursor=${page1.nextCursor}`);
    expect(page2.data).toHaveLength(2);
    expect(page2.nextCursor).toBeNull();
    expect(new Set([...page1.data, ...page2.data].map((d) => d.id)).size).toBe(6);

    await runCron('2026-11-23T12:30:00Z'); // the first lead's first touch breaches; the second's is due soon
    expect((await sla(ws.tokens.manager, '?status=breached')).data.map((d) => d.leadId)).toEqual([
      first.leadId,
    ]);
    expect((await sla(ws.tokens.manager, '?status=due_soon')).data.map((d) => d.leadId)).toEqual([
      second.leadId,
    ]);
    // The sweep also keeps the team's own deadlines (weekly agenda, agreement and persona reviews), listed by kind.
    const team = await sla(ws.tokens.manager, '?kind=weekly_report');
    expect(team.data).toEqual([
      expect.objectContaining({ leadId: null, kind: 'weekly_report', status: 'pending' }),
    ]);
  });

  it('should refuse a bad filter or cursor, intake tokens, and missing tokens with problems', async () => {
    const ws = await createTestWorkspace();
    const badKind = await expectProblem(
      await call('GET', '/v1/sla?kind=lunch', { token: ws.tokens.viewer }),
      422,
    );
    expect(JSON.stringify(badKind.errors)).toContain('kind');
    const badCursor = await expectProblem(
      await call('GET', '/v1/sla?cursor=nope', { token: ws.tokens.viewer }),
      422,
    );
    expect(badCursor.errors).toEqual([expect.objectContaining({ path: 'query.cursor' })]);
    await expectProblem(await call('GET', '/v1/sla', { token: ws.tokens.intake }), 403);
    await expectProblem(await call('GET', '/v1/sla'), 401);
  });

  it('should never show another workspace’s deadlines', async () => {
    const ws = await createSlaWorkspace();
    await submitLeadAt(ws, MONDAY_9);
    const other = await createTestWorkspace();
    expect((await sla(other.tokens.viewer)).data).toEqual([]);
  });
});

describe('/v1/notification-channels', () => {
  it('should register chat and webhook channels, show them masked, and give a webhook secret once', async () => {
    const ws = await createSlaWorkspace();
    const hook = await addChannel(ws, {
      kind: 'webhook',
      url: 'https://crm.acme.test/hooks/leadpact?key=abc',
    });
    expect(hook.secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    const chat = await addChannel(ws, {
      kind: 'google_chat',
      url: 'https://chat.googleapis.com/v1/spaces/AAAA/messages?key=k&token=t',
      topics: ['breached', 'agenda'],
    });
    expect(chat.secret).toBeNull();
    const slack = await addChannel(ws, {
      kind: 'slack',
      url: 'https://hooks.slack.com/services/T000/B000/XXXX',
      memberId: ws.signers.sales.memberId,
    });
    const res = await call('GET', '/v1/notification-channels', { token: ws.tokens.manager });
    const { data } = (await res.json()) as { data: Record<string, unknown>[] };
    expect(data.map((c) => c.id)).toEqual([hook.id, chat.id, slack.id]);
    expect(data[0]).toMatchObject({
      kind: 'webhook',
      url: 'https://crm.acme.test/hooks/leadpact',
      memberId: null,
    });
    expect(data[1]).toMatchObject({ url: 'https://chat.googleapis.com/…', topics: ['breached', 'agenda'] });
    expect(data[2]).toMatchObject({ url: 'https://hooks.slack.com/…', memberId: ws.signers.sales.memberId });
    expect(JSON.stringify(data)).not.toContain('whsec_');
    expect(JSON.stringify(data)).not.toContain('XXXX');

    expect(
      (await call('DELETE', `/v1/notification-channels/${chat.id}`, { token: ws.tokens.admin })).status,
    ).toBe(204);
    await expectProblem(
      await call('DELETE', `/v1/notification-channels/${chat.id}`, { token: ws.tokens.admin }),
      404,
    );
    const after = (await (
      await call('GET', '/v1/notification-channels', { token: ws.tokens.admin })
    ).json()) as {
      data: { id: string }[];
    };
    expect(after.data.map((c) => c.id)).toEqual([hook.id, slack.id]);
  });

  it('should refuse a URL that is not an incoming webhook of its kind, and unknown members', async () => {
    const ws = await createSlaWorkspace();
    const post = (json: unknown) =>
      call('POST', '/v1/notification-channels', { token: ws.tokens.manager, json });
    const wrongHost = await expectProblem(
      await post({ kind: 'slack', name: 'x', url: 'https://example.com/services/T/B/X' }),
      422,
    );
    expect(wrongHost.errors).toEqual([expect.objectContaining({ path: 'url' })]);
    const plainHttp = await expectProblem(
      await post({ kind: 'webhook', name: 'x', url: 'http://crm.acme.test/hook' }),
      422,
    );
    expect(plainHttp.errors).toEqual([expect.objectContaining({ path: 'url' })]);
    const stranger = await expectProblem(
      await post({ kind: 'webhook', name: 'x', url: 'https://crm.acme.test/hook', memberId: 'mem_nobody' }),
      422,
    );
    expect(stranger.errors).toEqual([expect.objectContaining({ path: 'memberId' })]);
    await expectProblem(await post({ kind: 'pager', name: 'x', url: 'https://crm.acme.test/hook' }), 422);
  });

  it('should let only admins and managers manage channels, within their own workspace', async () => {
    const ws = await createSlaWorkspace();
    const hook = await addChannel(ws, { kind: 'webhook', url: 'https://crm.acme.test/hook' });
    const json = { kind: 'webhook', name: 'x', url: 'https://crm.acme.test/hook' };
    for (const role of ['marketing', 'sales', 'viewer', 'intake'] as const) {
      await expectProblem(
        await call('POST', '/v1/notification-channels', { token: ws.tokens[role], json }),
        403,
      );
      await expectProblem(await call('GET', '/v1/notification-channels', { token: ws.tokens[role] }), 403);
    }
    const other = await createTestWorkspace();
    await expectProblem(
      await call('DELETE', `/v1/notification-channels/${hook.id}`, { token: other.tokens.admin }),
      404,
    );
  });
});
