import { allDatabases } from '../db/client';
import { purgeDeliveries } from '../db/queries/intake';
import type { Env } from '../env';

/** Daily: forget intake delivery keys past their retention (documented in the README). */
export async function housekeeping(env: Env, at: Date): Promise<void> {
  for (const db of allDatabases(env)) {
    const purged = await purgeDeliveries(db, at);
    console.info(JSON.stringify({ level: 'info', job: 'housekeeping', purgedDeliveries: purged }));
  }
}
