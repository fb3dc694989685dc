import * as z from 'zod';
import { fieldIssue, InvalidError, issuesOfZod } from '../errors';
import {
  Currency,
  computeFunnel,
  FUNNEL_RATES,
  FUNNEL_STAGES,
  FunnelInput,
  type FunnelPlan,
  type FunnelRate,
  type FunnelRates,
  FunnelRatesRequest,
  type FunnelStage,
  Money,
  type StageCounts,
} from '../funnel';
import { PACE_TOLERANCE } from '../funnel-constants';
import { say, schemaText } from '../i18n';
import { daysBetween, instantRangeOf, monthBucketsOf, type PlanPeriod } from './period';

/**
 * The funnel plan (DOMAIN.md, "The funnel plan"): stored inputs for a period,
 * the reverse funnel they give, and the ledger's actuals beside them: pace
 * against the plan pro-rated to today, and a run-rate forecast per month.
 */

/**
 * Conversion rates a plan uses until the team says otherwise or its own ledger
 * has enough history: typical B2B figures, for illustration only. Every answer
 * marks a rate taken from here as `illustrative`.
 */
export const ILLUSTRATIVE_RATES: FunnelRates = {
  lead_mql: 0.3,
  mql_sql: 0.25,
  sql_opportunity: 0.6,
  opportunity_won: 0.25,
};

/**
 * When the team's own actuals replace an illustrative rate `a_b`: the 365 days
 * before the plan is read (or before its period ends, for a past period) hold at
 * least TEAM_RATE_MIN_FROM leads reaching stage `a` and TEAM_RATE_MIN_TO reaching
 * stage `b`. The team's rate is then (b ÷ a) over that window, at most 1.
 */
export const TEAM_RATE_WINDOW_DAYS = 365;
export const TEAM_RATE_MIN_FROM = 30;
export const TEAM_RATE_MIN_TO = 5;

export { PACE_TOLERANCE } from '../funnel-constants';

export const PACE_STATUSES = ['not_started', 'behind', 'on_track', 'ahead'] as const;
export type PaceStatus = (typeof PACE_STATUSES)[number];

/**
 * Where a rate comes from, the same in `POST /v1/funnel/compute` and in a plan:
 * `given` by the team, the team's own `history` or the illustrative `default` when
 * it asked for one by name, else `passed-through` (1: the stage adds no loss).
 */
export const RATE_ORIGINS = ['given', 'history', 'default', 'passed-through'] as const;
export type RateOrigin = (typeof RATE_ORIGINS)[number];

/** The older name of the origin, kept for clients that read it (`plan`, `actual`, `illustrative`). */
export const RATE_BASES = ['plan', 'actual', 'illustrative', 'passed-through'] as const;
export type RateBasis = (typeof RATE_BASES)[number];

const BASIS_OF: Record<RateOrigin, RateBasis> = {
  given: 'plan',
  history: 'actual',
  default: 'illustrative',
  'passed-through': 'passed-through',
};

/** `PUT /v1/funnel/plans/{period}`: the inputs, replaced as a whole. A rate left out is passed through. */
export const PlanInput = z.strictObject({
  revenueTarget: Money.positive({ message: schemaText('aboveZero') }),
  averageDealSize: Money.positive({ message: schemaText('aboveZero') }),
  rates: FunnelRatesRequest,
  marketingBudget: Money.nonnegative({ message: schemaText('zeroOrMore') })
    .nullable()
    .default(null),
  /** The currency of the target and of the revenue counted against it; the agreement's goal currency when null. */
  currency: Currency.nullable().default(null),
});
export type PlanInput = z.output<typeof PlanInput>;

export interface StoredPlan extends PlanInput {
  period: string;
  createdAt: string;
  updatedAt: string;
  /** The token that last saved the plan. */
  updatedBy: string | null;
}

/** Counts per funnel stage plus won revenue, as the ledger shows them. */
export interface StageActuals extends StageCounts {
  revenue: number;
}

