import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { say } from '../domain/i18n';
import type { AppEnv } from './context';
import { ApiError } from './problem';

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Per-path overrides: longest matching prefix wins. */
export interface BodyRules {
  limits: Record<string, number>;
  contentTypes: Record<string, readonly string[]>;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH']);

function longestPrefix<T>(path: string, table: Record<string, T>): T | undefined {
  let best: string | undefined;
  for (const prefix of Object.keys(table)) {
    if (path.startsWith(prefix) && (!best || prefix.length > best.length)) best = prefix;
  }
  return best === undefined ? undefined : table[best];
}

/**
 * Caps the body size and checks the media type of every write. A write with a
 * body must say what it is; JSON unless the path allows otherwise.
 */
export function bodyRules(rules: BodyRules) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!WRITE_METHODS.has(c.req.method)) return next();
    const path = c.req.path;
    const maxSize = longestPrefix(path, rules.limits) ?? DEFAULT_BODY_LIMIT;
    const length = c.req.header('content-length');
    const hasBody =
      (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined;
    if (hasBody) {
      const allowed = longestPrefix(path, rules.contentTypes) ?? ['application/json'];
      const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (!allowed.includes(mediaType)) {
        throw new ApiError(
          'unsupported_media_type',
          mediaType
            ? say('mediaTypeWrong', { allowed: allowed.join(' or '), given: mediaType })
            : say('mediaTypeMissing', { allowed: allowed.join(' or ') }),
          { headers: { 'accept-post': allowed.join(', ') } },
        );
      }
    }
    return bodyLimit({
      maxSize,
      onError: () => {
        throw new ApiError('payload_too_large', say('payloadTooLarge', { max: String(maxSize) }));
      },
    })(c, next);
  });
}
