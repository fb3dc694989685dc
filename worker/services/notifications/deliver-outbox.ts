import { runBatch } from '../../db/batch';
import {
  type ChannelRow,
  channelsOfMessages,
  claimMessages,
  dueMessages,
  type OpenBody,
  outboxStepStatements,
} from '../../db/queries/notifications';
import { errorTextWithoutValues } from '../../domain/privacy';
import {
  BODY_UNREADABLE_ERROR,
  CHANNEL_DELETED_ERROR,
  DELIVERY_LEASE_MS,
  outboxStep,
  requestIdOf,
  type SendOutcome,
  signatureHeader,
} from '../../domain/sla';
import { webHost } from '../../platform/web-host';
import type { DatabaseContext } from '../context';

/** How a message reaches its endpoint; tests may pass their own, production uses `fetch`. */
export type Send = (url: string, init: RequestInit) => Promise<Response>;

export interface DeliveryReport {
  claimed: number;
  delivered: number;
  retrying: number;
  failed: number;
}

const DELIVERY_BATCH = 50;
const SEND_TIMEOUT_MS = 10_000;

async function requestFor(
  channel: ChannelRow,
  key: string,
  body: string,
  attempt: number,
  signedAt: number,
): Promise<{ url: string; init: RequestInit }> {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  let url = channel.url;
  if (channel.kind === 'webhook') {
    headers['leadpact-signature'] = await signatureHeader(
      channel.secret ?? '',
      body,
      Math.floor(signedAt / 1000),
      webHost,
    );
    headers['leadpact-delivery'] = key;
    headers['leadpact-attempt'] = String(attempt);
  } else if (channel.kind === 'google_chat') {
    // Google Chat creates one message per requestId, so a repeated post is a no-op on its side too.
    const target = new URL(url);
    target.searchParams.set('requestId', await requestIdOf(key, webHost));
    url = target.toString();
  }
  return { url, init: { method: 'POST', headers, body, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) } };
}

/**
 * Delivers queued messages whose time has come, at least once each: a message
 * is claimed by moving its next try past a lease (so a concurrent sweep skips
 * it), sent, then marked delivered, or rescheduled with exponential backoff, or
 * failed after DELIVERY_MAX_ATTEMPTS (the domain's `outboxStep`). A crash between
 * send and mark re-sends after the lease; receivers deduplicate on the
 * `LeadPact-Delivery` key (and Google Chat on `requestId`).
 */
export async function deliverOutbox({
  ctx,
  input,
}: {
  ctx: DatabaseContext;
  input: { send: Send; openBodies: OpenBody; signedAt?: () => number };
}): Promise<DeliveryReport> {
  const { db, now } = ctx;
  // The signature's timestamp is the real send time, which a receiver checks against its own clock.
  const signedAt = input.signedAt ?? (() => Date.now());
  const report: DeliveryReport = { claimed: 0, delivered: 0, retrying: 0, failed: 0 };
  const due = await dueMessages(db, now.toISOString(), DELIVERY_BATCH);
  if (due.length === 0) return report;
  const claimed = await claimMessages(db, due, new Date(now.getTime() + DELIVERY_LEASE_MS).toISOString());
  report.claimed = claimed.length;
  if (claimed.length === 0) return report;

  const channels = await channelsOfMessages(db, claimed);
  const bodies = await input.openBodies(claimed);
  const outcomes = await Promise.all(
    claimed.map(async (message): Promise<SendOutcome> => {
      const channel = channels.get(message.channelId);
      if (!channel || channel.deletedAt) return { ok: false, error: CHANNEL_DELETED_ERROR, final: true };
      const body = bodies.get(message.key);
      if (!body) return { ok: false, error: BODY_UNREADABLE_ERROR, final: true };
      try {
        const { url, init } = await requestFor(channel, message.key, body, message.attempts, signedAt());
        const res = await input.send(url, init);
        // Drain the body so the connection is released.
        await res.arrayBuffer().catch(() => undefined);
        return res.ok ? { ok: true } : { ok: false, error: `HTTP ${res.status}`, final: false };
      } catch (error) {
        return { ok: false, error: errorTextWithoutValues(error), final: false };
      }
    }),
  );

  const statements = claimed.flatMap((message, i) => {
    const step = outboxStep(outcomes[i] as SendOutcome, message.attempts, now);
    if (step.status === 'delivered') report.delivered += 1;
    else if (step.status === 'failed') report.failed += 1;
    else report.retrying += 1;
    return outboxStepStatements(db, message, step, now);
  });
  await runBatch(db, statements);
  return report;
}
