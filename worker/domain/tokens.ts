import { z } from 'zod';
import { ROLES, type Role } from './constants';

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

export function parseToken(raw: string): { workspaceId: string } | null {
  const match = TOKEN_PATTERN.exec(raw);
  return match?.[1] ? { workspaceId: match[1] } : null;
}

/** RFC 4648 base64url without padding. */
export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A new secret token for a workspace; `random` is injectable so tests stay deterministic. */
export function mintToken(
  workspaceId: string,
  random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n)),
): string {
  return `lp_${workspaceId}_${base64url(random(32))}`;
}

export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return bytesToHex(new Uint8Array(digest));
}

/** Constant-time equality of two byte strings of any length (length leaks, content does not). */
export function timingSafeEqualBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) {
    // Compare against itself so the time spent does not depend on where they differ.
    crypto.subtle.timingSafeEqual(a, a);
    return false;
  }
  return crypto.subtle.timingSafeEqual(a, b);
}

/** Constant-time equality of two strings of any length (length leaks, content does not). */
export function timingSafeEqualText(a: string, b: string): boolean {
  const enc = new TextEncoder();
  return timingSafeEqualBytes(enc.encode(a), enc.encode(b));
}

/** A signing secret, `whsec_` and 32 random bytes in hex: for intake sources and outgoing webhooks alike (shown once). */
export function newSigningSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return `whsec_${bytesToHex(bytes)}`;
}

export function bytesToHex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
