import type { Database } from '../../db/client';
import type { Env } from '../../env';

/** What a sheet verb runs with: the workspace's database, the Worker's bindings (keys, Google URLs) and the time. */
export interface SheetContext {
  db: Database;
  env: Env;
  now: Date;
}
