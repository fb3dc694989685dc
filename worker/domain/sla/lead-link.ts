import { base64url } from '../encoding/base64';
import { utf8Encode } from '../encoding/utf8';
import type { Host } from '../host';

/**
 * A link a person can open from a chat message: the lead's read-only page,
 * signed and expiring, so no token is needed and nothing else is reachable
 * with it. `/l/<workspace>/<lead>?exp=<unix seconds>&sig=<base64url HMAC>`.
 *
 * The key is the workspace's own: HMAC(root secret, "lead-link:" + workspace),
 * with the deployment's root secret (`LEADPACT_LINK_SECRET`, else the admin
 * secret). Stored nowhere, it needs no migration; changing the root secret
 * voids every link, which expire within days anyway.
 */

/** How long a breach message's link opens the page: long enough for a week's follow-up. */
export const LEAD_LINK_DAYS = 7;

type LinkHost = Pick<Host, 'hmacSha256' | 'timingSafeEqual'>;

async function workspaceKey(host: LinkHost, root: string, workspaceId: string): Promise<Uint8Array> {
  return host.hmacSha256(utf8Encode(root), utf8Encode(`lead-link:${workspaceId}`));
}

async function signature(
  host: LinkHost,
  root: string,
  workspaceId: string,
  leadId: string,
  exp: number,
): Promise<string> {
  const key = await workspaceKey(host, root, workspaceId);
  return base64url(await host.hmacSha256(key, utf8Encode(`${workspaceId}.${leadId}.${exp}`)));
}

/** The page's path (without origin), valid until `expiresAt`. */
export async function signedLeadPath(
  host: LinkHost,
  root: string,
  workspaceId: string,
  leadId: string,
  expiresAt: Date,
): Promise<string> {
  const exp = Math.floor(expiresAt.getTime() / 1000);
  const sig = await signature(host, root, workspaceId, leadId, exp);
  return `/l/${encodeURIComponent(workspaceId)}/${encodeURIComponent(leadId)}?exp=${exp}&sig=${sig}`;
}

export type LeadLinkCheck = 'valid' | 'expired' | 'invalid';

/** Whether a link's signature is ours (constant time) and it has not expired at `now`. */
export async function checkLeadLink(
  host: LinkHost,
  root: string,
  link: { workspaceId: string; leadId: string; exp: string | undefined; sig: string | undefined },
  now: Date,
): Promise<LeadLinkCheck> {
  if (!link.exp || !/^\d{1,12}$/.test(link.exp) || !link.sig) return 'invalid';
  const exp = Number(link.exp);
  const expected = utf8Encode(await signature(host, root, link.workspaceId, link.leadId, exp));
  const given = utf8Encode(link.sig);
  if (given.length !== expected.length || !host.timingSafeEqual(given, expected)) return 'invalid';
  return exp * 1000 > now.getTime() ? 'valid' : 'expired';
}

/** The team's connected sheet, where the lead's row lives (the Leads tab). */
export function spreadsheetUrl(spreadsheetId: string): string {
  return `https://docs.google.com/spreadsheets/d/${encodeURIComponent(spreadsheetId)}/edit`;
}
