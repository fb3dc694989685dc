import { allDatabases } from '../db/client';
import { purgeDeliveries } from '../db/queries/intake';
import { purgeOutbox } from '../db/queries/notifications';
import { purgeQuota } from '../db/queries/sheet';
import type { Env } from '../env';

/** Daily: forget intake delivery keys and sent notifications past their retention (documented in the README). */
export async function housekeeping(env: Env, at: Date): Promise<void> {
  for (const db of allDatabases(env)) {
    const [deliveries, messages, quota] = [
      await purgeDeliveries(db, at),
      await purgeOutbox(db, at),
      await purgeQuota(db, at),
    ];
    console.info(
      JSON.stringify({
        level: 'info',
        job: 'housekeeping',
        purgedDeliveries: deliveries,
        purgedMessages: messages,
        purgedSheetQuota: quota,
      }),
    );
  }
}
