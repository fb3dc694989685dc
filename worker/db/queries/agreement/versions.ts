import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type {
  ActiveAgreement,
  Agreement,
  AgreementSignature,
  AgreementVersion,
  VersionStatus,
  VersionSummary,
} from '../../../domain/agreement';
import { agreementWarnings } from '../../../domain/agreement/warnings';
import { missing } from '../../../domain/errors';
import type { Database } from '../../client';
import { agreementSignatures, agreementVersions, members } from '../../schema';

export type VersionRow = typeof agreementVersions.$inferSelect;

async function signaturesOf(db: Database, workspaceId: string, versionIds: string[]) {
  if (versionIds.length === 0) return new Map<string, AgreementSignature[]>();
  const rows = await db
    .select({
      versionId: agreementSignatures.versionId,
      side: agreementSignatures.side,
      memberId: agreementSignatures.memberId,
      memberName: members.name,
      tokenId: agreementSignatures.tokenId,
      hash: agreementSignatures.hash,
      signedAt: agreementSignatures.signedAt,
    })
    .from(agreementSignatures)
    .innerJoin(members, eq(members.id, agreementSignatures.memberId))
    .where(
      and(
        eq(agreementSignatures.workspaceId, workspaceId),
        inArray(agreementSignatures.versionId, versionIds),
      ),
    )
    .orderBy(asc(agreementSignatures.signedAt))
    .all();
  const out = new Map<string, AgreementSignature[]>();
  for (const { versionId, ...signature } of rows)
    out.set(versionId, [...(out.get(versionId) ?? []), signature]);
  return out;
}

function toSummary(row: VersionRow, signatures: AgreementSignature[]): VersionSummary {
  const signed = new Set(signatures.map((s) => s.side));
  return {
    number: row.number,
    status: row.status,
    hash: row.hash,
    requiredSides: row.requiredSides,
    signatures,
    missingSides: row.requiredSides.filter((side) => !signed.has(side)),
    proposedAt: row.proposedAt,
    proposedByMemberId: row.proposedByMemberId,
    activatedAt: row.activatedAt,
    supersededAt: row.supersededAt,
  };
}

/** The versions with their content and signatures (one read for all the signatures). */
export async function withSignatures(
  db: Database,
  workspaceId: string,
  rows: VersionRow[],
): Promise<AgreementVersion[]> {
  const signatures = await signaturesOf(
    db,
    workspaceId,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    ...toSummary(row, signatures.get(row.id) ?? []),
    content: row.content,
    warnings: agreementWarnings(row.content),
  }));
}

/** Version `number`'s row, or a 404 naming it. */
export async function versionRow(db: Database, workspaceId: string, number: number): Promise<VersionRow> {
  const row = await db
    .select()
    .from(agreementVersions)
    .where(and(eq(agreementVersions.workspaceId, workspaceId), eq(agreementVersions.number, number)))
    .get();
  if (!row) throw missing('version', { number: String(number) });
  return row;
}

/** One version with its content and signatures. */
export async function getVersion(
  db: Database,
  workspaceId: string,
  number: number,
): Promise<AgreementVersion> {
  const [version] = await withSignatures(db, workspaceId, [await versionRow(db, workspaceId, number)]);
  if (!version) throw missing('version', { number: String(number) });
  return version;
}

/** Every version, newest first, without content. */
export async function listVersions(db: Database, workspaceId: string): Promise<VersionSummary[]> {
  const rows = await db
    .select()
    .from(agreementVersions)
    .where(eq(agreementVersions.workspaceId, workspaceId))
    .orderBy(desc(agreementVersions.number))
    .all();
  const signatures = await signaturesOf(
    db,
    workspaceId,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toSummary(row, signatures.get(row.id) ?? []));
}

/** The versions in force or collecting signatures (at most one of each), newest first. */
export async function openVersionRows(
  db: Database,
  workspaceId: string,
  statuses: readonly VersionStatus[] = ['active', 'proposed'],
): Promise<VersionRow[]> {
  return db
    .select()
    .from(agreementVersions)
    .where(
      and(eq(agreementVersions.workspaceId, workspaceId), inArray(agreementVersions.status, [...statuses])),
    )
    .orderBy(desc(agreementVersions.number))
    .all();
}

/**
 * The agreement the workspace runs under, or null before the first signed
 * version. One indexed read: intake and the SLA clock call it per lead.
 */
export async function getActiveAgreement(db: Database, workspaceId: string): Promise<ActiveAgreement | null> {
  const row = await db
    .select({
      number: agreementVersions.number,
      hash: agreementVersions.hash,
      activatedAt: agreementVersions.activatedAt,
      content: agreementVersions.content,
    })
    .from(agreementVersions)
    .where(and(eq(agreementVersions.workspaceId, workspaceId), eq(agreementVersions.status, 'active')))
    .get();
  if (!row) return null;
  return { version: row.number, hash: row.hash, activatedAt: row.activatedAt ?? '', content: row.content };
}

/** A version's content by number, for leads that remember the version their clock started under. */
export async function getAgreementContent(
  db: Database,
  workspaceId: string,
  number: number,
): Promise<Agreement> {
  return (await versionRow(db, workspaceId, number)).content;
}
