import { describe, expect, it } from 'vitest';
import { env } from './harness';

/**
 * What D1 lets us do about freed pages (README, "What erasure guarantees"). SQLite's
 * `PRAGMA secure_delete` would zero deleted content; D1's authorizer allows a short list of
 * pragmas and this is not on it — per statement, in a batch, through `exec`, and (checked by hand
 * with `wrangler d1 execute --local`, the path migrations take) in a migration. VACUUM, which would
 * rewrite the file without its free pages, cannot run inside the transaction D1 wraps every
 * statement in. So deleted bytes are not overwritten, and erasure relies on destroying keys. When
 * this test fails, D1 has started allowing it: set it there and say so in the README.
 */
describe('D1 and freed pages', () => {
  const refused = async (run: () => Promise<unknown>) => {
    const error = await run().then(
      () => null,
      (e: unknown) => String(e),
    );
    expect(error).toMatch(/not authorized|SQLITE_AUTH|cannot VACUUM/);
  };

  it('should refuse PRAGMA secure_delete however it is sent', async () => {
    await refused(() => env.DB.prepare('PRAGMA secure_delete').all());
    await refused(() => env.DB.prepare('PRAGMA secure_delete = ON').run());
    await refused(() => env.DB.prepare('PRAGMA main.secure_delete = FAST').run());
    await refused(() =>
      env.DB.batch([env.DB.prepare('PRAGMA secure_delete = ON'), env.DB.prepare('select 1')]),
    );
    await refused(() => env.DB.exec('PRAGMA secure_delete = ON;'));
    await refused(() => env.DB.prepare('select * from pragma_secure_delete').all());
  });

  it('should refuse VACUUM and a WAL checkpoint, while allowing the pragmas it lists', async () => {
    await refused(() => env.DB.prepare('VACUUM').run());
    await refused(() => env.DB.prepare('PRAGMA wal_checkpoint(TRUNCATE)').run());
    // The authorizer answers by name, not wholesale: a listed pragma runs.
    const { results } = await env.DB.prepare('PRAGMA foreign_keys').all<{ foreign_keys: number }>();
    expect(results).toEqual([{ foreign_keys: 1 }]);
  });
});
