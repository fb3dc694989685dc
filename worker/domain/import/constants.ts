/** The vocabulary of list import, shared by the Worker and the add-on. */
import { MAPPING_TARGETS } from '../intake/constants';
import type { LeadStage } from '../ledger/constants';

/** The historical stages an imported row may carry (a list of prospects is not a list of leads). */
export const IMPORT_STAGES = [
  'lead',
  'mql',
  'sal',
  'sql',
  'opportunity',
  'won',
  'lost',
  'nurture',
  'disqualified',
] as const satisfies readonly LeadStage[];
export type ImportStage = (typeof IMPORT_STAGES)[number];

/**
 * Columns only an import has: the row's historical stage, when it reached it, the owner's e-mail (a
 * member of the workspace), the source the lead first came from (by name), the deal amount and
 * currency (a `won` row needs an amount), and the reason of a lost, nurtured or disqualified lead.
 */
export const IMPORT_FIELDS = [
  'stage',
  'stageAt',
  'owner',
  'sourceName',
  'amount',
  'currency',
  'reason',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** What a mapping may point a column at: an intake field, an import field, or `ignore` (drop the column). */
export const IMPORT_TARGETS = [...MAPPING_TARGETS, ...IMPORT_FIELDS, 'ignore'] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

/** How far along the funnel a stage is: an import never moves an existing lead backwards. */
export const STAGE_RANK: Record<LeadStage, number> = {
  prospect: 0,
  lead: 1,
  nurture: 2,
  mql: 3,
  sal: 4,
  sql: 5,
  opportunity: 6,
  won: 7,
  lost: 7,
  disqualified: 7,
};

/** True when `to` is further along the funnel than `from` (closed outcomes never change into each other). */
export function movesForward(from: LeadStage, to: LeadStage): boolean {
  return STAGE_RANK[to] > STAGE_RANK[from];
}

/** Rows one call reads at most; a longer list is sent again with `?offset=` (see the README). */
export const MAX_IMPORT_ROWS = 20_000;
