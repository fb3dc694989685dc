import * as z from 'zod';
import { ROLES, type Role } from './constants';
import { base64url, bytesToHex, utf8Encode } from './encoding';
import type { Host } from './host';

/**
 * API tokens look like `lp_<workspaceId>_<43 base64url chars>` (32 random bytes).
 * The workspace id in clear lets the Worker pick the right database before any
 * lookup (see worker/db/client.ts); only the SHA-256 of the whole token is stored.
 */
export const TOKEN_PATTERN = /^lp_(ws_[0-9A-HJKMNP-TV-Z]{26})_([A-Za-z0-9_-]{43})$/;

export const CreateToken = z.strictObject({
  role: z.enum(ROLES),
  label: z.string().trim().min(1).max(200),
  memberId: z.string().min(1).optional(),
});
export type CreateToken = z.output<typeof CreateToken>;

export interface TokenInfo {
  id: string;
  role: Role;
  label: string;
  memberId: string | null;
  /** The last four characters, so people can tell their tokens apart. */
  hint: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Who is calling: what the auth middleware resolves a token to. */
export interface Caller {
  workspaceId: string;
  tokenId: string;
  role: Role;
  memberId: string | null;
}

/** How stale `last_used_at` may get before a request refreshes it (one write a minute, not one per request). */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** True when a token's `last_used_at` is old enough (or unset) that this use should refresh it. */
export function lastUsedIsStale(lastUsedAt: string | null, now: Date): boolean {
  return !lastUsedAt || now.getTime() - Date.parse(lastUsedAt) > LAST_USED_RESOLUTION_MS;
}

/** The hint people tell their tokens apart by: the token's last four characters. */
export function tokenHint(token: string): string {
  return token.slice(-4);
}

export function parseToken(raw: string): { workspaceId: string } | null {
  const match = TOKEN_PATTERN.exec(raw);
  return match?.[1] ? { workspaceId: match[1] } : null;
}

/** A new secret token for a workspace, from the host's random bytes (tests pass fixed ones). */
export function mintToken(workspaceId: string, random: Host['randomBytes']): string {
  return `lp_${workspaceId}_${base64url(random(32))}`;
}

/** SHA-256 as lower-case hex; text is hashed as its UTF-8 bytes. */
export async function sha256Hex(data: string | Uint8Array, host: Pick<Host, 'sha256'>): Promise<string> {
  const bytes = typeof data === 'string' ? utf8Encode(data) : data;
  return bytesToHex(await host.sha256(bytes));
}

/** Constant-time equality of two byte strings of any length (length leaks, content does not). */
export function timingSafeEqualBytes(
  a: Uint8Array,
  b: Uint8Array,
  host: Pick<Host, 'timingSafeEqual'>,
): boolean {
  if (a.byteLength !== b.byteLength) {
    // Compare against itself so the time spent does not depend on where they differ.
    host.timingSafeEqual(a, a);
    return false;
  }
  return host.timingSafeEqual(a, b);
}

/** Constant-time equality of two strings of any length (length leaks, content does not). */
export function timingSafeEqualText(a: string, b: string, host: Pick<Host, 'timingSafeEqual'>): boolean {
  return timingSafeEqualBytes(utf8Encode(a), utf8Encode(b), host);
}

/** A signing secret, `whsec_` and 32 random bytes in hex: for intake sources and outgoing webhooks alike (shown once). */
export function newSigningSecret(random: Host['randomBytes']): string {
  return `whsec_${bytesToHex(random(32))}`;
}

export { base64url, bytesToHex } from './encoding';
