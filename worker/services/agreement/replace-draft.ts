import { draftRow } from '../../db/queries/agreement';
import { type Agreement, type AgreementDraft, ifMatchAllows, staleDraft } from '../../domain/agreement';
import type { CallerContext } from '../context';
import { writeDraft } from './write-draft';

/** Replaces the whole draft under `If-Match`. */
export async function replaceDraft({
  ctx,
  input,
}: {
  ctx: CallerContext;
  input: { content: Agreement; ifMatch: string | undefined };
}): Promise<AgreementDraft> {
  const current = await draftRow(ctx.db, ctx.workspaceId, ctx.now);
  if (!ifMatchAllows(input.ifMatch, current.revision)) throw staleDraft(current.revision);
  return writeDraft(ctx, current, input.content);
}
