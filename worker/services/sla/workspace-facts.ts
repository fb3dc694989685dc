import { getActiveAgreement } from '../../db/queries/agreement';
import { getWorkspace } from '../../db/queries/workspaces';
import type { ActiveAgreement } from '../../domain/agreement';
import type { Workspace } from '../../domain/workspace';
import type { DatabaseContext } from '../context';

/** A workspace and the agreement it runs under, as one sweep sees them. */
export interface WorkspaceFacts {
  workspace: Workspace;
  active: ActiveAgreement | null;
}

/**
 * Reads each workspace and its active agreement at most once per sweep, for the
 * governance pass, the deadlines and the weekly agenda alike. The governance
 * pass pages through active agreements and hands each one in (`seed`), so those
 * are not read again at all.
 */
export class WorkspaceFactsCache {
  private readonly workspaces = new Map<string, Promise<Workspace | null>>();
  private readonly agreements = new Map<string, Promise<ActiveAgreement | null>>();

  constructor(private readonly ctx: DatabaseContext) {}

  seedAgreement(workspaceId: string, active: ActiveAgreement): void {
    this.agreements.set(workspaceId, Promise.resolve(active));
  }

  activeAgreement(workspaceId: string): Promise<ActiveAgreement | null> {
    let active = this.agreements.get(workspaceId);
    if (!active) {
      active = getActiveAgreement(this.ctx.db, workspaceId);
      this.agreements.set(workspaceId, active);
    }
    return active;
  }

  /** The workspace and its agreement, or null for a workspace that no longer exists. */
  async facts(workspaceId: string): Promise<WorkspaceFacts | null> {
    let workspace = this.workspaces.get(workspaceId);
    if (!workspace) {
      workspace = getWorkspace(this.ctx.db, workspaceId);
      this.workspaces.set(workspaceId, workspace);
    }
    const [ws, active] = await Promise.all([workspace, this.activeAgreement(workspaceId)]);
    return ws ? { workspace: ws, active } : null;
  }
}
