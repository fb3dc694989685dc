/**
 * The funnel's names and the pace tolerance, free of zod, so the add-on can
 * import them without bundling the schemas (funnel.ts and reports/plan.ts
 * re-export them).
 */

/** Funnel stages from first to last; rate `a_b` converts stage `a` into stage `b`. */
export const FUNNEL_STAGES = ['lead', 'mql', 'sql', 'opportunity', 'won'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export const FUNNEL_RATES = ['lead_mql', 'mql_sql', 'sql_opportunity', 'opportunity_won'] as const;
export type FunnelRate = (typeof FUNNEL_RATES)[number];

/** The largest amount a plan takes (revenue, deal size, budget): the Money schema's bound and the sheet's validation. */
export const MAX_MONEY = 1e15;

/** Within ±10% of the pro-rated plan (and never less than one lead or one average deal) is on track. */
export const PACE_TOLERANCE = 0.1;
