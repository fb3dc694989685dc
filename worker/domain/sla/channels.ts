import * as z from 'zod';
import type { Language } from '../constants';
import { bytesToHex, utf8Encode } from '../encoding';
import { type FieldIssue, fieldIssue } from '../errors';
import type { Host } from '../host';
import { say, schemaText } from '../i18n';
import { signLeadPactBody } from '../intake/signature';
import { escapeChat } from '../markup';
import { timingSafeEqualText } from '../tokens';
import { CHANNEL_KINDS, type ChannelKind, NOTIFICATION_TOPICS, type NotificationTopic } from './constants';

/**
 * Notification channels: where the SLA clock speaks. A team channel (no
 * member) receives every message of its topics; a personal channel (a member's
 * own webhook) only those addressed to that member.
 */
export const CreateChannel = z.strictObject({
  kind: z.enum(CHANNEL_KINDS),
  name: z.string().trim().min(1).max(200),
  url: z.url({ message: schemaText('webhookUrl') }).max(2000),
  memberId: z.string().min(1).max(64).nullable().default(null),
  topics: z
    .array(z.enum(NOTIFICATION_TOPICS))
    .min(1)
    .max(NOTIFICATION_TOPICS.length)
    .default([...NOTIFICATION_TOPICS]),
});
export type CreateChannel = z.output<typeof CreateChannel>;

export interface Channel {
  id: string;
  kind: ChannelKind;
  name: string;
  /** The webhook URL with its secret part masked (Google Chat and Slack URLs carry their own token). */
  url: string;
  memberId: string | null;
  topics: NotificationTopic[];
  createdAt: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Checks a webhook URL for its kind: Google Chat and Slack incoming webhooks
 * live on their own hosts, and every URL is https. Loopback http URLs are only
 * for local development and tests (`LEADPACT_ALLOW_LOOPBACK_WEBHOOKS`).
 */
export function channelUrlIssue(
  kind: ChannelKind,
  raw: string,
  allowLoopback: boolean,
  host: Pick<Host, 'parseUrl'>,
): FieldIssue | null {
  const url = host.parseUrl(raw);
  if (!url) return fieldIssue('url', say('urlAbsolute'));
  if (url.username || url.password) return fieldIssue('url', say('urlNoCredentials'));
  if (LOOPBACK.has(url.hostname)) {
    return allowLoopback && (url.protocol === 'http:' || url.protocol === 'https:')
      ? null
      : fieldIssue('url', say('urlLoopback'));
  }
  if (url.protocol !== 'https:') return fieldIssue('url', say('urlHttps'));
  if (
    kind === 'google_chat' &&
    (url.hostname !== 'chat.googleapis.com' || !/^\/v1\/spaces\/[^/]+\/messages$/.test(url.pathname))
  ) {
    return fieldIssue('url', say('urlGoogleChat'));
  }
  if (kind === 'slack' && (url.hostname !== 'hooks.slack.com' || !url.pathname.startsWith('/services/'))) {
    return fieldIssue('url', say('urlSlack'));
  }
  return null;
}

/** The URL as the API shows it: the path and query of chat webhooks hold their secret token. */
export function maskedUrl(kind: ChannelKind, raw: string, host: Pick<Host, 'parseUrl'>): string {
  const url = host.parseUrl(raw);
  // Stored URLs were checked on the way in; should one not parse, show nothing of it.
  if (!url) return '…';
  if (kind === 'webhook') return `${url.origin}${url.pathname}`;
  return `${url.origin}/…`;
}

/** What every message carries, whatever the channel renders of it. */
export interface OutgoingMessage {
  /** The deduplication key: the same message always has the same id. */
  id: string;
  type: 'sla.due_soon' | 'sla.breached' | 'sla.escalated' | 'agenda.weekly';
  createdAt: string;
  workspaceId: string;
  language: Language;
  /** Plain text lines in the workspace's language. */
  lines: string[];
  link: { url: string; label: string } | null;
  /** Machine-readable details for generic webhooks. */
  data: Record<string, unknown>;
}

/**
 * The request body for a channel kind: chat webhooks take `{ text }`, a generic webhook the whole message.
 * The lines are plain text (lead names and campaigns come from forms), so chat mark-up in them is made inert.
 */
export function channelBody(kind: ChannelKind, message: OutgoingMessage): string {
  if (kind === 'webhook') {
    const { lines, link, data, ...rest } = message;
    return JSON.stringify({ ...rest, text: lines.join('\n'), url: link?.url ?? null, ...data });
  }
  const text = message.lines.map(escapeChat).join('\n');
  const link = message.link ? `\n<${message.link.url}|${escapeChat(message.link.label)}>` : '';
  return JSON.stringify({ text: `${text}${link}` });
}

/** The header value that signs `body` at `timestamp` (seconds), as Stripe does: `t=…,v1=HMAC-SHA256(secret, "t.body")`. */
export async function signatureHeader(
  secret: string,
  body: string,
  timestamp: number,
  host: Pick<Host, 'hmacSha256'>,
): Promise<string> {
  // The same scheme senders use towards our intake (worker/domain/intake/signature.ts).
  return signLeadPactBody(secret, utf8Encode(body), timestamp, host);
}

/**
 * What a receiver does with our `LeadPact-Signature` header: recompute the MAC
 * over `t.body`, compare in constant time, refuse stale timestamps (replays).
 */
export async function verifySignatureHeader(
  header: string,
  body: string,
  secret: string,
  nowSeconds: number,
  toleranceSeconds: number,
  host: Pick<Host, 'hmacSha256' | 'timingSafeEqual'>,
): Promise<boolean> {
  const parts = new Map<string, string[]>();
  for (const item of header.split(',')) {
    const [k, v] = item.split('=', 2);
    if (k && v) parts.set(k.trim(), [...(parts.get(k.trim()) ?? []), v.trim()]);
  }
  const t = Number(parts.get('t')?.[0]);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = (await signatureHeader(secret, body, t, host)).slice(`t=${t},v1=`.length);
  return (parts.get('v1') ?? []).some((v) => timingSafeEqualText(v, expected, host));
}

export { newSigningSecret as newWebhookSecret } from '../tokens';

/** A UUID-shaped id derived from the dedup key: Google Chat's `requestId` makes a repeated post a no-op. */
export async function requestIdOf(key: string, host: Pick<Host, 'sha256'>): Promise<string> {
  const hex = bytesToHex((await host.sha256(utf8Encode(key))).slice(0, 16));
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Wait before the next delivery try after `attempts` failures: base × 2^(attempts−1), capped. */
export function backoffMs(attempts: number, baseMs: number, capMs: number): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempts - 1));
}
