import { logEnds, saveSheetConnection } from '../../db/queries/sheet';
import { DomainError } from '../../domain/errors';
import { say } from '../../domain/i18n';
import type { ServiceAccountKey } from '../../domain/live-sheet';
import type { SheetContext } from './context';
import { credentialContext, deploymentKey, secretBox } from './credentials';
import { getSheetStatus, type SheetStatus } from './get-status';

/**
 * Connects the workspace's sheet (or changes its key): the team's own key is
 * sealed before it is stored; without one the deployment's account writes. A
 * new sheet starts from now — the add-on's refresh fills it, the push keeps it
 * live — and the same sheet again resumes from its cursor.
 */
export async function connectSheet({
  ctx,
  input,
}: {
  ctx: SheetContext;
  input: { workspaceId: string; spreadsheetId: string; serviceAccount?: ServiceAccountKey | null };
}): Promise<{ status: SheetStatus; created: boolean }> {
  let email: string;
  let credential: string | null = null;
  if (input.serviceAccount) {
    const box = await secretBox(ctx.env);
    if (!box) throw new DomainError('unavailable', say('keyStoreMissing'));
    email = input.serviceAccount.client_email;
    credential = await box.seal(JSON.stringify(input.serviceAccount), credentialContext(input.workspaceId));
  } else {
    const key = deploymentKey(ctx.env);
    if (!key) throw new DomainError('unavailable', say('noDeploymentAccount'));
    email = key.client_email;
  }
  const { created } = await saveSheetConnection(
    ctx.db,
    input.workspaceId,
    { spreadsheetId: input.spreadsheetId, serviceAccountEmail: email, credential },
    await logEnds(ctx.db),
    ctx.now,
  );
  return { status: await getSheetStatus({ ctx, input: { workspaceId: input.workspaceId } }), created };
}
