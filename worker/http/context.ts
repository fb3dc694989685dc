import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Language } from '../domain/constants';
import type { Caller } from '../domain/tokens';
import type { Env } from '../env';

export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    caller: Caller;
    /** The workspace's language, once the request names its workspace (token or intake source). */
    workspaceLanguage: Language | undefined;
  };
}

export type App = OpenAPIHono<AppEnv>;
