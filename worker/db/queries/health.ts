import { sql } from 'drizzle-orm';
import type { Database } from '../client';

/** A trivial query: the database answers or throws. */
export async function pingDatabase(db: Database): Promise<void> {
  await db.get(sql`select 1 as ok`);
}
