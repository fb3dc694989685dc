import { sql } from 'drizzle-orm';
import { DomainError } from '../../domain/errors';
import type { Env } from '../../env';
import { allDatabases } from '../client';

/** Runs a trivial query on every database; any failure is `unavailable`. */
export async function checkDatabases(env: Env): Promise<void> {
  try {
    await Promise.all(allDatabases(env).map((db) => db.get(sql`select 1 as ok`)));
  } catch (error) {
    throw new DomainError('unavailable', `D1 did not answer: ${String(error)}`);
  }
}
