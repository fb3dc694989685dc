import { purgeIdempotencyKeys } from '../../db/queries/idempotency';
import { purgeDeliveries } from '../../db/queries/intake';
import { purgeOutbox } from '../../db/queries/notifications';
import { purgeQuota } from '../../db/queries/sheet';
import type { DatabaseContext } from '../context';

export interface PurgeReport {
  purgedDeliveries: number;
  purgedIdempotencyKeys: number;
  purgedMessages: number;
  purgedSheetQuota: number;
}

/** Forgets intake delivery keys, API idempotency keys, sent notifications and sheet quota claims past their retention. */
export async function purgeExpired({ ctx }: { ctx: DatabaseContext }): Promise<PurgeReport> {
  // One after another: each purge deletes in chunks, and D1 serves one statement at a time anyway.
  const purgedDeliveries = await purgeDeliveries(ctx.db, ctx.now);
  const purgedIdempotencyKeys = await purgeIdempotencyKeys(ctx.db, ctx.now);
  const purgedMessages = await purgeOutbox(ctx.db, ctx.now);
  const purgedSheetQuota = await purgeQuota(ctx.db, ctx.now);
  return { purgedDeliveries, purgedIdempotencyKeys, purgedMessages, purgedSheetQuota };
}
