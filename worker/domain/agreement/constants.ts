/** Enums of the agreement, shared by the Worker, the database schema and the add-on (no zod, no drizzle). */

/**
 * The lead fields an ICP criterion may name. Intake builds a `LeadProfile` with
 * exactly these names and `evaluateIcp` reads them.
 */
export const LEAD_FIELDS = [
  'industry',
  'employees',
  'country',
  'title',
  'seniority',
  'department',
  'hasPhone',
  'emailDomainType',
  'companyDomain',
  'source',
] as const;
export type LeadField = (typeof LEAD_FIELDS)[number];

export const ICP_OPERATORS = ['in', 'not_in', '>=', '<=', 'between', 'present', 'matches'] as const;
export type IcpOperator = (typeof ICP_OPERATORS)[number];

/** What kind of value a lead field holds; it decides which operators and values make sense. */
export type LeadFieldKind = 'text' | 'number' | 'boolean' | 'country' | 'seniority' | 'emailDomainType';

export const LEAD_FIELD_KINDS: Record<LeadField, LeadFieldKind> = {
  industry: 'text',
  employees: 'number',
  country: 'country',
  title: 'text',
  seniority: 'seniority',
  department: 'text',
  hasPhone: 'boolean',
  emailDomainType: 'emailDomainType',
  companyDomain: 'text',
  source: 'text',
};

export const OPERATORS_BY_KIND: Record<LeadFieldKind, readonly IcpOperator[]> = {
  text: ['in', 'not_in', 'matches', 'present'],
  number: ['>=', '<=', 'between', 'present'],
  boolean: ['in', 'not_in', 'present'],
  country: ['in', 'not_in', 'present'],
  seniority: ['in', 'not_in', 'present'],
  emailDomainType: ['in', 'not_in', 'present'],
};

/** Seniority levels, from the top; intake derives one from the job title (`seniorityOfTitle`). */
export const SENIORITY_LEVELS = ['owner', 'c_level', 'vp', 'director', 'manager', 'individual'] as const;
export type Seniority = (typeof SENIORITY_LEVELS)[number];

export const EMAIL_DOMAIN_TYPES = ['business', 'free'] as const;
export type EmailDomainType = (typeof EMAIL_DOMAIN_TYPES)[number];

export const CRITERION_KINDS = ['required', 'weighted'] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

/** Fit × engagement: `perfect` (high/high), `engaged` (low fit), `fit` (low engagement), `low`. */
export const QUADRANTS = ['perfect', 'engaged', 'fit', 'low'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export const TEMPERATURE_LEVELS = ['cold', 'warm', 'hot'] as const;
export type TemperatureLevel = (typeof TEMPERATURE_LEVELS)[number];

/** Touch types a lead's engagement is made of (the intake feature records them as events). */
export const TOUCH_TYPES = [
  'form_submitted',
  'page_view',
  'pricing_view',
  'support_view',
  'webinar_registered',
  'webinar_attended',
  'ebook_download',
  'email_click',
  'chat',
  'meeting',
  'custom',
] as const;
export type TouchType = (typeof TOUCH_TYPES)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const LEAD_SOURCE_OUTCOMES = ['lead', 'prospect'] as const;
export type LeadSourceOutcome = (typeof LEAD_SOURCE_OUTCOMES)[number];

export const REJECTION_DESTINATIONS = ['nurture', 'disqualified'] as const;
export type RejectionDestination = (typeof REJECTION_DESTINATIONS)[number];

export const FEEDBACK_ANSWER_KINDS = ['yes_no', 'scale_1_5', 'text'] as const;
export type FeedbackAnswerKind = (typeof FEEDBACK_ANSWER_KINDS)[number];

export const GOAL_PERIODS = ['month', 'quarter', 'year'] as const;
export type GoalPeriod = (typeof GOAL_PERIODS)[number];

export const REPORT_CADENCES = ['monthly', 'quarterly'] as const;
export type ReportCadence = (typeof REPORT_CADENCES)[number];

/** What the periodic report contains (DOMAIN.md, "The report"). */
export const REPORT_ITEMS = [
  'mqls_matching_icp',
  'handed_to_sales',
  'hot_leads',
  'nurture_with_reasons',
  'in_progress',
  'won',
  'marketing_sourced_revenue',
  'stage_conversion',
  'sla_compliance',
  'time_to_first_touch',
  'rejection_reasons',
  'by_source_and_campaign',
] as const;
export type ReportItem = (typeof REPORT_ITEMS)[number];

/** Glossary keys every agreement must define. */
export const REQUIRED_GLOSSARY_KEYS = ['lead', 'mql', 'sql'] as const;

/** The sections, in the order the agreement reads; each is one tab of the sheet. */
export const AGREEMENT_SECTIONS = [
  'glossary',
  'icp',
  'leadDefinition',
  'temperature',
  'scoring',
  'mql',
  'sqlCriteria',
  'rejectionReasons',
  'sla',
  'goals',
  'meetings',
  'reporting',
  'persona',
  'feedback',
  'signers',
] as const;
export type AgreementSection = (typeof AGREEMENT_SECTIONS)[number];

/**
 * A version's life: `proposed` (frozen, collecting signatures) → `active` (every
 * required side signed) → `superseded` (a later version became active).
 * A proposal replaced by a newer one before it activated is `withdrawn`.
 */
export const VERSION_STATUSES = ['proposed', 'active', 'superseded', 'withdrawn'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];
