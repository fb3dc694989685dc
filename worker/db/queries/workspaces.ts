import { eq } from 'drizzle-orm';
import type { Role } from '../../domain/constants';
import { missing } from '../../domain/errors';
import { mintToken, sha256Hex } from '../../domain/tokens';
import type { CreateWorkspace, Workspace } from '../../domain/workspace';
import { newId } from '../../platform/ids';
import { webHost } from '../../platform/web-host';
import type { Statement } from '../batch';
import type { Database } from '../client';
import { apiTokens, workspaces } from '../schema';

function toWorkspace(row: typeof workspaces.$inferSelect): Workspace {
  return { ...row };
}

export interface BootstrapResult {
  workspace: Workspace;
  adminTokenId: string;
  adminToken: string;
}

/**
 * Creates a workspace and its first admin token in one batch, so a workspace
 * never exists without a way in. Later features add their starter rows through
 * `extraStatements` (the starter agreement, for one) to stay in the same batch.
 */
export async function createWorkspace(
  db: Database,
  input: CreateWorkspace,
  now: Date,
  extraStatements: (workspaceId: string) => Statement[] = () => [],
): Promise<BootstrapResult> {
  const at = now.toISOString();
  const id = newId('ws', now.getTime());
  const adminToken = mintToken(id, webHost.randomBytes);
  const adminTokenId = newId('tok', now.getTime());
  const workspaceRow = { id, ...input, createdAt: at };
  await db.batch([
    db.insert(workspaces).values(workspaceRow),
    db.insert(apiTokens).values({
      id: adminTokenId,
      workspaceId: id,
      role: 'admin' satisfies Role,
      label: 'First admin token',
      tokenHash: await sha256Hex(adminToken, webHost),
      hint: adminToken.slice(-4),
      createdAt: at,
    }),
    ...extraStatements(id),
  ]);
  return { workspace: toWorkspace(workspaceRow), adminTokenId, adminToken };
}

export async function getWorkspace(db: Database, workspaceId: string): Promise<Workspace | null> {
  const row = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId)).get();
  return row ? toWorkspace(row) : null;
}

/** The workspace, or a 404 naming it: the one "get workspace or 404" every verb and query shares. */
export async function requireWorkspace(db: Database, workspaceId: string): Promise<Workspace> {
  const workspace = await getWorkspace(db, workspaceId);
  if (!workspace) throw missing('workspace');
  return workspace;
}
