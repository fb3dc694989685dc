import { drizzle } from 'drizzle-orm/d1';
import type { Env } from '../env';
import * as schema from './schema';

export type Database = ReturnType<typeof drizzle<typeof schema>>;

/**
 * The one place that picks the D1 database for a workspace. Today every
 * workspace lives in the single `DB` binding; sharding workspaces over several
 * databases (D1 caps one database at 10 GB) changes only this function, since
 * every query and every token already names its workspace.
 */
export function databaseFor(env: Env, _workspaceId: string): Database {
  return drizzleOf(env.DB);
}

/** Every database the Worker uses, for health checks and cross-shard jobs such as the cron sweep. */
export function allDatabases(env: Env): Database[] {
  return [drizzleOf(env.DB)];
}

const DATABASES = new WeakMap<D1Database, Database>();

/**
 * One drizzle instance per D1 binding per isolate: building one reads the whole schema's relations
 * (about 0.1 ms), which every request and queue batch paid before. It holds no per-request state.
 */
function drizzleOf(binding: D1Database): Database {
  let db = DATABASES.get(binding);
  if (!db) {
    db = drizzle(binding, { schema });
    DATABASES.set(binding, db);
  }
  return db;
}
