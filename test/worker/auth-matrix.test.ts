import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../worker/domain/constants';
import { ROLES } from '../../worker/domain/constants';
import { call, createTestWorkspace, env, expectProblem, type TestWorkspace } from './harness';

interface RouteCase {
  name: string;
  method: string;
  /** Builds the path; `target` is the workspace whose objects the path names. */
  path: (target: Fixture) => string;
  body?: () => unknown;
  allowed: readonly Role[];
  okStatus: number;
  /** True when the path names an object, so another workspace must get 404. */
  namesObject?: boolean;
}

interface Fixture {
  ws: TestWorkspace;
  memberId: string;
}

const everyoneButIntake = ['admin', 'manager', 'marketing', 'sales', 'viewer'] as const;
let emailCounter = 0;

const ROUTES: RouteCase[] = [
  {
    name: 'read the live sheet status',
    method: 'GET',
    path: () => '/v1/sheet/status',
    allowed: everyoneButIntake,
    okStatus: 200,
  },
  {
    name: 'read the workspace',
    method: 'GET',
    path: () => '/v1/workspace',
    allowed: everyoneButIntake,
    okStatus: 200,
  },
  {
    name: 'create a token',
    method: 'POST',
    path: () => '/v1/tokens',
    body: () => ({ role: 'viewer', label: 'matrix' }),
    allowed: ['admin'],
    okStatus: 201,
  },
  { name: 'list tokens', method: 'GET', path: () => '/v1/tokens', allowed: ['admin'], okStatus: 200 },
  {
    name: 'create a member',
    method: 'POST',
    path: () => '/v1/members',
    body: () => ({ name: 'New Person', email: `p${++emailCounter}@acme.test`, side: 'sales' }),
    allowed: ['admin', 'manager'],
    okStatus: 201,
  },
  {
    name: 'list members',
    method: 'GET',
    path: () => '/v1/members',
    allowed: everyoneButIntake,
    okStatus: 200,
  },
  {
    name: 'read a member',
    method: 'GET',
    path: (f) => `/v1/members/${f.memberId}`,
    namesObject: true,
    allowed: everyoneButIntake,
    okStatus: 200,
  },
  {
    name: 'update a member',
    method: 'PATCH',
    path: (f) => `/v1/members/${f.memberId}`,
    body: () => ({ name: 'Renamed' }),
    namesObject: true,
    allowed: ['admin', 'manager'],
    okStatus: 200,
  },
];

async function fixture(): Promise<Fixture> {
  const ws = await createTestWorkspace();
  const res = await call('POST', '/v1/members', {
    token: ws.tokens.admin,
    json: { name: 'Ola Sales', email: 'ola@acme.test', side: 'sales' },
  });
  const member = (await res.json()) as { id: string };
  return { ws, memberId: member.id };
}

describe.each(ROUTES)('a request to $name ($method)', (route) => {
  let a: Fixture;
  let b: Fixture;

  beforeAll(async () => {
    [a, b] = await Promise.all([fixture(), fixture()]);
  });

  const send = (token: string | null, target: Fixture = a) =>
    call(route.method, route.path(target), { token, ...(route.body ? { json: route.body() } : {}) });

  it('should refuse a request without a token', async () => {
    await expectProblem(await send(null), 401);
  });

  it('should refuse a malformed token', async () => {
    await expectProblem(await send('not-a-token'), 401);
  });

  it('should refuse a well-formed but unknown token', async () => {
    const forged = a.ws.tokens.admin.replace(/.{4}$/, 'AAAA');
    await expectProblem(await send(forged), 401);
  });

  it('should refuse a token once it is revoked, having accepted it before', async () => {
    const created = await call('POST', '/v1/tokens', {
      token: a.ws.tokens.admin,
      json: { role: 'admin', label: 'soon revoked' },
    });
    const { id, token } = (await created.json()) as { id: string; token: string };
    expect(await send(token).then((r) => r.status)).toBe(route.okStatus);
    expect((await call('DELETE', `/v1/tokens/${id}`, { token: a.ws.tokens.admin })).status).toBe(204);
    await expectProblem(await send(token), 401);
  });

  const refused = ROLES.filter((role) => !route.allowed.includes(role));

  it.each(route.allowed)('should let a token with the %s role do it', async (role) => {
    const res = await send(a.ws.tokens[role]);
    expect(res.status, await res.clone().text()).toBe(route.okStatus);
  });

  if (refused.length > 0) {
    it.each(refused)('should refuse a token with the %s role (403)', async (role) => {
      await expectProblem(await send(a.ws.tokens[role]), 403);
    });
  }

  if (route.namesObject) {
    it("should answer 404 for another workspace's object", async () => {
      const allowedRole = route.allowed[0] as Role;
      // b's token naming a's object: indistinguishable from a missing object.
      await expectProblem(await send(b.ws.tokens[allowedRole], a), 404);
    });
  }
});

