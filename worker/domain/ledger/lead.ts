import type { Quadrant, TemperatureLevel } from '../agreement/constants';
import type { LeadProfile } from '../agreement/evaluate';
import { seniorityOfTitle } from '../agreement/evaluate';
import { foldImported } from '../import/fold';
import { isFreeMailDomain } from '../intake/free-mail';
import type { EventType, LeadStage, ProfileField } from './constants';

/** Who wrote an event: a source (a form), a token (a person or tool), or the system (rules, cron). */
export interface Actor {
  type: 'source' | 'token' | 'system';
  id: string | null;
}

export interface LedgerEvent {
  type: EventType;
  /** When it happened (the sender's time for form submissions). */
  occurredAt: string;
  actor: Actor;
  sourceId: string | null;
  campaign: string | null;
  /** The agreement version that judged this event; null before the first signature. */
  agreementVersion: number | null;
  payload: Record<string, unknown>;
}

export type Profile = Record<ProfileField, string | number | null>;

/** A lead as the ledger's events make it: the `leads` row is this, stored. */
export interface LeadState {
  id: string;
  /** Number of events so far; the next event is `seq + 1`. */
  seq: number;
  stage: LeadStage;
  profile: Profile;
  consent: boolean;
  consentAt: string | null;
  ownerId: string | null;
  firstSourceId: string | null;
  lastSourceId: string | null;
  campaign: string | null;
  utm: { source: string | null; medium: string | null; campaign: string | null };
  fit: number;
  /** Engagement as it stood at `engagementAt`; it decays from there (see `engagementAt`). */
  engagement: number;
  engagementAt: string | null;
  quadrant: Quadrant;
  icpMatch: boolean;
  marketingTemperature: TemperatureLevel | null;
  salesTemperature: TemperatureLevel | null;
  touchCounts: Record<string, number>;
  /** The first lead-creating submission: the SLA clock starts here. */
  submittedAt: string | null;
  /** The agreement version under which the clock started (set at MQL). */
  agreementVersion: number | null;
  mqlAt: string | null;
  createdAt: string;
  updatedAt: string;
  erasedAt: string | null;
  /** What sales did with the lead (attempts, acceptance, qualification, outcome). */
  sales: SalesProgress;
}

/** The sales half of the projection, folded from the sales events (worker/domain/ledger/events.ts). */
export interface SalesProgress {
  attempts: number;
  /** Distinct channels tried, in first-use order. */
  attemptChannels: string[];
  /** The earliest logged attempt (work logged late may be earlier than the last one logged). */
  firstAttemptAt: string | null;
  /** The earliest attempt whose outcome was `connected`: the person was reached. */
  reachedAt: string | null;
  acceptedAt: string | null;
  /** The latest SQL checklist answers: criterion code → met. */
  qualification: Record<string, boolean> | null;
  /** The first decision: SQL, nurture or disqualification (the SLA's decision deadline stops here). */
  decidedAt: string | null;
  sqlAt: string | null;
  opportunityAt: string | null;
  opportunityAmount: number | null;
  wonAt: string | null;
  wonAmount: number | null;
  currency: string | null;
  /** When the lead left sales' hands: won, lost, nurtured or disqualified. */
  closedAt: string | null;
  /** The reason codes of the last rejection, nurture or loss. */
  reasons: string[];
}

export const EMPTY_SALES: SalesProgress = {
  attempts: 0,
  attemptChannels: [],
  firstAttemptAt: null,
  reachedAt: null,
  acceptedAt: null,
  qualification: null,
  decidedAt: null,
  sqlAt: null,
  opportunityAt: null,
  opportunityAmount: null,
  wonAt: null,
  wonAmount: null,
  currency: null,
  closedAt: null,
  reasons: [],
};

export const EMPTY_PROFILE: Profile = {
  email: null,
  phone: null,
  firstName: null,
  lastName: null,
  company: null,
  companyDomain: null,
  website: null,
  title: null,
  industry: null,
  employees: null,
  country: null,
};

