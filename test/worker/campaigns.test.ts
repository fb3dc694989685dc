import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../worker/domain/campaigns';
import { call, createTestWorkspace, expectProblem, type TestWorkspace } from './harness';
import { signStarterAgreement } from './lead-fixtures';

const WEBINAR = {
  name: 'Webinar: lead time in manufacturing',
  channel: 'webinar',
  startsOn: '2026-03-10',
  endsOn: '2026-03-10',
  contentLinks: [{ label: 'Landing page', url: 'https://acme.test/webinar' }],
  description: 'For plant managers.',
};

async function create(
  ws: TestWorkspace,
  body: Record<string, unknown>,
  role: 'marketing' | 'admin' = 'marketing',
) {
  return call('POST', '/v1/campaigns', { token: ws.tokens[role], json: body });
}

async function created(ws: TestWorkspace, body: Record<string, unknown>): Promise<Campaign> {
  const res = await create(ws, body);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Campaign;
}

const paths = (problem: Record<string, unknown>) =>
  (problem.errors as Array<{ path: string }>).map((e) => e.path);

describe('POST /v1/campaigns', () => {
  it('should store what marketing runs, keyed by its name unless a key is given', async () => {
    const ws = await createTestWorkspace();
    const campaign = await created(ws, WEBINAR);
    expect(campaign).toMatchObject({
      id: expect.stringMatching(/^cmp_/),
      key: WEBINAR.name,
      name: WEBINAR.name,
      channel: 'webinar',
      startsOn: '2026-03-10',
      endsOn: '2026-03-10',
      contentLinks: WEBINAR.contentLinks,
      personaSegment: null,
      archivedAt: null,
    });
    const keyed = await created(ws, {
      name: 'Spring newsletter',
      key: 'spring-2026',
      channel: 'email',
      startsOn: '2026-04-01',
    });
    expect(keyed).toMatchObject({ key: 'spring-2026', endsOn: null, contentLinks: [], description: '' });
  });

  it('should refuse a second campaign with the same key (the key is what forms send)', async () => {
    const ws = await createTestWorkspace();
    await created(ws, { ...WEBINAR, key: 'webinar-03' });
    const clash = await expectProblem(
      await create(ws, { ...WEBINAR, name: 'Other', key: 'webinar-03' }),
      409,
    );
    expect(String(clash.detail)).toContain('webinar-03');
  });

  it('should name every field at fault', async () => {
    const ws = await createTestWorkspace();
    const problem = await expectProblem(
      await create(ws, {
        name: '',
        channel: 'billboard',
        startsOn: '2026-03-10',
        endsOn: '2026-03-01',
        contentLinks: [{ label: 'x', url: 'javascript:alert(1)' }],
        budget: 5,
      }),
      422,
    );
    expect(paths(problem)).toEqual(['name', 'channel', 'contentLinks[0].url', 'budget']);
    // The dates are compared once each field is sound.
    const dates = await expectProblem(
      await create(ws, { name: 'x', channel: 'email', startsOn: '2026-03-10', endsOn: '2026-03-01' }),
      422,
    );
    expect(paths(dates)).toEqual(['endsOn']);
  });

  it('should take a persona segment only from the signed agreement’s persona', async () => {
    const ws = await signStarterAgreement();
    const bad = await expectProblem(await create(ws, { ...WEBINAR, personaSegment: 'Astronauts' }), 422);
    expect(paths(bad)).toEqual(['personaSegment']);
    expect(String((bad.errors as Array<{ message: string }>)[0]?.message)).toContain('Growing B2B companies');
    const ok = await created(ws, { ...WEBINAR, personaSegment: 'Growing B2B companies' });
    expect(ok.personaSegment).toBe('Growing B2B companies');
  });
});

