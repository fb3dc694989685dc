import { loadRouting } from '../../db/queries/routing';
import type { RoutingRule } from '../../domain/ledger/routing';
import type { ServiceContext } from '../context';

/** The workspace's routing rules, in the order they are tried. */
export async function getRoutingRules({ ctx }: { ctx: ServiceContext }): Promise<RoutingRule[]> {
  return (await loadRouting(ctx.db, ctx.workspaceId)).rules;
}
