import {
  changedLeadIds,
  claimQuota,
  type OwedSheet,
  recordPushFailure,
  recordPushSuccess,
  type SheetCursor,
} from '../../db/queries/sheet';
import { loadLeadSheetFacts } from '../../db/queries/sheet-rows';
import { getWorkspace } from '../../db/queries/workspaces';
import {
  bodyBytes,
  columnLetter,
  LEADS_TAB,
  type LeadsLayout,
  MAX_BATCH_BYTES,
  planWrite,
  STOPPED_PROBE_MS,
  STOPPING_ERRORS,
} from '../../domain/live-sheet';
import { GoogleSheetsError, sheetsClient } from '../../google/sheets-client';
import type { SheetContext } from './context';
import { keyOfConnection } from './credentials';

export interface PushOutcome {
  workspaceId: string;
  result: 'pushed' | 'unchanged' | 'failed';
  rows: number;
  error?: string;
}

/** Halfway between two cursors (rounded down, but always past `from` in a log that moved). */
function midway(from: SheetCursor, upTo: SheetCursor): SheetCursor {
  const half = (a: number, b: number) => (b > a ? a + Math.max(1, Math.floor((b - a) / 2)) : b);
  return { events: half(from.events, upTo.events), transitions: half(from.transitions, upTo.transitions) };
}

const sameCursor = (a: SheetCursor, b: SheetCursor) =>
  a.events === b.events && a.transitions === b.transitions;

/**
 * Writes what one sheet is owed: the leads that changed since its cursor,
 * rendered with the shared Leads layout, found by their id in one read of the
 * lead-id column and written with one `values.batchUpdate` under 2 MB (a
 * backlog too big for that is written oldest half first). The cursor moves
 * only once Google accepted the write; a revoked key or an unshared, deleted
 * or broken sheet stops the sheet and keeps its cursor.
 */
export async function pushSheet({
  ctx,
  input,
}: {
  ctx: SheetContext & { random?: () => number; sleep?: (ms: number) => Promise<void> };
  input: { owed: OwedSheet; layout: LeadsLayout };
}): Promise<PushOutcome> {
  const { connection } = input.owed;
  const { layout } = input;
  const workspaceId = connection.workspaceId;
  const from: SheetCursor = { events: connection.cursorEvents, transitions: connection.cursorTransitions };
  const fail = async (code: GoogleSheetsError['code'], detail: string): Promise<PushOutcome> => {
    const stop = STOPPING_ERRORS.has(code);
    const wait = stop ? STOPPED_PROBE_MS : 60_000 * 2 ** Math.min(connection.failures, 4);
    await recordPushFailure(
      ctx.db,
      connection,
      { code, detail, stop, retryAt: new Date(ctx.now.getTime() + wait) },
      ctx.now,
    );
    return { workspaceId, result: 'failed', rows: 0, error: code };
  };

  const workspace = await getWorkspace(ctx.db, workspaceId);
  if (!workspace) return { workspaceId, result: 'unchanged', rows: 0 };
  const credential = await keyOfConnection(ctx.env, workspaceId, connection.credential);
  if (!credential) return fail('credential_unreadable', 'no configured key opens the stored credential');

  const client = sheetsClient(credential.key, connection.spreadsheetId, {
    apiBase: ctx.env.GOOGLE_SHEETS_API_BASE,
    tokenUrl: ctx.env.GOOGLE_OAUTH_TOKEN_URL,
    claim: (kind) => claimQuota(ctx.db, connection.serviceAccountEmail, ctx.now, kind),
    random: ctx.random,
    sleep: ctx.sleep,
  });

  let upTo = input.owed.upTo;
  let sheet: { columns: Map<string, number>; idColumn: (string | undefined)[] } | null = null;
  try {
    for (;;) {
      const { leadIds } = await changedLeadIds(ctx.db, workspaceId, from, upTo);
      if (leadIds.length === 0) {
        await recordPushSuccess(ctx.db, connection, upTo, { rows: 0, layout: connection.layout }, ctx.now);
        return { workspaceId, result: 'unchanged', rows: 0 };
      }
      const facts = await loadLeadSheetFacts(ctx.db, workspace, leadIds);
      // New leads land oldest first, as they would have one by one.
      facts.sort(
        (a, b) => a.lead.createdAt.localeCompare(b.lead.createdAt) || a.lead.id.localeCompare(b.lead.id),
      );
      const rows = facts.map((f) => ({ leadId: f.lead.id, cells: layout.render(f) }));
      sheet ??= await readSheet(client, layout, connection.layout);
      const plan = planWrite({
        ...sheet,
        idKey: layout.idKey,
        writable: layout.writable,
        headerRows: layout.headerRows,
        rows,
      });
      const body = { valueInputOption: 'USER_ENTERED', data: plan.data };
      const smaller = midway(from, upTo);
      if (bodyBytes(body) > MAX_BATCH_BYTES && !sameCursor(smaller, upTo)) {
        upTo = smaller;
        continue;
      }
      await client.batchUpdate(plan.data);
      await recordPushSuccess(
        ctx.db,
        connection,
        upTo,
        {
          rows: plan.updated + plan.appended,
          layout: Object.fromEntries(sheet.columns),
          ...(credential.resealed ? { credential: credential.resealed } : {}),
        },
        ctx.now,
      );
      return { workspaceId, result: 'pushed', rows: plan.updated + plan.appended };
    }
  } catch (error) {
    if (error instanceof GoogleSheetsError) return fail(error.code, error.message);
    throw error;
  }
}

/**
 * One read for the header rows and the lead-id column (where it was last time,
 * else the leftmost); a second only when someone moved the id column.
 */
async function readSheet(
  client: ReturnType<typeof sheetsClient>,
  layout: LeadsLayout,
  cached: Record<string, number> | null,
): Promise<{ columns: Map<string, number>; idColumn: (string | undefined)[] }> {
  const header = `'${LEADS_TAB}'!1:${layout.headerRows}`;
  const column = (i: number) => `'${LEADS_TAB}'!${columnLetter(i)}:${columnLetter(i)}`;
  const guess = cached?.[layout.idKey] ?? 0;
  const [head, ids] = await client.batchGet([header, column(guess)]);
  const columns = layout.columnsOf(head?.values ?? []);
  const at = columns.get(layout.idKey);
  if (at === undefined)
    throw new GoogleSheetsError('tab_missing', 0, `the ${LEADS_TAB} header has no ${layout.idKey} column`);
  let values = ids?.values ?? [];
  if (at !== guess) values = (await client.batchGet([column(at)]))[0]?.values ?? [];
  return {
    columns,
    idColumn: values.map((r) => (r[0] === undefined || r[0] === null ? undefined : String(r[0]))),
  };
}
