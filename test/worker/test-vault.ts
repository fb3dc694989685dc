import { drizzle } from 'drizzle-orm/d1';
import type { Database } from '../../worker/db/client';
import * as schema from '../../worker/db/schema';
import {
  joinPayload,
  PERSONAL_PROFILE_FIELDS,
  personalProfileFromJson,
  slot,
  type Vault,
} from '../../worker/domain/privacy';
import { vaultOf } from '../../worker/services/privacy';
import { env } from './harness';

/** A vault for tests that call queries directly: the test pool's master key, a fresh key cache. */
export function testVault(db: Database, workspaceId: string): Vault {
  return vaultOf({ db, now: new Date(), encryption: { key: env.LEADPACT_ENCRYPTION_KEY } }, workspaceId);
}

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * A `leads` row read with raw SQL, its sealed personal profile opened into the columns it had
 * before sealing (`email`, `first_name`…), so tests can still read a lead's row as stored.
 */
export async function openLeadRow(
  row: Record<string, unknown> | null,
): Promise<Record<string, unknown> | null> {
  if (!row) return row;
  const vault = testVault(drizzle(env.DB, { schema }), String(row.workspace_id));
  const personal = personalProfileFromJson(
    await vault.open(row.personal as string | null, slot.lead(String(row.id))),
  );
  const opened: Record<string, unknown> = { ...row };
  for (const field of PERSONAL_PROFILE_FIELDS) opened[snake(field)] = personal[field];
  return opened;
}

/** An event's payload as a reader gets it: the sealed original when its key exists, else the plain facts. */
export async function openPayload(
  workspaceId: string,
  row: { id: string; payload: string; sealed_payload: string | null },
): Promise<Record<string, unknown>> {
  const vault = testVault(drizzle(env.DB, { schema }), workspaceId);
  return joinPayload(
    JSON.parse(row.payload) as Record<string, unknown>,
    await vault.open(row.sealed_payload, slot.event(row.id)),
  );
}

/** A consent's text opened with the person's key. */
export async function openConsentText(workspaceId: string, row: { id: string; text: string | null }) {
  return testVault(drizzle(env.DB, { schema }), workspaceId).open(row.text, slot.consent(row.id));
}
