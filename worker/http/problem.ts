import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import type { Language } from '../domain/constants';
import {
  DomainError,
  type DomainErrorCode,
  type FieldIssue,
  fieldIssue,
  issuesOfZod,
  MalformedBodyError,
  type Message,
} from '../domain/errors';
import { catalogueOf, type Said, say } from '../domain/i18n';
import type { AppEnv } from './context';
import { requestLanguage } from './language';

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

/** Problem titles in every language; typed here so a code without a title fails typecheck. */
function titleOf(code: ProblemCode, language: Language): string {
  const titles: Record<ProblemCode, string> = catalogueOf(language).problems;
  return titles[code];
}

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
  /** The detail in the reader's language; `message` is its English. */
  readonly say: Said;

  constructor(
    readonly code: ProblemCode,
    message: Message,
    readonly options: {
      errors?: FieldIssue[];
      headers?: Record<string, string>;
      extensions?: Record<string, unknown>;
    } = {},
  ) {
    const said: Said = typeof message === 'string' ? () => message : message;
    super(said('en'));
    this.say = said;
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
  c: Context<AppEnv>,
  code: ProblemCode,
  detail: Message,
  extra: {
    errors?: FieldIssue[];
    headers?: Record<string, string>;
    extensions?: Record<string, unknown>;
  } = {},
): Response {
  const status = statusOf(code);
  const language = requestLanguage(c);
  const requestId = (c.get('requestId') as string | undefined) ?? 'unknown';
  const url = new URL(c.req.url);
  const body: Problem = {
    ...extra.extensions,
    type: `${url.origin}/docs#problem-${code}`,
    title: titleOf(code, language),
    status,
    detail: typeof detail === 'string' ? detail : detail(language),
    instance: url.pathname,
    requestId,
    ...(extra.errors && extra.errors.length > 0
      ? { errors: extra.errors.map((e) => ({ path: e.path, message: e.say ? e.say(language) : e.message })) }
      : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/problem+json; charset=utf-8',
      'content-language': language,
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
  detail: say('bodyNotJson'),
  issue: fieldIssue('body', say('sendJsonObject')),
} as const;

// Hono's JSON validator reports a body it cannot parse this way; it is the only 400 it raises for JSON.
function isMalformedJson(error: HTTPException): boolean {
  return error.status === 400 && error.message.startsWith('Malformed JSON');
}

/** The one error handler: our errors, domain errors, framework errors and the unknown (logged, 500). */
export function handleError(error: unknown, c: Context<AppEnv>): Response {
  if (error instanceof ApiError) return problemResponse(c, error.code, error.say, error.options);
  if (error instanceof MalformedBodyError) {
    return problemResponse(c, 'bad_request', error.say, { errors: error.issues });
  }
  if (error instanceof DomainError) {
    return problemResponse(c, problemOfDomain(error.code), error.say, {
      errors: error.issues,
      extensions: error.extensions,
    });
  }
  if (error instanceof ZodError) {
    return problemResponse(c, 'validation_failed', say('requestInvalid'), {
      errors: issuesOfZod(error),
    });
  }
  if (error instanceof HTTPException && isMalformedJson(error)) {
    return problemResponse(c, 'bad_request', MALFORMED_JSON.detail, { errors: [MALFORMED_JSON.issue] });
  }
  if (error instanceof HTTPException) {
    const code = codeOfStatus(error.status);
    return problemResponse(c, code, error.message || ((language) => titleOf(code, language)));
  }
  console.error(
    JSON.stringify({
      level: 'error',
      requestId: c.get('requestId'),
      error: String(error),
      stack: (error as Error)?.stack,
    }),
  );
  return problemResponse(c, 'internal', say('internal'));
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
      description: titleOf(code, 'en'),
      content: { 'application/problem+json': { schema: ProblemSchema } },
    };
  }
  return out;
}
