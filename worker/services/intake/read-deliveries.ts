import { getDelivery, listDeliveries } from '../../db/queries/intake-deliveries';
import { NotFoundError } from '../../domain/errors';
import { thing } from '../../domain/i18n';
import type { DeliveryStatus } from '../../domain/intake/delivery';
import type { ServiceContext } from '../context';
import { type DeliveryView, deliveryView } from './delivery-view';

/** One delivery of the workspace: its status, and its lead and stage once judged. */
export async function getIntakeDelivery({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: string };
}): Promise<DeliveryView> {
  const row = await getDelivery(ctx.db, ctx.workspaceId, input.id);
  if (!row) throw new NotFoundError(thing('delivery'));
  return deliveryView(row);
}

/** The workspace's deliveries in one status, newest first: what failed, what waits. */
export async function listIntakeDeliveries({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { status: DeliveryStatus; limit: number };
}): Promise<DeliveryView[]> {
  return (await listDeliveries(ctx.db, ctx.workspaceId, input)).map(deliveryView);
}
