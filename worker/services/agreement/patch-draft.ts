import { draftRow } from '../../db/queries/agreement';
import {
  type AgreementDraft,
  type AgreementPatch,
  ifMatchAllows,
  parseAgreement,
  staleDraft,
} from '../../domain/agreement';
import type { CallerContext } from '../context';
import { writeDraft } from './write-draft';

/** Replaces the named sections of the draft; the result must still be a valid agreement. */
export async function patchDraft({
  ctx,
  input,
}: {
  ctx: CallerContext;
  input: { patch: AgreementPatch; ifMatch: string | undefined };
}): Promise<AgreementDraft> {
  const current = await draftRow(ctx.db, ctx.workspaceId, ctx.now);
  if (!ifMatchAllows(input.ifMatch, current.revision)) throw staleDraft(current.revision);
  const content = parseAgreement({ ...current.content, ...input.patch });
  return writeDraft(ctx, current, content);
}
