import { type StoredDeliveryRow, storeDelivery } from '../../db/queries/intake-deliveries';
import { base64Encode } from '../../domain/encoding';
import { DomainError } from '../../domain/errors';
import { say } from '../../domain/i18n';
import { assertSameDeliveryBody, deliveryKeyOf } from '../../domain/intake';
import { slot } from '../../domain/privacy';
import { newId } from '../../platform/ids';
import type { ServiceContext } from '../context';
import { vaultOf } from '../privacy/vault';

/**
 * Stores a verified delivery before anything judges it, with one write keyed by
 * the delivery key (the sender's Idempotency-Key, else its event id, else the
 * body's hash). The same delivery again answers the row already stored.
 * `ctx.now` is the arrival: the SLA clock starts there. When the write itself
 * fails (D1 unreachable or overloaded) nothing was kept, so the sender must send
 * again: that is `unavailable` (503 with Retry-After), never a 500 a sender may
 * take as final.
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
}): Promise<{ row: StoredDeliveryRow; fresh: boolean }> {
  const vault = vaultOf(ctx, ctx.workspaceId);
  // Kept as a blind index: a sender's key or event id may be anything, an e-mail too; equal keys still meet.
  const key = await vault.blindIndex(
    'delivery-key',
    deliveryKeyOf({
      idempotencyKey: input.idempotencyKey,
      deliveryId: input.eventId,
      bodyHash: input.bodyHash,
    }),
  );
  const id = newId('dlv', ctx.now.getTime());
  // Whose data it is is known only once judged: the body gets a key of its own, destroyed after the judgement.
  const bodyKey = await vault.mintKey(null);
  const delivery = {
    workspaceId: ctx.workspaceId,
    sourceId: input.sourceId,
    key,
    id,
    bodyHash: input.bodyHash,
    body: await vault.seal(bodyKey.id, slot.delivery(id), base64Encode(input.body)),
    bodyKey,
    contentType: input.contentType,
    receivedAt: ctx.now,
  };
  let stored: { row: StoredDeliveryRow; fresh: boolean };
  try {
    stored = await storeDelivery(ctx.db, delivery);
  } catch (error) {
    // D1's own words only: the failed query's text would carry the body (personal data) into the log.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    const reason = cause instanceof Error ? `${cause.name}: ${cause.message}` : 'unknown';
    console.error(JSON.stringify({ level: 'error', message: 'storing a delivery failed', error: reason }));
    throw new DomainError('unavailable', say('deliveryNotStored'));
  }
  // The key met a row already there: a reused key with another body is the sender's mistake.
  assertSameDeliveryBody(stored.row.bodyHash, input.bodyHash);
  return stored;
}
