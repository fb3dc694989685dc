import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../worker/domain/reports/metrics';
import { call } from './harness';
import { actOk, createMql, type LeadWorkspace, signStarterAgreement } from './lead-fixtures';

/**
 * The report over leads that went through the real paths: intake under the
 * signed starter agreement (judged, MQL, routed, SLA deadlines) and the sales
 * actions. The payloads are whatever those writers store, so this checks the
 * report reads them as they are. Every event happens now, so the report spans
 * the week before and the month after today.
 */

function localDate(offsetDays: number): string {
  const t = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(t);
}

const ALL_MET = { reached: true, need: true, decision_maker: true, timeframe: true, acceptable_deal: true };

let ws: LeadWorkspace;
let report: Report;

beforeAll(async () => {
  ws = await signStarterAgreement();
  const rep = ws.signers.sales.token;
  // A: webinar; touched, accepted, hot SQL, opportunity in EUR, won 20,000.
  const a = await createMql(ws, { campaign: 'webinar-q1' });
  await actOk(rep, a.leadId, { type: 'attempt', channel: 'phone', outcome: 'connected' });
  await actOk(rep, a.leadId, { type: 'accept' });
  await actOk(rep, a.leadId, { type: 'qualify', answers: ALL_MET, buyingHorizonMonths: 3 });
  await actOk(rep, a.leadId, { type: 'opportunity', amount: 18_000, currency: 'EUR' });
  await actOk(rep, a.leadId, { type: 'won', amount: 20_000 });
  // B: webinar; one attempt, then rejected as spam (a hard disqualifier).
  const b = await createMql(ws, { campaign: 'webinar-q1' });
  await actOk(rep, b.leadId, { type: 'attempt', channel: 'phone', outcome: 'no_answer' });
  await actOk(rep, b.leadId, { type: 'reject', reasons: ['spam'] });
  // C: SQL, opportunity, lost to a competitor.
  const c = await createMql(ws);
  await actOk(rep, c.leadId, { type: 'attempt', channel: 'email', outcome: 'connected' });
  await actOk(rep, c.leadId, { type: 'accept' });
  await actOk(rep, c.leadId, { type: 'qualify', answers: ALL_MET });
  await actOk(rep, c.leadId, { type: 'opportunity' });
  await actOk(rep, c.leadId, { type: 'lost', reason: 'chose_competitor' });
  // D: SQL sent back to nurture (no timeframe yet).
  const d = await createMql(ws);
  await actOk(rep, d.leadId, { type: 'attempt', channel: 'phone', outcome: 'connected' });
  await actOk(rep, d.leadId, { type: 'accept' });
  await actOk(rep, d.leadId, { type: 'qualify', answers: ALL_MET });
  await actOk(rep, d.leadId, { type: 'nurture', reason: 'no_timeframe' });
  // E: an MQL nobody has touched.
  await createMql(ws);
  // F: a lead without a phone: not an MQL under the starter rule.
  const f = await call('POST', `/v1/intake/${ws.sourceId}`, {
    token: ws.tokens.intake,
    json: { email: 'no.phone@factory.example', consent: true, company: 'Factory' },
  });
  expect(((await f.json()) as { stage: string }).stage).toBe('lead');

  const res = await call('GET', `/v1/reports?from=${localDate(-7)}&to=${localDate(30)}`, {
    token: ws.tokens.viewer,
  });
  expect(res.status, await res.clone().text()).toBe(200);
  report = (await res.json()) as Report;
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
    expect(t).toMatchObject({ touched: 4, untouched: 1 });
    expect(t.wallClockHours.median).toBeGreaterThanOrEqual(0);
    expect(t.wallClockHours.p90).toBeLessThan(1);
    expect(t.businessHours.p90).toBeLessThan(1);
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
