import type { Role } from '../../worker/domain/constants';
import { PERMISSIONS, type Permission } from '../../worker/domain/permissions';
import { call, createTestWorkspace, env, type TestWorkspace } from './harness';
import { createMember, createSource, seedLeads } from './report-fixtures';

/** One operation of the published API, as the reliability suites iterate it. */
export interface DocumentedRoute {
  method: string;
  /** The path template, `{id}` placeholders kept. */
  template: string;
  permission: Permission | null;
  secured: boolean;
  bodyTypes: string[];
}

interface Operation {
  security?: unknown[];
  'x-permission'?: string;
  requestBody?: { content?: Record<string, unknown> };
}

/** Routes that are deliberately not behind a workspace token, each with its reason. */
export const UNGUARDED: Record<string, string> = {
  'get /health': 'liveness probe',
  'post /v1/workspaces': 'bootstrap, guarded by the deployment admin secret',
  'post /v1/intake/{sourceId}':
    "forms tools: the source's signature, or an intake token checked in the handler",
};

/** Every operation in `/openapi.json`: a new route joins every suite without anyone listing it. */
export async function documentedRoutes(): Promise<DocumentedRoute[]> {
  const doc = (await (await call('GET', '/openapi.json')).json()) as {
    paths: Record<string, Record<string, Operation>>;
  };
  const routes: DocumentedRoute[] = [];
  for (const [template, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const permission = op['x-permission'] ?? null;
      if (permission !== null && !(permission in PERMISSIONS))
        throw new Error(`${method} ${template} names an unknown permission ${permission}`);
      routes.push({
        method: method.toUpperCase(),
        template,
        permission: permission as Permission | null,
        secured: (op.security ?? []).length > 0,
        bodyTypes: Object.keys(op.requestBody?.content ?? {}),
      });
    }
  }
  return routes;
}

export const routeKey = (r: DocumentedRoute) => `${r.method.toLowerCase()} ${r.template}`;

/** The roles `permissions.ts` grants a route's permission to. */
export const allowedRoles = (r: DocumentedRoute): readonly Role[] =>
  r.permission ? (PERMISSIONS[r.permission] as readonly Role[]) : [];

/** A workspace with one object of every kind a path can name. */
export interface Tenant {
  ws: TestWorkspace;
  ids: Record<string, string>;
}

export async function createTenant(): Promise<Tenant> {
  const ws = await createTestWorkspace();
  const [member, source, leads, campaign, channel, token] = await Promise.all([
    createMember(ws, 'Ola Sales'),
    createSource(ws, 'Site form', 'marketing'),
    seedLeads(ws.id, [{ at: '2026-03-02T09:00:00.000Z', profile: { email: 'ada@client.test' } }]),
    call('POST', '/v1/campaigns', {
      token: ws.tokens.admin,
      json: { name: 'Webinar', channel: 'webinar', startsOn: '2026-03-10', endsOn: '2026-03-10' },
    }),
    call('POST', '/v1/notification-channels', {
      token: ws.tokens.admin,
      json: { name: 'hook', kind: 'webhook', url: 'http://127.0.0.1:9/hooks/leadpact' },
    }),
    call('POST', '/v1/tokens', { token: ws.tokens.admin, json: { role: 'viewer', label: 'scratch' } }),
  ]);
  const idOf = async (res: Response, what: string) => {
    if (res.status !== 201) throw new Error(`${what}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  };
  const delivery = await call('POST', `/v1/intake/${source}`, {
    token: ws.tokens.intake,
    json: { email: 'bo@client.test', name: 'Bo', consent: true },
  });
  if (delivery.status !== 202) throw new Error(`delivery: ${delivery.status} ${await delivery.text()}`);
  return {
    ws,
    ids: {
      deliveries: ((await delivery.json()) as { deliveryId: string }).deliveryId,
      members: member,
      sources: source,
      leads: leads[0] as string,
      campaigns: await idOf(campaign, 'campaign'),
      'notification-channels': await idOf(channel, 'channel'),
      tokens: await idOf(token, 'token'),
    },
  };
}

/** Fills a path template with the tenant's objects (and valid values for the other parameters). */
export function pathFor(route: DocumentedRoute, tenant: Tenant): string {
  return route.template.replace(/\/([a-z-]+)\/\{(\w+)\}/g, (_, collection: string, param: string) => {
    if (param === 'id') {
      const id = tenant.ids[collection];
      if (!id) throw new Error(`no fixture object for ${route.template}`);
      return `/${collection}/${id}`;
    }
    const values: Record<string, string> = {
      n: '1',
      language: 'en',
      period: '2026-Q1',
      sourceId: tenant.ids.sources ?? '',
    };
    const value = values[param];
    if (value === undefined) throw new Error(`no fixture value for {${param}} in ${route.template}`);
    return `/${collection}/${value}`;
  });
}

/** True when the path names one of the workspace's own objects (another workspace must get 404). */
export const namesObject = (route: DocumentedRoute) => route.template.includes('{id}');

/**
 * Row counts and a content hash of every table: a refused request must leave this unchanged.
 * `last_used_at` is left out: an authenticated request records its token's use by design.
 */
export async function databaseFingerprint(): Promise<Record<string, string>> {
  const tables = await env.DB.prepare(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%' and name not like 'd1_%' order by name",
  ).all<{ name: string }>();
  // One round trip for every table: the fuzz suite takes a fingerprint after each request.
  const results = await env.DB.batch(
    tables.results.map(({ name }) => env.DB.prepare(`select * from "${name}"`)),
  );
  const out: Record<string, string> = {};
  for (const [i, { name }] of tables.results.entries()) {
    const rows = (results[i]?.results ?? []) as Record<string, unknown>[];
    const text = rows
      .map(({ last_used_at: _ignored, ...rest }) => JSON.stringify(rest))
      .sort()
      .join('\n');
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
    const hex = [...new Uint8Array(digest).slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
    out[name] = `${rows.length}:${hex}`;
  }
  return out;
}
