import { listMembers } from '../../db/queries/members';
import { saveRoutingRules as storeRules } from '../../db/queries/routing';
import { assertRoutesToSales, type RoutingRule } from '../../domain/ledger/routing';
import type { ServiceContext } from '../context';

/** Replaces the routing rules as a whole; every member they name must be on the sales side. */
export async function saveRoutingRules({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { rules: RoutingRule[] };
}): Promise<RoutingRule[]> {
  const sales = await listMembers(ctx.db, ctx.workspaceId, { side: 'sales' });
  assertRoutesToSales(input.rules, new Set(sales.map((m) => m.id)));
  await storeRules(ctx.db, ctx.workspaceId, input.rules, ctx.now);
  return input.rules;
}
