import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Report, ReportMetrics } from '../../worker/domain/reports/metrics';
import { call, createTestWorkspace, expectProblem, type TestWorkspace } from './harness';
import { type LeadWorkspace, signStarterAgreement } from './lead-fixtures';
import { createMember, createSource, ev, seedDeadlines, seedLeads } from './report-fixtures';

/**
 * A ledger with a known answer (workspace in Europe/Warsaw, UTC+1 in March
 * until the 29th; the starter agreement's hours: Mon–Fri 09:00–17:00).
 * 2026-03-01 is a Sunday. Every expectation below is counted by hand from this
 * list; the comments say which leads make each number.
 */
interface Seeded {
  ws: LeadWorkspace;
  ids: Record<string, string>;
  s1: string;
  s2: string;
  anna: string;
  bartek: string;
}

async function seedMarch(): Promise<Seeded> {
  const ws = await signStarterAgreement(await createTestWorkspace({ timezone: 'Europe/Warsaw' }));
  const V = { agreementVersion: ws.version };
  const s1 = await createSource(ws, 'Webinar form', 'marketing');
  const s2 = await createSource(ws, 'Partner form', 'partner');
  const anna = await createMember(ws, 'Anna');
  const bartek = await createMember(ws, 'Bartek');
  const web = 'webinar-q1';
  const names = [
    'L1',
    'L2',
    'L3',
    'L4',
    'L5',
    'L6',
    'L7',
    'L8',
    'L9',
    'L10',
    'L11',
    'L12',
    'L13',
    'L14',
    'L15',
  ];
  const created = await seedLeads(ws.id, [
    // L1: webinar lead, ICP, Anna; touched after 1.5 h; hot SQL; won 20,000 EUR in March.
    {
      at: '2026-03-02T09:00:00Z',
      sourceId: s1,
      campaign: web,
      icp: true,
      profile: { companyDomain: 'acme.com' },
      events: [
        ev('touch', '2026-03-02T09:00:00Z', { touchType: 'form_submitted' }, { sourceId: s1, campaign: web }),
        ev('mql', '2026-03-02T09:00:00Z', {}, V),
        ev('assigned', '2026-03-02T09:00:00Z', { memberId: anna }),
        ev('attempt', '2026-03-02T10:30:00Z', { channel: 'phone', outcome: 'connected' }),
        ev('accepted', '2026-03-03T09:00:00Z'),
        ev('touch', '2026-03-05T08:00:00Z', { touchType: 'webinar_attended' }, { campaign: web }),
        ev('qualified', '2026-03-05T10:00:00Z', {
          sql: true,
          salesTemperature: 'hot',
          answers: {},
          failed: [],
        }),
        ev('touch', '2026-03-06T10:00:00Z', { touchType: 'pricing_view' }),
        ev('touch', '2026-03-07T10:00:00Z', { touchType: 'ebook_download' }, { campaign: 'ebook' }),
        ev('opportunity', '2026-03-10T10:00:00Z', { amount: 20000 }),
        ev('won', '2026-03-20T10:00:00Z', { amount: 20000, currency: 'EUR' }),
      ],
    },
    // L2: webinar lead, ICP, Bartek; touched after 24 h (8 business hours); rejected to nurture (no_budget).
    {
      at: '2026-03-03T10:00:00Z',
      sourceId: s1,
      campaign: web,
      icp: true,
      profile: { companyDomain: 'beta.io' },
      events: [
        ev('touch', '2026-03-03T10:00:00Z', { touchType: 'form_submitted' }, { sourceId: s1, campaign: web }),
        ev('mql', '2026-03-03T10:00:00Z', {}, V),
        ev('assigned', '2026-03-03T10:00:00Z', { memberId: bartek }),
        ev('touch', '2026-03-04T09:00:00Z', { touchType: 'page_view' }),
        ev('attempt', '2026-03-04T10:00:00Z', { channel: 'phone', outcome: 'no_answer' }),
        ev('rejected', '2026-03-06T10:00:00Z', {
          reasons: ['no_budget'],
          criteria: ['budget'],
          destination: 'nurture',
        }),
      ],
    },
    // L3: partner lead, not ICP, Anna; touched after 1 h; warm SQL; won 5,000 without a currency (counts as EUR).
    {
      at: '2026-03-05T12:00:00Z',
      sourceId: s2,
      icp: false,
      profile: { companyDomain: 'gamma.pl' },
      events: [
        ev('mql', '2026-03-05T12:00:00Z', {}, V),
        ev('assigned', '2026-03-05T12:00:00Z', { memberId: anna }),
        ev('attempt', '2026-03-05T13:00:00Z', { channel: 'email', outcome: 'connected' }),
        ev('accepted', '2026-03-06T09:00:00Z'),
        ev('touch', '2026-03-06T10:00:00Z', { touchType: 'page_view' }),
        ev('touch', '2026-03-07T10:00:00Z', { touchType: 'pricing_view' }),
        ev('touch', '2026-03-08T10:00:00Z', { touchType: 'support_view' }),
        ev('qualified', '2026-03-09T10:00:00Z', {
          sql: true,
          salesTemperature: 'warm',
          answers: {},
          failed: [],
        }),
        ev('won', '2026-03-25T10:00:00Z', { amount: 5000, currency: null }),
      ],
    },
    // L4: webinar lead, ICP, Bartek; never touched: in progress.
    {
      at: '2026-03-10T09:00:00Z',
      sourceId: s1,
      campaign: web,
      icp: true,
      profile: { companyDomain: 'acme.com' },
      events: [
        ev('mql', '2026-03-10T09:00:00Z', {}, V),
        ev('assigned', '2026-03-10T09:00:00Z', { memberId: bartek }),
        ev('touch', '2026-03-11T09:00:00Z', { touchType: 'page_view' }),
      ],
    },
    // L5: an e-book lead that never became an MQL.
    { at: '2026-03-12T09:00:00Z', sourceId: s1, campaign: 'ebook' },
    // L6: a webinar sign-up alone: a prospect, not a lead.
    {
      at: '2026-03-14T09:00:00Z',
      sourceId: s1,
      campaign: web,
      createsLead: false,
      events: [ev('touch', '2026-03-14T09:00:00Z', { touchType: 'webinar_registered' }, { campaign: web })],
    },
    // L7: a February MQL, at the webinar in March, disqualified in March (spam).
    {
      at: '2026-02-20T09:00:00Z',
      sourceId: s1,
      campaign: web,
      icp: false,
      events: [
        ev('mql', '2026-02-20T09:00:00Z', {}, V),
        ev('assigned', '2026-02-20T09:00:00Z', { memberId: anna }),
        ev('attempt', '2026-02-21T09:00:00Z', { channel: 'phone', outcome: 'no_answer' }),
        ev('touch', '2026-03-11T10:00:00Z', { touchType: 'webinar_attended' }, { campaign: web }),
        ev('rejected', '2026-03-15T10:00:00Z', {
          reasons: ['spam'],
          criteria: [],
          destination: 'disqualified',
        }),
      ],
    },
    // L8: partner lead, Anna; touched after 24 h (8 business hours); cold SQL, opportunity, lost on price.
    {
      at: '2026-03-16T08:00:00Z',
      sourceId: s2,
      icp: false,
      events: [
        ev('mql', '2026-03-16T08:00:00Z', {}, V),
        ev('assigned', '2026-03-16T08:00:00Z', { memberId: anna }),
        ev('attempt', '2026-03-17T08:00:00Z', { channel: 'phone', outcome: 'connected' }),
        ev('accepted', '2026-03-17T09:00:00Z'),
        ev('qualified', '2026-03-18T10:00:00Z', {
          sql: true,
          salesTemperature: 'cold',
          answers: {},
          failed: [],
        }),
        ev('opportunity', '2026-03-19T10:00:00Z', {}),
        ev('lost', '2026-03-28T10:00:00Z', { reason: 'price' }),
      ],
    },
    // L9: webinar lead, ICP, Bartek; touched after 0.5 h; hot SQL, opportunity in March, won in April.
    {
      at: '2026-03-20T15:00:00Z',
      sourceId: s1,
      campaign: web,
      icp: true,
      events: [
        ev('mql', '2026-03-20T15:00:00Z', {}, V),
        ev('assigned', '2026-03-20T15:00:00Z', { memberId: bartek }),
        ev('attempt', '2026-03-20T15:30:00Z', { channel: 'phone', outcome: 'connected' }),
        ev('accepted', '2026-03-21T09:00:00Z'),
        ev('qualified', '2026-03-25T10:00:00Z', {
          sql: true,
          salesTemperature: 'hot',
          answers: {},
          failed: [],
        }),
        ev('opportunity', '2026-03-30T10:00:00Z', {}),
        ev('won', '2026-04-05T10:00:00Z', { amount: 10000, currency: 'EUR' }),
      ],
    },
    // L10: arrived Sunday 01:30 local, touched Monday 09:00 (31.5 h, 0 business hours); won 3,000 USD.
    {
      at: '2026-03-01T00:30:00Z',
      sourceId: s2,
      icp: false,
      events: [
        ev('mql', '2026-03-01T00:30:00Z', {}, V),
        ev('assigned', '2026-03-01T00:30:00Z', { memberId: anna }),
        ev('attempt', '2026-03-02T08:00:00Z', { channel: 'phone', outcome: 'connected' }),
        ev('accepted', '2026-03-02T09:00:00Z'),
        ev('qualified', '2026-03-03T10:00:00Z', { sql: true, answers: {}, failed: [] }),
        ev('opportunity', '2026-03-20T10:00:00Z', {}),
        ev('won', '2026-03-27T10:00:00Z', { amount: 3000, currency: 'USD' }),
      ],
    },
    // L11: 00:30 local on 1 March (still 28 February in UTC): a March lead.
    { at: '2026-02-28T23:30:00Z', sourceId: s1 },
    // L12: 00:30 local on 1 April (31 March in UTC): not March.
    { at: '2026-03-31T22:30:00Z', sourceId: s1 },
    // L13: webinar lead, ICP, Bartek; arrived Saturday, touched Monday 10:00 (47 h, 1 business hour); nurtured (timing).
    {
      at: '2026-03-21T10:00:00Z',
      sourceId: s1,
      campaign: web,
      icp: true,
      events: [
        ev('mql', '2026-03-21T10:00:00Z', {}, V),
        ev('assigned', '2026-03-21T10:00:00Z', { memberId: bartek }),
        ev('attempt', '2026-03-23T09:00:00Z', { channel: 'email', outcome: 'connected' }),
        ev('nurtured', '2026-03-24T10:00:00Z', { reason: 'timing' }),
      ],
    },
    // L14: imported from the old sheet: a lead since 2025, won 7,000 EUR on 12 March (so also MQL, SAL, SQL, opportunity then).
    {
      at: '2025-06-01T10:00:00Z',
      events: [
        ev('imported', '2026-03-12T10:00:00Z', {
          stage: 'won',
          stageAt: '2026-03-12T10:00:00Z',
          amount: 7000,
          currency: 'EUR',
          outcome: 'created',
        }),
      ],
    },
    // L15: e-book lead, ICP, Bartek; touched after 0.25 h; hot SQL, still being worked.
    {
      at: '2026-03-24T09:00:00Z',
      sourceId: s2,
      campaign: 'ebook',
      icp: true,
      events: [
        ev('mql', '2026-03-24T09:00:00Z', {}, V),
        ev('assigned', '2026-03-24T09:00:00Z', { memberId: bartek }),
        ev('attempt', '2026-03-24T09:15:00Z', { channel: 'phone', outcome: 'connected' }),
        ev('accepted', '2026-03-24T10:00:00Z'),
        ev('qualified', '2026-03-26T10:00:00Z', {
          sql: true,
          salesTemperature: 'hot',
          answers: {},
          failed: [],
        }),
      ],
    },
  ]);
  const ids = Object.fromEntries(names.map((name, i) => [name, created[i] ?? '']));
  await seedDeadlines(ws.id, [
    { leadId: ids.L1 ?? '', kind: 'first_touch', status: 'met', dueAt: '2026-03-02T10:00:00Z' },
    { leadId: ids.L2 ?? '', kind: 'first_touch', status: 'met_late', dueAt: '2026-03-03T14:00:00Z' },
    { leadId: ids.L4 ?? '', kind: 'first_touch', status: 'breached', dueAt: '2026-03-10T13:00:00Z' },
    { leadId: ids.L15 ?? '', kind: 'first_touch', status: 'due_soon', dueAt: '2026-03-31T12:00:00Z' },
    { leadId: ids.L8 ?? '', kind: 'decision', status: 'met', dueAt: '2026-03-20T08:00:00Z' },
    // Due in April: another report's.
    { leadId: ids.L9 ?? '', kind: 'decision', status: 'pending', dueAt: '2026-04-03T08:00:00Z' },
    // An erased lead's clock counts neither way.
    { leadId: ids.L2 ?? '', kind: 'attempts', status: 'cancelled', dueAt: '2026-03-10T08:00:00Z' },
  ]);
  const campaign = await call('POST', '/v1/campaigns', {
    token: ws.tokens.marketing,
    json: { name: 'Q1 webinar', key: web, channel: 'webinar', startsOn: '2026-03-01', endsOn: '2026-03-31' },
  });
  expect(campaign.status, await campaign.clone().text()).toBe(201);
  return { ws, ids, s1, s2, anna, bartek };
}

