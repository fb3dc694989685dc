import { getVersion as versionWithSignatures } from '../../db/queries/agreement';
import type { AgreementVersion } from '../../domain/agreement';
import type { ServiceContext } from '../context';

/** One version with its content and signatures. */
export async function getVersion({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { number: number };
}): Promise<AgreementVersion> {
  return versionWithSignatures(ctx.db, ctx.workspaceId, input.number);
}
