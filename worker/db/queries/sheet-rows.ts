import { and, eq, inArray } from 'drizzle-orm';
import type { LeadSheetFacts } from '../../domain/live-sheet';
import type { Workspace } from '../../domain/workspace';
import type { Database } from '../client';
import { leads, members, sources } from '../schema';
import { chunks, inWorkspace } from '../scope';
import { leadStateOfRow } from './leads';
import { leadsSlaSummaries } from './sla';

/**
 * Everything the Leads tab shows of these leads: per 90 leads one read of the
 * leads and one of their deadlines; members and sources of the workspace once.
 */
export async function loadLeadSheetFacts(
  db: Database,
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
  const out: LeadSheetFacts[] = [];
  for (const part of chunks(leadIds)) {
    const [rows, sla] = await Promise.all([
      db
        .select()
        .from(leads)
        .where(and(inWorkspace(leads.workspaceId, workspaceId), inArray(leads.id, part)))
        .all(),
      leadsSlaSummaries(db, workspaceId, part),
    ]);
    for (const row of rows) {
      const lead = leadStateOfRow(row);
      const summary = sla.get(row.id);
      out.push({
        lead,
        ownerName: lead.ownerId ? (memberName.get(lead.ownerId) ?? null) : null,
        sourceName: lead.firstSourceId ? (sourceName.get(lead.firstSourceId) ?? null) : null,
        next: summary?.next
          ? { kind: summary.next.kind, dueAt: summary.next.dueAt, status: summary.next.status }
          : null,
        worst: summary?.worst ?? null,
        language: workspace.language,
        timezone: workspace.timezone,
      });
    }
  }
  return out;
}
