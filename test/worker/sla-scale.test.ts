import { drizzle } from 'drizzle-orm/d1';
import { describe, expect, it } from 'vitest';
import { openLeadsSql } from '../../bench/ledger-seed';
import { deliverOutbox } from '../../worker/db/queries/notifications';
import * as schema from '../../worker/db/schema';
import { governancePass, sweepDeadlines } from '../../worker/services/sla';
import { env } from './harness';
import { meteredD1 } from './metered-d1';
import { addChannel, CLOSED_PORT_URL, createSlaWorkspace, opener, outboxOf } from './sla-fixtures';

const OPEN_LEADS = 3000;
const DUE = 40;
const NOW = new Date('2026-11-23T12:00:00Z');

/** Thousands of open MQLs, inserted straight into D1: three deadlines each, all but DUE far from due. */
async function seedOpenLeads(workspaceId: string, ownerId: string) {
  const lead = env.DB.prepare(
    `insert into leads (id, workspace_id, seq, stage, consent, fit, engagement, quadrant, icp_match, touch_counts,
       owner_id, personal, created_at, updated_at)
     values (?, ?, 3, 'mql', 1, 10, 10, 'perfect', 1, '{}', ?, ?, '2026-11-20T08:00:00.000Z', '2026-11-20T08:00:00.000Z')`,
  );
  const deadline = env.DB.prepare(
    `insert into sla_deadlines (id, workspace_id, key, lead_id, kind, status, agreement_version, owner_id, started_at,
       due_soon_at, due_at, escalate_at, next_at, created_at, updated_at)
     values (?, ?, ?, ?, ?, 'pending', 1, ?, '2026-11-20T08:00:00.000Z', ?, ?, ?, ?, '2026-11-20T08:00:00.000Z', '2026-11-20T08:00:00.000Z')`,
  );
  const statements: D1PreparedStatement[] = [];
  for (let i = 0; i < OPEN_LEADS; i++) {
    const id = `lead_bulk${String(i).padStart(6, '0')}`;
    // No personal profile: the sweep reads none of it (it opens only the names its messages show).
    statements.push(lead.bind(id, workspaceId, ownerId, null));
    for (const kind of ['first_touch', 'attempts', 'decision']) {
      // The first DUE leads' first touch came due an hour ago; everything else is weeks away.
      const due = kind === 'first_touch' && i < DUE;
      const dueAt = due ? '2026-11-23T11:00:00.000Z' : '2026-12-30T11:00:00.000Z';
      const dueSoonAt = due ? '2026-11-23T10:45:00.000Z' : '2026-12-29T11:00:00.000Z';
      statements.push(
        deadline.bind(
          `sla_bulk_${kind}_${i}`,
          workspaceId,
          `${id}:${kind}:3`,
          id,
          kind,
          ownerId,
          dueSoonAt,
          dueAt,
          '2027-01-30T11:00:00.000Z',
          dueSoonAt,
        ),
      );
    }
  }
  for (let i = 0; i < statements.length; i += 1000) await env.DB.batch(statements.slice(i, i + 1000));
}

