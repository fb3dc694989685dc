import { and, eq, inArray } from 'drizzle-orm';
import type { LeadState } from '../../domain/ledger/lead';
import type { Vault } from '../../domain/privacy';
import type { Database } from '../client';
import { leads } from '../schema';
import { inWorkspace } from '../scope';
import { openLeadRows } from './leads';

/** The workspace's leads carrying one of `emails` (by blind index) or one of `ids`, opened. */
export async function leadsByEmailOrId(
  db: Database,
  vault: Vault,
  workspaceId: string,
  { emails, ids }: { emails: readonly string[]; ids: readonly string[] },
): Promise<LeadState[]> {
  const indexes = await Promise.all(emails.map((e) => vault.blindIndex('email', e)));
  const [byEmail, byId] = await Promise.all([
    indexes.length
      ? db
          .select()
          .from(leads)
          .where(and(eq(leads.workspaceId, workspaceId), inArray(leads.emailIndex, indexes)))
          .all()
      : [],
    ids.length
      ? db
          .select()
          .from(leads)
          .where(and(inWorkspace(leads.workspaceId, workspaceId), inArray(leads.id, [...ids])))
          .all()
      : [],
  ]);
  const seen = new Set<string>();
  const rows = [...byEmail, ...byId].filter((row) => {
    if (seen.has(row.id)) return false;
    seen.add(row.id);
    return true;
  });
  return openLeadRows(vault, rows);
}