describe('tokens', () => {
  it('should list tokens without secrets and keep last_used_at', async () => {
    const ws = await createTestWorkspace();
    await call('GET', '/v1/members', { token: ws.tokens.viewer });
    const res = await call('GET', '/v1/tokens', { token: ws.tokens.admin });
    const body = (await res.json()) as {
      data: { id: string; role: string; hint: string; lastUsedAt: string | null }[];
    };
    expect(body.data).toHaveLength(6);
    const text = JSON.stringify(body);
    for (const token of Object.values(ws.tokens)) expect(text).not.toContain(token);
    const viewer = body.data.find((t) => t.id === ws.tokenIds.viewer);
    expect(viewer?.hint).toBe(ws.tokens.viewer.slice(-4));
    expect(viewer?.lastUsedAt).not.toBeNull();
  });

  it('should refuse a memberId from another workspace', async () => {
    const [a, b] = await Promise.all([fixture(), fixture()]);
    const res = await call('POST', '/v1/tokens', {
      token: b.ws.tokens.admin,
      json: { role: 'sales', label: 'x', memberId: a.memberId },
    });
    const problem = await expectProblem(res, 422);
    expect(problem.errors).toEqual([expect.objectContaining({ path: 'memberId' })]);
  });

  it("should not revoke another workspace's token", async () => {
    const [a, b] = await Promise.all([createTestWorkspace(), createTestWorkspace()]);
    await expectProblem(
      await call('DELETE', `/v1/tokens/${a.tokenIds.sales}`, { token: b.tokens.admin }),
      404,
    );
    expect((await call('GET', '/v1/members', { token: a.tokens.sales })).status).toBe(200);
  });
});

describe('members', () => {
  it('should refuse a duplicate e-mail with 409 and keep one row', async () => {
    const ws = await createTestWorkspace();
    const body = { name: 'Jan', email: 'Jan@Acme.test ', side: 'marketing' };
    expect((await call('POST', '/v1/members', { token: ws.tokens.admin, json: body })).status).toBe(201);
    await expectProblem(await call('POST', '/v1/members', { token: ws.tokens.admin, json: body }), 409);
    const rows = await env.DB.prepare('select email from members where workspace_id = ?').bind(ws.id).all();
    expect(rows.results).toEqual([{ email: 'jan@acme.test' }]);
  });

  it('should filter by side and active', async () => {
    const ws = await createTestWorkspace();
    const make = (name: string, side: string, active: boolean) =>
      call('POST', '/v1/members', {
        token: ws.tokens.admin,
        json: { name, email: `${name}@a.test`, side, active },
      });
    await make('a', 'sales', true);
    await make('b', 'sales', false);
    await make('c', 'marketing', true);
    const res = await call('GET', '/v1/members?side=sales&active=true', { token: ws.tokens.viewer });
    const body = (await res.json()) as { data: { name: string }[] };
    expect(body.data.map((m) => m.name)).toEqual(['a']);
    await expectProblem(await call('GET', '/v1/members?side=legal', { token: ws.tokens.viewer }), 422);
  });

  it('should refuse an empty patch and a bad side, naming the field', async () => {
    const { ws, memberId } = await fixture();
    await expectProblem(
      await call('PATCH', `/v1/members/${memberId}`, { token: ws.tokens.admin, json: {} }),
      422,
    );
    const problem = await expectProblem(
      await call('PATCH', `/v1/members/${memberId}`, { token: ws.tokens.admin, json: { side: 'legal' } }),
      422,
    );
    expect((problem.errors as { path: string }[])[0]?.path).toBe('side');
  });
});
