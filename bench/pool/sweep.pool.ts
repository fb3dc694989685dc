import { drizzle } from 'drizzle-orm/d1';
import { expect, it } from 'vitest';
import { env } from '../../test/worker/harness';
import { meteredD1 } from '../../test/worker/metered-d1';
import { addChannel, CLOSED_PORT_URL, createSlaWorkspace } from '../../test/worker/sla-fixtures';
import * as schema from '../../worker/db/schema';
import { encryptionSecretsOf } from '../../worker/env';
import { sweepDeadlines } from '../../worker/services/sla';
import { openLeadsSql } from '../ledger-seed';
import { benchScales, report } from './report';

const NOW = new Date('2026-11-23T12:00:00Z');

/**
 * The SLA sweep's rows read at each scale: `open` MQLs with three pending deadlines each, `due` of them
 * past their first-touch deadline. rows_read is D1's own figure, summed over every statement the sweep runs
 * (reads and the writes' index lookups). Each scale gets a fresh workspace; the previous one's rows are
 * deleted first, so the database holds exactly `open` open leads.
 */
it('sweeps deadlines reading rows in proportion to those due', async () => {
  const { sweep } = benchScales();
  for (const open of sweep.open) {
    for (const table of ['sla_transitions', 'notification_outbox', 'sla_deadlines', 'lead_events', 'leads'])
      await env.DB.prepare(`delete from ${table}`).run();
    const ws = await createSlaWorkspace();
    await addChannel(ws, { kind: 'webhook', url: CLOSED_PORT_URL });
    const due = Math.min(sweep.due, open);
    const seeded = performance.now();
    for (const statement of openLeadsSql({
      workspaceId: ws.id,
      prefix: `lead_open${open}_`,
      count: open,
      due,
      ownerId: ws.signers.sales.memberId,
      agreementVersion: ws.version,
    }))
      await env.DB.prepare(statement).run();
    const seedSeconds = (performance.now() - seeded) / 1000;
    const counted = await env.DB.prepare(
      "select count(*) as n from sla_deadlines where status = 'pending' and workspace_id = ?",
    )
      .bind(ws.id)
      .first<{ n: number }>();
    expect(counted?.n).toBe(3 * open);

    const metered = meteredD1(env.DB);
    const db = drizzle(metered.binding, { schema });
    const result = await sweepDeadlines({ ctx: { db, now: NOW, encryption: encryptionSecretsOf(env) } });
    expect(result.due).toBe(due);
    const first = { ...metered.totals };
    // How SQLite reads the sweep's selects that grow with the due deadlines (one per open status), and the
    // lead reads it used to make (none now: a notice's lead is named when it is sent).
    const plans: Record<string, string[]> = {};
    for (const q of metered.log.filter(
      (l) => /from "(sla_deadlines|leads)"/.test(l.sql) && /^\s*select/i.test(l.sql),
    )) {
      const plan = await env.DB.prepare(`explain query plan ${q.sql}`)
        .bind(...q.params)
        .all<{ detail: string }>();
      plans[q.sql.match(/from "(\w+)"/)?.[1] ?? q.sql] = plan.results.map((p) => p.detail);
    }
    const selects = metered.log.filter((q) => /^\s*select/i.test(q.sql));
    // Where the rows go: statement shape (its first words and table) → statements and rows read.
    const byShape = new Map<string, { statements: number; rowsRead: number }>();
    for (const q of metered.log) {
      const shape = q.sql.replace(/\s+/g, ' ').trim().slice(0, 60);
      const seen = byShape.get(shape) ?? { statements: 0, rowsRead: 0 };
      byShape.set(shape, { statements: seen.statements + 1, rowsRead: seen.rowsRead + q.rowsRead });
    }
    metered.reset();
    await sweepDeadlines({
      ctx: { db, now: new Date(NOW.getTime() + 60_000), encryption: encryptionSecretsOf(env) },
    });
    report('sweep', {
      open,
      deadlines: 3 * open,
      due,
      rowsRead: first.rowsRead,
      rowsWritten: first.rowsWritten,
      statements: first.statements,
      selects: selects.length,
      selectRowsRead: selects.reduce((n, q) => n + q.rowsRead, 0),
      transitions: result.transitions,
      messages: result.messages,
      idleRowsRead: metered.totals.rowsRead,
      seedSeconds,
      plans,
      byShape: Object.fromEntries([...byShape].sort((a, b) => b[1].rowsRead - a[1].rowsRead)),
    });
  }
});
