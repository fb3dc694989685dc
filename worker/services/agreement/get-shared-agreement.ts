import { openVersionRows, shareIsLive, withSignatures } from '../../db/queries/agreement';
import { findMember } from '../../db/queries/members';
import { getWorkspace } from '../../db/queries/workspaces';
import { type AgreementVersion, parseShareId } from '../../domain/agreement';
import type { Workspace } from '../../domain/workspace';
import type { ServiceContext } from '../context';

export interface SharedAgreement {
  workspace: Workspace;
  version: AgreementVersion | null;
  guardianName: string | null;
}

/** The workspace a share id belongs to, read from the id itself (null when malformed). */
export function workspaceOfShare(shareId: string): string | null {
  return parseShareId(shareId)?.workspaceId ?? null;
}

/** What `/a/{shareId}` shows: the active version with its signatures, or null for an unknown or revoked link. */
export async function getSharedAgreement({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { shareId: string };
}): Promise<SharedAgreement | null> {
  const { db, workspaceId } = ctx;
  if (!(await shareIsLive(db, workspaceId, input.shareId))) return null;
  const [workspace, activeRows] = await Promise.all([
    getWorkspace(db, workspaceId),
    openVersionRows(db, workspaceId, ['active']),
  ]);
  if (!workspace) return null;
  const [version] = await withSignatures(db, workspaceId, activeRows);
  const guardianId = version?.content.persona.guardianMemberId ?? null;
  const guardian = guardianId ? await findMember(db, workspaceId, guardianId) : undefined;
  return { workspace, version: version ?? null, guardianName: guardian?.name ?? null };
}
