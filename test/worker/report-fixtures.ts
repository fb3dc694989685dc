import { drizzle } from 'drizzle-orm/d1';
import { databaseFor } from '../../worker/db/client';
import { appendStatements } from '../../worker/db/queries/leads';
import * as schema from '../../worker/db/schema';
import type { EventType } from '../../worker/domain/ledger/constants';
import { applyEvent, type LedgerEvent, newLeadState, type Profile } from '../../worker/domain/ledger/lead';
import { call, env, type TestWorkspace } from './harness';
import { testVault } from './test-vault';

/** One ledger event for a seeded lead: type, time, payload, and the source/campaign it carries. */
export function ev(
  type: EventType,
  occurredAt: string,
  payload: Record<string, unknown> = {},
  more: { sourceId?: string | null; campaign?: string | null; agreementVersion?: number | null } = {},
): LedgerEvent {
  return {
    type,
    occurredAt,
    actor: { type: 'system', id: null },
    sourceId: more.sourceId ?? null,
    campaign: more.campaign ?? null,
    agreementVersion: more.agreementVersion ?? null,
    payload,
  };
}

export interface LeadSpec {
  /** When the person arrived (the `created` event). */
  at: string;
  sourceId?: string | null;
  campaign?: string | null;
  /** False for a prospect (a webinar sign-up alone). */
  createsLead?: boolean;
  profile?: Partial<Profile>;
  /** A `scored` event right after creation with this ICP result. */
  icp?: boolean;
  /** Everything after creation, in order. */
  events?: LedgerEvent[];
}

/**
 * Writes leads through the ledger's own persistence (`appendStatements`): the
 * events folded by `applyEvent` give the `leads` row, exactly as intake and the
 * sales actions store them. Returns the lead ids in order.
 */
export async function seedLeads(workspaceId: string, specs: readonly LeadSpec[]): Promise<string[]> {
  const db = databaseFor(env, workspaceId);
  const ids: string[] = [];
  const statements: unknown[] = [];
  const vault = testVault(db, workspaceId);
  for (const [i, spec] of specs.entries()) {
    const id = `lead_seed_${i}_${crypto.randomUUID()}`;
    const events: LedgerEvent[] = [
      ev(
        'created',
        spec.at,
        { profile: spec.profile ?? {}, createsLead: spec.createsLead ?? true, provider: 'generic' },
        { sourceId: spec.sourceId ?? null, campaign: spec.campaign ?? null },
      ),
      ...(spec.icp === undefined ? [] : [ev('scored', spec.at, { icpMatch: spec.icp })]),
      ...(spec.events ?? []),
    ];
    let state = newLeadState(id, spec.at);
    for (const event of events) state = applyEvent(state, event);
    statements.push(...(await appendStatements(db, vault, workspaceId, 0, state, events, new Date(spec.at))));
    ids.push(id);
  }
  for (let i = 0; i < statements.length; i += 50) {
    await db.batch(statements.slice(i, i + 50) as unknown as Parameters<typeof db.batch>[0]);
  }
  return ids;
}

export interface DeadlineSpec {
  leadId: string;
  kind: 'first_touch' | 'attempts' | 'decision';
  status: 'pending' | 'due_soon' | 'breached' | 'met' | 'met_late' | 'cancelled';
  dueAt: string;
}

/** SLA deadlines as the clock stores them (only the columns the report reads matter). */
export async function seedDeadlines(workspaceId: string, deadlines: readonly DeadlineSpec[]): Promise<void> {
  const statements = deadlines.map((d, i) =>
    env.DB.prepare(
      `insert into sla_deadlines (id, workspace_id, key, lead_id, kind, status, started_at, due_soon_at, due_at,
        created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).bind(
      `dl_${workspaceId}_${i}`,
      workspaceId,
      `${d.leadId}:${d.kind}:${i}`,
      d.leadId,
      d.kind,
      d.status,
      d.dueAt,
      d.dueAt,
      d.dueAt,
      d.dueAt,
      d.dueAt,
    ),
  );
  if (statements.length > 0) await env.DB.batch(statements);
}

export async function createSource(ws: TestWorkspace, name: string, origin: string): Promise<string> {
  const res = await call('POST', '/v1/sources', {
    token: ws.tokens.admin,
    json: { name, provider: 'generic', origin, createsLead: true },
  });
  if (res.status !== 201) throw new Error(`source: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

export async function createMember(ws: TestWorkspace, name: string): Promise<string> {
  const res = await call('POST', '/v1/members', {
    token: ws.tokens.admin,
    json: {
      name,
      email: `${name.toLowerCase().replace(/\W+/g, '.')}.${crypto.randomUUID().slice(0, 6)}@acme.test`,
      side: 'sales',
    },
  });
  if (res.status !== 201) throw new Error(`member: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/** A drizzle handle on the test D1 (for query helpers called directly). */
export function testDb() {
  return drizzle(env.DB, { schema });
}
