import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, env } from './harness';
import { drainIntake } from './intake-queue';
import {
  allowedRoles,
  createTenant,
  type DocumentedRoute,
  databaseFingerprint,
  documentedRoutes,
  pathFor,
  routeKey,
  type Tenant,
} from './openapi-routes';

/**
 * Bad input on every write route of `/openapi.json`: fuzzed bodies, content types, headers
 * and query strings from a permitted token. No 5xx, problem+json for every refusal, and a
 * refused request leaves every table as it was. `FUZZ_RUNS` (a binding, from the environment
 * in test/worker/vitest.config.ts) sizes it: a few per route in `npm test`, hundreds in `npm run soak`.
 */
const RUNS = Number((env as unknown as { FUZZ_RUNS?: string }).FUZZ_RUNS ?? '3') || 3;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const routes = (await documentedRoutes()).filter((r) => WRITES.has(r.method));
const tally = { requests: 0, refused: 0, accepted: 0, serverErrors: 0 };
let tenant: Tenant;

const printable = (max: number) => fc.stringMatching(new RegExp(`^[\\x20-\\x7e]{0,${max}}$`));

const body = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.object().map((v) => JSON.stringify(v)),
  fc
    .dictionary(printable(12), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)))
    .map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('', '{', '{"a":', '[]', 'null', '"x"', '{"__proto__":{"x":1}}', 'a,b\n1,2', '\u0000\uffff'),
);
const contentType = fc.oneof(
  fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'text/plain',
    'text/csv',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
  ),
  printable(30),
);
const headers = fc.record(
  {
    'idempotency-key': printable(80),
    'if-match': printable(20),
    prefer: printable(20),
    'accept-language': printable(20),
  },
  { requiredKeys: [] },
);
const query = fc.dictionary(printable(10), fc.string({ maxLength: 30 }), { maxKeys: 4 });

function tokenFor(route: DocumentedRoute): string | null {
  if (route.template === '/v1/intake/{sourceId}') return tenant.ws.tokens.intake;
  const role = allowedRoles(route)[0];
  return role ? tenant.ws.tokens[role] : null;
}

beforeAll(async () => {
  tenant = await createTenant();
});

afterAll(() => {
  console.log(
    `bad input: ${routes.length} write routes × ${RUNS} runs, ${tally.requests} fuzzed requests, ${tally.refused} refused with problem+json and nothing changed, ${tally.accepted} accepted, ${tally.serverErrors} 5xx`,
  );
});

describe.each(routes.map((route) => ({ key: routeKey(route), route })))('$key', ({ route }) => {
  it(
    'should refuse fuzzed bodies, headers and queries with problem+json, no 5xx, and change nothing',
    async () => {
      let before = await databaseFingerprint();
      await fc.assert(
        fc.asyncProperty(body, contentType, headers, query, async (text, type, extra, params) => {
          const qs = new URLSearchParams(params).toString();
          const path = `${pathFor(route, tenant)}${qs ? `?${qs}` : ''}`;
          const res = await call(route.method, path, {
            token: tokenFor(route),
            body: route.method === 'DELETE' ? undefined : text,
            headers: { ...extra, 'content-type': type },
          });
          tally.requests += 1;
          const answer = await res.text();
          // An accepted delivery is judged now, not by the queue during a later request's comparison.
          if (res.status < 300) await drainIntake(tenant.ws.id);
          const after = await databaseFingerprint();
          if (res.status >= 500) tally.serverErrors += 1;
          expect(res.status, answer).toBeLessThan(500);
          if (res.status >= 400) {
            tally.refused += 1;
            expect(res.headers.get('content-type') ?? '', answer).toMatch(/^application\/problem\+json/);
            const problem = JSON.parse(answer) as Record<string, unknown>;
            expect(problem.status).toBe(res.status);
            expect(typeof problem.detail).toBe('string');
            expect(after, `${route.method} ${path} ${res.status} changed the database`).toEqual(before);
          } else {
            tally.accepted += 1;
          }
          before = after;
        }),
        { numRuns: RUNS },
      );
    },
    5_000 + RUNS * 500,
  );
});