async function getReport(ws: TestWorkspace, query: string): Promise<Report> {
  const res = await call('GET', `/v1/reports?${query}`, { token: ws.tokens.viewer });
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get('content-type')).toContain('application/json');
  return (await res.json()) as Report;
}

const MARCH = 'from=2026-03-01&to=2026-03-31';

let seeded: Seeded;
let march: Report;

beforeAll(async () => {
  seeded = await seedMarch();
  march = await getReport(seeded.ws, MARCH);
});

describe('GET /v1/reports: every metric on a ledger with a known answer', () => {
  it('should cover the local dates asked for, in the workspace time zone, with revenue in the main currency', () => {
    expect(march).toMatchObject({
      from: '2026-03-01',
      to: '2026-03-31',
      timezone: 'Europe/Warsaw',
      groupBy: null,
    });
    // EUR carries the most won revenue (no goal currency in the starter agreement).
    expect(march.currency).toBe('EUR');
    expect(march.groups).toEqual([]);
  });

  it('should count leads that became leads in the local month (L1–L5, L8–L11, L13, L15)', () => {
    // Not L6 (a prospect), L7 (February), L12 (1 April local), L14 (a lead since 2025).
    expect(march.totals.leads).toBe(11);
  });

  it('should count MQLs, those matching the ICP, and those handed to sales', () => {
    // L1 L2 L3 L4 L8 L9 L10 L13 L15, and the imported L14.
    expect(march.totals.mqls).toBe(10);
    // L1 L2 L4 L9 L13 L15.
    expect(march.totals.mqlsMatchingIcp).toBe(6);
    // Every live MQL has an owner; the imported L14 has none.
    expect(march.totals.handedToSales).toBe(9);
  });

  it('should count accepted, in progress, hot, SQLs, opportunities and won', () => {
    expect(march.totals.accepted).toBe(7); // L1 L3 L8 L9 L10 L15 + L14
    expect(march.totals.inProgress).toBe(2); // L4 (untouched MQL), L15 (SQL)
    expect(march.totals.hotLeads).toBe(3); // L1 L9 L15
    expect(march.totals.sqls).toBe(7); // L1 L3 L8 L9 L10 L15 + L14
    expect(march.totals.opportunities).toBe(5); // L1 L8 L9 L10 + L14
    expect(march.totals.won).toBe(4); // L1 L3 L10 L14 (L9 won in April)
  });

  it('should add won revenue in the report currency and keep other currencies apart', () => {
    // L1 20,000 EUR + L3 5,000 (no currency) + L14 7,000 EUR; L10's 3,000 USD apart.
    expect(march.totals.wonRevenue).toBe(32000);
    expect(march.otherCurrencies).toEqual([{ currency: 'USD', won: 1, revenue: 3000 }]);
  });

  it('should count as marketing-sourced only revenue of leads whose first source is a marketing source', () => {
    // L1 (Webinar form, marketing); L3 came from the partner form, L14 from no source.
    expect(march.totals.marketingSourcedRevenue).toBe(20000);
  });

  it('should list nurture, disqualified and lost leads by reason, and every rejection reason', () => {
    expect(march.totals.nurture).toEqual({ leads: 2, reasons: { no_budget: 1, timing: 1 } });
    expect(march.totals.disqualified).toEqual({ leads: 1, reasons: { spam: 1 } });
    expect(march.totals.lost).toEqual({ leads: 1, reasons: { price: 1 } });
    expect(march.totals.rejectionReasons).toEqual({ no_budget: 1, spam: 1 });
  });

  it('should give the conversion between stages', () => {
    expect(march.totals.conversion).toEqual({
      lead_mql: 0.9091, // 10 / 11
      mql_sal: 0.7, // 7 / 10
      mql_sql: 0.7, // 7 / 10
      sql_opportunity: 0.7143, // 5 / 7
      opportunity_won: 0.8, // 4 / 5
    });
  });

  it('should give time to first touch, median and 90th percentile, wall-clock and in business hours', () => {
    // Wall clock: 0.25 0.5 1 1.5 24 24 31.5 47; business: 0 0.25 0.5 1 1 1.5 8 8 (L4 untouched).
    expect(march.totals.timeToFirstTouch).toEqual({
      touched: 8,
      untouched: 1,
      wallClockHours: { median: 12.75, p90: 36.15 },
      businessHours: { median: 1, p90: 8 },
    });
  });

  it('should give SLA compliance per deadline kind for deadlines due in the range', () => {
    expect(march.totals.sla).toEqual({
      first_touch: { met: 1, metLate: 1, breached: 1, open: 1, compliance: 0.3333 },
      attempts: { met: 0, metLate: 0, breached: 0, open: 0, compliance: null },
      decision: { met: 1, metLate: 0, breached: 0, open: 0, compliance: 1 },
    });
  });

  it('should give each campaign the whole funnel of the people it touched, named from its record', () => {
    expect(march.campaigns).toEqual([
      // L1 L2 L4 L6 L7 L9 L13; L6 only a prospect; won: L1 (March) and L9 (April): what became of them.
      {
        campaign: 'webinar-q1',
        campaignId: expect.stringMatching(/^cmp_/),
        name: 'Q1 webinar',
        channel: 'webinar',
        touched: 7,
        leads: 6,
        mqls: 6,
        sqls: 2,
        opportunities: 2,
        won: 2,
        revenue: 30000,
      },
      // L5 L15 and L1 (downloaded the e-book).
      {
        campaign: 'ebook',
        campaignId: null,
        name: null,
        channel: null,
        touched: 3,
        leads: 3,
        mqls: 2,
        sqls: 2,
        opportunities: 1,
        won: 1,
        revenue: 20000,
      },
    ]);
  });

  it('should give account coverage: ICP accounts touched by at least three different marketing actions', () => {
    // acme.com: webinar-q1, ebook, pricing_view, page_view; beta.io: webinar-q1, page_view; gamma.pl is not ICP.
    expect(march.accountCoverage).toEqual({ minActions: 3, icpAccounts: 2, covered: 1, share: 0.5 });
  });

  it('should default to the current local month', async () => {
    // 22:30 UTC on 31 March is already 00:30 on 1 April in Warsaw: the local month is April.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-31T22:30:00Z'));
    const report = await getReport(seeded.ws, '').finally(() => vi.useRealTimers());
    expect(report.from).toBe('2026-04-01');
    expect(report.to).toBe('2026-04-30');
  });
});

