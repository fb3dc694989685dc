import type { Context } from 'hono';
import { allDatabases, databaseFor } from '../db/client';
import { encryptionSecretsOf } from '../env';
import type { CallerContext, DatabaseContext, ServiceContext } from '../services/context';
import type { SheetContext } from '../services/sheet/context';
import type { AppEnv } from './context';
import { requestLanguage } from './language';

/** The verbs' context for an authenticated request: the caller's workspace and database, at the request's time. */
export function callerContext(c: Context<AppEnv>, now = new Date()): CallerContext {
  const caller = c.get('caller');
  return {
    db: databaseFor(c.env, caller.workspaceId),
    workspaceId: caller.workspaceId,
    caller,
    now,
    language: requestLanguage(c),
    encryption: encryptionSecretsOf(c.env),
  };
}

/** The verbs' context for a request that names its workspace another way (an intake URL, a share link). */
export function workspaceContext(c: Context<AppEnv>, workspaceId: string, now = new Date()): ServiceContext {
  return {
    db: databaseFor(c.env, workspaceId),
    workspaceId,
    now,
    language: requestLanguage(c),
    encryption: encryptionSecretsOf(c.env),
  };
}

/**
 * The verbs' context before the workspace is known (an intake URL names only its
 * source): the database that `key` lives in, which today is the one database.
 */
export function databaseContext(c: Context<AppEnv>, key: string, now = new Date()): DatabaseContext {
  return {
    db: databaseFor(c.env, key),
    now,
    language: requestLanguage(c),
    encryption: encryptionSecretsOf(c.env),
  };
}

/** The sheet verbs' context: the caller's database, the Worker's bindings (keys, Google URLs) and the time. */
export function sheetContext(c: Context<AppEnv>, now = new Date()): SheetContext {
  return { db: databaseFor(c.env, c.get('caller').workspaceId), env: c.env, now };
}

/** Every database of the deployment (a health check asks each). */
export function allDatabaseContexts(c: Context<AppEnv>, now = new Date()): DatabaseContext[] {
  return allDatabases(c.env).map((db) => ({ db, now, encryption: encryptionSecretsOf(c.env) }));
}
