import type { Env, IntakeMessage } from './env';
import { createApp, requestId } from './http/app';
import { bodyRules } from './http/limits';
import { runScheduled } from './jobs';
import { judgeQueuedDeliveries } from './jobs/intake-queue';
import { registerActionRoutes } from './routes/actions';
import { registerAgreementRoutes } from './routes/agreement';
import { registerCampaignRoutes } from './routes/campaigns';
import { registerDocsRoutes } from './routes/docs';
import { registerEventRoutes } from './routes/events';
import { registerFunnelRoutes } from './routes/funnel';
import { registerHealthRoutes } from './routes/health';
import { IMPORT_BODY_LIMIT, IMPORT_CONTENT_TYPES, registerImportRoutes } from './routes/import';
import { INTAKE_BODY_LIMIT, INTAKE_CONTENT_TYPES, registerIntakeRoutes } from './routes/intake';
import { registerIntakeDeliveryRoutes } from './routes/intake-deliveries';
import { registerLeadPageRoutes } from './routes/lead-page';
import { registerLeadRoutes } from './routes/leads';
import { registerMemberRoutes } from './routes/members';
import { registerPrivacyRoutes } from './routes/privacy';
import { registerReportRoutes } from './routes/reports';
import { registerRoutingRoutes } from './routes/routing';
import { registerSheetConnectionRoutes } from './routes/sheet-connection';
import { registerSheetSnapshotRoutes } from './routes/sheet-snapshot';
import { registerSlaRoutes } from './routes/sla';
import { registerSourceRoutes } from './routes/sources';
import { registerTokenRoutes } from './routes/tokens';
import { registerWorkspaceRoutes } from './routes/workspaces';

export const app = createApp();

app.use('*', requestId);
app.use(
  '/v1/*',
  bodyRules({
    limits: { '/v1/intake/': INTAKE_BODY_LIMIT, '/v1/import': IMPORT_BODY_LIMIT },
    contentTypes: { '/v1/intake/': INTAKE_CONTENT_TYPES, '/v1/import': IMPORT_CONTENT_TYPES },
  }),
);

registerHealthRoutes(app);
registerWorkspaceRoutes(app);
registerTokenRoutes(app);
registerMemberRoutes(app);
registerAgreementRoutes(app);
registerSourceRoutes(app);
registerIntakeDeliveryRoutes(app);
registerIntakeRoutes(app);
registerEventRoutes(app);
registerLeadRoutes(app);
registerLeadPageRoutes(app);
registerImportRoutes(app);
registerActionRoutes(app);
registerPrivacyRoutes(app);
registerRoutingRoutes(app);
registerSlaRoutes(app);
registerFunnelRoutes(app);
registerReportRoutes(app);
registerCampaignRoutes(app);
registerSheetConnectionRoutes(app);
registerSheetSnapshotRoutes(app);
registerDocsRoutes(app);

export default {
  fetch: app.fetch,
  scheduled: (controller, env, ctx) => {
    ctx.waitUntil(runScheduled(controller, env));
  },
  queue: (batch, env) => judgeQueuedDeliveries(batch, env, new Date()),
} satisfies ExportedHandler<Env, IntakeMessage>;
