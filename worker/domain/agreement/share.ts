import { base64url } from '../encoding';
import type { Host } from '../host';

/**
 * Share ids look like `<workspaceId>_<43 base64url chars>` (32 random bytes):
 * unguessable, and the workspace id in clear lets the Worker pick the right
 * database before any lookup, like API tokens do.
 */
export const SHARE_ID_PATTERN = /^(ws_[0-9A-HJKMNP-TV-Z]{26})_([A-Za-z0-9_-]{43})$/;

export function mintShareId(workspaceId: string, random: Host['randomBytes']): string {
  return `${workspaceId}_${base64url(random(32))}`;
}

export function parseShareId(shareId: string): { workspaceId: string } | null {
  const match = SHARE_ID_PATTERN.exec(shareId);
  return match?.[1] ? { workspaceId: match[1] } : null;
}
