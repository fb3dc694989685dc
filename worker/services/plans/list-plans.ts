import { listStoredPlans } from '../../db/queries/reports';
import type { StoredPlan } from '../../domain/reports/plan';
import type { ServiceContext } from '../context';

/** The stored plans' inputs, by period. */
export function listPlans({ ctx }: { ctx: ServiceContext }): Promise<StoredPlan[]> {
  return listStoredPlans(ctx.db, ctx.workspaceId);
}
