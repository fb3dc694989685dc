import type { Quadrant, TemperatureLevel } from '../../agreement/constants';
import type { Role } from '../../constants';
import type { FunnelStage } from '../../funnel';
import type { EventType, LeadStage } from '../../ledger/constants';
import type { AttemptChannel, AttemptOutcome } from '../../ledger/events';
import type { Conversion, ReasonKind } from '../../reports/metrics';
import type { PaceStatus, RateOrigin } from '../../reports/plan';
import type { LastAction, SheetAction, SheetTab } from '../../sheet/constants';
import type { AgendaSection } from '../../sla/agenda';
import type { DeadlineKind, DeadlineStatus } from '../../sla/constants';
import type { PluralForms } from '../plural';

/*
 * The shapes of the catalogue's `sheet` section (the add-on's words) that are
 * keyed by the domain's enums: the English sheet words `satisfies` them, so a
 * new stage, tab or outcome without its words fails typecheck.
 */

/**
 * The words of the sheet's frame, one table per language (the agreement's own
 * text is the team's). Shaped like a message catalogue — one flat record per
 * language of plain strings and small enum maps — so it moves into the shared
 * i18n catalogue unchanged.
 */
export interface SheetFrameTexts {
  /** The spreadsheet locale whose number and date formats the tabs use. */
  locale: string;
  dateFormat: string;
  dateTimeFormat: string;
  stages: Record<LeadStage, string>;
  statuses: Record<DeadlineStatus, string>;
  kinds: Record<DeadlineKind, string>;
  quadrants: Record<Quadrant, string>;
  temperatures: Record<TemperatureLevel, string>;
  lastActions: Record<LastAction, string>;
  /**
   * Tab names (the tabs are found by the name in any language, so a team may switch language). The Leads tab
   * keeps its one name, `LEADS_TAB`, in every language: the Worker's live push addresses it by that name.
   */
  tabs: Record<SheetTab, string>;
  /** Row 1 of every tab: when LeadPact last wrote it and from where. */
  freshness: string;
  /** Row 1 when the Worker could not be reached or refused: the reason instead of silence. */
  failure: string;
  /** Row 1 of an agreement tab a person edited since the last refresh while the Worker's draft changed too. */
  localEdits: string;
  /** The actions offered in the Leads tab's Action column (part 2 sends them). */
  actions: Record<SheetAction, string>;
}

/** The add-on sidebar's words, one table per language (shaped to move into the i18n catalogue unchanged). */
export interface SidebarTexts {
  title: string;
  intro: string;
  apiUrl: string;
  token: string;
  tokenSaved: string;
  tokenHelp: string;
  save: string;
  saved: string;
  test: string;
  testing: string;
  connectedAs: string;
  /** The caller's role as the sidebar names it. */
  roles: Record<Role, string>;
  refresh: string;
  refreshing: string;
  refreshed: string;
  forget: string;
  keepLive: string;
  keepLiveHint: string;
  shareWith: string;
  liveOn: string;
  liveStopped: string;
}

export interface SheetWorkTexts {
  outcomes: Record<AttemptOutcome, string>;
  /** Note on an Action cell a person edited: it waits for them to send it. */
  pending: string;
  /** Note on an Action cell someone else changed after this person edited it. */
  notYours: string;
  /** Note when the Worker refused the action (`reason` is its answer). */
  refused: string;
  /** Note when the lead changed since the row was read (`changes` lists what changed). */
  stale: string;
  /** Note when the Worker could not be reached: the row stays pending. */
  unreachable: string;
  /** One changed column in `stale`: `Stage: MQL → SAL`. */
  change: string;
  nothingVisible: string;
  /** Input problems found before anything is sent. */
  unknownAction: string;
  needsReason: string;
  unknownReason: string;
  unknownOutcome: string;
  needsAmount: string;
  needsCriterionReason: string;
  /** Assign: the Note names the new owner (`{action}`). */
  needsAssignee: string;
  /** Assign: no active sales member is named `{value}`; `{known}` lists them. */
  unknownAssignee: string;
  /** Assign: `{value}` names several active sales members (`{names}`, each with its id). */
  severalAssignees: string;
  noLeadId: string;
  /** The answer of "Send my pending rows", chosen by the rows sent (`count`). */
  sent: PluralForms;
  nothingPending: string;
}

/** What the sidebar's one-lead view says (stages, statuses, quadrants, actions and outcomes come from the sheet's frame and work texts). */
export interface LeadViewTexts {
  title: string;
  /** Buttons at the top: open the selected row's lead, or the lead with the id typed. */
  openSelected: string;
  openById: string;
  leadIdPlaceholder: string;
  refresh: string;
  loading: string;
  sections: { profile: string; scores: string; history: string; deadlines: string; actions: string };
  fields: {
    name: string;
    company: string;
    email: string;
    phone: string;
    source: string;
    campaign: string;
    stage: string;
    owner: string;
    version: string;
  };
  scores: {
    quadrant: string;
    marketingTemperature: string;
    salesTemperature: string;
    /** Chosen by the points (`count`), high from `{threshold}`. */
    fit: PluralForms;
    engagement: PluralForms;
    /** A criterion met (`{points}` added when weighted) or not. */
    met: string;
    metPoints: string;
    notMet: string;
    /** A required ICP criterion (a gate). */
    gate: string;
    role: string;
    /** `{touches}` × `{type}`, chosen by the points each (`count`). */
    touch: PluralForms;
    rule: string;
    none: string;
    unexplained: string;
  };
  events: Record<EventType, string>;
  channels: Record<AttemptChannel, string>;
  /** Who acted, when the ledger names no member. */
  actors: { system: string; token: string; source: string };
  /** Chosen by the business hours (`count`). */
  deadlines: { left: PluralForms; overdue: PluralForms; none: string };
  inputs: {
    /** The Worker's `attempt`: one button with channel and outcome. */
    attempt: string;
    channel: string;
    outcome: string;
    checklist: string;
    buyingHorizon: string;
    reasons: string;
    reason: string;
    amount: string;
    currency: string;
    note: string;
    send: string;
    yes: string;
    no: string;
    /** Assign: the picker of active sales members. */
    assignee: string;
    /** The owner's entry in the picker (`{name}`), shown but not offered. */
    currentOwner: string;
    /** The picker's empty choice when the lead has no owner yet. */
    chooseAssignee: string;
    /** No active sales member but the owner: nobody to give the lead to. */
    noAssignee: string;
  };
  noActions: string;
  /** Messages. */
  selectRow: string;
  notFound: string;
  sent: string;
  refused: string;
  stale: string;
  nothingNew: string;
  unreachable: string;
}

