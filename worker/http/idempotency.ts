import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { fieldIssue } from '../domain/errors';
import { say } from '../domain/i18n';
import type { IdempotentRequest, StoredAnswer } from '../domain/idempotency';
import { sha256Hex } from '../domain/tokens';
import { webHost } from '../platform/web-host';
import { ApiError } from './problem';

/** What intake accepts too: 1–200 visible ASCII characters. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/** The header as the OpenAPI document shows it on every ledger write that takes it. */
export const IDEMPOTENCY_HEADER_DOC = {
  param: { name: 'idempotency-key', in: 'header' as const },
  example: 'attempt-2026-11-20-0915-jan',
  description:
    'Retry safely: the same key with the same request answers the first answer again (same status and body) and writes nothing; the same key with another request is 422. Kept 7 days.',
};

/**
 * The request's `Idempotency-Key` and the hash of method, path and body, or
 * null without the header. An unusable key is a 422 naming the header.
 */
export async function idempotentRequest(c: Context, body: unknown): Promise<IdempotentRequest | null> {
  const key = c.req.header('idempotency-key');
  if (key === undefined) return null;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new ApiError('validation_failed', say('idempotencyKeyInvalid'), {
      errors: [fieldIssue('Idempotency-Key', say('idempotencyKeyForm'))],
    });
  }
  const request = `${c.req.method} ${new URL(c.req.url).pathname}\n${body === undefined ? '' : JSON.stringify(body)}`;
  return { key, requestHash: await sha256Hex(request, webHost) };
}

/**
 * The stored first answer, as it was; `Idempotent-Replayed` tells a client it is
 * a replay. Typed `never`: it is one of the route's documented answers, stored.
 */
export function replayResponse(c: Context, answer: StoredAnswer): never {
  c.header('idempotent-replayed', 'true');
  return c.json(answer.body, answer.status as ContentfulStatusCode) as never;
}
