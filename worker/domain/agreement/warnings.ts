import type { Language } from '../constants';
import { catalogueOf } from '../i18n/catalogue';
import { fill, formatNumber } from '../i18n/format';
import type { Quadrant } from './constants';
import type { Agreement } from './schema';

/**
 * Why an agreement can be valid and still never be met: a score threshold above
 * the highest score any lead can reach, or MQL quadrants no lead that passes the
 * MQL minimums can fall in. Saved and signed all the same (the team
 * may be mid-edit), but every draft and version answer carries these, the share
 * page shows them and the sheet add-on lists them. A stable, documented shape:
 * `code` is one of WARNING_CODES, `path` the field at fault, `threshold` its value,
 * `reachable` the highest score the agreement allows (for `quadrants_unreachable`,
 * path `mql.quadrants`: `threshold` is the fit threshold and `reachable` the highest fit).
 */
export const WARNING_CODES = ['threshold_unreachable', 'quadrants_unreachable'] as const;
export type AgreementWarningCode = (typeof WARNING_CODES)[number];

export interface AgreementWarning {
  code: AgreementWarningCode;
  path: string;
  threshold: number;
  reachable: number;
  /** `quadrants_unreachable` only: the MQL quadrants the agreement allows. */
  quadrants?: Quadrant[];
  /** The warning in words, in the reader's language (`warningsIn`); the fields above stay stable. */
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

/** A warning's `message` in `language`: the numbers grouped as its people write them, the path and quadrant codes as they are. */
function warningMessage(warning: Omit<AgreementWarning, 'message'>, language: Language): string {
  const words = catalogueOf(language).warnings;
  if (warning.code === 'quadrants_unreachable')
    return fill(words.quadrantsUnreachable, { quadrants: (warning.quadrants ?? []).join(', ') });
  return fill(words.thresholdUnreachable, {
    path: warning.path,
    threshold: formatNumber(language, warning.threshold),
    reachable: formatNumber(language, warning.reachable),
    score: /engagement/i.test(warning.path) ? words.scores.engagement : words.scores.fit,
  });
}

/**
 * `x` with its warnings said in `language`. Draft and version reads compute the
 * warnings once (in English); each service says them in the request's language.
 */
export function warningsIn<T extends { warnings: readonly AgreementWarning[] }>(
  x: T,
  language: Language | undefined,
): T {
  if (!language || language === 'en') return x;
  return { ...x, warnings: x.warnings.map((w) => ({ ...w, message: warningMessage(w, language) })) };
}

/** Every score threshold of the agreement that no lead can reach (fit, engagement, MQL minimums), said in English. */
export function agreementWarnings(agreement: Pick<Agreement, 'icp' | 'scoring' | 'mql'>): AgreementWarning[] {
  const fit = highestFit(agreement);
  const engagement = highestEngagement(agreement);
  const checks: { path: string; threshold: number | null; reachable: number | null }[] = [
    { path: 'scoring.thresholds.fit', threshold: agreement.scoring.thresholds.fit, reachable: fit },
    {
      path: 'scoring.thresholds.engagement',
      threshold: agreement.scoring.thresholds.engagement,
      reachable: engagement,
    },
    { path: 'mql.minFit', threshold: agreement.mql.minFit, reachable: fit },
    { path: 'mql.minEngagement', threshold: agreement.mql.minEngagement, reachable: engagement },
  ];
  const said = (w: Omit<AgreementWarning, 'message'>): AgreementWarning => ({
    ...w,
    message: warningMessage(w, 'en'),
  });
  const out: AgreementWarning[] = [];
  const quadrants = agreement.mql.quadrants;
  if (quadrants.length > 0 && !quadrants.some((q) => mqlQuadrantReachable(agreement, q))) {
    out.push(
      said({
        code: 'quadrants_unreachable',
        path: 'mql.quadrants',
        threshold: agreement.scoring.thresholds.fit,
        reachable: fit,
        quadrants: [...quadrants],
      }),
    );
  }
  for (const { path, threshold, reachable } of checks) {
    if (threshold === null || reachable === null || threshold <= reachable) continue;
    out.push(said({ code: 'threshold_unreachable', path, threshold, reachable }));
  }
  return out;
}

/** Whether some score a lead can reach is at least `from` (and below `below`, when given). */
function scoreWithin(highest: number | null, from: number, below?: number): boolean {
  if (below !== undefined && from >= below) return false;
  return highest === null || from <= highest;
}

/**
 * Whether a lead that meets the MQL minimums can be in `quadrant`: the fit and
 * engagement it needs (at or above the scoring thresholds for "high", below
 * them for "low", never under the MQL minimums) must be reachable. Scores start at 0.
 */
export function mqlQuadrantReachable(
  agreement: Pick<Agreement, 'icp' | 'scoring' | 'mql'>,
  quadrant: Quadrant,
): boolean {
  const { thresholds } = agreement.scoring;
  const minFit = Math.max(0, agreement.mql.minFit ?? 0);
  const minEngagement = Math.max(0, agreement.mql.minEngagement ?? 0);
  const fit = highestFit(agreement);
  const engagement = highestEngagement(agreement);
  const highFit = quadrant === 'perfect' || quadrant === 'fit';
  const highEngagement = quadrant === 'perfect' || quadrant === 'engaged';
  const fitOk = highFit
    ? scoreWithin(fit, Math.max(minFit, thresholds.fit))
    : scoreWithin(fit, minFit, thresholds.fit);
  const engagementOk = highEngagement
    ? scoreWithin(engagement, Math.max(minEngagement, thresholds.engagement))
    : scoreWithin(engagement, minEngagement, thresholds.engagement);
  return fitOk && engagementOk;
}
