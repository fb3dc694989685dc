import type { Agreement } from './schema';

/**
 * Why an agreement can be valid and still never be met: a score threshold above
 * the highest score any lead can reach. Saved and signed all the same (the team
 * may be mid-edit), but every draft and version answer carries these, the share
 * page shows them and the sheet add-on lists them. A stable, documented shape:
 * `code` is one of WARNING_CODES, `path` the field at fault, `threshold` its value,
 * `reachable` the highest score the agreement allows.
 */
export const WARNING_CODES = ['threshold_unreachable'] as const;
export type AgreementWarningCode = (typeof WARNING_CODES)[number];

export interface AgreementWarning {
  code: AgreementWarningCode;
  path: string;
  threshold: number;
  reachable: number;
  message: string;
}

/**
 * The highest fit any lead can score: every weighted ICP criterion met, plus the
 * best role (only one role counts). An upper bound: criteria that exclude each
 * other may make it lower still.
 */
export function highestFit(agreement: Pick<Agreement, 'icp' | 'scoring'>): number {
  const weighted = agreement.icp.criteria.reduce(
    (sum, c) => sum + (c.kind === 'weighted' ? (c.points ?? 0) : 0),
    0,
  );
  const bestRole = agreement.scoring.fit.roles.reduce((best, r) => Math.max(best, r.points), 0);
  return weighted + bestRole;
}

/**
 * The highest engagement a lead can score: unbounded (null) as soon as any
 * touch or page earns points, since touches add up; 0 when none does.
 */
export function highestEngagement(agreement: Pick<Agreement, 'scoring'>): number | null {
  const { points, pages } = agreement.scoring.engagement;
  const any = Object.values(points).some((p) => (p ?? 0) > 0) || pages.some((p) => p.points > 0);
  return any ? null : 0;
}

/** Every score threshold of the agreement that no lead can reach (fit, engagement, MQL minimums). */
export function agreementWarnings(agreement: Pick<Agreement, 'icp' | 'scoring' | 'mql'>): AgreementWarning[] {
  const fit = highestFit(agreement);
  const engagement = highestEngagement(agreement);
  const checks: { path: string; threshold: number | null; reachable: number | null; what: string }[] = [
    {
      path: 'scoring.thresholds.fit',
      threshold: agreement.scoring.thresholds.fit,
      reachable: fit,
      what: 'fit',
    },
    {
      path: 'scoring.thresholds.engagement',
      threshold: agreement.scoring.thresholds.engagement,
      reachable: engagement,
      what: 'engagement',
    },
    { path: 'mql.minFit', threshold: agreement.mql.minFit, reachable: fit, what: 'fit' },
    {
      path: 'mql.minEngagement',
      threshold: agreement.mql.minEngagement,
      reachable: engagement,
      what: 'engagement',
    },
  ];
  const out: AgreementWarning[] = [];
  for (const { path, threshold, reachable, what } of checks) {
    if (threshold === null || reachable === null || threshold <= reachable) continue;
    out.push({
      code: 'threshold_unreachable',
      path,
      threshold,
      reachable,
      message: `${path} is ${threshold}, but the highest ${what} a lead can score under this agreement is ${reachable}: no lead can ever reach it.`,
    });
  }
  return out;
}
