import { deleteSheetConnection } from '../../db/queries/sheet';
import { NotFoundError } from '../../domain/errors';
import { thing } from '../../domain/i18n';
import type { SheetContext } from './context';

/** Stops writing to the sheet and forgets its key; the sheet keeps what it has. */
export async function disconnectSheet({ ctx, input }: { ctx: SheetContext; input: { workspaceId: string } }) {
  if (!(await deleteSheetConnection(ctx.db, input.workspaceId)))
    throw new NotFoundError(thing('sheetConnection'));
}
