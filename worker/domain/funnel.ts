import * as z from 'zod';
import {
  FUNNEL_RATES,
  FUNNEL_STAGES,
  type FunnelRate,
  type FunnelStage,
  MAX_MONEY,
} from './funnel-constants';
import { schemaText } from './i18n';
import { optionalFields } from './optional-fields';

/**
 * The reverse funnel: from the revenue target back to the count needed at every
 * stage (see DOMAIN.md, "The funnel plan"). Pure: shared with the add-on.
 */

export { FUNNEL_RATES, FUNNEL_STAGES, type FunnelRate, type FunnelStage } from './funnel-constants';

/** A plan needing more than this many of anything is a typo, and its integer arithmetic would lose precision. */
export const MAX_STAGE_COUNT = 1_000_000_000;
/** The longest period a plan may cover, in days (ten years). */
export const MAX_PERIOD_DAYS = 3660;

const DAY = 86_400_000;

/** A conversion rate between two stages, in (0, 1]. */
export const Rate = z
  .number({ message: schemaText('mustBeNumber') })
  .gt(0, { message: schemaText('rateRange') })
  .lte(1, { message: schemaText('rateRange') });

export const Money = z
  .number({ message: schemaText('mustBeNumber') })
  .max(MAX_MONEY, { message: schemaText('moneyMax') });

/**
 * How a team asks for one rate: a number it gives, `history` (its own rate from
 * the ledger) or `default` (an illustrative B2B figure). A rate it leaves out is
 * passed through (1: every lead of the earlier stage counts at the later one),
 * never silently replaced by a default.
 */
export const RATE_REQUESTS = ['history', 'default'] as const;
export type RateRequestKind = (typeof RATE_REQUESTS)[number];
export const RateRequest = z.union([Rate, z.enum(RATE_REQUESTS, { message: schemaText('rateRequest') })]);
export type RateRequest = z.output<typeof RateRequest>;

/** The rates of `POST /v1/funnel/compute` and of a plan: each given, asked for, or left out (passed through). */
export const FunnelRatesRequest = optionalFields(FUNNEL_RATES, RateRequest).default({});
export type FunnelRatesRequest = z.output<typeof FunnelRatesRequest>;

/** The four rates of the funnel as numbers, each optional (a missing one is 1: the stage is passed through). */
export const FunnelRatesInput = z
  .strictObject({
    lead_mql: Rate.optional(),
    mql_sql: Rate.optional(),
    sql_opportunity: Rate.optional(),
    opportunity_won: Rate.optional(),
  })
  .default({});

export const IsoDate = z.iso.date({ message: schemaText('isoDateShort') });

function dayNumberOf(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / DAY;
}

function isoOfDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** A value `n / 10^scale`, exactly as the decimal number was written. */
interface Decimal {
  n: bigint;
  scale: number;
}