describe('GET/PATCH /v1/campaigns', () => {
  it('should list by start date, filter by start dates (what launched this week), and hide archived ones', async () => {
    const ws = await createTestWorkspace();
    await created(ws, { name: 'A', channel: 'email', startsOn: '2026-03-02' });
    const b = await created(ws, { name: 'B', channel: 'event', startsOn: '2026-03-04' });
    const c = await created(ws, { name: 'C', channel: 'seo', startsOn: '2026-03-09' });
    const list = async (query = '') => {
      const res = await call('GET', `/v1/campaigns${query}`, { token: ws.tokens.sales });
      expect(res.status).toBe(200);
      return ((await res.json()) as { data: Campaign[] }).data.map((x) => x.name);
    };
    expect(await list()).toEqual(['A', 'B', 'C']);
    expect(await list('?startsFrom=2026-03-02&startsTo=2026-03-08')).toEqual(['A', 'B']);
    const archived = await call('PATCH', `/v1/campaigns/${b.id}`, {
      token: ws.tokens.marketing,
      json: { archived: true },
    });
    expect(((await archived.json()) as Campaign).archivedAt).not.toBeNull();
    expect(await list()).toEqual(['A', 'C']);
    expect(await list('?archived=only')).toEqual(['B']);
    expect(await list('?archived=include')).toEqual(['A', 'B', 'C']);
    const one = await call('GET', `/v1/campaigns/${c.id}`, { token: ws.tokens.viewer });
    expect(((await one.json()) as Campaign).id).toBe(c.id);
  });

  it('should change fields and keep the dates consistent with the stored ones', async () => {
    const ws = await createTestWorkspace();
    const campaign = await created(ws, WEBINAR);
    const res = await call('PATCH', `/v1/campaigns/${campaign.id}`, {
      token: ws.tokens.admin,
      json: { name: 'Renamed', endsOn: '2026-03-20', contentLinks: [] },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      name: 'Renamed',
      key: WEBINAR.name,
      endsOn: '2026-03-20',
      contentLinks: [],
    });
    // Only startsOn changes, past the stored end: the problem names endsOn.
    const bad = await expectProblem(
      await call('PATCH', `/v1/campaigns/${campaign.id}`, {
        token: ws.tokens.marketing,
        json: { startsOn: '2026-04-01' },
      }),
      422,
    );
    expect(paths(bad)).toEqual(['endsOn']);
    await expectProblem(
      await call('PATCH', `/v1/campaigns/${campaign.id}`, { token: ws.tokens.marketing, json: {} }),
      422,
    );
  });

  it('should refuse a key taken by another campaign', async () => {
    const ws = await createTestWorkspace();
    await created(ws, { name: 'One', key: 'one', channel: 'email', startsOn: '2026-01-01' });
    const two = await created(ws, { name: 'Two', key: 'two', channel: 'email', startsOn: '2026-01-01' });
    await expectProblem(
      await call('PATCH', `/v1/campaigns/${two.id}`, { token: ws.tokens.marketing, json: { key: 'one' } }),
      409,
    );
  });
});

describe('campaign roles and isolation', () => {
  it.each([
    ['admin', 201, 200],
    ['marketing', 201, 200],
    ['manager', 403, 200],
    ['sales', 403, 200],
    ['viewer', 403, 200],
    ['intake', 403, 403],
  ] as const)('should let %s write with %i and read with %i', async (role, write, read) => {
    const ws = await createTestWorkspace();
    const post = await call('POST', '/v1/campaigns', {
      token: ws.tokens[role],
      json: { name: `By ${role}`, channel: 'other', startsOn: '2026-01-01' },
    });
    if (write === 201) expect(post.status).toBe(201);
    else await expectProblem(post, write);
    const existing = await created(ws, { name: 'Existing', channel: 'other', startsOn: '2026-01-01' });
    const patch = await call('PATCH', `/v1/campaigns/${existing.id}`, {
      token: ws.tokens[role],
      json: { name: 'X' },
    });
    if (write === 201) expect(patch.status).toBe(200);
    else await expectProblem(patch, write);
    const get = await call('GET', `/v1/campaigns/${existing.id}`, { token: ws.tokens[role] });
    if (read === 200) expect(get.status).toBe(200);
    else await expectProblem(get, read);
  });

  it('should hide one workspace’s campaigns from another (404, and not listed)', async () => {
    const mine = await createTestWorkspace();
    const theirs = await createTestWorkspace();
    const campaign = await created(mine, WEBINAR);
    await expectProblem(
      await call('GET', `/v1/campaigns/${campaign.id}`, { token: theirs.tokens.admin }),
      404,
    );
    await expectProblem(
      await call('PATCH', `/v1/campaigns/${campaign.id}`, {
        token: theirs.tokens.admin,
        json: { name: 'Hijacked' },
      }),
      404,
    );
    const list = await call('GET', '/v1/campaigns', { token: theirs.tokens.admin });
    expect(((await list.json()) as { data: unknown[] }).data).toEqual([]);
    // The same key is free in another workspace.
    await created(theirs, WEBINAR);
  });
});
