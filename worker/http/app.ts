import { OpenAPIHono } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { say } from '../domain/i18n';
import type { App, AppEnv } from './context';
import { ApiError, handleError, issuesOfZod, problemResponse } from './problem';

/** A Hono app whose validation failures, errors and unknown routes all answer problem+json. */
export function createApp(): App {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const location = result.target === 'json' || result.target === 'form' ? [] : [result.target];
        throw new ApiError('validation_failed', say('requestInvalid'), {
          errors: issuesOfZod(result.error, location),
        });
      }
    },
  });
  app.onError(handleError);
  app.notFound((c) => {
    const allowed = allowedMethods(app, c.req.path);
    if (allowed.length > 0) {
      return problemResponse(
        c,
        'method_not_allowed',
        say('methodNotAllowed', { method: c.req.method, allowed: allowed.join(', ') }),
        { headers: { allow: allowed.join(', ') } },
      );
    }
    return problemResponse(c, 'not_found', say('routeNotFound', { path: c.req.path }));
  });
  return app;
}

function patternOf(path: string): RegExp {
  const source = path
    .split('/')
    .map((part) =>
      part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${source}/?$`);
}

function allowedMethods(app: App, path: string): string[] {
  const methods = new Set<string>();
  for (const route of app.routes) {
    if (route.method === 'ALL' || route.path.endsWith('*')) continue;
    if (patternOf(route.path).test(path)) methods.add(route.method);
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

/** Gives every request an id (Cloudflare's ray id when present) and echoes it in `X-Request-Id`. */
export const requestId = createMiddleware<AppEnv>(async (c, next) => {
  const id = c.req.header('cf-ray') ?? crypto.randomUUID();
  c.set('requestId', id);
  await next();
  c.res.headers.set('x-request-id', id);
});
