import { and, desc, eq } from 'drizzle-orm';
import { NotFoundError } from '../../domain/errors';
import { thing } from '../../domain/i18n';
import type { CreateSource, Source, SourceWithSecret, UpdateSource } from '../../domain/ledger/sources';
import { newSigningSecret } from '../../domain/tokens';
import { newId } from '../../platform/ids';
import { webHost } from '../../platform/web-host';
import type { Database } from '../client';
import { sources } from '../schema';

function toSource(row: typeof sources.$inferSelect): SourceWithSecret {
  const { workspaceId: _scope, ...rest } = row;
  return { ...rest, fieldMap: rest.fieldMap ?? null };
}

export function withoutSecret({ secret: _secret, ...source }: SourceWithSecret): Source {
  return source;
}

export async function createSource(
  db: Database,
  workspaceId: string,
  input: CreateSource,
  now: Date,
  options: { archived?: boolean } = {},
): Promise<SourceWithSecret> {
  const row = {
    id: newId('src', now.getTime()),
    workspaceId,
    name: input.name,
    provider: input.provider,
    origin: input.origin,
    createsLead: input.createsLead,
    fieldMap: input.fieldMap ?? null,
    secret: input.secret ?? newSigningSecret(webHost.randomBytes),
    createdAt: now.toISOString(),
    archivedAt: options.archived ? now.toISOString() : null,
  };
  await db.insert(sources).values(row);
  return toSource(row);
}

export async function listSources(db: Database, workspaceId: string): Promise<Source[]> {
  const rows = await db
    .select()
    .from(sources)
    .where(eq(sources.workspaceId, workspaceId))
    .orderBy(desc(sources.createdAt))
    .all();
  return rows.map((r) => withoutSecret(toSource(r)));
}

export async function getSource(
  db: Database,
  workspaceId: string,
  sourceId: string,
): Promise<SourceWithSecret> {
  const row = await db
    .select()
    .from(sources)
    .where(and(eq(sources.id, sourceId), eq(sources.workspaceId, workspaceId)))
    .get();
  if (!row) throw new NotFoundError(thing('source'));
  return toSource(row);
}

/**
 * The intake path knows only the source id from the URL. Sources live in the
 * same database as their workspace; with several databases this becomes a
 * directory lookup (see worker/db/client.ts).
 */
export async function findSourceForIntake(
  db: Database,
  sourceId: string,
): Promise<(SourceWithSecret & { workspaceId: string }) | null> {
  const row = await db.select().from(sources).where(eq(sources.id, sourceId)).get();
  return row ? { ...toSource(row), workspaceId: row.workspaceId } : null;
}

export async function updateSource(
  db: Database,
  workspaceId: string,
  sourceId: string,
  patch: UpdateSource,
  now: Date,
): Promise<Source> {
  const current = await getSource(db, workspaceId, sourceId);
  const { archived, ...fields } = patch;
  const archivedAt =
    archived === undefined ? current.archivedAt : archived ? (current.archivedAt ?? now.toISOString()) : null;
  await db
    .update(sources)
    .set({ ...fields, archivedAt })
    .where(and(eq(sources.id, sourceId), eq(sources.workspaceId, workspaceId)))
    .run();
  return withoutSecret({ ...current, ...fields, archivedAt });
}