function byKey(report: Report): Record<string, ReportMetrics & { label: string }> {
  return Object.fromEntries(report.groups.map((g) => [g.key ?? '(none)', g]));
}

describe('GET /v1/reports?groupBy=…', () => {
  it('should split by the lead’s first source, named, and add up to the totals', async () => {
    const report = await getReport(seeded.ws, `${MARCH}&groupBy=source`);
    const groups = byKey(report);
    expect(groups[seeded.s1]).toMatchObject({
      label: 'Webinar form',
      leads: 7,
      mqls: 5,
      marketingSourcedRevenue: 20000,
    });
    expect(groups[seeded.s2]).toMatchObject({ label: 'Partner form', leads: 4, mqls: 4, wonRevenue: 5000 });
    expect(groups['(none)']).toMatchObject({
      label: '(no source)',
      leads: 0,
      mqls: 1,
      won: 1,
      wonRevenue: 7000,
    });
    for (const metric of ['leads', 'mqls', 'sqls', 'won', 'wonRevenue', 'hotLeads', 'inProgress'] as const) {
      expect(
        report.groups.reduce((n, g) => n + g[metric], 0),
        metric,
      ).toBe(report.totals[metric]);
    }
  });

  it('should split by campaign, named from the campaign record', async () => {
    const groups = byKey(await getReport(seeded.ws, `${MARCH}&groupBy=campaign`));
    expect(groups['webinar-q1']).toMatchObject({
      label: 'Q1 webinar',
      leads: 5,
      mqls: 5,
      disqualified: { leads: 1 },
    });
    expect(groups.ebook).toMatchObject({ label: 'ebook', leads: 2, mqls: 1, hotLeads: 1 });
    expect(groups['(none)']).toMatchObject({ label: '(no campaign)', leads: 4, mqls: 4 });
  });

  it('should split by current owner, with first-touch times per owner', async () => {
    const groups = byKey(await getReport(seeded.ws, `${MARCH}&groupBy=owner`));
    // Anna: L1 L3 L8 L10 (and L7's disqualification); Bartek: L2 L4 L9 L13 L15.
    expect(groups[seeded.anna]).toMatchObject({
      label: 'Anna',
      leads: 4,
      mqls: 4,
      won: 3,
      wonRevenue: 25000,
    });
    expect(groups[seeded.anna]?.timeToFirstTouch).toEqual({
      touched: 4,
      untouched: 0,
      wallClockHours: { median: 12.75, p90: 29.25 },
      businessHours: { median: 1.25, p90: 6.05 },
    });
    expect(groups[seeded.bartek]).toMatchObject({
      label: 'Bartek',
      leads: 5,
      mqls: 5,
      hotLeads: 2,
      inProgress: 2,
    });
    expect(groups['(none)']).toMatchObject({ label: '(unassigned)', leads: 2, mqls: 1 });
  });

  it('should split by local month, every month of the range even when empty', async () => {
    const report = await getReport(seeded.ws, 'from=2026-01-01&to=2026-03-31&groupBy=month');
    expect(report.groups.map((g) => [g.key, g.leads, g.mqls])).toEqual([
      ['2026-01', 0, 0],
      ['2026-02', 1, 1], // L7 (L11 is March in Warsaw)
      ['2026-03', 11, 10],
    ]);
    // L7: Friday 10:00 local to Saturday 10:00: 24 h, 7 business hours.
    expect(report.groups[1]?.timeToFirstTouch.wallClockHours).toEqual({ median: 24, p90: 24 });
    expect(report.groups[1]?.timeToFirstTouch.businessHours).toEqual({ median: 7, p90: 7 });
    expect(report.totals.leads).toBe(12);
  });
});

