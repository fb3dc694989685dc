import { and, eq, inArray, sql } from 'drizzle-orm';
import type { LeadSheetFacts } from '../../domain/live-sheet';
import type { Workspace } from '../../domain/workspace';
import type { Database } from '../client';
import { leadEvents, leads, members, sources } from '../schema';
import { chunks, inWorkspace } from '../scope';
import { leadStateOfRow } from './leads';
import { leadsSlaSummaries } from './sla';

/** Events that are someone working the lead: the Leads tab's "last action". */
const ACTIONS = [
  'assigned',
  'attempt',
  'accepted',
  'qualified',
  'rejected',
  'nurtured',
  'opportunity',
  'won',
  'lost',
  'feedback',
];

/**
 * Everything the Leads tab shows of these leads: per 90 leads one read of the
 * leads, one of their deadlines and one of their latest action (by the
 * `(lead_id, seq)` index); members and sources of the workspace once.
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
  // 80 ids leave room for the workspace and the ten action types under D1's 100 bound parameters.
  for (const part of chunks(leadIds, 80)) {
    const [rows, sla, actions] = await Promise.all([
      db
        .select()
        .from(leads)
        .where(and(inWorkspace(leads.workspaceId, workspaceId), inArray(leads.id, part)))
        .all(),
      leadsSlaSummaries(db, workspaceId, part),
      // SQLite's bare columns with max(): type and time come from the row holding the highest seq.
      db
        .select({
          leadId: leadEvents.leadId,
          type: leadEvents.type,
          at: leadEvents.occurredAt,
          seq: sql<number>`max(${leadEvents.seq})`,
        })
        .from(leadEvents)
        .where(
          and(
            inWorkspace(leadEvents.workspaceId, workspaceId),
            inArray(leadEvents.leadId, part),
            sql`+${leadEvents.type} in (${sql.join(
              ACTIONS.map((a) => sql`${a}`),
              sql`, `,
            )})`,
          ),
        )
        .groupBy(leadEvents.leadId)
        .all(),
    ]);
    const lastAction = new Map(actions.map((a) => [a.leadId, { type: a.type, at: a.at }]));
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
        lastAction: lastAction.get(row.id) ?? null,
        language: workspace.language,
        timezone: workspace.timezone,
      });
    }
  }
  return out;
}
