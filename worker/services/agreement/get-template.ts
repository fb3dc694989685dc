import { requireWorkspace } from '../../db/queries/workspaces';
import { type Agreement, starterAgreement } from '../../domain/agreement';
import type { Language } from '../../domain/constants';
import type { ServiceContext } from '../context';

/** A starter agreement in `language`, with the workspace's time zone and home market. */
export async function getTemplate({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { language: Language };
}): Promise<Agreement> {
  return starterAgreement(input.language, await requireWorkspace(ctx.db, ctx.workspaceId));
}
