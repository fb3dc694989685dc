import {
  type EmailDomainType,
  LEAD_FIELD_KINDS,
  type LeadField,
  type Quadrant,
  SENIORITY_LEVELS,
  type Seniority,
  TEMPERATURE_LEVELS,
  type TemperatureLevel,
  type TouchType,
} from './constants';
import type { Agreement, FitRole, Icp, IcpCriterion, Scoring, Temperature } from './schema';

/**
 * What intake knows about a lead, under the names ICP criteria use
 * (`LEAD_FIELDS`). Unknown values are `null` or absent; an unknown value never
 * meets a criterion. `source` may list several names for the same source
 * (its id and its name): a criterion matches when any of them does.
 */
export interface LeadProfile {
  industry?: string | null;
  employees?: number | null;
  country?: string | null;
  title?: string | null;
  seniority?: Seniority | null;
  department?: string | null;
  hasPhone?: boolean | null;
  emailDomainType?: EmailDomainType | null;
  companyDomain?: string | null;
  source?: string | readonly string[] | null;
}

type Matcher = Pick<IcpCriterion, 'field' | 'operator' | 'values'>;

const norm = (s: string) => s.trim().toLowerCase();

function textValues(profile: LeadProfile, field: LeadField): string[] {
  const raw = profile[field];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map(norm);
}

/** True when the lead has a usable value for `field` (text non-empty, a number, `hasPhone` true). */
export function isPresent(profile: LeadProfile, field: LeadField): boolean {
  switch (LEAD_FIELD_KINDS[field]) {
    case 'number':
      return typeof profile[field] === 'number' && Number.isFinite(profile[field]);
    case 'boolean':
      return profile[field] === true;
    default:
      return textValues(profile, field).length > 0;
  }
}

/** Does the lead meet one criterion (or fit role)? Unknown data never meets a criterion. */
export function matches(matcher: Matcher, profile: LeadProfile): boolean {
  const { field, operator, values } = matcher;
  if (operator === 'present') return isPresent(profile, field);
  const kind = LEAD_FIELD_KINDS[field];
  if (kind === 'number') {
    const n = profile[field];
    if (typeof n !== 'number' || !Number.isFinite(n)) return false;
    const [a, b] = values as number[];
    if (operator === '>=') return a !== undefined && n >= a;
    if (operator === '<=') return a !== undefined && n <= a;
    if (operator === 'between') return a !== undefined && b !== undefined && n >= a && n <= b;
    return false;
  }
  if (kind === 'boolean') {
    const v = profile[field];
    if (typeof v !== 'boolean') return false;
    const hit = values.includes(v);
    return operator === 'in' ? hit : operator === 'not_in' ? !hit : false;
  }
  const have = textValues(profile, field);
  if (have.length === 0) return false;
  if (operator === 'matches') {
    const pattern = new RegExp(String(values[0] ?? ''), 'iu');
    return have.some((v) => pattern.test(v));
  }
  const wanted = new Set(values.map((v) => norm(String(v))));
  const hit = have.some((v) => wanted.has(v));
  return operator === 'in' ? hit : operator === 'not_in' ? !hit : false;
}

export interface IcpResult {
  /** Every `required` criterion is met (true when there are none). */
  requiredPassed: boolean;
  /** Ids of the `required` criteria the lead does not meet. */
  failed: string[];
  /** Sum of the points of the `weighted` criteria the lead meets. */
  fitPoints: number;
}

/** Judges a lead profile against the ICP: the gate and the fit points. Pure. */
export function evaluateIcp(icp: Pick<Icp, 'criteria'>, profile: LeadProfile): IcpResult {
  const failed: string[] = [];
  let fitPoints = 0;
  for (const criterion of icp.criteria) {
    const met = matches(criterion, profile);
    if (criterion.kind === 'required') {
      if (!met) failed.push(criterion.id);
    } else if (met) {
      fitPoints += criterion.points ?? 0;
    }
  }
  return { requiredPassed: failed.length === 0, failed, fitPoints };
}

