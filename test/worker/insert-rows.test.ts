import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../../worker/db/batch';
import { InsertRows } from '../../worker/db/insert-rows';
import * as schema from '../../worker/db/schema';
import { chunks, rowsPerInsert } from '../../worker/db/scope';
import { createTestWorkspace, env } from './harness';
import { meteredD1 } from './metered-d1';

const { leads, personKeys } = schema;
type LeadInsert = typeof leads.$inferInsert;

/** Text a form could send: quotes, backslashes, a formula's `=`, control characters, any script, emoji. */
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    '"',
    "'); drop table leads; --",
    '=HYPERLINK("x")',
    'a\\"b',
    '\u0000\n\t',
    'Zoë 👩🏽‍💻 ✓',
  ),
);
const real = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }),
  fc.constantFrom(0, 0.1, 1 / 3, 1e-7, 12.5, 99.99),
);

function leadRow(workspaceId: string, n: number, g: LeadGen): LeadInsert {
  return {
    id: `lead_ir_${workspaceId}_${n}`,
    workspaceId,
    seq: g.seq,
    stage: g.stage,
    personal: g.personal,
    emailIndex: `e${String(n).padStart(6, '0')}`,
    phoneIndex: null,
    domainIndex: g.domainIndex,
    employees: g.employees,
    consent: g.consent,
    campaign: g.campaign,
    fit: g.fit,
    engagement: g.engagement,
    quadrant: g.campaign ?? 'x',
    icpMatch: g.icpMatch,
    touchCounts: g.touchCounts,
    createdAt: '2026-12-02T09:00:00.000Z',
    updatedAt: '2026-12-02T09:00:00.000Z',
    attempts: g.attempts,
    attemptChannels: g.attemptChannels,
    qualification: g.qualification,
    opportunityAmount: g.opportunityAmount,
    stageReasons: g.stageReasons,
  };
}

const leadGen = fc.record({
  seq: fc.integer({ min: 1, max: 2 ** 31 }),
  stage: fc.constantFrom(...schema.leads.stage.enumValues),
  personal: fc.option(text),
  domainIndex: fc.option(text),
  employees: fc.option(fc.integer()),
  consent: fc.boolean(),
  campaign: fc.option(text),
  fit: real,
  engagement: real,
  icpMatch: fc.boolean(),
  touchCounts: fc.dictionary(text, fc.integer(), { noNullPrototype: true }),
  attempts: fc.nat(),
  attemptChannels: fc.array(text, { maxLength: 3 }),
  qualification: fc.option(fc.dictionary(text, fc.boolean(), { noNullPrototype: true })),
  opportunityAmount: fc.option(real),
  stageReasons: fc.array(text, { maxLength: 3 }),
});
type LeadGen = typeof leadGen extends fc.Arbitrary<infer T> ? T : never;

/** The workspace's leads numbered from `from` to `from + 99`, without their ids. */
async function leadsOf(workspaceId: string, from = 0) {
  const db = drizzle(env.DB, { schema });
  const index = (n: number) => `e${String(n).padStart(6, '0')}`;
  const rows = await db
    .select()
    .from(leads)
    .where(
      and(
        eq(leads.workspaceId, workspaceId),
        gte(leads.emailIndex, index(from)),
        lt(leads.emailIndex, index(from + 100)),
      ),
    )
    .orderBy(asc(leads.emailIndex));
  return rows.map(({ id: _id, workspaceId: _ws, ...rest }) => rest);
}

describe('InsertRows: one JSON statement per table', () => {
  it('should store exactly what drizzle’s own multi-row insert stores, whatever the values', async () => {
    const a = await createTestWorkspace();
    const b = await createTestWorkspace();
    const db = drizzle(env.DB, { schema });
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(leadGen, { minLength: 1, maxLength: 30 }), async (gens) => {
        round += 1;
        const viaJson = gens.map((g, i) => leadRow(a.id, round * 100 + i, g));
        const viaValues = gens.map((g, i) => leadRow(b.id, round * 100 + i, g));
        const into = new InsertRows();
        into.add(leads, viaJson);
        const statements = into.statements(db);
        // Thirty leads of 44 columns would be 14 `values` statements under D1's 100 parameters.
        expect(statements).toHaveLength(1);
        const outcome = async (run: Promise<unknown>) =>
          run.then(
            () => 'written',
            (e) => String(e),
          );
        expect(await outcome(runBatch(db, statements))).toBe(
          await outcome(
            runBatch(
              db,
              chunks(viaValues, rowsPerInsert(leads)).map((rows) => db.insert(leads).values(rows)),
            ),
          ),
        );
        const stored = await leadsOf(a.id, round * 100);
        expect(stored).toHaveLength(gens.length);
        expect(stored).toEqual(await leadsOf(b.id, round * 100));
      }),
      { numRuns: 25 },
    );
  });

  it('should fill a missing column as drizzle does: its default, or null', async () => {
    const ws = await createTestWorkspace();
    const db = drizzle(env.DB, { schema });
    const g = fc.sample(leadGen, { numRuns: 1, seed: 7 })[0] as LeadGen;
    // No attempts (default 0) and no stage reasons (an SQL default: the row goes as drizzle's `values`).
    const { attempts: _a, stageReasons: _s, personal: _p, ...row } = leadRow(ws.id, 1, g);
    const into = new InsertRows();
    into.add(leads, [row]);
    await runBatch(db, into.statements(db));
    const [stored] = await leadsOf(ws.id);
    expect(stored?.attempts).toBe(0);
    expect(stored?.stageReasons).toEqual([]);
    expect(stored?.personal).toBeNull();
  });

  it('should write nothing when one row of the batch collides, and skip the collision when told to', async () => {
    const ws = await createTestWorkspace();
    const meter = meteredD1(env.DB);
    const db = drizzle(meter.binding, { schema });
    const key = (id: string) => ({
      workspaceId: ws.id,
      id: `${ws.id}-${id}`,
      leadId: null,
      wrapped: `w-${id}`,
      createdAt: '2026-12-02T09:00:00.000Z',
    });
    await runBatch(db, [db.insert(personKeys).values(key('k1'))]);

    const strict = new InsertRows();
    strict.add(personKeys, [key('k2'), key('k1'), key('k3')]);
    await expect(runBatch(db, strict.statements(db))).rejects.toThrow();
    const ids = async () =>
      (
        await db
          .select({ id: personKeys.id })
          .from(personKeys)
          .where(and(eq(personKeys.workspaceId, ws.id)))
          .orderBy(asc(personKeys.id))
      ).map((r) => r.id.slice(ws.id.length + 1));
    expect(await ids()).toEqual(['k1']);

    const lenient = new InsertRows();
    lenient.add(personKeys, [key('k2'), key('k1'), key('k3')], { ignoreConflicts: true });
    meter.reset();
    await runBatch(db, lenient.statements(db));
    expect(meter.log).toHaveLength(1);
    expect(meter.log[0]?.rowsWritten).toBeGreaterThan(0);
    expect(await ids()).toEqual(['k1', 'k2', 'k3']);
    expect(
      (
        await db
          .select()
          .from(personKeys)
          .where(eq(personKeys.id, `${ws.id}-k1`))
          .get()
      )?.wrapped,
    ).toBe('w-k1');
  });

  it('should make no statement for no rows, and run `after` statements last', async () => {
    const db = drizzle(env.DB, { schema });
    const into = new InsertRows();
    expect(into.statements(db)).toEqual([]);
    const later = db.select().from(leads).limit(1);
    into.after([later]);
    into.add(personKeys, []);
    const statements = into.statements(db);
    expect(statements.at(-1)).toBe(later);
  });
});
