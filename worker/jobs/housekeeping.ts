import { allDatabases } from '../db/client';
import { purgeIdempotencyKeys } from '../db/queries/idempotency';
import { purgeDeliveries } from '../db/queries/intake';
import { purgeOutbox } from '../db/queries/notifications';
import { purgeQuota } from '../db/queries/sheet';
import type { Env } from '../env';

/** Daily: forget intake delivery keys, API idempotency keys and sent notifications past their retention (documented in the README). */
export async function housekeeping(env: Env, at: Date): Promise<void> {
  for (const db of allDatabases(env)) {
    const [deliveries, idempotency, messages, quota] = [
      await purgeDeliveries(db, at),
      await purgeIdempotencyKeys(db, at),
      await purgeOutbox(db, at),
      await purgeQuota(db, at),
    ];
    console.info(
      JSON.stringify({
        level: 'info',
        job: 'housekeeping',
        purgedDeliveries: deliveries,
        purgedIdempotencyKeys: idempotency,
        purgedMessages: messages,
        purgedSheetQuota: quota,
      }),
    );
  }
}