/** The best-scoring role the lead matches, or null. */
export function matchingRole(roles: readonly FitRole[], profile: LeadProfile): FitRole | null {
  let best: FitRole | null = null;
  for (const role of roles) {
    if (matches(role, profile) && (!best || role.points > best.points)) best = role;
  }
  return best;
}

export interface FitResult extends IcpResult {
  /** The matched role's id, or null. */
  role: string | null;
  /** ICP fit points plus the role's points. */
  fit: number;
}

/** Fit as the scoring section defines it: weighted ICP criteria plus the best matching role. */
export function scoreFit(agreement: Pick<Agreement, 'icp' | 'scoring'>, profile: LeadProfile): FitResult {
  const icp = evaluateIcp(agreement.icp, profile);
  const role = matchingRole(agreement.scoring.fit.roles, profile);
  return { ...icp, role: role?.id ?? null, fit: icp.fitPoints + (role?.points ?? 0) };
}

/** One engagement touch as the ledger records it. */
export interface Touch {
  type: TouchType | (string & {});
  occurredAt: string | Date;
  url?: string | null;
}

const DAY_MS = 86_400_000;

/** Points one touch is worth before decay. */
export function touchPoints(engagement: Scoring['engagement'], touch: Pick<Touch, 'type' | 'url'>): number {
  const base = engagement.points[touch.type as TouchType] ?? 0;
  if (touch.type === 'page_view' && touch.url) {
    const url = touch.url.toLowerCase();
    const page = engagement.pages.find((p) => url.includes(p.urlContains.toLowerCase()));
    if (page) return page.points;
  }
  return base;
}

/**
 * Engagement at `now`: each touch's points halve every `halfLifeDays`. Touches
 * dated after `now` count in full (clock skew between senders is not a bonus).
 */
export function scoreEngagement(
  engagement: Scoring['engagement'],
  touches: readonly Touch[],
  now: Date,
): number {
  let total = 0;
  for (const touch of touches) {
    const at = touch.occurredAt instanceof Date ? touch.occurredAt.getTime() : Date.parse(touch.occurredAt);
    if (Number.isNaN(at)) continue;
    total += decayedPoints(touchPoints(engagement, touch), at, now, engagement.halfLifeDays);
  }
  return Math.round(total * 100) / 100;
}

/**
 * `points` earned at `since` (epoch ms), as they stand at `now`: halved every
 * `halfLifeDays`. Points dated after `now` count in full.
 */
export function decayedPoints(points: number, since: number, now: Date, halfLifeDays: number): number {
  const ageDays = Math.max(0, now.getTime() - since) / DAY_MS;
  return points * 0.5 ** (ageDays / halfLifeDays);
}

/** Fit × engagement → quadrant, by the scoring thresholds (≥ threshold is high). */
export function quadrantOf(fit: number, engagement: number, scoring: Pick<Scoring, 'thresholds'>): Quadrant {
  const highFit = fit >= scoring.thresholds.fit;
  const highEngagement = engagement >= scoring.thresholds.engagement;
  if (highFit && highEngagement) return 'perfect';
  if (highEngagement) return 'engaged';
  if (highFit) return 'fit';
  return 'low';
}

/**
 * Sales temperature from the buying horizon told on a call: hot below
 * `hotUnderMonths`, cold above `coldOverMonths`, warm in between (6/12 by default).
 */
export function salesTemperature(
  buyingHorizonMonths: number,
  temperature: Pick<Temperature, 'sales'>,
): TemperatureLevel {
  if (!Number.isFinite(buyingHorizonMonths) || buyingHorizonMonths < 0) {
    throw new RangeError(`A buying horizon is a number of months ≥ 0, not ${buyingHorizonMonths}.`);
  }
  if (buyingHorizonMonths < temperature.sales.hotUnderMonths) return 'hot';
  if (buyingHorizonMonths > temperature.sales.coldOverMonths) return 'cold';
  return 'warm';
}

