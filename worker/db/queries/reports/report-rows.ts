import { and, eq, inArray } from 'drizzle-orm';
import type { Agreement } from '../../../domain/agreement/schema';
import type { BusinessCalendar } from '../../../domain/business-time';
import type {
  CampaignRow,
  FirstTouchRow,
  ReasonKind,
  ReasonRow,
  SlaOutcome,
  SlaRow,
  StageMetric,
  StageRow,
} from '../../../domain/reports/metrics';
import type { ReportGroup } from '../../../domain/reports/query';
import type { LeadDeadlineKind } from '../../../domain/sla/constants';
import type { Database } from '../../client';
import { campaigns, members, sources } from '../../schema';
import { chunks } from '../../scope';
import { getAgreementContent } from '../agreement';
import {
  campaignQuery,
  coverageQuery,
  currencyQuery,
  firstTouchQuery,
  type ReportScope,
  reasonQuery,
  slaQuery,
  stageQuery,
} from './report-sql';
export type Raw = Record<string, unknown>;
export const n = (v: unknown) => (typeof v === 'number' ? v : Number(v ?? 0));
const s = (v: unknown) => (v === null || v === undefined ? null : String(v));

export async function stageRows(db: Database, scope: ReportScope): Promise<StageRow[]> {
  const rows = await db.all<Raw>(stageQuery(scope));
  return rows.map((r) => ({
    key: s(r.key),
    metric: String(r.metric) as StageMetric,
    leads: n(r.leads),
    icpMatch: n(r.icpMatch),
    owned: n(r.owned),
    open: n(r.open),
    revenue: n(r.revenue),
    marketingRevenue: n(r.marketingRevenue),
  }));
}

export async function reasonRows(db: Database, scope: ReportScope): Promise<ReasonRow[]> {
  const rows = await db.all<Raw>(reasonQuery(scope));
  return rows.map((r) => ({
    key: s(r.key),
    kind: String(r.kind) as ReasonKind,
    reason: String(r.reason),
    leads: n(r.leads),
  }));
}

export async function firstTouchRows(db: Database, scope: ReportScope): Promise<FirstTouchRow[]> {
  const rows = await db.all<Raw>(firstTouchQuery(scope));
  return rows.map((r) => {
    const mqlAt = String(r.mqlAt);
    const submittedAt = s(r.submittedAt);
    // The clock starts at the submission, or at the MQL when that came later.
    const startedAt = submittedAt && submittedAt > mqlAt ? submittedAt : mqlAt;
    return {
      key: s(r.key),
      startedAt,
      firstTouchAt: s(r.firstTouchAt),
      agreementVersion: r.agreementVersion === null ? null : n(r.agreementVersion),
    };
  });
}

export async function campaignRows(db: Database, scope: ReportScope): Promise<CampaignRow[]> {
  const rows = await db.all<Raw>(campaignQuery(scope));
  return rows.map((r) => ({
    campaign: String(r.campaign),
    touched: n(r.touched),
    leads: n(r.leads),
    mqls: n(r.mqls),
    sqls: n(r.sqls),
    opportunities: n(r.opportunities),
    won: n(r.won),
    revenue: n(r.revenue),
  }));
}

export async function currencyRows(db: Database, scope: Omit<ReportScope, 'currency'>) {
  const rows = await db.all<Raw>(currencyQuery(scope));
  return rows.map((r) => ({ currency: s(r.currency), won: n(r.won), revenue: n(r.revenue) }));
}

export async function slaRows(db: Database, scope: ReportScope): Promise<SlaRow[]> {
  const rows = await db.all<Raw>(slaQuery(scope));
  return rows.map((r) => ({
    key: s(r.key),
    kind: String(r.kind) as LeadDeadlineKind,
    outcome: String(r.outcome) as SlaOutcome,
    deadlines: n(r.deadlines),
  }));
}

export async function labelsFor(db: Database, workspaceId: string, groupBy: ReportGroup | null) {
  const labels = new Map<string, string>();
  if (groupBy === 'source') {
    const rows = await db
      .select({ id: sources.id, name: sources.name })
      .from(sources)
      .where(eq(sources.workspaceId, workspaceId))
      .all();
    for (const r of rows) labels.set(r.id, r.name);
  } else if (groupBy === 'owner') {
    const rows = await db
      .select({ id: members.id, name: members.name })
      .from(members)
      .where(eq(members.workspaceId, workspaceId))
      .all();
    for (const r of rows) labels.set(r.id, r.name);
  }
  return labels;
}

export async function campaignRecords(db: Database, workspaceId: string, keys: readonly string[]) {
  const out = new Map<string, { id: string; name: string; channel: string }>();
  for (const chunk of chunks(keys)) {
    const rows = await db
      .select({ id: campaigns.id, key: campaigns.key, name: campaigns.name, channel: campaigns.channel })
      .from(campaigns)
      .where(and(eq(campaigns.workspaceId, workspaceId), inArray(campaigns.key, chunk)))
      .all();
    for (const r of rows) out.set(r.key, { id: r.id, name: r.name, channel: r.channel });
  }
  return out;
}

/** The business calendar of each agreement version leads' clocks started under, read once per version. */
export async function calendarsFor(
  db: Database,
  workspaceId: string,
  versions: ReadonlySet<number>,
  active: { version: number; content: Agreement } | null,
): Promise<(version: number | null) => BusinessCalendar | null> {
  const calendars = new Map<number, BusinessCalendar>();
  for (const version of versions) {
    const content =
      active && active.version === version
        ? active.content
        : await getAgreementContent(db, workspaceId, version);
    calendars.set(version, content.sla);
  }
  return (version) => (version === null ? null : (calendars.get(version) ?? null));
}

/** ICP accounts and how many of them the range's campaigns reached. */
export async function coverageOf(
  db: Database,
  scope: ReportScope,
): Promise<{ icpAccounts: number; covered: number }> {
  const row = await db.get<Raw>(coverageQuery(scope));
  return { icpAccounts: n(row?.icpAccounts), covered: n(row?.covered) };
}