export interface ResolvedRate {
  value: number;
  origin: RateOrigin;
  basis: RateBasis;
  illustrative: boolean;
  /** For `history` (asked for, whether or not the ledger had enough): the window's counts. */
  sample: { from: number; to: number } | null;
}

const PREVIOUS: Record<FunnelRate, [FunnelStage, FunnelStage]> = {
  lead_mql: ['lead', 'mql'],
  mql_sql: ['mql', 'sql'],
  sql_opportunity: ['sql', 'opportunity'],
  opportunity_won: ['opportunity', 'won'],
};

/** The team's own rate from a window's counts, or null while the window holds too little history. */
export function teamRate(rate: FunnelRate, window: StageCounts): number | null {
  const [a, b] = PREVIOUS[rate];
  if (window[a] < TEAM_RATE_MIN_FROM || window[b] < TEAM_RATE_MIN_TO) return null;
  return Math.min(1, Math.round((window[b] / window[a]) * 1000) / 1000);
}

function resolved(value: number, origin: RateOrigin, sample: ResolvedRate['sample'] = null): ResolvedRate {
  return { value, origin, basis: BASIS_OF[origin], illustrative: origin === 'default', sample };
}

/**
 * Each rate as the team asked: a number is `given`; `history` is its own rate
 * from the window's counts; `default` the illustrative figure; a rate left out,
 * or `history` while the window holds too little, is `passed-through` (1). The
 * rule of both the stateless computation and the stored plan.
 */
export function resolveRates(
  requested: FunnelRatesRequest,
  window: StageCounts | null,
): Record<FunnelRate, ResolvedRate> {
  const out = {} as Record<FunnelRate, ResolvedRate>;
  for (const rate of FUNNEL_RATES) {
    const asked = requested[rate];
    const [a, b] = PREVIOUS[rate];
    if (typeof asked === 'number') out[rate] = resolved(asked, 'given');
    else if (asked === 'default') out[rate] = resolved(ILLUSTRATIVE_RATES[rate], 'default');
    else if (asked === 'history') {
      const team = window ? teamRate(rate, window) : null;
      const sample = window ? { from: window[a], to: window[b] } : null;
      out[rate] = team === null ? resolved(1, 'passed-through', sample) : resolved(team, 'history', sample);
    } else out[rate] = resolved(1, 'passed-through');
  }
  return out;
}

/** True when some rate asks for the team's history. */
export function asksForHistory(requested: FunnelRatesRequest): boolean {
  return FUNNEL_RATES.some((rate) => requested[rate] === 'history');
}

/**
 * A write that asks for history the ledger does not hold yet is refused, naming
 * each such rate, rather than computed with a rate the team did not choose.
 */
export function assertHistoryAvailable(
  requested: FunnelRatesRequest,
  rates: Record<FunnelRate, ResolvedRate>,
): void {
  const issues = FUNNEL_RATES.filter((r) => requested[r] === 'history' && rates[r].origin !== 'history').map(
    (rate) => {
      const [a, b] = PREVIOUS[rate];
      const sample = rates[rate].sample ?? { from: 0, to: 0 };
      return fieldIssue(
        `rates.${rate}`,
        say('historyShort', {
          from: sample.from,
          a,
          to: sample.to,
          b,
          days: TEAM_RATE_WINDOW_DAYS,
          minFrom: TEAM_RATE_MIN_FROM,
          minTo: TEAM_RATE_MIN_TO,
        }),
      );
    },
  );
  if (issues.length > 0) throw new InvalidError(say('historyUnavailable'), issues);
}

function valuesOf(rates: Record<FunnelRate, ResolvedRate>): FunnelRates {
  return {
    lead_mql: rates.lead_mql.value,
    mql_sql: rates.mql_sql.value,
    sql_opportunity: rates.sql_opportunity.value,
    opportunity_won: rates.opportunity_won.value,
  };
}

