import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Report } from '../../worker/domain/reports/metrics';
import { call, WAIT_FOR_LEAD } from './harness';
import { actOk, createMql, type LeadWorkspace, signStarterAgreement } from './lead-fixtures';

/**
 * The report over leads that went through the real paths: intake under the
 * signed starter agreement (judged, MQL, routed, SLA deadlines) and the sales
 * actions. The payloads are whatever those writers store, so this checks the
 * report reads them as they are. The Worker's clock is set: every lead arrives
 * on Monday 23 November 2026 at 10:00 in Warsaw (inside the starter agreement's
 * business hours) and is worked half an hour later.
 */

const HANDED_OVER = new Date('2026-11-23T09:00:00Z');
const WORKED = new Date('2026-11-23T09:30:00Z');

const ALL_MET = { reached: true, need: true, decision_maker: true, timeframe: true, acceptable_deal: true };

let ws: LeadWorkspace;
let report: Report;

beforeAll(async () => {
  ws = await signStarterAgreement();
  const rep = ws.signers.sales.token;
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    vi.setSystemTime(HANDED_OVER);
    // A and B: webinar; C, D, E: no campaign.
    const a = await createMql(ws, { campaign: 'webinar-q1' });
    const b = await createMql(ws, { campaign: 'webinar-q1' });
    const c = await createMql(ws);
    const d = await createMql(ws);
    // E: an MQL nobody has touched.
    await createMql(ws);
    // F: a lead without a phone: not an MQL under the starter rule.
    const f = await call('POST', `/v1/intake/${ws.sourceId}`, {
      token: ws.tokens.intake,
      json: { email: 'no.phone@factory.example', consent: true, company: 'Factory' },
      headers: WAIT_FOR_LEAD,
    });
    expect(((await f.json()) as { stage: string }).stage).toBe('lead');

    vi.setSystemTime(WORKED);
    // A: touched, accepted, hot SQL, opportunity in EUR, won 20,000.
    await actOk(rep, a.leadId, { type: 'attempt', channel: 'phone', outcome: 'connected' });
    await actOk(rep, a.leadId, { type: 'accept' });
    await actOk(rep, a.leadId, { type: 'qualify', answers: ALL_MET, buyingHorizonMonths: 3 });
    await actOk(rep, a.leadId, { type: 'opportunity', amount: 18_000, currency: 'EUR' });
    await actOk(rep, a.leadId, { type: 'won', amount: 20_000 });
    // B: one attempt, then rejected as spam (a hard disqualifier).
    await actOk(rep, b.leadId, { type: 'attempt', channel: 'phone', outcome: 'no_answer' });
    await actOk(rep, b.leadId, { type: 'reject', reasons: ['spam'] });
    // C: SQL, opportunity, lost to a competitor.
    await actOk(rep, c.leadId, { type: 'attempt', channel: 'email', outcome: 'connected' });
    await actOk(rep, c.leadId, { type: 'accept' });
    await actOk(rep, c.leadId, { type: 'qualify', answers: ALL_MET });
    await actOk(rep, c.leadId, { type: 'opportunity' });
    await actOk(rep, c.leadId, { type: 'lost', reason: 'chose_competitor' });
    // D: SQL sent back to nurture (no timeframe yet).
    await actOk(rep, d.leadId, { type: 'attempt', channel: 'phone', outcome: 'connected' });
    await actOk(rep, d.leadId, { type: 'accept' });
    await actOk(rep, d.leadId, { type: 'qualify', answers: ALL_MET });
    await actOk(rep, d.leadId, { type: 'nurture', reason: 'no_timeframe' });

    // November and December: every deadline falls due inside (the last decisions on 7 December).
    const res = await call('GET', '/v1/reports?from=2026-11-01&to=2026-12-31', { token: ws.tokens.viewer });
    expect(res.status, await res.clone().text()).toBe(200);
    report = (await res.json()) as Report;
  } finally {
    vi.useRealTimers();
  }
});

describe('GET /v1/reports over leads worked through the API', () => {
  it('should count every stage as intake and the sales actions recorded it', () => {
    expect(report.totals).toMatchObject({
      leads: 6,
      mqls: 5,
      handedToSales: 5,
      accepted: 3, // A C D
      inProgress: 1, // E
      hotLeads: 1, // A (buying within 3 months)
      sqls: 3, // A C D
      opportunities: 2, // A C
      won: 1,
      wonRevenue: 20_000,
      marketingSourcedRevenue: 20_000, // the contact form is a marketing source
    });
    expect(report.currency).toBe('EUR');
    expect(report.totals.conversion).toEqual({
      lead_mql: 0.8333,
      mql_sal: 0.6,
      mql_sql: 0.6,
      sql_opportunity: 0.6667,
      opportunity_won: 0.5,
    });
  });

  it('should list the reasons sales gave', () => {
    expect(report.totals.nurture).toEqual({ leads: 1, reasons: { no_timeframe: 1 } });
    expect(report.totals.disqualified).toEqual({ leads: 1, reasons: { spam: 1 } });
    expect(report.totals.lost).toEqual({ leads: 1, reasons: { chose_competitor: 1 } });
    expect(report.totals.rejectionReasons).toEqual({ spam: 1 });
  });

  it('should time the first touch of the four MQLs that were tried', () => {
    const t = report.totals.timeToFirstTouch;
    // Each of the four was tried half an hour after it arrived, inside business hours.
    expect(t).toEqual({
      touched: 4,
      untouched: 1,
      wallClockHours: { median: 0.5, p90: 0.5 },
      businessHours: { median: 0.5, p90: 0.5 },
    });
  });

  it('should read the SLA clock’s deadlines: first touch met for the four, open for the untouched one', () => {
    expect(report.totals.sla.first_touch).toEqual({
      met: 4,
      metLate: 0,
      breached: 0,
      open: 1,
      compliance: 1,
    });
    // Decisions: A C D qualified, B rejected; E still open.
    expect(report.totals.sla.decision).toEqual({ met: 4, metLate: 0, breached: 0, open: 1, compliance: 1 });
  });

  it('should follow the webinar’s people to the won deal', () => {
    expect(report.campaigns).toEqual([
      expect.objectContaining({
        campaign: 'webinar-q1',
        touched: 2,
        leads: 2,
        mqls: 2,
        sqls: 1,
        opportunities: 1,
        won: 1,
        revenue: 20_000,
      }),
    ]);
  });
});
