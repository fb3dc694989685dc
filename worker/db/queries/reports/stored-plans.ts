import { and, eq } from 'drizzle-orm';
import type { StoredPlan } from '../../../domain/reports/plan';
import type { Database } from '../../client';
import { funnelPlans } from '../../schema';

// ————— Funnel plans —————

function toStoredPlan(row: typeof funnelPlans.$inferSelect): StoredPlan {
  return {
    period: row.period,
    revenueTarget: row.revenueTarget,
    averageDealSize: row.averageDealSize,
    rates: row.rates,
    marketingBudget: row.marketingBudget,
    currency: row.currency,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

/** The plan stored for `period`, or null. */
export async function findStoredPlan(
  db: Database,
  workspaceId: string,
  period: string,
): Promise<StoredPlan | null> {
  const row = await db
    .select()
    .from(funnelPlans)
    .where(and(eq(funnelPlans.workspaceId, workspaceId), eq(funnelPlans.period, period)))
    .get();
  return row ? toStoredPlan(row) : null;
}

export async function listStoredPlans(db: Database, workspaceId: string): Promise<StoredPlan[]> {
  const rows = await db.select().from(funnelPlans).where(eq(funnelPlans.workspaceId, workspaceId)).all();
  return rows.map(toStoredPlan).sort((a, b) => a.period.localeCompare(b.period));
}

/** When the plan of `period` was first stored, or undefined for a new plan. */
export async function planCreatedAt(
  db: Database,
  workspaceId: string,
  period: string,
): Promise<string | undefined> {
  const row = await db
    .select({ createdAt: funnelPlans.createdAt })
    .from(funnelPlans)
    .where(and(eq(funnelPlans.workspaceId, workspaceId), eq(funnelPlans.period, period)))
    .get();
  return row?.createdAt;
}

/** Stores a plan's inputs, replacing earlier ones of the same period. */
export async function upsertPlan(db: Database, workspaceId: string, stored: StoredPlan): Promise<void> {
  const values = { workspaceId, ...stored };
  await db
    .insert(funnelPlans)
    .values(values)
    .onConflictDoUpdate({
      target: [funnelPlans.workspaceId, funnelPlans.period],
      set: {
        revenueTarget: values.revenueTarget,
        averageDealSize: values.averageDealSize,
        rates: values.rates,
        marketingBudget: values.marketingBudget,
        currency: values.currency,
        updatedAt: values.updatedAt,
        updatedBy: values.updatedBy,
      },
    })
    .run();
}
