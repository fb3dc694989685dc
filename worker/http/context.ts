import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Caller } from '../domain/tokens';
import type { Env } from '../env';

export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    caller: Caller;
  };
}

export type App = OpenAPIHono<AppEnv>;
