import { pingDatabase } from '../../db/queries/health';
import { DomainError } from '../../domain/errors';
import type { DatabaseContext } from '../context';

/** Asks every database a trivial question; any failure is `unavailable` (503). */
export async function checkDatabases({ input }: { input: { databases: DatabaseContext[] } }): Promise<void> {
  try {
    await Promise.all(input.databases.map(({ db }) => pingDatabase(db)));
  } catch (error) {
    throw new DomainError('unavailable', `D1 did not answer: ${String(error)}`);
  }
}
