import { getActiveAgreement } from '../../db/queries/agreement';
import type { ServiceContext } from '../context';

/** The persona segments of the active agreement (none before the first signature). */
export async function personaSegments(ctx: ServiceContext): Promise<string[]> {
  const active = await getActiveAgreement(ctx.db, ctx.workspaceId);
  return active?.content.persona.segments.map((s) => s.name) ?? [];
}
