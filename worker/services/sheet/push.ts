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
  type LeadsLayout,
  MAX_BATCH_BYTES,
  planWrite,
  STOPPED_PROBE_MS,
  STOPPING_ERRORS,
} from '../../domain/live-sheet';
import { LEADS_TAB } from '../../domain/sheet/leads-layout';
import { encryptionSecretsOf } from '../../env';
import { GoogleSheetsError, sheetsClient } from '../../google/sheets-client';
import { vaultOf } from '../privacy/vault';
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
  const vault = vaultOf({ db: ctx.db, now: ctx.now, encryption: encryptionSecretsOf(ctx.env) }, workspaceId);
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
  let sheet: SheetRead | null = null;
  try {
    for (;;) {
      const { leadIds } = await changedLeadIds(ctx.db, workspaceId, from, upTo);
      if (leadIds.length === 0) {
        await recordPushSuccess(ctx.db, connection, upTo, { rows: 0, layout: connection.layout }, ctx.now);
        return { workspaceId, result: 'unchanged', rows: 0 };
      }
      const facts = await loadLeadSheetFacts(ctx.db, vault, workspace, leadIds);
      // New leads land oldest first, as they would have one by one.
      facts.sort(
        (a, b) => a.lead.createdAt.localeCompare(b.lead.createdAt) || a.lead.id.localeCompare(b.lead.id),
      );
      const rows = facts.map((f) => ({ leadId: f.lead.id, cells: layout.render(f) }));
      sheet ??= await readSheet(client, layout, connection.layout);
      const plan = planWrite({
        columns: sheet.columns,
        idColumn: sheet.idColumn,
        check:
          layout.checkKey && sheet.checkColumn
            ? { key: layout.checkKey, column: sheet.checkColumn }
            : undefined,
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
      // Every row already shows this: nothing to spend a write on.
      if (plan.data.length > 0) await client.batchUpdate(plan.data);
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

interface SheetRead {
  columns: Map<string, number>;
  idColumn: (string | undefined)[];
  checkColumn: (string | undefined)[] | null;
}

const cellTexts = (values: unknown[][] | null | undefined) =>
  (values ?? []).map((r) => (r[0] === undefined || r[0] === null || r[0] === '' ? undefined : String(r[0])));

/**
 * One read for the header rows, the lead-id column and the fingerprint column
 * (where they were last time, else where the layout puts them); a second only
 * when someone moved those columns.
 */
async function readSheet(
  client: ReturnType<typeof sheetsClient>,
  layout: LeadsLayout,
  cached: Record<string, number> | null,
): Promise<SheetRead> {
  const header = `'${LEADS_TAB}'!1:${layout.headerRows}`;
  const column = (i: number) => `'${LEADS_TAB}'!${columnLetter(i)}:${columnLetter(i)}`;
  const home = (key: string | undefined) => (key ? Math.max(0, layout.writable.indexOf(key)) : 0);
  const guessId = cached?.[layout.idKey] ?? home(layout.idKey);
  const guessCheck = layout.checkKey ? (cached?.[layout.checkKey] ?? home(layout.checkKey)) : null;
  const [head, ids, checks] = await client.batchGet([
    header,
    column(guessId),
    ...(guessCheck === null ? [] : [column(guessCheck)]),
  ]);
  const columns = layout.columnsOf(head?.values ?? []);
  const idAt = columns.get(layout.idKey);
  if (idAt === undefined)
    throw new GoogleSheetsError('tab_missing', 0, `the ${LEADS_TAB} header has no ${layout.idKey} column`);
  const checkAt = layout.checkKey ? columns.get(layout.checkKey) : undefined;
  let idValues = ids?.values;
  let checkValues = checkAt === guessCheck ? checks?.values : null;
  const again = [
    ...(idAt !== guessId ? [column(idAt)] : []),
    ...(checkAt !== undefined && checkAt !== guessCheck ? [column(checkAt)] : []),
  ];
  if (again.length > 0) {
    const reread = await client.batchGet(again);
    if (idAt !== guessId) idValues = reread.shift()?.values;
    if (checkAt !== undefined && checkAt !== guessCheck) checkValues = reread.shift()?.values;
  }
  return {
    columns,
    idColumn: cellTexts(idValues),
    checkColumn: checkAt === undefined ? null : cellTexts(checkValues),
  };
}
