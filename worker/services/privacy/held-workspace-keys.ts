import type { WorkspaceKeys } from '../../domain/privacy';
import { isolateCache } from '../isolate-cache';

/**
 * How long an isolate keeps a workspace's opened keys after reading `workspace_keys`. The raw
 * keys never change (a rotation re-wraps the same keys), so what this bounds is how long a
 * removed or damaged row goes unnoticed here; the master key is checked on every use, so a
 * request whose configured master key did not open them reads the row again (and fails
 * closed). A rotation in this isolate forgets them at once. Intake pays one read of the row
 * per isolate and workspace a minute instead of one per delivery.
 */
export const WORKSPACE_KEYS_TTL_MS = 60_000;

const held = isolateCache<WorkspaceKeys>({ ttlMs: WORKSPACE_KEYS_TTL_MS });

/**
 * The keys held for a workspace when they are younger than WORKSPACE_KEYS_TTL_MS at `at` and
 * were opened (or re-wrapped) by `currentMasterKeyId`, the master key of this request.
 */
export function heldWorkspaceKeys(
  workspaceId: string,
  currentMasterKeyId: string,
  at: number,
): WorkspaceKeys | null {
  const keys = held.get(workspaceId, at);
  return keys?.masterKeyId === currentMasterKeyId ? keys : null;
}

/**
 * Holds keys just opened, wrapped by `masterKeyId` in D1 (the current master key). The same
 * `indexKey` array is handed out while held, so `webHost` imports it for HMAC once.
 */
export function holdWorkspaceKeys(
  workspaceId: string,
  keys: WorkspaceKeys,
  masterKeyId: string,
  at: number,
): WorkspaceKeys {
  const entry = { ...keys, masterKeyId };
  held.set(workspaceId, entry, at);
  return entry;
}

/** Forgets what this isolate holds for one workspace (a rotation re-wrapped its keys), or for all. */
export function forgetWorkspaceKeys(workspaceId?: string): void {
  if (workspaceId === undefined) held.clear();
  else held.delete(workspaceId);
}
