import { drizzle } from 'drizzle-orm/d1';
import { describe, expect, it } from 'vitest';
import * as schema from '../../worker/db/schema';
import { sweepMinute } from '../../worker/services/sla';
import { call, env } from './harness';
import { meteredD1 } from './metered-d1';
import {
  addChannel,
  CLOSED_PORT_URL,
  createSlaWorkspace,
  outboxOf,
  runCron,
  submitLeadAt,
} from './sla-fixtures';

describe('one sweep minute, one read of each workspace', () => {
  it('should read the workspace and its active agreement once while it syncs governance, sweeps deadlines and posts the agenda', async () => {
    const ws = await createSlaWorkspace();
    await addChannel(ws, {
      kind: 'slack',
      url: CLOSED_PORT_URL,
      topics: ['agenda', 'due_soon', 'breached', 'escalated'],
    });
    // A plan covering the meeting, so the agenda's pace reads the plan view too.
    const plan = await call('PUT', '/v1/funnel/plans/2026-Q4', {
      token: ws.tokens.manager,
      json: { revenueTarget: 300_000, averageDealSize: 10_000 },
    });
    expect(plan.status).toBe(201);
    await submitLeadAt(ws, '2026-11-17T09:00:00Z');
    await runCron('2026-11-22T12:00:00Z'); // schedules week 48's agenda and records the lead's breach

    const metered = meteredD1(env.DB);
    const db = drizzle(metered.binding, { schema });
    // An hour before Monday's meeting: the governance pass, the agenda's deadline and the lead's escalation.
    const report = await sweepMinute({
      ctx: { db, now: new Date('2026-11-23T08:00:00Z'), encryption: { key: env.LEADPACT_ENCRYPTION_KEY } },
      input: { fetch: async () => new Response('ok') },
    });
    expect(report.governance).toBe(1);
    expect(report.due).toBeGreaterThanOrEqual(1);
    const posts = (await outboxOf(ws.id)).filter((m) => m.topic === 'agenda');
    expect(posts).toHaveLength(1);

    const workspaceReads = metered.log.filter((q) => /from "workspaces"/.test(q.sql));
    const activeAgreementReads = metered.log.filter(
      (q) => /from "agreement_versions"/.test(q.sql) && q.params.includes('active'),
    );
    console.log(
      JSON.stringify({
        statements: metered.totals.statements,
        rowsRead: metered.totals.rowsRead,
        workspaceReads: workspaceReads.length,
        activeAgreementReads: activeAgreementReads.length,
      }),
    );
    expect(workspaceReads).toHaveLength(1);
    expect(activeAgreementReads).toHaveLength(1);
  }, 30_000);
});
