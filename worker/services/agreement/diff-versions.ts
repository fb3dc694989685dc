import { versionRow } from '../../db/queries/agreement';
import { type AgreementDiff, diffAgreements, diffBase } from '../../domain/agreement';
import type { ServiceContext } from '../context';

export interface VersionDiff {
  from: number;
  to: number | 'draft';
  diff: AgreementDiff;
}

/** What version n changed against version m (m defaults to n − 1). */
export async function diffVersions({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { number: number; from: number | undefined };
}): Promise<VersionDiff> {
  const base = diffBase(input.number, input.from);
  const [after, before] = await Promise.all([
    versionRow(ctx.db, ctx.workspaceId, input.number),
    versionRow(ctx.db, ctx.workspaceId, base),
  ]);
  return { from: base, to: input.number, diff: diffAgreements(before.content, after.content, ctx.language) };
}
