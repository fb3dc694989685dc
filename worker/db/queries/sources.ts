import { and, desc, eq } from 'drizzle-orm';
import type { Source, SourceWithSecret } from '../../domain/ledger/sources';
import type { Database } from '../client';
import { sources } from '../schema';

export type SourceRow = typeof sources.$inferSelect;

function toSource(row: SourceRow): SourceWithSecret {
  const { workspaceId: _scope, ...rest } = row;
  return { ...rest, fieldMap: rest.fieldMap ?? null };
}

export function withoutSecret({ secret: _secret, ...source }: SourceWithSecret): Source {
  return source;
}

export async function insertSource(db: Database, row: SourceRow): Promise<SourceWithSecret> {
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

/** One source of the workspace with its secret, or null. */
export async function findSource(
  db: Database,
  workspaceId: string,
  sourceId: string,
): Promise<SourceWithSecret | null> {
  const row = await db
    .select()
    .from(sources)
    .where(and(eq(sources.id, sourceId), eq(sources.workspaceId, workspaceId)))
    .get();
  return row ? toSource(row) : null;
}

export async function saveSource(
  db: Database,
  workspaceId: string,
  sourceId: string,
  fields: Partial<Pick<SourceRow, 'name' | 'origin' | 'fieldMap' | 'createsLead' | 'archivedAt'>>,
): Promise<void> {
  await db
    .update(sources)
    .set(fields)
    .where(and(eq(sources.id, sourceId), eq(sources.workspaceId, workspaceId)))
    .run();
}
