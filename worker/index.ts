import type { Env } from './env';
import { createApp, requestId } from './http/app';
import { bodyRules } from './http/limits';
import { runScheduled } from './jobs';
import { registerDocsRoutes } from './routes/docs';
import { registerFunnelRoutes } from './routes/funnel';
import { registerHealthRoutes } from './routes/health';
import { registerMemberRoutes } from './routes/members';
import { registerTokenRoutes } from './routes/tokens';
import { registerWorkspaceRoutes } from './routes/workspaces';

export const app = createApp();

app.use('*', requestId);
app.use(
  '/v1/*',
  bodyRules({
    limits: {},
    contentTypes: {},
  }),
);

registerHealthRoutes(app);
registerWorkspaceRoutes(app);
registerTokenRoutes(app);
registerMemberRoutes(app);
registerFunnelRoutes(app);
registerDocsRoutes(app);

export default {
  fetch: app.fetch,
  scheduled: (controller, env, ctx) => {
    ctx.waitUntil(runScheduled(controller, env));
  },
} satisfies ExportedHandler<Env>;
