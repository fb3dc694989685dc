import { z } from '@hono/zod-openapi';
import { fieldIssue } from '../domain/errors';
import { say } from '../domain/i18n';
import { ApiError } from '../http/problem';

/** Path parameter `{id}` shared by resource routes. */
export const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'mem_01JD0000000000000000000000' }),
});

export const BEARER_SECURITY = [{ bearer: [] }];

export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  return {
    required: true,
    ...(description ? { description } : {}),
    content: { 'application/json': { schema } },
  };
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/**
 * Keyset pagination cursors: an opaque base64 of the sort key and id of the last
 * item of a page. Only cursors this API gave out decode; anything else is a 422
 * naming `query.cursor`.
 */
export function encodeCursor(key: string, id: string): string {
  return btoa(JSON.stringify([key, id])).replace(/=+$/, '');
}

export function decodeCursor(cursor: string): { key: string; id: string } {
  try {
    const [key, id] = JSON.parse(atob(cursor)) as [unknown, unknown];
    if (typeof key === 'string' && typeof id === 'string') return { key, id };
  } catch {
    // fall through to the problem below
  }
  throw new ApiError('validation_failed', say('cursorUnknown'), {
    errors: [fieldIssue('query.cursor', say('cursorField'))],
  });
}

/** Splits a `limit + 1` fetch into the page and the cursor of the next one. */
export function pageOf<T extends { id: string }>(rows: T[], limit: number, keyOf: (row: T) => string) {
  const data = rows.slice(0, limit);
  const last = data.at(-1);
  return { data, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last), last.id) : null };
}

/** Escapes text for HTML element content and quoted attributes. */
export const escapeHtml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
