import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../worker/domain/constants';
import { call } from './harness';
import {
  allowedRoles,
  createTenant,
  type DocumentedRoute,
  documentedRoutes,
  namesObject,
  pathFor,
  routeKey,
  type Tenant,
  UNGUARDED,
} from './openapi-routes';

/**
 * The authorization matrix generated from `/openapi.json` (each operation's `x-permission`)
 * and `worker/domain/permissions.ts`: every route × every role, another workspace's ids,
 * and no, malformed, forged and revoked tokens. The hand-written cases stay in auth-matrix.test.ts.
 */
// Read at collection time, so each route is its own test and a new route is a new test.
const routes = await documentedRoutes();
const guarded = routes
  .filter((r) => r.permission)
  // Destructive routes last, so every object still exists when another route names it.
  .sort((x, y) => Number(x.method === 'DELETE') - Number(y.method === 'DELETE'));
let a: Tenant;
let b: Tenant;
let revoked: string;
const tally = { requests: 0, refused: 0, wrong: 0 };

function send(route: DocumentedRoute, token: string | null, target: Tenant, ip: string): Promise<Response> {
  tally.requests += 1;
  // A distinct address per route keeps the deliberate 401s under the per-address lock.
  return call(route.method, pathFor(route, target), {
    token,
    headers: { 'cf-connecting-ip': ip },
    ...(route.bodyTypes.includes('application/json') ? { json: {} } : {}),
  });
}

/** Reads the answer and says what is wrong with it, or null; a refusal must be problem+json. */
async function verdict(
  label: string,
  res: Response,
  ok: (status: number) => boolean,
): Promise<string | null> {
  const text = await res.text();
  const problem = res.headers.get('content-type')?.startsWith('application/problem+json') ?? false;
  if (res.status === 401 || res.status === 403 || res.status === 404) tally.refused += 1;
  if (ok(res.status) && (res.status < 400 || problem)) return null;
  tally.wrong += 1;
  return `${label}: ${res.status} ${text.slice(0, 160)}`;
}

beforeAll(async () => {
  [a, b] = await Promise.all([createTenant(), createTenant()]);
  const created = await call('POST', '/v1/tokens', {
    token: a.ws.tokens.admin,
    json: { role: 'admin', label: 'soon revoked' },
  });
  const { id, token } = (await created.json()) as { id: string; token: string };
  expect((await call('GET', '/v1/workspace', { token })).status).toBe(200);
  expect((await call('DELETE', `/v1/tokens/${id}`, { token: a.ws.tokens.admin })).status).toBe(204);
  revoked = token;
});

afterAll(() => {
  console.log(
    `auth matrix: ${guarded.length} routes × ${ROLES.length} roles + no/malformed/forged/revoked token + another workspace's ids, ${tally.requests} requests, ${tally.refused} refused as they should be, ${tally.wrong} wrong`,
  );
});

describe('the authorization matrix from the OpenAPI document', () => {
  it('should name a permission for every token-guarded route, and list every other route with its reason', () => {
    const unguarded = routes.filter((r) => !r.permission).map(routeKey);
    expect(unguarded.sort()).toEqual(Object.keys(UNGUARDED).sort());
    for (const route of guarded) expect(route.secured, routeKey(route)).toBe(true);
    expect(guarded.length).toBeGreaterThanOrEqual(50);
  });

  describe.each(
    guarded.map((route, i) => ({
      key: routeKey(route),
      route,
      ip: `10.9.${Math.floor(i / 200)}.${i % 200}`,
    })),
  )('$key', ({ key, route, ip }) => {
    it('should give every role exactly what permissions.ts grants and refuse every bad token and foreign id', async () => {
      const allowed = allowedRoles(route);
      // Forged against b and revoked in a: each workspace stays under its failed-authentication limit.
      const forged = b.ws.tokens.admin.replace(/.{4}$/, 'AAAA');
      const checks: Promise<string | null>[] = [
        send(route, null, a, ip).then((r) => verdict(`${key} without a token`, r, (s) => s === 401)),
        send(route, 'not-a-token', a, ip).then((r) => verdict(`${key} malformed token`, r, (s) => s === 401)),
        send(route, forged, a, ip).then((r) => verdict(`${key} forged token`, r, (s) => s === 401)),
        send(route, revoked, a, ip).then((r) => verdict(`${key} revoked token`, r, (s) => s === 401)),
        ...ROLES.filter((role) => !allowed.includes(role)).map((role) =>
          send(route, a.ws.tokens[role], a, ip).then((r) =>
            verdict(`${key} as ${role}`, r, (s) => s === 403),
          ),
        ),
      ];
      if (namesObject(route)) {
        // b's permitted token naming a's object: indistinguishable from a missing object.
        const expected = route.bodyTypes.length === 0 ? [404] : [404, 422];
        checks.push(
          send(route, b.ws.tokens[allowed[0] ?? 'admin'], a, ip).then((r) =>
            verdict(`${key} another workspace's id`, r, (s) => expected.includes(s)),
          ),
        );
      }
      const wrong = (await Promise.all(checks)).filter(Boolean);
      // Permitted roles one at a time: a DELETE by the first must not race the others.
      for (const role of allowed) {
        const res = await send(route, a.ws.tokens[role], a, ip);
        wrong.push(await verdict(`${key} as ${role}`, res, (s) => s !== 401 && s !== 403 && s < 500));
      }
      expect(wrong.filter(Boolean)).toEqual([]);
    });
  });
});