/**
 * The Funnel plan tab's words (worker/domain/sheet/funnel-tab.ts). Pace labels
 * end up inside sheet formulas, so none may hold a double quote.
 */
export interface FunnelTabTexts {
  /** `{period}` is the plan's key (2026, 2026-Q1, 2026-03). */
  title: string;
  /** Shown instead of the tab when the workspace has no plan yet. */
  noPlan: string;
  /** How the manager uses the two input columns. */
  help: string;
  inputsHeader: { input: string; fromLeadPact: string; whatIf: string; origin: string };
  inputs: {
    revenueTarget: string;
    averageDealSize: string;
    periodStart: string;
    periodEnd: string;
    marketingBudget: string;
    elapsed: string;
  };
  rates: { lead_mql: string; mql_sql: string; sql_opportunity: string; opportunity_won: string };
  origins: Record<RateOrigin, string>;
  stagesHeader: {
    stage: string;
    fromLeadPact: string;
    whatIf: string;
    actual: string;
    expected: string;
    pace: string;
    forecast: string;
    maxCost: string;
  };
  stages: Record<FunnelStage | 'revenue', string>;
  pace: Record<PaceStatus, string>;
  monthsHeader: { month: string; days: string; planned: string; actual: string };
  actualsHeader: string;
  chartTitle: string;
  /** Help shown when a what-if cell refuses an entry. */
  validation: { amount: string; rate: string; date: string; budget: string };
}

/** The read-only Agreement tab the add-on writes from the snapshot: labels and the sentences that say its state. */
export interface AgreementTabTexts {
  title: string;
  status: string;
  enforced: string;
  notEnforced: string;
  notice: string;
  activeVersion: string;
  activeSince: string;
  noneSigned: string;
  signaturesOf: string;
  side: string;
  signedBy: string;
  signedAt: string;
  notSigned: string;
  notRequired: string;
  shareLink: string;
  sharedSince: string;
  notShared: string;
  pending: string;
  pendingNone: string;
  proposedVersion: string;
  stillNeeds: string;
  nobodyMissing: string;
  draftRevision: string;
  draftChanged: string;
  draftSame: string;
  warnings: string;
  warningsNone: string;
  warningWhere: string;
  warningSetting: string;
  warningThreshold: string;
  warningReachable: string;
  warningMeaning: string;
  inActive: string;
  inDraft: string;
  /** `threshold_unreachable` in words. */
  thresholdUnreachable: string;
  /** `quadrants_unreachable` in words: `{quadrants}`, `{threshold}` (the fit threshold), `{reachable}` (the highest fit). */
  quadrantsUnreachable: string;
  /** The settings a warning may point at, by path; an unknown path is shown as written. */
  settings: Record<string, string>;
  scores: { fit: string; engagement: string };
}

/** The read-only Report tab (names, reason codes and campaign keys are the team's own and are not here). */
export interface ReportTabTexts {
  /** `{from}`, `{to}`: the period's first and last day. */
  title: string;
  currency: string;
  totals: string;
  metric: string;
  value: string;
  metrics: {
    leads: string;
    mqls: string;
    mqlsMatchingIcp: string;
    handedToSales: string;
    accepted: string;
    inProgress: string;
    hotLeads: string;
    sqls: string;
    opportunities: string;
    won: string;
    wonRevenue: string;
    marketingSourcedRevenue: string;
    nurture: string;
    disqualified: string;
    lost: string;
    untouched: string;
    firstTouchMedian: string;
    firstTouchP90: string;
    coverage: string;
  };
  conversions: Record<Conversion, string>;
  /** `{kind}`: a deadline kind, as the Leads tab names it. */
  slaMet: string;
  bySource: string;
  byCampaign: string;
  source: string;
  noSource: string;
  campaign: string;
  campaignName: string;
  channel: string;
  touched: string;
  noRows: string;
  reasons: string;
  reason: string;
  kind: string;
  count: string;
  reasonKinds: Record<ReasonKind, string>;
  noReasons: string;
  otherCurrencies: string;
}

/** The read-only Agenda tab. */
export interface AgendaTabTexts {
  meeting: string;
  number: string;
  topic: string;
  detail: string;
  who: string;
  decide: string;
  everyone: string;
  admin: string;
  /** What the meeting decides for each kind of item. */
  /** Standing items ask for no decision: their row leaves the cell empty. */
  decisions: Record<Exclude<AgendaSection['id'], 'standing'>, string>;
}