/** Marketing temperature from touch counts: the hottest rule fully met, or null when none is. */
export function marketingTemperature(
  temperature: Pick<Temperature, 'marketing'>,
  touches: readonly Pick<Touch, 'type'>[],
): TemperatureLevel | null {
  const counts = new Map<string, number>();
  for (const touch of touches) counts.set(touch.type, (counts.get(touch.type) ?? 0) + 1);
  let best: TemperatureLevel | null = null;
  for (const rule of temperature.marketing) {
    const met = rule.when.every((w) => (counts.get(w.touch) ?? 0) >= w.atLeast);
    if (
      met &&
      (best === null || TEMPERATURE_LEVELS.indexOf(rule.temperature) > TEMPERATURE_LEVELS.indexOf(best))
    ) {
      best = rule.temperature;
    }
  }
  return best;
}

export interface MqlFacts {
  consent: boolean;
  profile: LeadProfile;
  fit: number;
  engagement: number;
}

export interface MqlResult {
  passed: boolean;
  /** What is missing: `consent`, `icp:<criterionId>`, `field:<leadField>`, `fit`, `engagement`, `quadrant`. */
  missing: string[];
  quadrant: Quadrant;
}

/** The MQL rule: consent, required ICP criteria, required fields, score thresholds and quadrants. */
export function evaluateMql(
  agreement: Pick<Agreement, 'icp' | 'mql' | 'scoring'>,
  facts: MqlFacts,
): MqlResult {
  const { mql } = agreement;
  const missing: string[] = [];
  if (mql.requireConsent && !facts.consent) missing.push('consent');
  if (mql.requireIcp) {
    for (const id of evaluateIcp(agreement.icp, facts.profile).failed) missing.push(`icp:${id}`);
  }
  for (const field of mql.requiredFields) {
    if (!isPresent(facts.profile, field)) missing.push(`field:${field}`);
  }
  if (mql.minFit !== null && facts.fit < mql.minFit) missing.push('fit');
  if (mql.minEngagement !== null && facts.engagement < mql.minEngagement) missing.push('engagement');
  const quadrant = quadrantOf(facts.fit, facts.engagement, agreement.scoring);
  if (mql.quadrants.length > 0 && !mql.quadrants.includes(quadrant)) missing.push('quadrant');
  return { passed: missing.length === 0, missing, quadrant };
}

/** A case-insensitive pattern of whole words; `\b` knows only ASCII, so the boundaries are Unicode-aware. */
const words = (...alternatives: string[]) =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'iu');

/** Title keywords per seniority level, in the four starter languages; the first level that matches wins. */
const SENIORITY_PATTERNS: [Seniority, RegExp][] = [
  [
    'owner',
    words(
      'owner',
      'founder',
      'co-?founder',
      'właściciel',
      'założyciel',
      'proprietar',
      'fondator',
      'владелец',
      'основатель',
      'собственник',
    ),
  ],
  [
    'c_level',
    words(
      'ceo',
      'cto',
      'cio',
      'cfo',
      'coo',
      'cmo',
      'cro',
      'chief [\\p{L} ]+ officer',
      'president',
      'managing director',
      'general manager',
      'prezes',
      'członek zarządu',
      'director general',
      'președinte',
      'presedinte',
      'генеральный директор',
      'президент',
    ),
  ],
  [
    'vp',
    words('vp', 'vice[- ]president', 'wiceprezes', 'vicepreședinte', 'vicepresedinte', 'вице-президент'),
  ],
  ['director', words('director', 'directoare', 'dyrektor', 'head of', 'директор', 'руководитель')],
  [
    'manager',
    words(
      'manager',
      'menedżer',
      'menadżer',
      'kierownik',
      'team lead',
      'coordinator',
      'koordynator',
      'coordonator',
      'менеджер',
      'начальник',
    ),
  ],
];

/** A best guess of seniority from a job title in en/pl/ro/ru; `individual` when no keyword matches. */
export function seniorityOfTitle(title: string | null | undefined): Seniority | null {
  if (!title || title.trim() === '') return null;
  for (const [level, pattern] of SENIORITY_PATTERNS) if (pattern.test(title)) return level;
  return SENIORITY_LEVELS[SENIORITY_LEVELS.length - 1] ?? null;
}
