import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import type { Role } from '../../worker/domain/constants';
import type { Env } from '../../worker/env';
import worker from '../../worker/index';

export const ADMIN_SECRET = 'test-admin-secret';
export const BASE = 'https://leadpact.test';

type CallOptions = {
  token?: string | null;
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
};

function requestOf(method: string, path: string, options: CallOptions): Request {
  const headers = new Headers(options.headers);
  if (options.token) headers.set('authorization', `Bearer ${options.token}`);
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  return new Request(`${BASE}${path}`, { method, headers, body });
}

/** Sends a request through the real Worker entry point (middleware, routing, D1). */
export function call(method: string, path: string, options: CallOptions = {}): Promise<Response> {
  return exports.default.fetch(requestOf(method, path, options));
}

/**
 * `call` with the Worker's bindings replaced (a queue that refuses, a limiter that counts), answering once
 * the request's `waitUntil` work has run too.
 */
export async function callWith(
  bindings: Partial<Env>,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(requestOf(method, path, options), { ...env, ...bindings }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

/**
 * Intake stores first and judges after; a test that needs the lead in the answer asks the Worker to
 * wait for the judgement (201 with the lead; 200 for a delivery judged before), as a synchronous client would.
 */
export const WAIT_FOR_LEAD = { prefer: 'wait=5' } as const;

export interface TestWorkspace {
  id: string;
  tokens: Record<Role, string>;
  tokenIds: Record<Role, string>;
}

let counter = 0;

/** Creates a workspace through the API with one token per role. Each call is a fresh tenant. */
export async function createTestWorkspace(
  overrides: Partial<{ name: string; timezone: string; language: string; country: string }> = {},
): Promise<TestWorkspace> {
  counter += 1;
  const res = await call('POST', '/v1/workspaces', {
    token: ADMIN_SECRET,
    json: { name: `Test ${counter}`, timezone: 'Europe/Warsaw', language: 'en', country: 'PL', ...overrides },
  });
  if (res.status !== 201) throw new Error(`workspace bootstrap failed: ${res.status} ${await res.text()}`);
  const created = (await res.json()) as { id: string; adminToken: string };
  const tokens = { admin: created.adminToken } as Record<Role, string>;
  const tokenIds = {} as Record<Role, string>;
  for (const role of ['manager', 'marketing', 'sales', 'viewer', 'intake'] as const) {
    const t = await call('POST', '/v1/tokens', {
      token: created.adminToken,
      json: { role, label: `${role} token` },
    });
    if (t.status !== 201) throw new Error(`token creation failed: ${t.status} ${await t.text()}`);
    const body = (await t.json()) as { id: string; token: string };
    tokens[role] = body.token;
    tokenIds[role] = body.id;
  }
  return { id: created.id, tokens, tokenIds };
}

export { env };

/** Asserts the RFC 9457 shape every error must have, and returns the body. */
export async function expectProblem(res: Response, status: number): Promise<Record<string, unknown>> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  const type = res.headers.get('content-type') ?? '';
  if (!type.startsWith('application/problem+json'))
    throw new Error(`expected problem+json, got ${type}: ${text}`);
  const body = JSON.parse(text) as Record<string, unknown>;
  for (const key of ['type', 'title', 'status', 'detail', 'requestId']) {
    if (!(key in body)) throw new Error(`problem lacks ${key}: ${text}`);
  }
  if (body.status !== status) throw new Error(`problem.status ${String(body.status)} != ${status}`);
  if (res.headers.get('x-request-id') !== body.requestId)
    throw new Error('x-request-id header differs from body');
  return body;
}
