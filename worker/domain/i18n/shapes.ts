import type {
  AgreementSection,
  FeedbackAnswerKind,
  GoalPeriod,
  IcpOperator,
  LeadField,
  Quadrant,
  RejectionDestination,
  ReportCadence,
  ReportItem,
  TemperatureLevel,
  TouchType,
  VersionStatus,
  Weekday,
} from '../agreement/constants';
import type { Side } from '../constants';
import type { LeadStage } from '../ledger/constants';
import type { SheetErrorCode } from '../live-sheet/constants';
import type { PaceStatus } from '../reports/plan';
import type { DeadlineKind } from '../sla/constants';
import type { RecipientRole } from '../sla/messages';
import type { PluralForms } from './plural';

/*
 * The shapes of the catalogue's sections that are keyed by the domain's enums:
 * the English catalogue `satisfies` them, so a new section, field or stage
 * without its words fails typecheck. The catalogue type itself is derived from English.
 */

/**
 * The words the shared agreement page (and the add-on's tabs) use. The
 * agreement's own text is the team's; these are only the frame around it.
 */
export interface AgreementLabels {
  sections: Record<AgreementSection, string>;
  fields: Record<LeadField, string>;
  operators: Record<IcpOperator, string>;
  touches: Record<TouchType, string>;
  quadrants: Record<Quadrant, string>;
  temperatures: Record<TemperatureLevel, string>;
  weekdays: Record<Weekday, string>;
  destinations: Record<RejectionDestination, string>;
  sides: Record<Side, string>;
  reportItems: Record<ReportItem, string>;
  answers: Record<FeedbackAnswerKind, string>;
  periods: Record<GoalPeriod, string>;
  cadences: Record<ReportCadence, string>;
  statuses: Record<VersionStatus, string>;
  words: {
    version: string;
    activeSince: string;
    contentHash: string;
    readOnly: string;
    print: string;
    isLead: string;
    isNotLead: string;
    examples: string;
    criterion: string;
    rule: string;
    kind: string;
    requiredGate: string;
    weightedPoints: string;
    points: string;
    consentRequired: string;
    yes: string;
    no: string;
    source: string;
    creates: string;
    lead: string;
    prospectTouch: string;
    marketingView: string;
    salesView: string;
    monthsHot: PluralForms;
    /** Chosen by the upper bound (`count`); `{a}` is the lower. */
    monthsWarm: PluralForms;
    monthsCold: PluralForms;
    fitRoles: string;
    engagementPoints: string;
    pages: string;
    halfLife: PluralForms;
    thresholds: string;
    fitThreshold: PluralForms;
    engagementThreshold: PluralForms;
    mqlConsent: string;
    mqlIcp: string;
    mqlFields: string;
    mqlMinFit: PluralForms;
    mqlMinEngagement: PluralForms;
    /** The share page's notice of thresholds no lead can reach (agreement warnings). */
    unreachableTitle: string;
    unreachable: string;
    /** `{rule}`, `{quadrants}`: MQL quadrants no lead meeting the MQL minimums can be in. */
    quadrantsUnreachable: string;
    mqlQuadrants: string;
    required: string;
    optional: string;
    reason: string;
    failedCriterion: string;
    hardDisqualifier: string;
    destination: string;
    timezone: string;
    businessHours: string;
    closed: string;
    holidays: string;
    none: string;
    firstTouch: string;
    /** "1 business hour", "5 business hours" (`count`). */
    hoursCount: PluralForms;
    /** `{attempts}`, `{channels}`, `{days}`: the three counts below, each in the case the sentence needs. */
    attemptsRule: string;
    contactAttempts: PluralForms;
    channelCount: PluralForms;
    businessDays: PluralForms;
    decisionRule: string;
    period: string;
    currency: string;
    sharedGoal: string;
    marketingGoal: string;
    salesGoal: string;
    rewards: string;
    sqls: string;
    sourcedRevenue: string;
    closedRevenue: string;
    notSet: string;
    weeklyMeeting: string;
    managementReview: string;
    /** Chosen by the number of months (`count`). */
    agreementReview: PluralForms;
    /** Chosen by the number of months (`count`). */
    everyMonths: PluralForms;
    dayOfMonth: string;
    minutes: string;
    cadence: string;
    reportContains: string;
    weeklyAgenda: string;
    segments: string;
    roles: string;
    problems: string;
    challenges: string;
    values: string;
    guardian: string;
    reviewEvery: PluralForms;
    lastReviewed: string;
    question: string;
    answer: string;
    signatures: string;
    side: string;
    signedBy: string;
    signedAt: string;
    notSigned: string;
    notYetSigned: string;
    noActiveVersion: string;
    notFound: string;
    notFoundText: string;
  };
}

/** The weekly meeting's agenda. */
export interface AgendaLabels {
  title: string;
  when: string;
  handedOver: string;
  handedOverNone: string;
  /** Chosen by the number of leads handed over (`count`). */
  handedOverLine: PluralForms;
  notWorkedLead: string;
  noOwner: string;
  breaches: string;
  breachesNone: string;
  breachLine: string;
  rejections: string;
  rejectionsNone: string;
  rejectionLine: string;
  nurtureLine: string;
  campaigns: string;
  campaignsNone: string;
  /** Chosen by the campaign's number of leads (`count`). */
  campaignLine: PluralForms;
  pace: string;
  paceNone: string;
  paceLine: string;
  paceStatus: Record<PaceStatus, string>;
  revenue: string;
  noGuardian: string;
  persona: string;
  personaDue: string;
  personaOverdue: string;
  agreement: string;
  agreementLine: string;
  standing: string;
  sides: Record<Side, string>;
  stages: Record<LeadStage, string>;
  /** "3 MQL", "5 leadów": a stage with a count (`count`). */
  stageCounts: Record<LeadStage, PluralForms>;
  fullAgenda: string;
}

/** Deadline notifications. */
export interface SlaLabels {
  kinds: Record<DeadlineKind, string>;
  leadDueSoon: string;
  leadBreached: string;
  leadEscalated: string;
  teamDueSoon: string;
  teamBreached: string;
  teamEscalated: string;
  owner: string;
  noOwner: string;
  forWhom: string;
  roles: Record<RecipientRole, string>;
  openLead: string;
  unnamedLead: string;
  /** The signed read-only lead page a breach message links to. */
  leadPage: {
    pageTitle: string;
    stage: string;
    arrived: string;
    deadlines: string;
    noDeadlines: string;
    due: string;
    readOnly: string;
    expired: string;
    notFound: string;
    statuses: Record<'pending' | 'due_soon' | 'breached' | 'met' | 'met_late' | 'cancelled', string>;
  };
}

/** The live sheet's errors (`{email}`: the service account to share with) and its line in the weekly agenda. */
export interface LiveSheetLabels {
  errors: Record<SheetErrorCode, string>;
  agendaTitle: string;
  agendaSince: string;
}
