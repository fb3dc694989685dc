import { describe, expect, it, vi } from 'vitest';
import { call, createTestWorkspace, env, expectProblem } from './harness';

const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();

describe('POST /v1/events', () => {
  it('should record a batch of touches, create prospects for unknown people and raise engagement', async () => {
    const ws = await createTestWorkspace();
    const res = await call('POST', '/v1/events', {
      token: ws.tokens.marketing,
      json: {
        events: [
          { email: 'Eva@Plant.pl', type: 'webinar_registered', occurredAt: at(120), campaign: 'webinar-nov' },
          { email: 'eva@plant.pl', type: 'webinar_attended', occurredAt: at(60) },
          {
            email: 'eva@plant.pl',
            type: 'pricing_view',
            url: 'https://acme.test/pricing',
            occurredAt: at(5),
          },
          { email: 'tom@plant.pl', type: 'page_view', url: 'https://acme.test/blog', occurredAt: at(5) },
        ],
      },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const { data } = (await res.json()) as { data: { leadId: string; stage: string; created: boolean }[] };
    expect(data).toHaveLength(4);
    expect(data[0]?.leadId).toBe(data[1]?.leadId);
    expect(data.map((d) => d.stage)).toEqual(['prospect', 'prospect', 'prospect', 'prospect']);
    const eva = (await (
      await call('GET', `/v1/leads/${data[0]?.leadId}`, { token: ws.tokens.viewer })
    ).json()) as {
      engagement: number;
      touchCounts: Record<string, number>;
      campaign: string;
      consent: boolean;
    };
    expect(eva.touchCounts).toEqual({ webinar_registered: 1, webinar_attended: 1, pricing_view: 1 });
    expect(eva.engagement).toBeGreaterThan(0);
    expect(eva.campaign).toBe('webinar-nov');
    expect(eva.consent).toBe(false);
    const tom = (await (
      await call('GET', `/v1/leads/${data[3]?.leadId}`, { token: ws.tokens.viewer })
    ).json()) as { engagement: number };
    // A pricing page weighs more than general content.
    expect(eva.engagement).toBeGreaterThan(tom.engagement);
  });

  it('should refuse the whole batch when one item is wrong, naming the item', async () => {
    const ws = await createTestWorkspace();
    const cases: [unknown, string][] = [
      [
        {
          events: [
            { email: 'a@b.pl', type: 'page_view', occurredAt: at(1) },
            { email: 'a@b.pl', type: 'tweet', occurredAt: at(1) },
          ],
        },
        'events[1].type',
      ],
      [{ events: [{ leadId: 'lead_nope', type: 'page_view', occurredAt: at(1) }] }, 'events[0].leadId'],
      [
        {
          events: [
            {
              email: 'a@b.pl',
              type: 'page_view',
              occurredAt: new Date(Date.now() + 3_600_000).toISOString(),
            },
          ],
        },
        'events[0].occurredAt',
      ],
      [
        { events: [{ email: 'a@b.pl', leadId: 'lead_x', type: 'page_view', occurredAt: at(1) }] },
        'events[0].email',
      ],
      [
        {
          events: Array.from({ length: 101 }, () => ({
            email: 'a@b.pl',
            type: 'page_view',
            occurredAt: at(1),
          })),
        },
        'events',
      ],
    ];
    for (const [body, path] of cases) {
      const problem = await expectProblem(
        await call('POST', '/v1/events', { token: ws.tokens.intake, json: body }),
        422,
      );
      expect(
        (problem.errors as { path: string }[]).map((e) => e.path),
        JSON.stringify(problem),
      ).toContain(path);
    }
    const count = await env.DB.prepare('select count(*) as n from leads where workspace_id = ?')
      .bind(ws.id)
      .first<{ n: number }>();
    expect(count?.n).toBe(0);
  });

  it('should let only marketing, intake and admin tokens record touches', async () => {
    const ws = await createTestWorkspace();
    const body = { events: [{ email: 'a@b.pl', type: 'page_view', occurredAt: at(1) }] };
    for (const role of ['sales', 'viewer', 'manager'] as const) {
      await expectProblem(await call('POST', '/v1/events', { token: ws.tokens[role], json: body }), 403);
    }
  });
});

describe('GET /v1/leads', () => {
  it('should page through every lead once with a cursor and a capped page size', async () => {
    const ws = await createTestWorkspace();
    const events = Array.from({ length: 25 }, (_, i) => ({
      email: `p${i}@x.pl`,
      type: 'page_view',
      occurredAt: at(30 - i),
    }));
    expect((await call('POST', '/v1/events', { token: ws.tokens.marketing, json: { events } })).status).toBe(
      200,
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=10&cursor=${encodeURIComponent(cursor)}` : '?limit=10';
      const page = (await (await call('GET', `/v1/leads${query}`, { token: ws.tokens.sales })).json()) as {
        data: { id: string }[];
        nextCursor: string | null;
      };
      seen.push(...page.data.map((l) => l.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(25);
    await expectProblem(await call('GET', '/v1/leads?limit=1000', { token: ws.tokens.sales }), 422);
    await expectProblem(await call('GET', '/v1/leads?cursor=garbage', { token: ws.tokens.sales }), 422);
  });

  it('should filter by stage, quadrant and updatedSince', async () => {
    const ws = await createTestWorkspace();
    // The Worker's clock is set for each write, so "since" falls strictly between them.
    const postAt = async (iso: string, email: string) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(iso));
      try {
        const res = await call('POST', '/v1/events', {
          token: ws.tokens.marketing,
          json: { events: [{ email, type: 'page_view', occurredAt: iso }] },
        });
        expect(res.status).toBe(200);
      } finally {
        vi.useRealTimers();
      }
    };
    await postAt('2026-11-20T10:00:00.000Z', 'old@x.pl');
    const since = '2026-11-20T11:00:00.000Z';
    await postAt('2026-11-20T12:00:00.000Z', 'new@x.pl');
    const list = async (q: string) =>
      (
        (await (await call('GET', `/v1/leads?${q}`, { token: ws.tokens.viewer })).json()) as {
          data: { email: string }[];
        }
      ).data.map((l) => l.email);
    expect(await list(`updatedSince=${encodeURIComponent(since)}`)).toEqual(['new@x.pl']);
    expect((await list('stage=prospect')).sort()).toEqual(['new@x.pl', 'old@x.pl']);
    expect(await list('stage=mql')).toEqual([]);
    expect((await list('quadrant=low')).length).toBe(2);
  });
});
