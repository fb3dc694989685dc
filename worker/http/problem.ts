import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import {
  DomainError,
  type DomainErrorCode,
  type FieldIssue,
  issuesOfZod,
  MalformedBodyError,
} from '../domain/errors';

export { formatPath, issuesOfZod } from '../domain/errors';

/** The closed list of problem codes the API answers with. */
export const PROBLEM_CODES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'conflict',
  'precondition_failed',
  'payload_too_large',
  'unsupported_media_type',
  'validation_failed',
  'rate_limited',
  'internal',
  'unavailable',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

const TITLES: Record<ProblemCode, string> = {
  bad_request: 'Bad request',
  unauthorized: 'Unauthorized',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  conflict: 'Conflict',
  precondition_failed: 'Precondition failed',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  validation_failed: 'Validation failed',
  rate_limited: 'Too many requests',
  internal: 'Internal server error',
  unavailable: 'Service unavailable',
};

export function statusOf(code: ProblemCode): ContentfulStatusCode {
  switch (code) {
    case 'bad_request':
      return 400;
    case 'unauthorized':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'method_not_allowed':
      return 405;
    case 'conflict':
      return 409;
    case 'precondition_failed':
      return 412;
    case 'payload_too_large':
      return 413;
    case 'unsupported_media_type':
      return 415;
    case 'validation_failed':
      return 422;
    case 'rate_limited':
      return 429;
    case 'internal':
      return 500;
    case 'unavailable':
      return 503;
  }
}

function codeOfStatus(status: number): ProblemCode {
  return (
    PROBLEM_CODES.find((code) => statusOf(code) === status) ?? (status >= 500 ? 'internal' : 'bad_request')
  );
}

/** An error that already knows its problem code; throw it anywhere, `app.onError` renders it. */
export class ApiError extends Error {
  constructor(
    readonly code: ProblemCode,
    message: string,
    readonly options: {
      errors?: FieldIssue[];
      headers?: Record<string, string>;
      extensions?: Record<string, unknown>;
    } = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function problemOfDomain(code: DomainErrorCode): ProblemCode {
  switch (code) {
    case 'not_found':
      return 'not_found';
    case 'conflict':
      return 'conflict';
    case 'invalid':
      return 'validation_failed';
    case 'precondition_failed':
      return 'precondition_failed';
    case 'forbidden':
      return 'forbidden';
    case 'unavailable':
      return 'unavailable';
  }
}

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'https://leadpact.example/docs#problem-validation_failed' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    requestId: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .catchall(z.unknown())
  .openapi('Problem');

export type Problem = z.infer<typeof ProblemSchema>;

export function problemResponse(
  c: Context,
  code: ProblemCode,
  detail: string,
  extra: {
    errors?: FieldIssue[];
    headers?: Record<string, string>;
    extensions?: Record<string, unknown>;
  } = {},
): Response {
  const status = statusOf(code);
  const requestId = (c.get('requestId') as string | undefined) ?? 'unknown';
  const url = new URL(c.req.url);
  const body: Problem = {
    ...extra.extensions,
    type: `${url.origin}/docs#problem-${code}`,
    title: TITLES[code],
    status,
    detail,
    instance: url.pathname,
    requestId,
    ...(extra.errors && extra.errors.length > 0 ? { errors: extra.errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/problem+json; charset=utf-8',
      'x-request-id': requestId,
      // Senders (forms tools) retry a 503 later; tell them when.
      ...(code === 'unavailable' ? { 'retry-after': '5' } : {}),
      ...extra.headers,
    },
  });
}

/**
 * One answer for a body that is not JSON, on every route (API, intake, import):
 * 400, because the syntax is wrong before any field can be, with `errors[]` naming `body`.
 */
export const MALFORMED_JSON = {
  detail: 'The body is not valid JSON.',
  issue: { path: 'body', message: 'Send a JSON object.' },
} as const;

// Hono's JSON validator reports a body it cannot parse this way; it is the only 400 it raises for JSON.
function isMalformedJson(error: HTTPException): boolean {
  return error.status === 400 && error.message.startsWith('Malformed JSON');
}

/** The one error handler: our errors, domain errors, framework errors and the unknown (logged, 500). */
export function handleError(error: unknown, c: Context): Response {
  if (error instanceof ApiError) return problemResponse(c, error.code, error.message, error.options);
  if (error instanceof MalformedBodyError) {
    return problemResponse(c, 'bad_request', error.message, { errors: error.issues });
  }
  if (error instanceof DomainError) {
    return problemResponse(c, problemOfDomain(error.code), error.message, {
      errors: error.issues,
      extensions: error.extensions,
    });
  }
  if (error instanceof ZodError) {
    return problemResponse(c, 'validation_failed', 'The request does not match the schema.', {
      errors: issuesOfZod(error),
    });
  }
  if (error instanceof HTTPException && isMalformedJson(error)) {
    return problemResponse(c, 'bad_request', MALFORMED_JSON.detail, { errors: [MALFORMED_JSON.issue] });
  }
  if (error instanceof HTTPException) {
    const code = codeOfStatus(error.status);
    const detail = error.message || TITLES[code];
    return problemResponse(c, code, detail);
  }
  console.error(
    JSON.stringify({
      level: 'error',
      requestId: c.get('requestId'),
      error: String(error),
      stack: (error as Error)?.stack,
    }),
  );
  return problemResponse(
    c,
    'internal',
    'Something went wrong on our side. Quote the requestId when you report it.',
  );
}

/** Documented error responses spread into every route, so the reference matches reality. */
export function problemResponses<S extends number>(...statuses: S[]) {
  const out = {} as Record<
    S,
    { description: string; content: { 'application/problem+json': { schema: typeof ProblemSchema } } }
  >;
  for (const status of statuses) {
    const code = codeOfStatus(status);
    out[status] = {
      description: TITLES[code],
      content: { 'application/problem+json': { schema: ProblemSchema } },
    };
  }
  return out;
}
