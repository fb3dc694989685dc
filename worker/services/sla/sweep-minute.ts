import type { DatabaseContext } from '../context';
import { type DeliveryReport, deliverOutbox } from '../notifications/deliver-outbox';
import { governancePass } from './governance-pass';
import { bodyOpener } from './open-bodies';
import { type LeadLinkSigning, type SweepReport, sweepDeadlines } from './sweep-deadlines';
import { WorkspaceFactsCache } from './workspace-facts';

export type { DeliveryReport };

/**
 * The SLA clock's minute on one database: refresh a few workspaces' team
 * deadlines, record every deadline that became due soon, breached or escalated
 * (once each, with its messages in the same batch), then deliver what the
 * outbox holds. Each workspace and its agreement are read once for all of it.
 */
export async function sweepMinute({
  ctx,
  input,
}: {
  ctx: DatabaseContext;
  input: {
    fetch: (url: string, init: RequestInit) => Promise<Response>;
    leadLinks?: LeadLinkSigning | null;
  };
}): Promise<SweepReport & { governance: number; delivery: DeliveryReport }> {
  const facts = new WorkspaceFactsCache(ctx);
  const governance = await governancePass({ ctx, input: { facts } });
  const swept = await sweepDeadlines({ ctx, input: { facts, leadLinks: input.leadLinks ?? null } });
  const delivery = await deliverOutbox({ ctx, input: { send: input.fetch, openBodies: bodyOpener(ctx) } });
  return { governance, ...swept, delivery };
}