describe('GET /v1/reports as CSV', () => {
  const lines = async (res: Response) => (await res.text()).split('\r\n').filter((l) => l !== '');

  it('should answer CSV for Accept: text/csv, one row per group and a Total row', async () => {
    const res = await call('GET', `/v1/reports?${MARCH}&groupBy=source`, {
      token: seeded.ws.tokens.sales,
      headers: { accept: 'text/csv' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="leadpact-report-2026-03-01-2026-03-31-by-source-groups.csv"',
    );
    const [header, ...rows] = await lines(res);
    const columns = header?.split(',') ?? [];
    expect(columns.slice(0, 6)).toEqual([
      'group',
      'key',
      'leads',
      'mqls',
      'mqls_matching_icp',
      'handed_to_sales',
    ]);
    expect(columns).toContain('sla_first_touch_compliance');
    const total = rows.at(-1)?.split(',') ?? [];
    const cell = (name: string) => total[columns.indexOf(name)];
    expect(total[0]).toBe('"Total"');
    expect(cell('leads')).toBe('11');
    expect(cell('won_revenue')).toBe('32000');
    expect(cell('conversion_lead_mql')).toBe('0.9091');
    expect(cell('first_touch_median_hours')).toBe('12.75');
    expect(cell('sla_first_touch_compliance')).toBe('0.3333');
    expect(cell('sla_attempts_compliance')).toBe('');
    expect(rows.map((r) => r.split(',')[0])).toEqual([
      '"Webinar form"',
      '"Partner form"',
      '"(no source)"',
      '"Total"',
    ]);
  });

  it('should render the campaign and reason tables with format=csv', async () => {
    const campaigns = await call('GET', `/v1/reports?${MARCH}&format=csv&table=campaigns`, {
      token: seeded.ws.tokens.viewer,
    });
    expect(await lines(campaigns)).toEqual([
      'campaign,name,channel,touched,leads,mqls,sqls,opportunities,won,revenue',
      '"webinar-q1","Q1 webinar","webinar",7,6,6,2,2,2,30000',
      '"ebook",,,3,3,2,2,1,1,20000',
    ]);
    const reasons = await call('GET', `/v1/reports?${MARCH}&format=csv&table=reasons`, {
      token: seeded.ws.tokens.viewer,
    });
    expect(await lines(reasons)).toEqual([
      'group,kind,reason,leads',
      '"Total","nurture","no_budget",1',
      '"Total","nurture","timing",1',
      '"Total","disqualified","spam",1',
      '"Total","lost","price",1',
      '"Total","rejected","no_budget",1',
      '"Total","rejected","spam",1',
    ]);
  });

  it('should prefer format=json over an Accept header asking for CSV', async () => {
    const res = await call('GET', `/v1/reports?${MARCH}&format=json`, {
      token: seeded.ws.tokens.viewer,
      headers: { accept: 'text/csv' },
    });
    expect(res.headers.get('content-type')).toContain('application/json');
  });

  it('should quote commas and keep a name that looks like a formula as text', async () => {
    const ws = await createTestWorkspace();
    const source = await createSource(ws, '=HYPERLINK("http://x.test","Ads, paid")', 'marketing');
    await seedLeads(ws.id, [{ at: '2026-03-10T10:00:00Z', sourceId: source }]);
    const res = await call('GET', `/v1/reports?${MARCH}&groupBy=source&format=csv`, {
      token: ws.tokens.viewer,
    });
    const [, row] = await lines(res);
    expect(row?.startsWith(`"'=HYPERLINK(""http://x.test"",""Ads, paid"")","${source}",1,`)).toBe(true);
  });
  it('should keep a campaign named x;=cmd|… in one quoted, inert cell in every dialect', async () => {
    const ws = await createTestWorkspace({ language: 'pl' });
    const attack = "x;=cmd|' /C calc'!A0";
    const created = await call('POST', '/v1/campaigns', {
      token: ws.tokens.marketing,
      json: { name: attack, key: 'calc', channel: 'webinar', startsOn: '2026-03-01', endsOn: '2026-03-31' },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const source = await createSource(ws, '=1+1;@SUM(A1)', 'marketing');
    await seedLeads(ws.id, [{ at: '2026-03-10T10:00:00Z', sourceId: source, campaign: 'calc' }]);
    for (const dialect of ['', '&dialect=excel']) {
      const campaigns = await call('GET', `/v1/reports?${MARCH}&format=csv&table=campaigns${dialect}`, {
        token: ws.tokens.viewer,
      });
      const [, row] = await lines(campaigns);
      // Outside quotes nothing is left to split: the name is one cell that starts with x.
      expect(
        row
          ?.replace(/^\uFEFF/, '')
          .match(/"(?:[^"]|"")*"|[^;,]+/g)
          ?.slice(0, 3),
      ).toEqual(['"calc"', `"${attack}"`, '"webinar"']);
      const groups = await call('GET', `/v1/reports?${MARCH}&groupBy=source&format=csv${dialect}`, {
        token: ws.tokens.viewer,
      });
      const [, first] = await lines(groups);
      expect(first?.replace(/^\uFEFF/, '').match(/"(?:[^"]|"")*"|[^;,]+/g)?.[0]).toBe(`"'=1+1;@SUM(A1)"`);
    }
  });

  it('should answer the Excel dialect for a Polish team: BOM, ; and decimal commas, letters intact', async () => {
    const ws = await createTestWorkspace({ language: 'pl' });
    const source = await createSource(ws, 'Formularz żółć', 'marketing');
    await seedLeads(ws.id, [
      { at: '2026-03-10T10:00:00Z', sourceId: source },
      { at: '2026-03-11T10:00:00Z', sourceId: source },
      { at: '2026-03-12T10:00:00Z', sourceId: source },
    ]);
    const res = await call('GET', `/v1/reports?${MARCH}&groupBy=source&format=csv&dialect=excel`, {
      token: ws.tokens.viewer,
    });
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    const [header, row] = text.slice(1).split('\r\n');
    const columns = header?.split(';') ?? [];
    // A person opens it: the headers are the catalogue's Polish words, quoted as text.
    expect(columns.slice(0, 3)).toEqual(['"Grupa"', '"Klucz"', '"Leady"']);
    const cells = row?.split(';') ?? [];
    expect(cells[0]).toBe('"Formularz żółć"');
    expect(cells[columns.indexOf('"Leady"')]).toBe('3');
    const bad = await call('GET', `/v1/reports?${MARCH}&format=csv&dialect=lotus`, {
      token: ws.tokens.viewer,
    });
    expect(((await expectProblem(bad, 422)).errors as Array<{ path: string }>).map((e) => e.path)).toContain(
      'query.dialect',
    );
  });
});

describe('GET /v1/reports: CSV headers for people and for machines', () => {
  const lines = async (res: Response) => (await res.text()).split('\r\n').filter((l) => l !== '');
  /** Cells of a CSV line, split as a spreadsheet would: outside quotes, on the separator. */
  const cellsOf = (line: string | undefined, separator: string): string[] =>
    (line ?? '').replace(/^\uFEFF/, '').match(new RegExp(`"(?:[^"]|"")*"|[^${separator}]+`, 'g')) ?? [];

  it('should keep the English column keys in the machine dialect whatever the language', async () => {
    const ws = await createTestWorkspace({ language: 'ru' });
    const source = await createSource(ws, 'Вебинар', 'marketing');
    await seedLeads(ws.id, [{ at: '2026-03-10T10:00:00Z', sourceId: source }]);
    for (const headers of [{}, { 'accept-language': 'pl' }] as Record<string, string>[]) {
      const groups = await lines(
        await call('GET', `/v1/reports?${MARCH}&groupBy=source&format=csv`, {
          token: ws.tokens.viewer,
          headers,
        }),
      );
      expect(cellsOf(groups[0], ',').slice(0, 3)).toEqual(['group', 'key', 'leads']);
      expect(cellsOf(groups[0], ',')).toContain('sla_decision_met_late');
      expect(cellsOf(groups.at(-1), ',')[0]).toBe('"Total"');
      const reasons = await lines(
        await call('GET', `/v1/reports?${MARCH}&format=csv&table=reasons`, {
          token: ws.tokens.viewer,
          headers,
        }),
      );
      expect(reasons[0]).toBe('group,kind,reason,leads');
    }
  });

  it('should write Excel headers and the Total row in the reader’s language', async () => {
    const ws = await createTestWorkspace({ language: 'pl' });
    const source = await createSource(ws, 'Formularz', 'marketing');
    await seedLeads(ws.id, [{ at: '2026-03-10T10:00:00Z', sourceId: source }]);
    const excel = async (table: string, headers: Record<string, string> = {}) =>
      lines(
        await call('GET', `/v1/reports?${MARCH}&groupBy=source&format=csv&dialect=excel&table=${table}`, {
          token: ws.tokens.viewer,
          headers,
        }),
      );
    const groups = await excel('groups');
    const polish = cellsOf(groups[0], ';');
    expect(polish).toContain('"Konwersja lead → MQL"');
    expect(polish).toContain('"SLA pierwszy kontakt: dotrzymane po terminie"');
    expect(cellsOf(groups.at(-1), ';')[0]).toBe('"Razem"');
    // As many headers as the machine dialect has keys, and no key left untranslated.
    const keys = cellsOf(
      (
        await lines(
          await call('GET', `/v1/reports?${MARCH}&groupBy=source&format=csv`, { token: ws.tokens.viewer }),
        )
      )[0],
      ',',
    );
    expect(polish).toHaveLength(keys.length);
    expect(polish.filter((h) => keys.includes(h.slice(1, -1)))).toEqual([]);
    expect(new Set(polish).size).toBe(polish.length);
    // A reader who asks for Romanian gets Romanian words (the file still in Excel's ; dialect for ro).
    const romanian = await excel('campaigns', { 'accept-language': 'ro' });
    expect(cellsOf(romanian[0], ';').slice(0, 4)).toEqual([
      '"Campanie"',
      '"Nume"',
      '"Canal"',
      '"Persoane atinse"',
    ]);
    // English Excel uses commas, so a header with a comma stays one quoted cell.
    const english = cellsOf((await excel('groups', { 'accept-language': 'en' }))[0], ',');
    expect(english).toContain('"Time to first touch, median (business hours)"');
    expect(english).toHaveLength(keys.length);
  });
});

describe('GET /v1/reports: validation, roles, isolation', () => {
  it('should name the fields at fault', async () => {
    const cases: Array<[string, string]> = [
      ['from=2026-03-01', 'query.to'],
      ['from=2026-13-01&to=2026-12-31', 'query.from'],
      ['from=2026-03-10&to=2026-03-01', 'query.to'],
      ['from=2024-01-01&to=2026-03-01', 'query.to'],
      [`${MARCH}&groupBy=country`, 'query.groupBy'],
      [`${MARCH}&format=xlsx`, 'query.format'],
    ];
    for (const [query, path] of cases) {
      const problem = await expectProblem(
        await call('GET', `/v1/reports?${query}`, { token: seeded.ws.tokens.viewer }),
        422,
      );
      expect(
        (problem.errors as Array<{ path: string }>).map((e) => e.path),
        query,
      ).toContain(path);
    }
  });

  it.each([
    ['admin', 200],
    ['manager', 200],
    ['marketing', 200],
    ['sales', 200],
    ['viewer', 200],
    ['intake', 403],
  ] as const)('should answer %s with %i', async (role, status) => {
    const res = await call('GET', `/v1/reports?${MARCH}`, { token: seeded.ws.tokens[role] });
    if (status === 200) expect(res.status).toBe(200);
    else await expectProblem(res, status);
  });

  it('should refuse without a token', async () => {
    await expectProblem(await call('GET', `/v1/reports?${MARCH}`), 401);
  });

  it('should never count another workspace’s ledger', async () => {
    const other = await createTestWorkspace({ timezone: 'Europe/Warsaw' });
    const report = await getReport(other, MARCH);
    expect(report.totals.leads).toBe(0);
    expect(report.totals.mqls).toBe(0);
    expect(report.campaigns).toEqual([]);
    expect(report.totals.sla.first_touch.met).toBe(0);
    // And the seeded workspace still sees its own.
    expect((await getReport(seeded.ws, MARCH)).totals.leads).toBe(11);
  });
});
