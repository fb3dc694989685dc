import { getSheetConnection, quotaUsed } from '../../db/queries/sheet';
import { getWorkspace } from '../../db/queries/workspaces';
import { NotFoundError } from '../../domain/errors';
import { thing } from '../../domain/i18n';
import {
  READS_PER_MINUTE,
  type SheetConnectionState,
  type SheetErrorCode,
  sheetErrorMessage,
  WRITES_PER_MINUTE,
} from '../../domain/live-sheet';
import type { SheetContext } from './context';
import { deploymentKey } from './credentials';

export interface SheetStatus {
  connected: boolean;
  spreadsheetId: string | null;
  /** Share the sheet with this address (editor). Before connecting: the deployment's, when it has one. */
  serviceAccountEmail: string | null;
  keySource: 'deployment' | 'team' | null;
  state: SheetConnectionState | null;
  lastPushAt: string | null;
  lastPushRows: number | null;
  lastError: { code: SheetErrorCode; message: string; at: string } | null;
  cursor: { events: number; transitions: number } | null;
  quota: { minute: string; reads: number; readsLimit: number; writes: number; writesLimit: number } | null;
}

/** The sheet's connection as the sidebar and `GET /v1/sheet/status` show it; never a key. */
export async function getSheetStatus({
  ctx,
  input,
}: {
  ctx: SheetContext;
  input: { workspaceId: string };
}): Promise<SheetStatus> {
  const [workspace, row] = await Promise.all([
    getWorkspace(ctx.db, input.workspaceId),
    getSheetConnection(ctx.db, input.workspaceId),
  ]);
  if (!workspace) throw new NotFoundError(thing('workspace'));
  if (!row) {
    return {
      connected: false,
      spreadsheetId: null,
      serviceAccountEmail: deploymentKey(ctx.env)?.client_email ?? null,
      keySource: null,
      state: null,
      lastPushAt: null,
      lastPushRows: null,
      lastError: null,
      cursor: null,
      quota: null,
    };
  }
  const used = (await quotaUsed(ctx.db, [row.serviceAccountEmail], ctx.now)).get(row.serviceAccountEmail);
  return {
    connected: true,
    spreadsheetId: row.spreadsheetId,
    serviceAccountEmail: row.serviceAccountEmail,
    keySource: row.credential === null ? 'deployment' : 'team',
    state: row.state,
    lastPushAt: row.lastPushAt,
    lastPushRows: row.lastPushRows,
    lastError:
      row.lastErrorCode && row.lastErrorAt
        ? {
            code: row.lastErrorCode,
            message: sheetErrorMessage(row.lastErrorCode, workspace.language, row.serviceAccountEmail),
            at: row.lastErrorAt,
          }
        : null,
    cursor: { events: row.cursorEvents, transitions: row.cursorTransitions },
    quota: {
      minute: ctx.now.toISOString().slice(0, 16),
      reads: used?.reads ?? 0,
      readsLimit: READS_PER_MINUTE,
      writes: used?.writes ?? 0,
      writesLimit: WRITES_PER_MINUTE,
    },
  };
}
