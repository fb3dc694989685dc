import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { LeadState } from '../../domain/ledger/lead';
import type { Vault } from '../../domain/privacy';
import type { SheetLeadSla } from '../../domain/sheet/leads-layout';
import { summarizeDeadlines } from '../../domain/sla/deadlines';
import type { Database } from '../client';
import { leads, slaDeadlines } from '../schema';
import { chunks, inWorkspace } from '../scope';
import { openLeadRows } from './leads';
import { leadsSlaSummaries } from './sla';

/** Leads are read in pages this long on a full load (a page is one D1 query). */
const PAGE = 2000;

export interface LeadWithSla {
  lead: LeadState;
  sla: SheetLeadSla;
}

/**
 * Every lead of the workspace with its SLA summary, for a full sheet load:
 * pages of leads by id and one read of the workspace's deadlines, so ten
 * thousand leads cost a handful of queries, not one per 90 leads.
 */
export async function allLeadsWithSla(
  db: Database,
  vault: Vault,
  workspaceId: string,
): Promise<LeadWithSla[]> {
  const states: LeadState[] = [];
  let after = '';
  for (;;) {
    const rows = await db
      .select()
      .from(leads)
      .where(and(eq(leads.workspaceId, workspaceId), gt(leads.id, after)))
      .orderBy(asc(leads.id))
      .limit(PAGE)
      .all();
    states.push(...(await openLeadRows(vault, rows)));
    const last = rows[rows.length - 1];
    if (!last || rows.length < PAGE) break;
    after = last.id;
  }
  const deadlines = await db
    .select({
      leadId: slaDeadlines.leadId,
      kind: slaDeadlines.kind,
      status: slaDeadlines.status,
      dueAt: slaDeadlines.dueAt,
    })
    .from(slaDeadlines)
    .where(eq(slaDeadlines.workspaceId, workspaceId))
    .all();
  const byLead = new Map<string, typeof deadlines>();
  for (const d of deadlines) {
    if (!d.leadId) continue;
    const list = byLead.get(d.leadId);
    if (list) list.push(d);
    else byLead.set(d.leadId, [d]);
  }
  return states.map((lead) => ({ lead, sla: summarizeDeadlines(byLead.get(lead.id) ?? []) }));
}

/** The named leads with their SLA summaries (an incremental refresh: the few that changed). */
export async function leadsWithSla(
  db: Database,
  vault: Vault,
  workspaceId: string,
  leadIds: readonly string[],
): Promise<LeadWithSla[]> {
  const out: LeadWithSla[] = [];
  for (const part of chunks(leadIds)) {
    const [rows, sla] = await Promise.all([
      db
        .select()
        .from(leads)
        .where(and(inWorkspace(leads.workspaceId, workspaceId), inArray(leads.id, part)))
        .all(),
      leadsSlaSummaries(db, workspaceId, part),
    ]);
    for (const lead of await openLeadRows(vault, rows)) {
      out.push({ lead, sla: sla.get(lead.id) ?? { next: null, worst: null } });
    }
  }
  return out;
}
