import { drizzle } from 'drizzle-orm/d1';
import { describe, expect, it } from 'vitest';
import * as schema from '../../worker/db/schema';
import { slot } from '../../worker/domain/privacy';
import {
  decodeLead,
  type SheetSnapshotResponse,
  type SnapshotMeta,
} from '../../worker/domain/sheet/snapshot';
import { call, createTestWorkspace, env, expectProblem } from './harness';
import { actOk, createMql, signStarterAgreement } from './lead-fixtures';
import { testVault } from './test-vault';

async function snapshot(token: string, query = ''): Promise<SheetSnapshotResponse> {
  const res = await call('GET', `/v1/sheet/snapshot${query}`, { token });
  if (res.status !== 200) throw new Error(`snapshot: ${res.status} ${await res.text()}`);
  return (await res.json()) as SheetSnapshotResponse;
}

function knownOf(s: SheetSnapshotResponse): string {
  return Object.entries(s.parts)
    .map(([part, p]) => `${part}:${p?.version}`)
    .join(',');
}

describe('GET /v1/sheet/snapshot', () => {
  it('should answer who and where for Test connection', async () => {
    const ws = await signStarterAgreement();
    const res = await call('GET', '/v1/sheet/snapshot?parts=meta', { token: ws.signers.sales.token });
    expect(res.status).toBe(200);
    const meta = (await res.json()) as SnapshotMeta & Record<string, unknown>;
    expect(meta.workspace).toEqual({
      id: ws.id,
      name: expect.stringMatching(/^Test \d+$/),
      language: 'en',
      timeZone: 'Europe/Warsaw',
    });
    expect(meta.caller).toEqual({
      role: 'sales',
      memberId: ws.signers.sales.memberId,
      memberName: expect.any(String),
    });
    expect(meta.leads).toBeUndefined();
  });

  it('should give every lead with its SLA, then only what changed, then nothing', async () => {
    const ws = await signStarterAgreement();
    const first = await createMql(ws, { firstName: '=IMPORTXML("http://x","//a")' });
    const second = await createMql(ws);
    const full = await snapshot(ws.tokens.viewer);
    expect(full.leads.full).toBe(true);
    expect(full.leads.rows.map((r) => r[0]).sort()).toEqual([first.leadId, second.leadId].sort());
    const decoded = full.leads.rows.map((r) => decodeLead(r, full.directory));
    const mine = decoded.find((d) => d.lead.id === first.leadId);
    // The wire carries the text as it came; the safe-cell rule applies when it is written into a cell.
    expect(mine?.lead.firstName).toBe('=IMPORTXML("http://x","//a")');
    expect(mine?.lead.ownerId).toBe(first.ownerId);
    expect(full.directory.members.map((m) => m.id)).toContain(first.ownerId);
    expect(mine?.sla.next?.kind).toBe('first_touch');
    expect(mine?.sla.worst).toBe('pending');
    expect(Object.keys(full.parts).sort()).toEqual(['agenda', 'agreement', 'plan', 'report']);
    for (const part of Object.values(full.parts)) expect(part?.unchanged).toBe(false);

    const again = await snapshot(
      ws.tokens.viewer,
      `?since=${full.leads.cursor}&known=${encodeURIComponent(knownOf(full))}`,
    );
    expect(again.leads.full).toBe(false);
    expect(again.leads.rows).toEqual([]);
    for (const part of Object.values(again.parts))
      expect(part).toEqual({ version: expect.any(String), unchanged: true });
    expect(again.parts.agreement?.version).toBe(full.parts.agreement?.version);

    await actOk(ws.signers.sales.token, first.leadId, {
      type: 'attempt',
      channel: 'phone',
      outcome: 'no_answer',
    });
    const changed = await snapshot(
      ws.tokens.viewer,
      `?since=${again.leads.cursor}&known=${encodeURIComponent(knownOf(full))}`,
    );
    expect(changed.leads.rows.map((r) => r[0])).toEqual([first.leadId]);
    const row = decodeLead(changed.leads.rows[0] as never, changed.directory);
    expect(row.lead.attempts).toBe(1);
    expect(row.lead.lastAction?.action).toBe('attempt');
  });

  it('should carry the share link, and give new versions when the team switches language', async () => {
    const ws = await signStarterAgreement();
    const before = await snapshot(ws.tokens.viewer);
    expect((before.parts.agreement as { data: { share: unknown } }).data.share).toBeNull();
    const shared = await call('POST', '/v1/agreement/share', { token: ws.tokens.admin });
    expect(shared.status).toBe(201);
    const link = (await shared.json()) as { url: string; createdAt: string };
    const after = await snapshot(ws.tokens.viewer, `?known=${encodeURIComponent(knownOf(before))}`);
    expect(after.parts.agreement).toMatchObject({
      unchanged: false,
      data: { share: { url: link.url, createdAt: link.createdAt } },
    });
    expect(after.parts.report?.unchanged).toBe(true);

    // The tabs say everything in the team's language: the same data in another language is a new version.
    await env.DB.prepare('update workspaces set language = ? where id = ?').bind('pl', ws.id).run();
    const polish = await snapshot(ws.tokens.viewer, `?known=${encodeURIComponent(knownOf(after))}`);
    for (const part of Object.values(polish.parts)) expect(part?.unchanged).toBe(false);
  });

  it('should send only its own workspace', async () => {
    const ours = await signStarterAgreement();
    const theirs = await signStarterAgreement();
    const lead = await createMql(theirs);
    await createMql(ours);
    const s = await snapshot(ours.tokens.admin);
    expect(s.leads.rows.map((r) => r[0])).not.toContain(lead.leadId);
    expect(s.directory.members.map((m) => m.id)).not.toContain(lead.ownerId);
  });

  it('should refuse the intake token and bad cursors, naming the field', async () => {
    const ws = await createTestWorkspace();
    await expectProblem(await call('GET', '/v1/sheet/snapshot', { token: ws.tokens.intake }), 403);
    const bad = await expectProblem(
      await call('GET', '/v1/sheet/snapshot?since=yesterday', { token: ws.tokens.viewer }),
      422,
    );
    expect(JSON.stringify(bad.errors)).toContain('since');
    const known = await expectProblem(
      await call('GET', '/v1/sheet/snapshot?known=leads:abc', { token: ws.tokens.viewer }),
      422,
    );
    expect(JSON.stringify(known.errors)).toContain('known');
  });

  it('should keep 10,000 leads under 2 MB', async () => {
    const ws = await signStarterAgreement();
    const count = 10_000;
    // Realistic widths: 40-character e-mails, phones, names, companies and campaigns, every lead owned,
    // each profile sealed as intake seals it (one key for the bulk, stored, so the snapshot opens them).
    const vault = testVault(drizzle(env.DB, { schema }), ws.id);
    const key = await vault.mintKey();
    await env.DB.prepare(
      'insert into person_keys (workspace_id, id, lead_id, wrapped, created_at) values (?, ?, null, ?, ?)',
    )
      .bind(ws.id, key.id, key.wrapped, new Date().toISOString())
      .run();
    const idOf = (i: number) => `ld_01JBULK${String(i).padStart(19, '0')}`;
    const sealed = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        vault.seal(
          key.id,
          slot.lead(idOf(i)),
          JSON.stringify({
            email: `firstname.lastname${i}@manufacturing-co.pl`,
            phone: `+48 600 ${String(i % 1000).padStart(3, '0')} ${String(Math.floor(i / 1000)).padStart(3, '0')}`,
            firstName: 'Aleksandra',
            lastName: `Wiśniewska-${i}`,
            company: `Zakłady Mechaniczne ${i}`,
            companyDomain: 'manufacturing-co.pl',
            website: null,
            title: null,
          }),
        ),
      ),
    );
    const insert = env.DB.prepare(
      `insert into leads (id, workspace_id, seq, stage, personal, consent, owner_id, first_source_id, campaign, fit,
         engagement, quadrant, icp_match, touch_counts, submitted_at, mql_at, first_attempt_at, created_at, updated_at)
       values (?1, ?2, 9, 'mql', ?5, 1, ?3, ?4, 'webinar-2026-q1-' || ?6, 50, 30, 'perfect', 1, '{}',
         '2026-03-02T09:00:00.000Z', '2026-03-02T09:00:00.000Z', '2026-03-02T10:00:00.000Z',
         '2026-03-02T09:00:00.000Z', '2026-03-02T09:00:00.000Z')`,
    );
    for (let start = 0; start < count; start += 500) {
      await env.DB.batch(
        sealed
          .slice(start, start + 500)
          .map((s, j) =>
            insert.bind(idOf(start + j), ws.id, ws.signers.sales.memberId, ws.sourceId, s, (start + j) % 20),
          ),
      );
    }
    const started = Date.now();
    const res = await call('GET', '/v1/sheet/snapshot', { token: ws.tokens.viewer });
    expect(res.status).toBe(200);
    const body = await res.text();
    console.log(`snapshot of ${count} sealed leads answered in ${Date.now() - started} ms`);
    const parsed = JSON.parse(body) as SheetSnapshotResponse;
    expect(parsed.leads.rows).toHaveLength(count);
    // Every profile opened: the names are in the sheet's rows.
    expect(body).toContain('Wiśniewska-9999');
    expect(body).toContain('firstname.lastname0@manufacturing-co.pl');
    const bytes = new TextEncoder().encode(body).length;
    console.log(`snapshot of ${count} leads: ${(bytes / 1024 / 1024).toFixed(2)} MB`);
    expect(bytes).toBeLessThanOrEqual(2 * 1024 * 1024);
  }, 120_000);
});
