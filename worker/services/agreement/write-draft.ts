import { type DraftRow, draftRow, latestVersionRow, toDraft, updateDraft } from '../../db/queries/agreement';
import { findMember } from '../../db/queries/members';
import {
  type Agreement,
  type AgreementDraft,
  staleDraft,
  unknownGuardian,
  warningsIn,
} from '../../domain/agreement';
import type { CallerContext, ServiceContext } from '../context';

/** The persona guardian the content names must be a member of the workspace. */
export async function assertGuardian(ctx: ServiceContext, content: Agreement): Promise<void> {
  const guardian = content.persona.guardianMemberId;
  if (guardian === null) return;
  if (!(await findMember(ctx.db, ctx.workspaceId, guardian))) throw unknownGuardian(guardian);
}

/** Writes `content` over the draft at `expected`'s revision, or fails with 412 when someone wrote in between. */
export async function writeDraft(
  ctx: CallerContext,
  expected: DraftRow,
  content: Agreement,
): Promise<AgreementDraft> {
  const { db, workspaceId, caller, now } = ctx;
  await assertGuardian(ctx, content);
  const next = {
    content,
    revision: expected.revision + 1,
    updatedAt: now.toISOString(),
    updatedByTokenId: caller.tokenId,
  };
  if (!(await updateDraft(db, workspaceId, expected.revision, next)))
    throw staleDraft((await draftRow(db, workspaceId, now)).revision);
  return warningsIn(
    await toDraft({ ...expected, ...next }, await latestVersionRow(db, workspaceId)),
    ctx.language,
  );
}
