import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { drizzle } from 'drizzle-orm/d1';
import { vi } from 'vitest';
import type { Database } from '../../worker/db/client';
import * as schema from '../../worker/db/schema';
import type { Agreement } from '../../worker/domain/agreement';
import worker from '../../worker/index';
import { bodyOpener } from '../../worker/services/sla';
import {
  activateDraft,
  createSigningWorkspace,
  edit,
  putDraft,
  readDraft,
  type SigningWorkspace,
} from './agreement-fixtures';
import { call, env, WAIT_FOR_LEAD } from './harness';

/** Deadline fields as `GET /v1/leads/{id}` and `GET /v1/sla` show them. */
export interface DeadlineView {
  id: string;
  kind: string;
  status: string;
  leadId: string | null;
  ownerId: string | null;
  agreementVersion: number | null;
  startedAt: string;
  dueSoonAt: string;
  dueAt: string;
  escalateAt: string | null;
  breachedAt: string | null;
  escalatedAt: string | null;
  settledAt: string | null;
}

export interface SlaWorkspace extends SigningWorkspace {
  sourceId: string;
  version: number;
}

/**
 * A workspace whose signed agreement has the given SLA changes: one first-touch
 * number for every quadrant (so a test does not depend on scoring) unless the
 * change sets them, and a generic contact-form source.
 */
export async function createSlaWorkspace(
  options: { timezone?: string; language?: 'en' | 'pl' | 'ro' | 'ru'; change?: (a: Agreement) => void } = {},
): Promise<SlaWorkspace> {
  const ws = await createSigningWorkspace({
    timezone: options.timezone ?? 'Europe/Warsaw',
    language: options.language ?? 'en',
  });
  const draft = await readDraft(ws.tokens.marketing);
  const content = edit(draft.content, (a) => {
    a.sla.firstTouchHours = { perfect: 4, engaged: 4, fit: 4, low: 4 };
    options.change?.(a);
  });
  const put = await putDraft(ws.tokens.marketing, content, draft.etag);
  if (put.status !== 200) throw new Error(`draft: ${put.status} ${await put.text()}`);
  const version = await activateDraft(ws);
  const source = await call('POST', '/v1/sources', {
    token: ws.tokens.admin,
    json: { name: 'Contact form', provider: 'generic', origin: 'marketing', createsLead: true },
  });
  if (source.status !== 201) throw new Error(`source: ${source.status} ${await source.text()}`);
  const { id: sourceId } = (await source.json()) as { id: string };
  return { ...ws, sourceId, version: version.number };
}

let people = 0;

/** Posts a lead that the starter MQL rule accepts, as if it arrived at `at` (the Worker's clock is set to it). */
export async function submitLeadAt(
  ws: SlaWorkspace,
  at: string,
  extra: Record<string, unknown> = {},
): Promise<{ leadId: string; stage: string }> {
  people += 1;
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(at));
  try {
    const res = await call('POST', `/v1/intake/${ws.sourceId}`, {
      token: ws.tokens.intake,
      json: {
        email: `buyer${people}@factory${people}.pl`,
        phone: '+48 600 200 300',
        firstName: 'Jan',
        lastName: `Nowak${people}`,
        company: `Factory ${people}`,
        consent: true,
        ...extra,
      },
      headers: WAIT_FOR_LEAD,
    });
    if (res.status !== 201) throw new Error(`intake: ${res.status} ${await res.text()}`);
    return (await res.json()) as { leadId: string; stage: string };
  } finally {
    vi.useRealTimers();
  }
}

/** The lead with its deadlines, as the API shows it. */
export async function leadWithDeadlines(ws: SlaWorkspace, leadId: string) {
  const res = await call('GET', `/v1/leads/${leadId}`, { token: ws.tokens.viewer });
  if (res.status !== 200) throw new Error(`lead: ${res.status} ${await res.text()}`);
  return (await res.json()) as {
    id: string;
    stage: string;
    ownerId: string | null;
    sla: { deadlines: DeadlineView[]; next: DeadlineView | null; worst: string | null };
  };
}

