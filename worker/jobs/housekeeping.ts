import { allDatabases } from '../db/client';
import type { Env } from '../env';
import { purgeExpired } from '../services/housekeeping';

/** Daily: forget intake delivery keys, API idempotency keys and sent notifications past their retention (documented in the README). */
export async function housekeeping(env: Env, at: Date): Promise<void> {
  for (const db of allDatabases(env)) {
    const report = await purgeExpired({ ctx: { db, now: at } });
    console.info(JSON.stringify({ level: 'info', job: 'housekeeping', ...report }));
  }
}
