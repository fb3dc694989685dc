import type { LeadState, LedgerEvent } from '../ledger/lead';
import { IMPORT_STAGES, type ImportStage, movesForward } from './constants';

/**
 * The payload of an `imported` event: one row of an imported list, as history. Its `occurredAt` is
 * `stageAt`, the day the lead reached `stage`, so reports count it in that period. It starts no SLA
 * clock: there is no `mql` event and the lead's `agreementVersion` stays as it was (null for a new
 * lead), since nobody can now meet a deadline that ran out in the past.
 */
export interface ImportedPayload {
  importKey: string;
  /** The row's position in the list it came from. */
  row: number;
  /** Whether this row created the lead or merged into an existing one. */
  outcome: 'created' | 'merged';
  /** The stage the list gives; applied only when it moves the lead forward (see `movesForward`). */
  stage: ImportStage;
  stageAt: string;
  submittedAt: string;
  /** The member the list names as owner; becomes the owner only of a lead that has none. */
  ownerId: string | null;
  sourceName: string | null;
  amount: number | null;
  currency: string | null;
  /** Why a lost, nurtured or disqualified lead left the funnel, as the list says. */
  reason: string | null;
  message: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const isImportStage = (v: unknown): v is ImportStage =>
  typeof v === 'string' && (IMPORT_STAGES as readonly string[]).includes(v);

/**
 * Folds an `imported` event into `next` (already a fresh copy, see `applyEvent`). History never
 * moves a lead back: the stage applies only when it is further along the funnel, and then fills
 * the dates of that stage from `stageAt` (won: amount and currency too).
 */
export function foldImported(next: LeadState, event: LedgerEvent): void {
  const p = event.payload;
  const at = event.occurredAt;
  next.ownerId = next.ownerId ?? str(p.ownerId);
  if (!isImportStage(p.stage) || !movesForward(next.stage, p.stage)) return;
  const stage: ImportStage = p.stage;
  next.stage = stage;
  const sales = { ...next.sales };
  next.sales = sales;
  const amount = num(p.amount);
  const currency = str(p.currency);
  const reason = str(p.reason);
  switch (stage) {
    case 'mql':
      next.mqlAt = next.mqlAt ?? at;
      break;
    case 'sal':
      sales.acceptedAt = sales.acceptedAt ?? at;
      break;
    case 'sql':
      sales.sqlAt = sales.sqlAt ?? at;
      sales.decidedAt = sales.decidedAt ?? at;
      break;
    case 'opportunity':
      sales.opportunityAt = sales.opportunityAt ?? at;
      sales.opportunityAmount = amount ?? sales.opportunityAmount;
      sales.currency = currency ?? sales.currency;
      break;
    case 'won':
      sales.wonAt = at;
      sales.wonAmount = amount;
      sales.currency = currency ?? sales.currency;
      sales.closedAt = at;
      sales.reasons = [];
      break;
    case 'nurture':
    case 'disqualified':
    case 'lost':
      if (stage !== 'lost') sales.decidedAt = sales.decidedAt ?? at;
      sales.closedAt = at;
      sales.reasons = reason ? [reason] : [];
      break;
    case 'lead':
      break;
  }
}