/** The lead's deadlines straight from D1, by kind. */
export async function deadlinesOf(leadId: string): Promise<Record<string, DeadlineView>> {
  const rows = await env.DB.prepare(
    `select id, kind, status, lead_id as leadId, owner_id as ownerId, agreement_version as agreementVersion,
       started_at as startedAt, due_soon_at as dueSoonAt, due_at as dueAt, escalate_at as escalateAt,
       breached_at as breachedAt, escalated_at as escalatedAt, settled_at as settledAt
     from sla_deadlines where lead_id = ?`,
  )
    .bind(leadId)
    .all<DeadlineView>();
  return Object.fromEntries(rows.results.map((r) => [r.kind, r]));
}

/** Fires the Worker's every-minute cron as Cloudflare would, at `at`, and waits for it to finish. */
export async function runCron(at: string | number): Promise<void> {
  const ctx = createExecutionContext();
  await worker.scheduled(
    createScheduledController({ cron: '* * * * *', scheduledTime: new Date(at) }),
    env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
}

/** Registers a notification channel through the API and returns it (with its secret for webhooks). */
export async function addChannel(
  ws: SlaWorkspace,
  json: { kind: string; url: string; name?: string; memberId?: string | null; topics?: string[] },
): Promise<{ id: string; secret: string | null }> {
  const res = await call('POST', '/v1/notification-channels', {
    token: ws.tokens.manager,
    json: { name: `${json.kind} channel`, ...json },
  });
  if (res.status !== 201) throw new Error(`channel: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; secret: string | null };
}

/** A loopback port nothing listens on: deliveries fail at once, as a receiver that is down. */
export const CLOSED_PORT_URL = 'http://127.0.0.1:9/hooks/leadpact';

export async function transitionsOf(
  deadlineId: string,
): Promise<{ step: string; fromStatus: string; toStatus: string; at: string }[]> {
  const rows = await env.DB.prepare(
    'select step, from_status as fromStatus, to_status as toStatus, at from sla_transitions where deadline_id = ? order by recorded_at, step',
  )
    .bind(deadlineId)
    .all<{ step: string; fromStatus: string; toStatus: string; at: string }>();
  return rows.results;
}

export interface OutboxRow {
  key: string;
  channelId: string;
  topic: string;
  body: string;
  status: string;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
}

/** The Worker's own opener of sealed message bodies, with the test deployment's key. */
export function opener(db: Database) {
  return bodyOpener({ db, now: new Date(), encryption: { key: env.LEADPACT_ENCRYPTION_KEY } });
}

/**
 * A workspace's outbox with each body opened, as the sender would send it; a body already
 * forgotten (sent, given up, or naming an erased person) reads as ''.
 */
export async function outboxOf(workspaceId: string): Promise<OutboxRow[]> {
  const rows = await env.DB.prepare(
    `select key, channel_id as channelId, topic, body, body_key as bodyKey, status, attempts,
       next_attempt_at as nextAttemptAt, last_error as lastError
     from notification_outbox where workspace_id = ? order by created_at, key`,
  )
    .bind(workspaceId)
    .all<OutboxRow & { bodyKey: string | null }>();
  const bodies = await opener(drizzle(env.DB, { schema }))(rows.results.map((r) => ({ ...r, workspaceId })));
  return rows.results.map(({ bodyKey: _, ...row }) => ({ ...row, body: bodies.get(row.key) ?? '' }));
}

/** Adds a sales rep and routes every lead from `country` to them, so owner and sales lead are different people. */
export async function addSalesRep(ws: SlaWorkspace, name: string, country = 'PL'): Promise<string> {
  const res = await call('POST', '/v1/members', {
    token: ws.tokens.admin,
    json: {
      name,
      email: `${name.toLowerCase().replace(/\W/g, '')}.${ws.id.slice(-6).toLowerCase()}@acme.test`,
      side: 'sales',
    },
  });
  if (res.status !== 201) throw new Error(`member: ${res.status} ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  const routing = await call('PUT', '/v1/routing', {
    token: ws.tokens.manager,
    json: { rules: [{ id: 'home', field: 'country', values: [country], memberIds: [id] }] },
  });
  if (routing.status !== 200) throw new Error(`routing: ${routing.status} ${await routing.text()}`);
  return id;
}

/** Logs a sales action as if it happened at `at` (the Worker's clock is set to it). */
export async function actAt(
  ws: SlaWorkspace,
  leadId: string,
  at: string,
  action: Record<string, unknown>,
  token = ws.tokens.manager,
): Promise<Response> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(at));
  try {
    return await call('POST', `/v1/leads/${leadId}/actions`, { token, json: action });
  } finally {
    vi.useRealTimers();
  }
}