/** The exact decimal a JavaScript number prints as (its shortest round-trip form), so 0.7 is 7/10, not 0.69999…. */
function decimalOf(x: number): Decimal {
  const [mantissa = '0', exponent = '0'] = String(x).toLowerCase().split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  let scale = fraction.length - Number(exponent);
  let n = BigInt(`${whole}${fraction}`);
  if (scale < 0) {
    n *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { n, scale };
}

/** ceil(a / b) for positive exact decimals. */
function ceilDivide(a: Decimal, b: Decimal): bigint {
  const numerator = a.n * 10n ** BigInt(b.scale);
  const denominator = b.n * 10n ** BigInt(a.scale);
  return (numerator + denominator - 1n) / denominator;
}

/** floor(a / count) to whole cents. */
function floorCents(a: Decimal, count: bigint): number {
  const cents = (a.n * 100n) / (10n ** BigInt(a.scale) * count);
  return Number(cents) / 100;
}

export type StageCounts = Record<FunnelStage, number>;
export type FunnelRates = Record<FunnelRate, number>;

/**
 * Counts per stage, working backwards: won = ceil(target / average deal), then
 * each earlier stage = ceil(next stage / its rate). Rates are taken as the
 * decimals written (0.7 is exactly 7/10), so 21 SQLs at 0.7 need 30
 * opportunities, not 31 through floating-point noise. Returns null when a
 * count would exceed MAX_STAGE_COUNT.
 */
function stageCounts(
  revenueTarget: number,
  averageDealSize: number,
  rates: FunnelRates,
): Record<FunnelStage, bigint> | null {
  const won = ceilDivide(decimalOf(revenueTarget), decimalOf(averageDealSize));
  const opportunity = ceilDivide({ n: won, scale: 0 }, decimalOf(rates.opportunity_won));
  const sql = ceilDivide({ n: opportunity, scale: 0 }, decimalOf(rates.sql_opportunity));
  const mql = ceilDivide({ n: sql, scale: 0 }, decimalOf(rates.mql_sql));
  const lead = ceilDivide({ n: mql, scale: 0 }, decimalOf(rates.lead_mql));
  return lead > BigInt(MAX_STAGE_COUNT) ? null : { lead, mql, sql, opportunity, won };
}

function resolvedRates(rates: Partial<FunnelRates>): FunnelRates {
  return {
    lead_mql: rates.lead_mql ?? 1,
    mql_sql: rates.mql_sql ?? 1,
    sql_opportunity: rates.sql_opportunity ?? 1,
    opportunity_won: rates.opportunity_won ?? 1,
  };
}

/**
 * What the reverse funnel needs. Unknown keys are refused, so a misspelt rate
 * never silently counts as 1. The period's `end` is its last day (inclusive).
 */
export const FunnelInput = z
  .strictObject({
    revenueTarget: Money.positive({ message: schemaText('aboveZero') }),
    averageDealSize: Money.positive({ message: schemaText('aboveZero') }),
    rates: FunnelRatesInput,
    period: z.strictObject({ start: IsoDate, end: IsoDate }),
    marketingBudget: Money.nonnegative({ message: schemaText('zeroOrMore') }).optional(),
  })
  .superRefine((input, ctx) => {
    // Zod runs this even when a field above failed, so each check first makes sure its inputs are sound.
    const { start, end } = input.period;
    const days = dayNumberOf(end) - dayNumberOf(start);
    if (!IsoDate.safeParse(start).success || !IsoDate.safeParse(end).success) {
      // A bad date is already reported on its own path.
    } else if (days <= 0) {
      ctx.addIssue({ code: 'custom', path: ['period', 'end'], message: schemaText('afterPeriodStart') });
    } else if (days >= MAX_PERIOD_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['period', 'end'],
        message: schemaText('periodMaxDays', { max: MAX_PERIOD_DAYS }),
      });
    }
    const rates = resolvedRates(input.rates);
    const sound = [input.revenueTarget, input.averageDealSize, ...Object.values(rates)].every(
      (x) => Number.isFinite(x) && x > 0,
    );
    if (
      sound &&
      Object.values(rates).every((r) => r <= 1) &&
      !stageCounts(input.revenueTarget, input.averageDealSize, rates)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['revenueTarget'],
        message: schemaText('planTooLarge', { max: MAX_STAGE_COUNT }),
      });
    }
  });
export type FunnelInput = z.input<typeof FunnelInput>;

/** An ISO 4217 code; the money of a target and of the revenue counted against it. */
export const Currency = z.string().regex(/^[A-Z]{3}$/, { message: schemaText('currency') });

/**
 * `POST /v1/funnel/compute`: the same inputs and rate rule as a stored plan
 * (rates given, "history", "default" or passed through), for any period. Without
 * `period` the current calendar year in the workspace's time zone is planned.
 */
export const ComputeFunnelRequest = z.strictObject({
  revenueTarget: Money.positive({ message: schemaText('aboveZero') }),
  averageDealSize: Money.positive({ message: schemaText('aboveZero') }),
  rates: FunnelRatesRequest,
  period: z.strictObject({ start: IsoDate, end: IsoDate }).optional(),
  marketingBudget: Money.nonnegative({ message: schemaText('zeroOrMore') })
    .nullable()
    .default(null),
  currency: Currency.nullable().default(null),
});
export type ComputeFunnelRequest = z.output<typeof ComputeFunnelRequest>;

