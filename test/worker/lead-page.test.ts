import { describe, expect, it, vi } from 'vitest';
import { call, env } from './harness';
import {
  addChannel,
  CLOSED_PORT_URL,
  createSlaWorkspace,
  outboxOf,
  runCron,
  submitLeadAt,
} from './sla-fixtures';

const HOSTILE = { firstName: '<img src=x onerror=alert(1)>', lastName: 'Nowak', company: 'Huta "Ł&Ż"' };

/** A lead whose first touch is breached by the real cron, posted to a Slack channel; its message's link. */
async function breachedLead() {
  const ws = await createSlaWorkspace();
  await addChannel(ws, { kind: 'slack', url: CLOSED_PORT_URL, topics: ['breached'] });
  const { leadId } = await submitLeadAt(ws, '2026-11-23T09:00:00Z', {
    ...HOSTILE,
    email: 'jan.secret@huta.pl',
    phone: '+48 600 999 888',
    message: 'private note',
  });
  await runCron('2026-11-24T09:00:00Z');
  const post = (await outboxOf(ws.id)).find((m) => m.topic === 'breached');
  if (!post) throw new Error('no breach message');
  const text = (JSON.parse(post.body) as { text: string }).text;
  const link = /<(https?:\/\/[^|>]+)\|[^>]+>$/.exec(text)?.[1];
  if (!link) throw new Error(`no link in ${text}`);
  return { ws, leadId, link: new URL(link.replace(/&amp;/g, '&')) };
}

const open = (url: URL | string) =>
  call('GET', typeof url === 'string' ? url : `${url.pathname}${url.search}`);

async function atClock<T>(at: string, fn: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(at));
  try {
    return await fn();
  } finally {
    vi.useRealTimers();
  }
}

describe('the link in a breach message', () => {
  it('should open a signed read-only page without a token, escaped, with no contact details', async () => {
    const { leadId, link } = await breachedLead();
    expect(link.pathname).toMatch(/^\/l\/ws_[^/]+\/lead_/);
    expect(link.pathname.endsWith(`/${leadId}`)).toBe(true);
    const exp = Number(link.searchParams.get('exp'));
    // Seven days from the sweep that wrote it.
    expect(exp).toBe(Date.parse('2026-11-24T09:00:00Z') / 1000 + 7 * 86_400);

    const res = await atClock('2026-11-25T10:00:00Z', () => open(link));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await res.text();
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; Nowak (Huta &quot;Ł&amp;Ż&quot;)');
    expect(html).not.toContain('<img');
    expect(html).toContain('first touch');
    expect(html).toContain('breached');
    for (const secret of ['jan.secret@huta.pl', '+48600999888', '600 999 888', 'private note'])
      expect(html).not.toContain(secret);
  });

  it('should refuse a changed signature, lead or workspace (404) and an expired link (410)', async () => {
    const { link, ws } = await breachedLead();
    const other = await createSlaWorkspace();
    const { leadId: otherLead } = await submitLeadAt(other, '2026-11-23T09:00:00Z');
    const tampered = new URL(link);
    tampered.searchParams.set('sig', `${link.searchParams.get('sig')?.slice(0, -2)}AA`);
    const longer = new URL(link);
    longer.searchParams.set('exp', String(Number(link.searchParams.get('exp')) + 86_400));
    const otherLeadUrl = new URL(link);
    otherLeadUrl.pathname = `/l/${ws.id}/${otherLead}`;
    const otherWs = new URL(link);
    otherWs.pathname = link.pathname.replace(ws.id, other.id);
    for (const url of [tampered, longer, otherLeadUrl, otherWs]) {
      const res = await atClock('2026-11-25T10:00:00Z', () => open(url));
      expect(res.status, url.toString()).toBe(404);
      expect(await res.text()).not.toContain('Nowak');
    }
    const expired = await atClock('2026-12-01T09:00:01Z', () => open(link));
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('expired');
    expect((await open(`${link.pathname}`)).status).toBe(404);
  });

  it('should link to the team’s sheet when one is connected', async () => {
    const ws = await createSlaWorkspace();
    await addChannel(ws, { kind: 'google_chat', url: CLOSED_PORT_URL, topics: ['breached'] });
    const now = '2026-11-23T08:00:00.000Z';
    await env.DB.prepare(
      `insert into sheet_connections (workspace_id, spreadsheet_id, service_account_email, state, cursor_events,
         cursor_transitions, failures, created_at, updated_at) values (?, ?, ?, 'active', 0, 0, 0, ?, ?)`,
    )
      .bind(ws.id, '1AbC_sheet-id', 'leadpact@example.iam.gserviceaccount.com', now, now)
      .run();
    await submitLeadAt(ws, '2026-11-23T09:00:00Z');
    await runCron('2026-11-24T09:00:00Z');
    const post = (await outboxOf(ws.id)).find((m) => m.topic === 'breached');
    const text = (JSON.parse(post?.body ?? '{}') as { text: string }).text;
    expect(text).toContain('<https://docs.google.com/spreadsheets/d/1AbC_sheet-id/edit|Open the lead>');
  });
});
