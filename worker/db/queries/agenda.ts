import { and, desc, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { Side } from '../../domain/constants';
import type { LeadStage } from '../../domain/ledger/constants';
import type { Vault } from '../../domain/privacy';
import type { AgendaFacts } from '../../domain/sla';
import type { Database } from '../client';
import {
  agreementSignatures,
  agreementVersions,
  leadEvents,
  leads,
  members,
  personaReviews,
  slaTransitions,
} from '../schema';
import { chunks, inWorkspace } from '../scope';
import { openPersonal } from './leads';

/** The next due date the latest recorded persona review set, or null when none was recorded. */
export async function latestPersonaDueOn(db: Database, workspaceId: string): Promise<string | null> {
  const latest = await db
    .select({ nextDueOn: personaReviews.nextDueOn })
    .from(personaReviews)
    .where(eq(personaReviews.workspaceId, workspaceId))
    .orderBy(desc(personaReviews.reviewedOn), desc(personaReviews.createdAt))
    .limit(1)
    .get();
  return latest?.nextDueOn ?? null;
}

/** The newest proposed version, with the sides it requires and those that signed it. */
export async function openProposal(
  db: Database,
  workspaceId: string,
): Promise<{ number: number; sides: Side[]; signed: Side[] } | null> {
  const proposal = await db
    .select({
      id: agreementVersions.id,
      number: agreementVersions.number,
      sides: agreementVersions.requiredSides,
    })
    .from(agreementVersions)
    .where(and(eq(agreementVersions.workspaceId, workspaceId), eq(agreementVersions.status, 'proposed')))
    .orderBy(desc(agreementVersions.number))
    .limit(1)
    .get();
  if (!proposal) return null;
  const signed = await db
    .select({ side: agreementSignatures.side })
    .from(agreementSignatures)
    .where(
      and(eq(agreementSignatures.workspaceId, workspaceId), eq(agreementSignatures.versionId, proposal.id)),
    )
    .all();
  return { number: proposal.number, sides: proposal.sides, signed: signed.map((s) => s.side) };
}

/**
 * The facts of one agenda week `[from, to)`, read through indexes: events by
 * (workspace, type, time), leads and events of the handed-over leads by key,
 * breaches by (workspace, step, time).
 */
export async function readAgendaFacts(
  db: Database,
  vault: Vault,
  workspaceId: string,
  { from, to }: { from: string; to: string },
): Promise<AgendaFacts> {
  const inPeriod = (type: 'mql' | 'rejected' | 'nurtured') =>
    and(
      eq(leadEvents.workspaceId, workspaceId),
      eq(leadEvents.type, type),
      gte(leadEvents.occurredAt, from),
      lt(leadEvents.occurredAt, to),
    );
  const [mqlEvents, rejectedEvents, nurturedEvents, breaches, people, campaignsActive] = await Promise.all([
    db
      .select({ leadId: leadEvents.leadId, at: leadEvents.occurredAt })
      .from(leadEvents)
      .where(inPeriod('mql'))
      .all(),
    db
      .select({ leadId: leadEvents.leadId, payload: leadEvents.payload })
      .from(leadEvents)
      .where(inPeriod('rejected'))
      .all(),
    db
      .select({ leadId: leadEvents.leadId, payload: leadEvents.payload })
      .from(leadEvents)
      .where(inPeriod('nurtured'))
      .all(),
    db
      .select({ leadId: slaTransitions.leadId, kind: slaTransitions.kind, ownerId: slaTransitions.ownerId })
      .from(slaTransitions)
      .where(
        and(
          eq(slaTransitions.workspaceId, workspaceId),
          eq(slaTransitions.step, 'breached'),
          gte(slaTransitions.at, from),
          lt(slaTransitions.at, to),
        ),
      )
      .all(),
    db
      .select({ id: members.id, name: members.name })
      .from(members)
      .where(eq(members.workspaceId, workspaceId))
      .all(),
    db
      .selectDistinct({ campaign: leadEvents.campaign })
      .from(leadEvents)
      .where(
        and(
          eq(leadEvents.workspaceId, workspaceId),
          inArray(leadEvents.type, ['created', 'touch']),
          gte(leadEvents.occurredAt, from),
          lt(leadEvents.occurredAt, to),
          isNotNull(leadEvents.campaign),
        ),
      )
      .all(),
  ]);
  const ids = [...new Set(mqlEvents.map((e) => e.leadId))];
  const campaignNames = campaignsActive.map((c) => c.campaign).filter((c): c is string => c !== null);
  const [{ handed, worked }, campaigns] = await Promise.all([
    handedOverLeads(db, vault, workspaceId, ids),
    campaignStages(db, workspaceId, campaignNames),
  ]);
  return { mqlEvents, rejectedEvents, nurturedEvents, breaches, people, handed, worked, campaigns };
}

/** The leads `ids` as they stand now, and which of them sales has worked (an attempt, or any decision). */
async function handedOverLeads(
  db: Database,
  vault: Vault,
  workspaceId: string,
  ids: readonly string[],
): Promise<Pick<AgendaFacts, 'handed' | 'worked'>> {
  const stored: { id: string; ownerId: string | null; personal: string | null }[] = [];
  const worked = new Set<string>();
  for (const part of chunks(ids)) {
    const [rows, attempts] = await Promise.all([
      db
        .select({
          id: leads.id,
          ownerId: leads.ownerId,
          personal: leads.personal,
        })
        .from(leads)
        .where(and(inWorkspace(leads.workspaceId, workspaceId), inArray(leads.id, part)))
        .all(),
      db
        .selectDistinct({ leadId: leadEvents.leadId })
        .from(leadEvents)
        .where(
          and(
            inWorkspace(leadEvents.workspaceId, workspaceId),
            inArray(leadEvents.leadId, part),
            sql`+${leadEvents.type} in ('attempt', 'accepted', 'qualified', 'rejected', 'nurtured', 'opportunity', 'won', 'lost')`,
          ),
        )
        .all(),
    ]);
    stored.push(...rows);
    for (const a of attempts) worked.add(a.leadId);
  }
  // Only the names the agenda shows are opened: one read of their keys.
  const personal = stored.length > 0 ? await openPersonal(vault, stored) : new Map();
  const handed = stored.map((r) => {
    const p = personal.get(r.id);
    return {
      id: r.id,
      ownerId: r.ownerId,
      firstName: p?.firstName ?? null,
      lastName: p?.lastName ?? null,
      company: p?.company ?? null,
      email: p?.email ?? null,
    };
  });
  return { handed, worked };
}

/** Leads per campaign, by stage. */
async function campaignStages(
  db: Database,
  workspaceId: string,
  names: readonly string[],
): Promise<Map<string, Partial<Record<LeadStage, number>>>> {
  const byCampaign = new Map<string, Partial<Record<LeadStage, number>>>();
  for (const part of chunks(names)) {
    const rows = await db
      .select({ campaign: leads.campaign, stage: leads.stage, n: sql<number>`count(*)` })
      .from(leads)
      .where(and(eq(leads.workspaceId, workspaceId), inArray(leads.campaign, part)))
      .groupBy(leads.campaign, leads.stage)
      .all();
    for (const row of rows) {
      if (!row.campaign) continue;
      const stages = byCampaign.get(row.campaign) ?? {};
      stages[row.stage] = Number(row.n);
      byCampaign.set(row.campaign, stages);
    }
  }
  return byCampaign;
}
