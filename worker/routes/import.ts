import { z } from '@hono/zod-openapi';
import { fieldIssue, InvalidError } from '../domain/errors';
import { say } from '../domain/i18n';
import { IMPORT_TARGETS } from '../domain/import/constants';
import { type ImportTable, readCsv } from '../domain/import/csv';
import { IMPORT_OUTCOMES, ImportCsvQuery, ImportJsonBody, ImportWindow } from '../domain/import/request';
import type { Cell } from '../domain/import/row';
import { requirePermission } from '../http/auth';
import type { App } from '../http/context';
import { ApiError, issuesOfZod, MALFORMED_JSON, problemResponses } from '../http/problem';
import { callerContext } from '../http/service-context';
import { type ImportSettings, importList } from '../services/import';
import { BEARER_SECURITY } from './schemas';

export const IMPORT_CONTENT_TYPES = ['application/json', 'text/csv'] as const;
/** 20,000 rows of a dozen columns are 3–6 MB as CSV, 6–10 MB as JSON objects. */
export const IMPORT_BODY_LIMIT = 16 * 1024 * 1024;
/**
 * A safety valve, not the plan: no new chunk starts after this much wall time and the answer's `next`
 * says where to resume. 20,000 rows took 14–17 s in local workerd on two busy cores, so a normal call
 * never meets it; a slow database gives a partial answer instead of a dropped connection.
 */
export const IMPORT_TIME_BUDGET_MS = 50_000;

const RowIssueSchema = z.object({ path: z.string(), column: z.string().nullable(), message: z.string() });

const ImportAnswerSchema = z
  .object({
    importKey: z.string(),
    columns: z.record(z.string(), z.enum(IMPORT_TARGETS).nullable()),
    total: z.number().int(),
    offset: z.number().int(),
    next: z.number().int().nullable(),
    summary: z.object(Object.fromEntries(IMPORT_OUTCOMES.map((o) => [o, z.number().int()]))),
    results: z.array(
      z.object({
        row: z.number().int(),
        status: z.enum(IMPORT_OUTCOMES),
        leadId: z.string().nullable(),
        reasons: z.array(RowIssueSchema).optional(),
        warnings: z.array(RowIssueSchema).optional(),
        sameAs: z.number().int().optional(),
      }),
    ),
  })
  .openapi('ImportAnswer');

function parsed<T extends z.ZodType>(schema: T, value: unknown, prefix: string): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ApiError('validation_failed', say('requestInvalid'), {
      errors: issuesOfZod(result.error, prefix ? [prefix] : []),
    });
  }
  return result.data;
}

/** JSON rows as a table: the columns are every key, in the order they first appear. */
function tableOfRows(rows: readonly Record<string, Cell>[]): ImportTable {
  const columns = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) columns.add(key);
  return { columns: [...columns], rows: [...rows] };
}

export function registerImportRoutes(app: App) {
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/v1/import',
    tags: ['Leads'],
    'x-permission': 'leads:import',
    summary:
      'Imports an existing list (CSV or JSON rows) with its history: per-row created, merged or refused',
    description:
      'Admin, manager or marketing. CSV (`text/csv`, settings in the query string, `mapping` and `defaults` as ' +
      'URL-encoded JSON) or JSON `{ rows, mapping?, importKey?, defaults?, sourceOrigin? }`. Idempotent per row ' +
      '(`importKey` + the row’s `externalId`, else its content). One call reads up to 20,000 rows from `offset`; ' +
      'when `next` is not null, send the same body again with `?offset=<next>`.',
    security: BEARER_SECURITY,
    request: {
      query: ImportWindow.extend(ImportCsvQuery.partial().shape),
      body: {
        required: true,
        content: {
          'application/json': { schema: ImportJsonBody },
          'text/csv': {
            schema: z.string().openapi({ example: 'email,phone,stage\njan@firma.pl,600100200,sql' }),
          },
        },
      },
    },
    responses: {
      200: {
        description: 'Per-row results',
        content: { 'application/json': { schema: ImportAnswerSchema } },
      },
      ...problemResponses(400, 401, 403, 413, 415, 422, 429, 503),
    },
  });

  app.post('/v1/import', requirePermission('leads:import'), async (c) => {
    const { offset: offsetParam, limit: limitParam, ...settingsQuery } = c.req.query();
    const window = parsed(ImportWindow, { offset: offsetParam, limit: limitParam }, 'query');
    const isCsv = (c.req.header('content-type') ?? '').toLowerCase().startsWith('text/csv');

    let table: ImportTable;
    let settings: ImportSettings;
    if (isCsv) {
      const query = parsed(ImportCsvQuery, settingsQuery, 'query');
      settings = query;
      table = readCsv(await c.req.text(), query.delimiter);
    } else {
      if (Object.keys(settingsQuery).length > 0) {
        throw new InvalidError(say('importSettingsInBody'), [
          fieldIssue(`query.${Object.keys(settingsQuery)[0]}`, say('moveIntoBody')),
        ]);
      }
      let json: unknown;
      try {
        json = await c.req.json();
      } catch {
        throw new ApiError('bad_request', MALFORMED_JSON.detail, { errors: [MALFORMED_JSON.issue] });
      }
      const body = parsed(ImportJsonBody, json, '');
      settings = body;
      table = tableOfRows(body.rows);
    }

    const answer = await importList({
      ctx: callerContext(c),
      input: { table, settings, window, budgetMs: IMPORT_TIME_BUDGET_MS },
    });
    return c.json(answer, 200);
  });
}
