import { insertSource, type SourceRow } from '../../db/queries/sources';
import type { CreateSource, SourceWithSecret } from '../../domain/ledger/sources';
import { newSigningSecret } from '../../domain/tokens';
import { newId } from '../../platform/ids';
import { webHost } from '../../platform/web-host';
import type { ServiceContext } from '../context';

/** Registers an intake source; its signing secret (given or generated) is answered here only. */
export function createSource({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  /** `archived`: born archived, a label that accepts no deliveries, not even for a moment (list imports). */
  input: CreateSource & { archived?: boolean };
}): Promise<SourceWithSecret> {
  const { archived, ...source } = input;
  const row: SourceRow = {
    id: newId('src', ctx.now.getTime()),
    workspaceId: ctx.workspaceId,
    name: source.name,
    provider: source.provider,
    origin: source.origin,
    createsLead: source.createsLead,
    fieldMap: source.fieldMap ?? null,
    secret: source.secret ?? newSigningSecret(webHost.randomBytes),
    createdAt: ctx.now.toISOString(),
    archivedAt: archived ? ctx.now.toISOString() : null,
  };
  return insertSource(ctx.db, row);
}
