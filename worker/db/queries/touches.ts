import { and, eq, inArray } from 'drizzle-orm';
import type { LeadState } from '../../domain/ledger/lead';
import type { Database } from '../client';
import { leads } from '../schema';
import { inWorkspace } from '../scope';
import { leadStateOfRow } from './leads';

/** The workspace's leads carrying one of `emails` or one of `ids` (a touch batch names people either way). */
export async function leadsByEmailOrId(
  db: Database,
  workspaceId: string,
  { emails, ids }: { emails: readonly string[]; ids: readonly string[] },
): Promise<LeadState[]> {
  const [byEmail, byId] = await Promise.all([
    emails.length
      ? db
          .select()
          .from(leads)
          .where(and(eq(leads.workspaceId, workspaceId), inArray(leads.email, [...emails])))
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
  return [...byEmail, ...byId].flatMap((row) => {
    if (seen.has(row.id)) return [];
    seen.add(row.id);
    return [leadStateOfRow(row)];
  });
}