export function newLeadState(id: string, at: string): LeadState {
  return {
    id,
    seq: 0,
    stage: 'prospect',
    profile: { ...EMPTY_PROFILE },
    consent: false,
    consentAt: null,
    ownerId: null,
    firstSourceId: null,
    lastSourceId: null,
    campaign: null,
    utm: { source: null, medium: null, campaign: null },
    fit: 0,
    engagement: 0,
    engagementAt: null,
    quadrant: 'low',
    icpMatch: false,
    marketingTemperature: null,
    salesTemperature: null,
    touchCounts: {},
    submittedAt: null,
    agreementVersion: null,
    mqlAt: null,
    createdAt: at,
    updatedAt: at,
    erasedAt: null,
    sales: { ...EMPTY_SALES },
  };
}

/** The later of two ISO instants (same format, so they compare as text). */
const laterOf = (a: string, b: string) => (a.localeCompare(b) > 0 ? a : b);
const earlierOf = (a: string | null, b: string) => (a !== null && a.localeCompare(b) <= 0 ? a : b);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * Folds one event into the lead. Pure: the same events always give the same
 * lead, which is what makes the `leads` row a projection of the ledger.
 */
export function applyEvent(state: LeadState, event: LedgerEvent): LeadState {
  const next: LeadState = {
    ...state,
    seq: state.seq + 1,
    updatedAt: laterOf(event.occurredAt, state.updatedAt),
  };
  const p = event.payload;
  switch (event.type) {
    case 'created': {
      next.profile = { ...EMPTY_PROFILE, ...(p.profile as Partial<Profile>) };
      next.stage = p.createsLead ? 'lead' : 'prospect';
      next.firstSourceId = event.sourceId;
      next.lastSourceId = event.sourceId;
      next.campaign = event.campaign;
      next.utm = (p.utm as LeadState['utm'] | undefined) ?? next.utm;
      next.submittedAt = p.createsLead ? event.occurredAt : null;
      next.createdAt = event.occurredAt;
      break;
    }
    case 'became_lead':
      if (next.stage === 'prospect') next.stage = 'lead';
      next.submittedAt = next.submittedAt ?? event.occurredAt;
      break;
    case 'touch': {
      const type = str(p.touchType) ?? 'custom';
      next.touchCounts = { ...next.touchCounts, [type]: (next.touchCounts[type] ?? 0) + 1 };
      if (event.sourceId) next.lastSourceId = event.sourceId;
      next.campaign = next.campaign ?? event.campaign;
      break;
    }
    case 'profile_updated': {
      const changes = (p.changes ?? {}) as Record<string, { to: string | number | null }>;
      const profile = { ...next.profile };
      for (const [field, change] of Object.entries(changes)) {
        if (field in profile) profile[field as ProfileField] = change.to;
      }
      next.profile = profile;
      break;
    }
    case 'consent_given':
      next.consent = true;
      next.consentAt = event.occurredAt;
      break;
    case 'scored':
      next.fit = num(p.fit) ?? next.fit;
      next.engagement = num(p.engagement) ?? next.engagement;
      next.engagementAt = str(p.engagementAt) ?? next.engagementAt;
      next.quadrant = (str(p.quadrant) as Quadrant | null) ?? next.quadrant;
      next.icpMatch = p.icpMatch === true;
      next.marketingTemperature = (str(p.marketingTemperature) as TemperatureLevel | null) ?? null;
      break;
    case 'mql':
      // Back from nurture: a new round with sales, whose attempts and decision start from nothing.
      if (state.stage === 'nurture') next.sales = { ...EMPTY_SALES };
      next.stage = 'mql';
      next.mqlAt = event.occurredAt;
      next.agreementVersion = event.agreementVersion;
      break;
    case 'assigned':
      next.ownerId = str(p.memberId);
      break;
    case 'imported':
      foldImported(next, event);
      break;
    default:
      applySalesEvent(next, event);
      break;
  }
  return next;
}

