import { listSources } from '../../db/queries/sources';
import type { SourceOrigin } from '../../domain/ledger/constants';
import type { ServiceContext } from '../context';
import { createSource } from '../sources/create-source';

/**
 * Source ids by lower-cased name (case-insensitive, a live source before an
 * archived one). Names the workspace does not know become archived generic
 * sources: they label where leads came from but accept no deliveries until
 * someone un-archives them.
 */
export async function resolveSources(
  ctx: ServiceContext,
  names: ReadonlySet<string>,
  origin: SourceOrigin,
): Promise<Map<string, { id: string; name: string }>> {
  const byName = new Map<string, { id: string; name: string; archived: boolean }>();
  if (names.size === 0) return byName;
  for (const source of await listSources(ctx.db, ctx.workspaceId)) {
    const key = source.name.toLowerCase();
    const known = byName.get(key);
    if (!known || (known.archived && !source.archivedAt))
      byName.set(key, { id: source.id, name: source.name, archived: source.archivedAt !== null });
  }
  for (const name of names) {
    if (byName.has(name.toLowerCase())) continue;
    const created = await createSource({
      ctx,
      input: { name, provider: 'generic', origin, createsLead: true, archived: true },
    });
    byName.set(name.toLowerCase(), { id: created.id, name, archived: true });
  }
  return byName;
}
