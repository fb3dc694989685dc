import { type DeliveryRow, storeDelivery } from '../../db/queries/intake-deliveries';
import { base64Encode } from '../../domain/encoding';
import { deliveryKeyOf } from '../../domain/intake';
import { newId } from '../../platform/ids';
import type { ServiceContext } from '../context';

/**
 * Stores a verified delivery before anything judges it, with one write keyed by
 * the delivery key (the sender's Idempotency-Key, else its event id, else the
 * body's hash). The same delivery again answers the row already stored.
 * `ctx.now` is the arrival: the SLA clock starts there.
 */
export async function storeIntakeDelivery({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    sourceId: string;
    body: Uint8Array;
    contentType: string | null;
    bodyHash: string;
    idempotencyKey: string | undefined;
    /** The sender's event id, read from the payload. */
    eventId: string | null;
  };
}): Promise<{ row: DeliveryRow; fresh: boolean }> {
  const key = deliveryKeyOf({
    idempotencyKey: input.idempotencyKey,
    deliveryId: input.eventId,
    bodyHash: input.bodyHash,
  });
  return storeDelivery(ctx.db, {
    workspaceId: ctx.workspaceId,
    sourceId: input.sourceId,
    key,
    id: newId('dlv', ctx.now.getTime()),
    bodyHash: input.bodyHash,
    body: base64Encode(input.body),
    contentType: input.contentType,
    receivedAt: ctx.now,
  });
}
