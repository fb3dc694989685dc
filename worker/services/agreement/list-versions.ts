import { listVersions as versionSummaries } from '../../db/queries/agreement';
import type { VersionSummary } from '../../domain/agreement';
import type { ServiceContext } from '../context';

/** Every version, newest first, without content. */
export async function listVersions({ ctx }: { ctx: ServiceContext }): Promise<VersionSummary[]> {
  return versionSummaries(ctx.db, ctx.workspaceId);
}