describe('the sweep at scale', () => {
  it('should read rows in proportion to the deadlines that fell due, not to the open leads', async () => {
    const ws = await createSlaWorkspace();
    await addChannel(ws, { kind: 'webhook', url: CLOSED_PORT_URL });
    await seedOpenLeads(ws.id, ws.signers.sales.memberId);

    const metered = meteredD1(env.DB);
    const db = drizzle(metered.binding, { schema });
    const report = await sweepDeadlines({
      ctx: { db, now: NOW, encryption: { key: env.LEADPACT_ENCRYPTION_KEY } },
    });
    expect(report).toEqual({ due: DUE, transitions: DUE, messages: DUE });
    const sweepRead = metered.totals.rowsRead;
    // Measured 295 for 40 due: about 7 rows per due deadline (its index entry, its lead by key, the guard and
    // unique-key lookups of the transition, the message and the update) plus a few per workspace (members,
    // channels, signatures). The 3,000 open leads and their 8,960 deadlines that are not due never show up.
    expect(sweepRead).toBeLessThan(8 * DUE);
    expect(sweepRead).toBeLessThan(OPEN_LEADS / 10);
    console.log(
      JSON.stringify({
        openLeads: OPEN_LEADS,
        openDeadlines: 3 * OPEN_LEADS,
        due: DUE,
        sweepRowsRead: sweepRead,
        rowsWritten: metered.totals.rowsWritten,
      }),
    );

    // A second run finds nothing and reads next to nothing.
    metered.reset();
    expect(
      await sweepDeadlines({
        ctx: { db, now: new Date(NOW.getTime() + 60_000), encryption: { key: env.LEADPACT_ENCRYPTION_KEY } },
      }),
    ).toEqual({
      due: 0,
      transitions: 0,
      messages: 0,
    });
    // One boundary row per status range of the index, and nothing else.
    expect(metered.totals.rowsRead).toBeLessThan(10);

    // The rest of the minute: the governance pass (a few workspaces) and one delivery round for the DUE messages.
    metered.reset();
    await governancePass({ ctx: { db, now: NOW, encryption: { key: env.LEADPACT_ENCRYPTION_KEY } } });
    const governanceRead = metered.totals.rowsRead;
    metered.reset();
    const delivery = await deliverOutbox(db, NOW, async () => new Response('ok'), opener(db));
    expect(delivery.delivered).toBe(DUE);
    console.log(
      JSON.stringify({ governanceRowsRead: governanceRead, deliveryRowsRead: metered.totals.rowsRead }),
    );
    // 6 per message before bodies were sealed (issue 16); each now also reads its key (one read for all) and
    // destroys it once sent: measured 9 per message.
    expect(metered.totals.rowsRead).toBeLessThan(10 * DUE + 20);
    expect((await outboxOf(ws.id)).every((m) => m.status === 'delivered')).toBe(true);
    // 12,000 seeding statements: under a loaded machine this passes the 5 s default; it asserts rows, not time.
  }, 60_000);
});

describe('the sweep at ten times the scale', () => {
  it('should read exactly as many rows for the same due deadlines among 33,000 open leads as among 3,000', async () => {
    const ws = await createSlaWorkspace();
    await addChannel(ws, { kind: 'webhook', url: CLOSED_PORT_URL });
    const seed = (prefix: string, count: number) =>
      openLeadsSql({
        workspaceId: ws.id,
        prefix,
        count,
        due: DUE,
        ownerId: ws.signers.sales.memberId,
        agreementVersion: ws.version,
      });
    const metered = meteredD1(env.DB);
    const db = drizzle(metered.binding, { schema });

    for (const statement of seed('lead_small_', OPEN_LEADS)) await env.DB.prepare(statement).run();
    expect(
      await sweepDeadlines({ ctx: { db, now: NOW, encryption: { key: env.LEADPACT_ENCRYPTION_KEY } } }),
    ).toEqual({
      due: DUE,
      transitions: DUE,
      messages: DUE,
    });
    const small = metered.totals.rowsRead;

    // 30,000 more open leads (90,000 more deadlines), again with DUE first touches due; the first DUE were
    // breached above and wait for their escalation in 2027, so the sweep finds exactly the new DUE.
    for (const statement of seed('lead_large_', 10 * OPEN_LEADS)) await env.DB.prepare(statement).run();
    const open = await env.DB.prepare(
      "select count(*) as n from sla_deadlines where workspace_id = ? and status = 'pending'",
    )
      .bind(ws.id)
      .first<{ n: number }>();
    expect(open?.n).toBe(3 * 11 * OPEN_LEADS - DUE);
    metered.reset();
    expect(
      await sweepDeadlines({ ctx: { db, now: NOW, encryption: { key: env.LEADPACT_ENCRYPTION_KEY } } }),
    ).toEqual({
      due: DUE,
      transitions: DUE,
      messages: DUE,
    });
    console.log(
      JSON.stringify({ openLeads: 11 * OPEN_LEADS, due: DUE, sweepRowsRead: metered.totals.rowsRead, small }),
    );
    expect(metered.totals.rowsRead).toBe(small);
    expect(metered.totals.rowsRead).toBeLessThan(8 * DUE);
  }, 120_000);
});
