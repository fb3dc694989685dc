import { loadJudgingAgreement } from '../../db/queries/judging';
import { requireWorkspace } from '../../db/queries/workspaces';
import { InvalidError } from '../../domain/errors';
import { say } from '../../domain/i18n';
import type { ImportTable } from '../../domain/import/csv';
import { resolveMapping } from '../../domain/import/mapping';
import {
  IMPORT_OUTCOMES,
  type ImportAnswer,
  type ImportJsonBody,
  type ImportOutcome,
} from '../../domain/import/request';
import { type ImportDefaults, importRowReader, sayRowIssue } from '../../domain/import/row';
import { webHost } from '../../platform/web-host';
import type { CallerContext } from '../context';
import { importLeadRows } from './import-rows';
import { resolveSources } from './resolve-sources';

/** How a list is read: its key, which column fills which field, what empty cells default to, new sources' origin. */
export interface ImportSettings {
  importKey: string;
  mapping: ImportJsonBody['mapping'];
  defaults: ImportDefaults;
  sourceOrigin: ImportJsonBody['sourceOrigin'];
}

/**
 * Imports a window of a list (CSV or the add-on's rows, already a table): maps
 * the columns (nothing is read when the mapping does not fit), reads each row
 * as intake would, writes them in chunks and answers per row, with where to
 * resume when the window or the time budget ran out.
 */
export async function importList({
  ctx,
  input,
}: {
  ctx: CallerContext;
  input: {
    table: ImportTable;
    settings: ImportSettings;
    window: { offset: number; limit: number };
    /** No new chunk starts after this much wall time; the answer's `next` says where to resume. */
    budgetMs: number;
  };
}): Promise<ImportAnswer> {
  const { db, workspaceId, caller, now } = ctx;
  const language = ctx.language ?? 'en';
  const { table, settings, window } = input;
  const resolved = resolveMapping(table.columns, settings.mapping);
  if (resolved.issues.length > 0) throw new InvalidError(say('mappingUnfit'), resolved.issues);

  const workspace = await requireWorkspace(db, workspaceId);
  const agreement = await loadJudgingAgreement(db, workspace);
  const windowRows = table.rows.slice(window.offset, window.offset + window.limit);
  const readRow = importRowReader({
    mapping: resolved.mapping,
    defaults: settings.defaults,
    defaultCountry: workspace.country,
    consentRequired: agreement.content.leadDefinition.consentRequired,
    now: now.getTime(),
    host: webHost,
  });
  const read = await Promise.all(windowRows.map((cells, i) => readRow(window.offset + i + 1, cells)));
  const { results, handled } = await importLeadRows({
    ctx,
    input: {
      agreement,
      actor: { type: 'token', id: caller.tokenId },
      importKey: settings.importKey,
      sources: await resolveSources(
        ctx,
        new Set(
          read.flatMap((r) => (r.kind === 'ready' && r.history.sourceName ? [r.history.sourceName] : [])),
        ),
        settings.sourceOrigin,
      ),
      rows: read,
      columnOf: resolved.mapping.columnOf,
      budgetMs: input.budgetMs,
    },
  });
  const summary = Object.fromEntries(IMPORT_OUTCOMES.map((o) => [o, 0])) as Record<ImportOutcome, number>;
  for (const r of results) summary[r.status] += 1;
  const end = window.offset + handled;
  return {
    importKey: settings.importKey,
    columns: Object.fromEntries(
      table.columns.map((col) => [col, resolved.mapping.byColumn.get(col) ?? null]),
    ),
    total: table.rows.length,
    offset: window.offset,
    next: end < table.rows.length ? end : null,
    summary,
    results: results.map((r) => ({
      ...r,
      ...(r.reasons ? { reasons: r.reasons.map((i) => sayRowIssue(i, language)) } : {}),
      ...(r.warnings ? { warnings: r.warnings.map((i) => sayRowIssue(i, language)) } : {}),
    })),
  };
}
