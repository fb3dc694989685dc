import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { Side } from '../../../domain/constants';
import type { Vault } from '../../../domain/privacy';
import { OPEN_DEADLINE_STATUSES, type TeamMember } from '../../../domain/sla';
import type { Database } from '../../client';
import { agreementSignatures, agreementVersions, leads, members, slaDeadlines } from '../../schema';
import { chunks, inWorkspace } from '../../scope';
import { openPersonal } from '../leads';

export type DeadlineRow = typeof slaDeadlines.$inferSelect;

/**
 * The open deadlines whose next step has come by `at`, oldest first within each
 * status: one range read of the (status, next_at) index per open status, in one
 * round trip. One query with `status in (...)` would sort the rows in a temporary
 * B-tree, and D1 counts every row twice then. At most `limit` of each status.
 * Cross-workspace by design: the cron sweep serves every workspace of this database.
 */
export async function dueDeadlineRows(db: Database, at: string, limit: number): Promise<DeadlineRow[]> {
  const [first, ...rest] = OPEN_DEADLINE_STATUSES.map((status) =>
    db
      .select()
      .from(slaDeadlines)
      .where(and(eq(slaDeadlines.status, status), lte(slaDeadlines.nextAt, at)))
      .orderBy(asc(slaDeadlines.nextAt))
      .limit(limit),
  );
  if (!first) return [];
  const results = await db.batch([first, ...rest]);
  return results.flat();
}

/** Every member of the workspace, active or not (an inactive owner is named but not addressed). */
export async function teamMembers(db: Database, workspaceId: string): Promise<TeamMember[]> {
  return db
    .select({ id: members.id, name: members.name, side: members.side, active: members.active })
    .from(members)
    .where(eq(members.workspaceId, workspaceId))
    .all();
}

/** Version number → side → the member who signed it, for the versions asked. */
export async function signersOf(
  db: Database,
  workspaceId: string,
  versions: readonly number[],
): Promise<Map<number, Partial<Record<Side, string>>>> {
  const signers = new Map<number, Partial<Record<Side, string>>>();
  if (versions.length === 0) return signers;
  const rows = await db
    .select({
      number: agreementVersions.number,
      side: agreementSignatures.side,
      memberId: agreementSignatures.memberId,
    })
    .from(agreementSignatures)
    .innerJoin(agreementVersions, eq(agreementVersions.id, agreementSignatures.versionId))
    .where(
      and(eq(agreementVersions.workspaceId, workspaceId), inArray(agreementVersions.number, [...versions])),
    )
    .all();
  for (const s of rows) signers.set(s.number, { ...signers.get(s.number), [s.side]: s.memberId });
  return signers;
}

export interface LeadNameRow {
  id: string;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  email: string | null;
  ownerId: string | null;
}

/** The name fields of the leads asked, by key (in chunks under D1's parameter limit), opened with their keys. */
export async function leadNameRows(
  db: Database,
  vault: Vault,
  workspaceId: string,
  leadIds: readonly string[],
): Promise<LeadNameRow[]> {
  const rows: { id: string; personal: string | null; ownerId: string | null }[] = [];
  for (const part of chunks(leadIds)) {
    rows.push(
      ...(await db
        .select({ id: leads.id, personal: leads.personal, ownerId: leads.ownerId })
        .from(leads)
        .where(and(inWorkspace(leads.workspaceId, workspaceId), inArray(leads.id, part)))
        .all()),
    );
  }
  const personal = rows.length > 0 ? await openPersonal(vault, rows) : new Map();
  return rows.map((r) => {
    const p = personal.get(r.id);
    return {
      id: r.id,
      firstName: p?.firstName ?? null,
      lastName: p?.lastName ?? null,
      company: p?.company ?? null,
      email: p?.email ?? null,
      ownerId: r.ownerId,
    };
  });
}
