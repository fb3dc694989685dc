import { eq } from 'drizzle-orm';
import type { LeadSheetFacts } from '../../domain/live-sheet';
import type { Vault } from '../../domain/privacy';
import type { Workspace } from '../../domain/workspace';
import type { Database } from '../client';
import { members, sources } from '../schema';
import { leadsWithSla } from './sheet-snapshot';

/**
 * Everything the Leads tab shows of these leads: the snapshot's own read of the
 * leads with their SLA (per 90 leads), plus members and sources of the workspace once.
 */
export async function loadLeadSheetFacts(
  db: Database,
  vault: Vault,
  workspace: Workspace,
  leadIds: readonly string[],
): Promise<LeadSheetFacts[]> {
  if (leadIds.length === 0) return [];
  const workspaceId = workspace.id;
  const [people, origins] = await Promise.all([
    db
      .select({ id: members.id, name: members.name })
      .from(members)
      .where(eq(members.workspaceId, workspaceId))
      .all(),
    db
      .select({ id: sources.id, name: sources.name })
      .from(sources)
      .where(eq(sources.workspaceId, workspaceId))
      .all(),
  ]);
  const memberName = new Map(people.map((m) => [m.id, m.name]));
  const sourceName = new Map(origins.map((s) => [s.id, s.name]));
  const facts = await leadsWithSla(db, vault, workspaceId, leadIds);
  return facts.map(({ lead, sla }) => ({
    lead,
    ownerName: lead.ownerId ? (memberName.get(lead.ownerId) ?? null) : null,
    sourceName: lead.firstSourceId ? (sourceName.get(lead.firstSourceId) ?? null) : null,
    next: sla.next ? { kind: sla.next.kind, dueAt: sla.next.dueAt, status: sla.next.status } : null,
    worst: sla.worst,
    language: workspace.language,
    timezone: workspace.timezone,
  }));
}