/**
 * The reverse funnel for a plan over its period.
 * @throws InvalidError naming the field when the plan would need more leads than the funnel allows.
 */
export function planFunnel(
  input: Pick<PlanInput, 'revenueTarget' | 'averageDealSize' | 'marketingBudget'>,
  period: { start: string; end: string },
  rates: Record<FunnelRate, ResolvedRate>,
): FunnelPlan {
  const funnel = {
    revenueTarget: input.revenueTarget,
    averageDealSize: input.averageDealSize,
    rates: valuesOf(rates),
    period: { start: period.start, end: period.end },
    ...(input.marketingBudget === null ? {} : { marketingBudget: input.marketingBudget }),
  };
  const parsed = FunnelInput.safeParse(funnel);
  if (!parsed.success) {
    throw new InvalidError(say('planInvalid'), issuesOfZod(parsed.error));
  }
  return computeFunnel(funnel);
}

/** The window whose counts may replace illustrative rates: the 365 days up to `now`, or up to the period's end. */
export function teamRateWindow(
  period: PlanPeriod,
  timeZone: string,
  now: Date,
): { from: string; to: string } {
  const periodEnd = instantRangeOf(period, timeZone).to;
  const asOf = now.toISOString();
  const to = asOf.localeCompare(periodEnd) < 0 ? asOf : periodEnd;
  const from = new Date(Date.parse(to) - TEAM_RATE_WINDOW_DAYS * 86_400_000).toISOString();
  return { from, to };
}

export interface StagePace {
  planned: number;
  /** The plan pro-rated to `asOf`. */
  expectedToDate: number;
  actual: number;
  /** actual ÷ expectedToDate; null before the period starts. */
  ratio: number | null;
  status: PaceStatus;
  /** Where the period ends at the current run rate; null before the period starts. */
  forecast: number | null;
}

export interface MonthView {
  month: string;
  start: string;
  end: string;
  plan: StageActuals;
  /** Null for months that have not started. */
  actual: StageActuals | null;
  /** Past months: the actuals; the current month: actuals plus the run rate for its rest; later months: the run rate. */
  forecast: StageActuals | null;
}