export interface FunnelMonth {
  /** `YYYY-MM`. */
  month: string;
  /** The part of the month inside the period (first and last day, inclusive). */
  start: string;
  end: string;
  days: number;
  stages: StageCounts;
}

export interface FunnelPlan {
  /** The rates used, a missing one as 1. */
  rates: FunnelRates;
  stages: StageCounts;
  period: { start: string; end: string; days: number };
  months: FunnelMonth[];
  /** The most one of each stage may cost so the budget covers the plan, in whole cents (floored); null without a budget. */
  maxCost: StageCounts | null;
}

/** Calendar months overlapping `[first, last]` (day numbers, inclusive), clipped to it. */
function monthsOf(first: number, last: number): Array<{ month: string; start: number; end: number }> {
  const out: Array<{ month: string; start: number; end: number }> = [];
  let start = first;
  while (start <= last) {
    const date = new Date(start * DAY);
    const nextMonth = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / DAY;
    const end = Math.min(nextMonth - 1, last);
    out.push({ month: isoOfDay(start).slice(0, 7), start, end });
    start = end + 1;
  }
  return out;
}

/**
 * The reverse funnel for a validated input.
 *
 * Months. The period's months share each stage's total in proportion to their
 * days inside the period (a period starting on 15 January gives January 17 of
 * its days). Each stage is spread by cumulative rounding up: by the end of a
 * month the plan asks for ceil(total × days elapsed / days in period), and the
 * month's count is the increase over the previous month. So the months sum
 * exactly to the total, no month differs from its exact share by a whole unit
 * or more, and at every month end the plan is at or ahead of the pro-rated
 * target (never behind it through rounding). There is no lag between stages:
 * each month's counts are the same share of every stage.
 *
 * @throws ZodError when the input is invalid (use FunnelInput to validate first).
 */
export function computeFunnel(input: FunnelInput): FunnelPlan {
  const parsed = FunnelInput.parse(input);
  const rates = resolvedRates(parsed.rates);
  const counts = stageCounts(parsed.revenueTarget, parsed.averageDealSize, rates);
  if (!counts) throw new Error('unreachable: FunnelInput refuses oversized plans');

  const first = dayNumberOf(parsed.period.start);
  const last = dayNumberOf(parsed.period.end);
  const totalDays = last - first + 1;
  const stages = toNumbers(counts);

  let elapsed = 0;
  const previous: StageCounts = { lead: 0, mql: 0, sql: 0, opportunity: 0, won: 0 };
  const months = monthsOf(first, last).map(({ month, start, end }) => {
    const days = end - start + 1;
    elapsed += days;
    const monthStages: StageCounts = { lead: 0, mql: 0, sql: 0, opportunity: 0, won: 0 };
    for (const stage of FUNNEL_STAGES) {
      // Exact in doubles: stage × elapsed stays far below 2^53 (MAX_STAGE_COUNT × MAX_PERIOD_DAYS).
      const cumulative = Math.ceil((stages[stage] * elapsed) / totalDays);
      monthStages[stage] = cumulative - previous[stage];
      previous[stage] = cumulative;
    }
    return { month, start: isoOfDay(start), end: isoOfDay(end), days, stages: monthStages };
  });

  const budget = parsed.marketingBudget;
  let maxCost: StageCounts | null = null;
  if (budget !== undefined) {
    const money = decimalOf(budget);
    maxCost = {
      lead: floorCents(money, counts.lead),
      mql: floorCents(money, counts.mql),
      sql: floorCents(money, counts.sql),
      opportunity: floorCents(money, counts.opportunity),
      won: floorCents(money, counts.won),
    };
  }

  return {
    rates,
    stages,
    period: { start: parsed.period.start, end: parsed.period.end, days: totalDays },
    months,
    maxCost,
  };
}

function toNumbers(counts: Record<FunnelStage, bigint>): StageCounts {
  return {
    lead: Number(counts.lead),
    mql: Number(counts.mql),
    sql: Number(counts.sql),
    opportunity: Number(counts.opportunity),
    won: Number(counts.won),
  };
}
