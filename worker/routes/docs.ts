import type { App } from '../http/context';
import { PROBLEM_CODES, statusOf } from '../http/problem';
import { renderApiReference } from './docs-page';

const INFO = {
  title: 'LeadPact API',
  version: '1.0.0',
  description:
    'The marketing–sales agreement, enforced: workspaces, the signed agreement, the lead ledger and its SLA clock. ' +
    'Every error is RFC 9457 application/problem+json.',
};

type OpenApiDocument = ReturnType<App['getOpenAPI31Document']>;

/**
 * The routes are registered once per isolate, so the document is generated once per origin
 * (a deployment has one or two) rather than on every request for it.
 */
const DOCUMENTS = new Map<string, OpenApiDocument>();

function openApiDocument(app: App, origin: string): OpenApiDocument {
  let doc = DOCUMENTS.get(origin);
  if (!doc) {
    doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: INFO, servers: [{ url: origin }] });
    if (DOCUMENTS.size < 8) DOCUMENTS.set(origin, doc);
  }
  return doc;
}

export function registerDocsRoutes(app: App) {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'A workspace API token (`lp_…`), or the deployment admin secret for `POST /v1/workspaces`.',
  });

  // Browsers ask for it on every page; an empty answer keeps consoles clean.
  app.get('/favicon.ico', (c) => c.body(null, 204));

  app.get('/openapi.json', (c) => c.json(openApiDocument(app, new URL(c.req.url).origin)));

  app.get('/docs', (c) => {
    const doc = openApiDocument(app, new URL(c.req.url).origin);
    const problems = PROBLEM_CODES.map((code) => ({ code, status: statusOf(code) }));
    return c.html(renderApiReference(doc, problems));
  });
}
