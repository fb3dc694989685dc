import { draftRow, latestVersionRow, versionRow } from '../../db/queries/agreement';
import { diffAgreements } from '../../domain/agreement';
import { NotFoundError } from '../../domain/errors';
import { thing } from '../../domain/i18n';
import type { ServiceContext } from '../context';
import type { VersionDiff } from './diff-versions';

/** What the draft changes against version m (default: the latest version). */
export async function diffDraft({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { from: number | undefined };
}): Promise<VersionDiff> {
  const { db, workspaceId, now } = ctx;
  const draft = await draftRow(db, workspaceId, now);
  const base =
    input.from === undefined
      ? await latestVersionRow(db, workspaceId)
      : await versionRow(db, workspaceId, input.from);
  if (!base) throw new NotFoundError(thing('earlierVersion'));
  return { from: base.number, to: 'draft', diff: diffAgreements(base.content, draft.content, ctx.language) };
}
