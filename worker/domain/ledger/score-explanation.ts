import { evaluateIcp, marketingTemperature, matches, matchingRole, touchPoints } from '../agreement/evaluate';
import type { Agreement } from '../agreement/schema';
import { type LeadState, leadProfileOf } from './lead';

/**
 * Why a lead scored what it scored, by the agreement's own words: each ICP
 * criterion met or not (and the fit points it adds), the role that raised fit,
 * the touches that earned engagement, the thresholds that set the quadrant and
 * the temperature rule that matched. Both the API and the sheet show this, so
 * "why is this lead cold?" has one answer.
 */
export interface ScoreExplanation {
  fit: {
    /** As last scored (stored on the lead). */
    total: number;
    threshold: number;
    criteria: Array<{
      id: string;
      label: string;
      kind: 'required' | 'weighted';
      met: boolean;
      /** Points added (weighted and met), else 0. */
      points: number;
    }>;
    role: { id: string; label: string; points: number } | null;
  };
  engagement: {
    /** As last scored; it halves every `halfLifeDays` since. */
    total: number;
    threshold: number;
    halfLifeDays: number;
    /** Touches by type, with the points one touch earns before decay. */
    touches: Array<{ type: string; count: number; pointsEach: number }>;
  };
  /** The marketing temperature rule the touch counts meet (the hottest), or null. */
  temperatureRule: { temperature: string; label: string } | null;
}

/** Explains a lead's stored scores by an agreement's ICP, scoring and temperature sections. Pure. */
export function explainScores(
  agreement: Pick<Agreement, 'icp' | 'scoring' | 'temperature'>,
  state: LeadState,
  sourceNames: readonly string[] = [],
): ScoreExplanation {
  const profile = leadProfileOf(state, sourceNames);
  const icp = evaluateIcp(agreement.icp, profile);
  const role = matchingRole(agreement.scoring.fit.roles, profile);
  const counts = Object.entries(state.touchCounts).filter(([, n]) => n > 0);
  const touches = counts.flatMap(([type, n]) => Array.from({ length: Math.min(n, 100) }, () => ({ type })));
  const level = marketingTemperature(agreement.temperature, touches);
  const rule = level ? agreement.temperature.marketing.find((r) => r.temperature === level) : undefined;
  return {
    fit: {
      total: state.fit,
      threshold: agreement.scoring.thresholds.fit,
      criteria: agreement.icp.criteria.map((c) => {
        const met = c.kind === 'required' ? !icp.failed.includes(c.id) : matches(c, profile);
        return { id: c.id, label: c.label, kind: c.kind, met, points: met ? (c.points ?? 0) : 0 };
      }),
      role: role ? { id: role.id, label: role.label, points: role.points } : null,
    },
    engagement: {
      total: state.engagement,
      threshold: agreement.scoring.thresholds.engagement,
      halfLifeDays: agreement.scoring.engagement.halfLifeDays,
      touches: counts.map(([type, count]) => ({
        type,
        count,
        pointsEach: touchPoints(agreement.scoring.engagement, { type, url: null }),
      })),
    },
    temperatureRule: rule ? { temperature: rule.temperature, label: rule.label } : null,
  };
}