export interface PlanView {
  period: PlanPeriod & { days: number; timezone: string };
  inputs: StoredPlan;
  currency: string | null;
  rates: Record<FunnelRate, ResolvedRate>;
  /** True while any rate is an illustrative default (asked for by name). */
  illustrative: boolean;
  plan: FunnelPlan & { revenue: number };
  actuals: StageActuals & {
    conversion: Record<FunnelRate, { planned: number; actual: number | null }>;
  };
  pace: {
    asOf: string;
    /** Share of the period elapsed at `asOf`, 0–1. */
    elapsed: number;
    /** The headline: won revenue against the revenue target. */
    status: PaceStatus;
    stages: Record<FunnelStage | 'revenue', StagePace>;
  };
  months: MonthView[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** ahead / on track / behind: outside ±PACE_TOLERANCE of the pro-rated plan and by at least one `unit`. */
export function paceStatus(actual: number, expected: number, unit: number): PaceStatus {
  const gap = actual - expected;
  const margin = Math.max(expected * PACE_TOLERANCE, unit);
  if (gap < 0 && -gap >= margin) return 'behind';
  if (gap > 0 && gap >= margin) return 'ahead';
  return 'on_track';
}

const KEYS = [...FUNNEL_STAGES, 'revenue'] as const;
type Key = (typeof KEYS)[number];

function zero(): StageActuals {
  return { lead: 0, mql: 0, sql: 0, opportunity: 0, won: 0, revenue: 0 };
}

export interface PlanViewInput {
  stored: StoredPlan;
  period: PlanPeriod;
  timezone: string;
  currency: string | null;
  rates: Record<FunnelRate, ResolvedRate>;
  /** Actuals per month of the period (`YYYY-MM`), as the ledger shows them at `now`. */
  actualByMonth: ReadonlyMap<string, StageActuals>;
  now: Date;
}

/**
 * The plan beside its actuals. Time runs in instants of the workspace's zone:
 * the elapsed share is (now − period start) ÷ (period end − period start), so
 * pace moves during the day, not only at midnight. The run rate is the actuals
 * so far ÷ the time elapsed, carried over what remains.
 */
export function buildPlanView(input: PlanViewInput): PlanView {
  const { stored, period, timezone, now } = input;
  const funnel = planFunnel(stored, period, input.rates);
  const range = instantRangeOf(period, timezone);
  const start = Date.parse(range.from);
  const end = Date.parse(range.to);
  const t = Math.min(Math.max(now.getTime(), start), end);
  const elapsedMs = t - start;
  const elapsed = elapsedMs / (end - start);
  const started = now.getTime() > start;
  const perMs = (n: number) => (elapsedMs > 0 ? n / elapsedMs : 0);

  const totalDays = daysBetween(period.start, period.end) + 1;
  const buckets = monthBucketsOf(period, timezone);
  const actual = zero();
  const months: MonthView[] = buckets.map((bucket, i) => {
    const planStages = funnel.months[i]?.stages ?? { lead: 0, mql: 0, sql: 0, opportunity: 0, won: 0 };
    const days = daysBetween(bucket.start, bucket.end) + 1;
    const plan = { ...planStages, revenue: round2((stored.revenueTarget * days) / totalDays) };
    const from = Date.parse(bucket.from);
    const monthActual = from < now.getTime() ? { ...zero(), ...input.actualByMonth.get(bucket.month) } : null;
    if (monthActual) for (const k of KEYS) actual[k] += monthActual[k];
    return {
      month: bucket.month,
      start: bucket.start,
      end: bucket.end,
      plan,
      actual: monthActual,
      forecast: null,
    };
  });
  // The run rate needs the whole period's actuals to date, so forecasts come in a second pass.
  if (started) {
    for (const [i, bucket] of buckets.entries()) {
      const month = months[i];
      if (!month) continue;
      const from = Date.parse(bucket.from);
      const to = Date.parse(bucket.to);
      const rest = Math.max(0, to - Math.max(from, t));
      const forecast = zero();
      for (const k of KEYS) forecast[k] = round2((month.actual?.[k] ?? 0) + perMs(actual[k]) * rest);
      month.forecast = forecast;
    }
  }

  const planned: Record<Key, number> = { ...funnel.stages, revenue: stored.revenueTarget };
  const stages = {} as Record<Key, StagePace>;
  for (const k of KEYS) {
    const expected = planned[k] * elapsed;
    const unit = k === 'revenue' ? stored.averageDealSize : 1;
    stages[k] = {
      planned: planned[k],
      expectedToDate: round2(expected),
      actual: round2(actual[k]),
      ratio: started && expected > 0 ? Math.round((actual[k] / expected) * 1000) / 1000 : null,
      status: started ? paceStatus(actual[k], expected, unit) : 'not_started',
      forecast: started ? round2(actual[k] + perMs(actual[k]) * (end - t)) : null,
    };
  }

  const conversion = {} as PlanView['actuals']['conversion'];
  for (const rate of FUNNEL_RATES) {
    const [a, b] = PREVIOUS[rate];
    conversion[rate] = {
      planned: input.rates[rate].value,
      actual: actual[a] > 0 ? Math.round((actual[b] / actual[a]) * 10_000) / 10_000 : null,
    };
  }

  return {
    period: { ...period, days: totalDays, timezone },
    inputs: stored,
    currency: input.currency,
    rates: input.rates,
    illustrative: FUNNEL_RATES.some((r) => input.rates[r].origin === 'default'),
    plan: { ...funnel, revenue: stored.revenueTarget },
    actuals: { ...actual, revenue: round2(actual.revenue), conversion },
    pace: {
      asOf: now.toISOString(),
      elapsed: Math.round(elapsed * 10_000) / 10_000,
      status: stages.revenue.status,
      stages,
    },
    months,
  };
}
