import { and, desc, eq } from 'drizzle-orm';
import {
  type Agreement,
  type AgreementDraft,
  agreementHash,
  draftEtag,
  starterAgreement,
} from '../../../domain/agreement';
import { agreementWarnings } from '../../../domain/agreement/warnings';
import type { Language } from '../../../domain/constants';
import { missing } from '../../../domain/errors';
import { webHost } from '../../../platform/web-host';
import type { Statement } from '../../batch';
import type { Database } from '../../client';
import { agreementDrafts, agreementVersions } from '../../schema';
import { requireWorkspace } from '../workspaces';

export type DraftRow = typeof agreementDrafts.$inferSelect;
type VersionRow = typeof agreementVersions.$inferSelect;

/**
 * The statement that gives a new workspace its starter draft, in its language,
 * with its time zone and home market. `createWorkspace` runs it in the same
 * batch as the workspace row, so no workspace ever lacks an agreement.
 */
export function starterDraftStatements(
  db: Database,
  workspaceId: string,
  workspace: { language: Language; timezone: string; country: string },
  now: Date,
): Statement[] {
  const content = starterAgreement(workspace.language, {
    timezone: workspace.timezone,
    country: workspace.country,
  });
  return [
    db
      .insert(agreementDrafts)
      .values({
        workspaceId,
        content,
        revision: 1,
        basedOnVersion: null,
        updatedAt: now.toISOString(),
        updatedByTokenId: null,
      })
      // Two first reads of an old workspace may both create it: the second does nothing.
      .onConflictDoNothing(),
  ];
}

/** The workspace's draft row; a workspace created before agreements existed gets its starter on first read. */
export async function draftRow(db: Database, workspaceId: string, now: Date): Promise<DraftRow> {
  const read = () =>
    db.select().from(agreementDrafts).where(eq(agreementDrafts.workspaceId, workspaceId)).get();
  const row = await read();
  if (row) return row;
  const workspace = await requireWorkspace(db, workspaceId);
  const [insert] = starterDraftStatements(db, workspaceId, workspace, now);
  if (insert) await db.batch([insert]);
  const created = await read();
  if (!created) throw missing('draft');
  return created;
}

/** The newest version, whatever its status (its hash tells whether the draft changed since). */
export async function latestVersionRow(db: Database, workspaceId: string): Promise<VersionRow | undefined> {
  return db
    .select()
    .from(agreementVersions)
    .where(eq(agreementVersions.workspaceId, workspaceId))
    .orderBy(desc(agreementVersions.number))
    .limit(1)
    .get();
}

export async function toDraft(
  row: DraftRow,
  latest: Pick<VersionRow, 'hash'> | undefined,
): Promise<AgreementDraft> {
  const hash = await agreementHash(row.content, webHost);
  return {
    content: row.content,
    revision: row.revision,
    etag: draftEtag(row.revision),
    hash,
    updatedAt: row.updatedAt,
    basedOnVersion: row.basedOnVersion,
    changedSinceLatestVersion: latest?.hash !== hash,
    warnings: agreementWarnings(row.content),
  };
}

/** The workspace's draft (created from the starter when missing). */
export async function getDraft(db: Database, workspaceId: string, now: Date): Promise<AgreementDraft> {
  const [row, latest] = await Promise.all([
    draftRow(db, workspaceId, now),
    latestVersionRow(db, workspaceId),
  ]);
  return toDraft(row, latest);
}

export interface DraftWrite {
  content: Agreement;
  revision: number;
  updatedAt: string;
  updatedByTokenId: string;
}

/** The update that moves the draft from `expectedRevision` to `next`; a no-op when someone wrote in between. */
export function draftUpdateStatement(
  db: Database,
  workspaceId: string,
  expectedRevision: number,
  next: DraftWrite,
) {
  return db
    .update(agreementDrafts)
    .set(next)
    .where(and(eq(agreementDrafts.workspaceId, workspaceId), eq(agreementDrafts.revision, expectedRevision)));
}

/** Writes `next` over the draft at `expectedRevision`; false when the draft moved under us. */
export async function updateDraft(
  db: Database,
  workspaceId: string,
  expectedRevision: number,
  next: DraftWrite,
): Promise<boolean> {
  const result = await draftUpdateStatement(db, workspaceId, expectedRevision, next).run();
  return result.meta.changes > 0;
}
