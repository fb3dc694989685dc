import { beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../worker/domain/constants';
import { call, createTestWorkspace, expectProblem, type TestWorkspace } from './harness';

interface Fixture {
  ws: TestWorkspace;
}

interface RouteCase {
  name: string;
  method: string;
  path: string;
  body?: (f: Fixture) => Promise<unknown> | unknown;
  /** Runs before each call, e.g. to change the draft so a proposal has something new. */
  before?: (f: Fixture) => Promise<void>;
  allowed: readonly Role[];
  okStatus: number | readonly number[];
  /** True when the path names an object (a version), so another workspace must get 404. */
  namesObject?: boolean;
}

let edits = 0;

async function changeTitle(f: Fixture): Promise<void> {
  edits += 1;
  const res = await call('PATCH', '/v1/agreement/draft', {
    token: f.ws.tokens.admin,
    json: { title: `Edit ${edits}` },
  });
  if (res.status !== 200) throw new Error(`edit: ${res.status} ${await res.text()}`);
}

async function draftContent(f: Fixture): Promise<unknown> {
  const res = await call('GET', '/v1/agreement/draft', { token: f.ws.tokens.admin });
  return ((await res.json()) as { content: unknown }).content;
}

const ROUTES: RouteCase[] = [
  {
    name: 'read the agreement',
    method: 'GET',
    path: '/v1/agreement',
    allowed: ['admin', 'manager', 'marketing', 'sales', 'viewer'],
    okStatus: 200,
  },
  {
    name: 'read the draft',
    method: 'GET',
    path: '/v1/agreement/draft',
    allowed: ['admin', 'manager', 'marketing', 'sales', 'viewer'],
    okStatus: 200,
  },
  {
    name: 'replace the draft',
    method: 'PUT',
    path: '/v1/agreement/draft',
    body: draftContent,
    allowed: ['admin', 'manager', 'marketing', 'sales'],
    okStatus: 200,
  },
  {
    name: 'patch the draft',
    method: 'PATCH',
    path: '/v1/agreement/draft',
    body: () => ({ title: 'Patched' }),
    allowed: ['admin', 'manager', 'marketing', 'sales'],
    okStatus: 200,
  },
  {
    name: 'diff the draft',
    method: 'GET',
    path: '/v1/agreement/draft/diff',
    allowed: ['admin', 'manager', 'marketing', 'sales', 'viewer'],
    okStatus: 200,
  },
  {
    name: 'propose the draft',
    method: 'POST',
    path: '/v1/agreement/draft/propose',
    before: changeTitle,
    allowed: ['admin', 'manager', 'marketing', 'sales'],
    okStatus: 201,
  },
  {
    name: 'list versions',
    method: 'GET',
    path: '/v1/agreement/versions',
    allowed: ['admin', 'manager', 'marketing', 'sales', 'viewer'],
    okStatus: 200,
  },
  {
    name: 'read a version',
    method: 'GET',
    path: '/v1/agreement/versions/1',
    namesObject: true,
    allowed: ['admin', 'manager', 'marketing', 'sales', 'viewer'],
    okStatus: 200,
  },
  {
    name: 'diff two versions',
    method: 'GET',
    path: '/v1/agreement/versions/2/diff?from=1',
    namesObject: true,
    allowed: ['admin', 'manager', 'marketing', 'sales', 'viewer'],
    okStatus: 200,
  },
  {
    // The harness tokens are bound to no member: an allowed role gets past the permission and is
    // refused by the binding rule (409); a role without the permission never gets that far (403).
    name: 'sign a version',
    method: 'POST',
    path: '/v1/agreement/versions/2/signatures',
    body: () => ({}),
    namesObject: true,
    allowed: ['manager', 'marketing', 'sales'],
    okStatus: 409,
  },
  {
    name: 'read a template',
    method: 'GET',
    path: '/v1/agreement/templates/ru',
    allowed: ['admin', 'manager', 'marketing', 'sales', 'viewer'],
    okStatus: 200,
  },
  {
    name: 'share the agreement',
    method: 'POST',
    path: '/v1/agreement/share',
    allowed: ['admin', 'manager'],
    okStatus: [200, 201],
  },
  {
    name: 'revoke the share',
    method: 'DELETE',
    path: '/v1/agreement/share',
    allowed: ['admin', 'manager'],
    okStatus: 204,
  },
  {
    name: 'record a persona review',
    method: 'POST',
    path: '/v1/persona/reviews',
    body: () => ({
      fromSales: 'What customers struggle with.',
      fromMarketing: 'What forms show.',
      changes: 'Nothing.',
    }),
    allowed: ['admin', 'manager', 'marketing', 'sales'],
    okStatus: 201,
  },
  {
    name: 'list persona reviews',
    method: 'GET',
    path: '/v1/persona/reviews',
    allowed: ['admin', 'manager', 'marketing', 'sales', 'viewer'],
    okStatus: 200,
  },
];

/** A workspace with versions 1 and 2 proposed, so paths that name a version have one. */
async function fixture(withVersions: boolean): Promise<Fixture> {
  const f = { ws: await createTestWorkspace() };
  if (withVersions) {
    for (const _ of [1, 2]) {
      await changeTitle(f);
      const res = await call('POST', '/v1/agreement/draft/propose', { token: f.ws.tokens.admin });
      if (res.status !== 201) throw new Error(`propose: ${res.status} ${await res.text()}`);
    }
  }
  return f;
}

const okStatuses = (route: RouteCase) =>
  typeof route.okStatus === 'number' ? [route.okStatus] : route.okStatus;

describe.each(ROUTES)('a request to $name ($method $path)', (route) => {
  let a: Fixture;
  let b: Fixture;

  beforeAll(async () => {
    [a, b] = await Promise.all([fixture(true), fixture(false)]);
  });

  const send = async (token: string | null, target: Fixture = a) => {
    await route.before?.(target);
    const json = route.body ? await route.body(target) : undefined;
    return call(route.method, route.path, { token, ...(json === undefined ? {} : { json }) });
  };

  it('should refuse a request without a token', async () => {
    await expectProblem(await send(null), 401);
  });

  it('should refuse a well-formed but unknown token', async () => {
    await expectProblem(await send(a.ws.tokens.admin.replace(/.{4}$/, 'AAAA')), 401);
  });

  it('should refuse a token once it is revoked, having accepted it before', async () => {
    const role = route.allowed[0] as Role;
    const created = await call('POST', '/v1/tokens', {
      token: a.ws.tokens.admin,
      json: { role, label: 'soon revoked' },
    });
    const { id, token } = (await created.json()) as { id: string; token: string };
    expect(okStatuses(route)).toContain((await send(token)).status);
    expect((await call('DELETE', `/v1/tokens/${id}`, { token: a.ws.tokens.admin })).status).toBe(204);
    await expectProblem(await send(token), 401);
  });

  const refused = ROLES.filter((role) => !route.allowed.includes(role));

  it.each(route.allowed)('should let a token with the %s role do it', async (role) => {
    const res = await send(a.ws.tokens[role]);
    expect(okStatuses(route), await res.clone().text()).toContain(res.status);
  });

  if (refused.length > 0) {
    it.each(refused)('should refuse a token with the %s role (403)', async (role) => {
      await expectProblem(await send(a.ws.tokens[role]), 403);
    });
  }

  if (route.namesObject) {
    it("should answer 404 for another workspace's version", async () => {
      await expectProblem(await send(b.ws.tokens[route.allowed[0] as Role], b), 404);
    });
  }
});
