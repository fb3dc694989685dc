import { getVersion as versionWithSignatures } from '../../db/queries/agreement';
import { type AgreementVersion, warningsIn } from '../../domain/agreement';
import type { ServiceContext } from '../context';

/** One version with its content and signatures. */
export async function getVersion({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { number: number };
}): Promise<AgreementVersion> {
  return warningsIn(await versionWithSignatures(ctx.db, ctx.workspaceId, input.number), ctx.language);
}