const CLOSING_STAGE: Partial<Record<EventType, LeadStage>> = {
  nurtured: 'nurture',
  won: 'won',
  lost: 'lost',
};

/** Folds the sales events (payloads in ./events.ts) into `next`, which is already a fresh copy. */
function applySalesEvent(next: LeadState, event: LedgerEvent): void {
  const p = event.payload;
  const at = event.occurredAt;
  const sales = { ...next.sales };
  next.sales = sales;
  switch (event.type) {
    case 'attempt': {
      const channel = str(p.channel) ?? 'other';
      sales.attempts += 1;
      if (!sales.attemptChannels.includes(channel))
        sales.attemptChannels = [...sales.attemptChannels, channel];
      sales.firstAttemptAt = earlierOf(sales.firstAttemptAt, at);
      if (p.outcome === 'connected') sales.reachedAt = earlierOf(sales.reachedAt, at);
      break;
    }
    case 'accepted':
      next.stage = 'sal';
      sales.acceptedAt = sales.acceptedAt ?? at;
      break;
    case 'qualified': {
      sales.qualification = (p.answers as Record<string, boolean> | undefined) ?? {};
      const temperature = str(p.salesTemperature) as TemperatureLevel | null;
      if (temperature) next.salesTemperature = temperature;
      if (p.sql === true) {
        next.stage = 'sql';
        sales.sqlAt = sales.sqlAt ?? at;
        sales.decidedAt = sales.decidedAt ?? at;
      }
      break;
    }
    case 'rejected':
      next.stage = p.destination === 'disqualified' ? 'disqualified' : 'nurture';
      sales.reasons = Array.isArray(p.reasons)
        ? p.reasons.filter((r): r is string => typeof r === 'string')
        : [];
      sales.decidedAt = sales.decidedAt ?? at;
      sales.closedAt = at;
      break;
    case 'nurtured':
    case 'lost':
    case 'won':
      next.stage = CLOSING_STAGE[event.type] ?? next.stage;
      sales.closedAt = at;
      if (event.type === 'won') {
        sales.wonAt = at;
        sales.wonAmount = num(p.amount);
        sales.currency = str(p.currency) ?? sales.currency;
        sales.reasons = [];
      } else {
        sales.reasons = str(p.reason) ? [p.reason as string] : [];
        if (event.type === 'nurtured') sales.decidedAt = sales.decidedAt ?? at;
      }
      break;
    case 'opportunity':
      next.stage = 'opportunity';
      sales.opportunityAt = sales.opportunityAt ?? at;
      sales.opportunityAmount = num(p.amount) ?? sales.opportunityAmount;
      sales.currency = str(p.currency) ?? sales.currency;
      break;
    case 'erased':
      // Personal data leaves the projection; the anonymous tombstone (stage, dates, amounts, source) stays.
      next.profile = {
        ...EMPTY_PROFILE,
        industry: next.profile.industry,
        employees: next.profile.employees,
        country: next.profile.country,
      };
      next.erasedAt = next.erasedAt ?? at;
      break;
    default:
      // feedback changes no projected column: it lives in the ledger only.
      break;
  }
}

/** What the ICP rules see of a lead (the names `LEAD_FIELDS` defines). */
export function leadProfileOf(state: LeadState, sourceNames: readonly string[] = []): LeadProfile {
  const email = str(state.profile.email);
  const domain = email?.split('@')[1] ?? null;
  const title = str(state.profile.title);
  return {
    industry: str(state.profile.industry),
    employees: num(state.profile.employees),
    country: str(state.profile.country),
    title,
    seniority: seniorityOfTitle(title),
    department: null,
    hasPhone: state.profile.phone !== null,
    emailDomainType: domain ? (isFreeMailDomain(domain) ? 'free' : 'business') : null,
    companyDomain: str(state.profile.companyDomain),
    source: sourceNames,
  };
}
