import { getActiveAgreement, getAgreementContent } from '../../db/queries/agreement';
import { getLeadState, listLeadEvents } from '../../db/queries/leads';
import { leadDeadlines } from '../../db/queries/sla';
import { listSources } from '../../db/queries/sources';
import type { Agreement } from '../../domain/agreement/schema';
import { businessHoursBetween } from '../../domain/business-time';
import type { ActionType } from '../../domain/ledger/actions';
import { actionsAllowedFor } from '../../domain/ledger/allowed-actions';
import { explainScores, type ScoreExplanation } from '../../domain/ledger/score-explanation';
import { isOpen } from '../../domain/sla/deadlines';
import type { CallerContext } from '../context';
import { vaultOf } from '../privacy';

export type LeadDetail = Awaited<ReturnType<typeof getLead>>;

/**
 * One lead as a person working it needs it: its state, the whole history,
 * its deadlines with the business time each open one has left, the actions
 * this caller may take now (the same rules the actions route enforces), and
 * why it scored what it scored, by the agreement it was last scored under.
 */
export async function getLead({ ctx, input }: { ctx: CallerContext; input: { leadId: string } }) {
  const { db, workspaceId, now } = ctx;
  const vault = vaultOf(ctx, workspaceId);
  const [lead, events, sla] = await Promise.all([
    getLeadState(db, vault, workspaceId, input.leadId),
    listLeadEvents(db, vault, workspaceId, input.leadId),
    leadDeadlines(db, workspaceId, input.leadId),
  ]);
  const scoredUnder = events.findLast((e) => e.type === 'scored')?.agreementVersion ?? lead.agreementVersion;
  const [agreement, sources]: [Agreement | null, Array<{ id: string; name: string }>] = await Promise.all([
    scoredUnder !== null
      ? getAgreementContent(db, workspaceId, scoredUnder)
      : getActiveAgreement(db, workspaceId).then((a) => a?.content ?? null),
    listSources(db, workspaceId),
  ]);
  const sourceNames = sources
    .filter((s) => s.id === lead.firstSourceId || s.id === lead.lastSourceId)
    .flatMap((s) => [s.id, s.name]);
  const scores: ScoreExplanation | null = agreement ? explainScores(agreement, lead, sourceNames) : null;
  const businessHoursLeft: Record<string, number> = {};
  if (agreement) {
    for (const d of sla.deadlines) {
      if (!isOpen(d.status)) continue;
      const hours = businessHoursBetween(now, new Date(d.dueAt), agreement.sla);
      businessHoursLeft[d.id] = Math.round(hours * 100) / 100;
    }
  }
  const allowedActions: ActionType[] = actionsAllowedFor(lead, ctx.caller);
  return { lead, events, sla, allowedActions, scores, businessHoursLeft };
}
