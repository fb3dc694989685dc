import { TOUCH_TYPES, type TouchType } from '../agreement/constants';

/** The lead ledger's vocabulary, shared by the Worker and the add-on. */

/** Where a lead stands. `prospect` touched us without becoming a lead (a webinar sign-up alone). */
export const LEAD_STAGES = [
  'prospect',
  'lead',
  'mql',
  'sal',
  'sql',
  'opportunity',
  'won',
  'lost',
  'nurture',
  'disqualified',
] as const;
export type LeadStage = (typeof LEAD_STAGES)[number];

/** Every fact about a lead is one of these, appended, never changed (erasure blanks personal data only). */
export const EVENT_TYPES = [
  'created',
  'became_lead',
  'touch',
  'profile_updated',
  'consent_given',
  'scored',
  'mql',
  'assigned',
  'attempt',
  'accepted',
  'qualified',
  'rejected',
  'nurtured',
  'opportunity',
  'won',
  'lost',
  'feedback',
  'erased',
  /** A row of an imported list: historical stage and dates, no SLA clock (worker/domain/import/fold.ts). */
  'imported',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** What sales (and, narrowly, marketing) may do with a handed-over lead, as the API accepts it. */
export const ACTION_TYPES = [
  'attempt',
  'accept',
  'qualify',
  'reject',
  'nurture',
  'opportunity',
  'won',
  'lost',
  'feedback',
  'assign',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export const SOURCE_ORIGINS = ['marketing', 'sales', 'partner', 'other'] as const;
export type SourceOrigin = (typeof SOURCE_ORIGINS)[number];

/** Touches `POST /v1/events` accepts: every touch type but a form submission, which intake records itself. */
export type ApiTouchType = Exclude<TouchType, 'form_submitted'>;
export const API_TOUCH_TYPES = TOUCH_TYPES.filter((t): t is ApiTouchType => t !== 'form_submitted') as [
  ApiTouchType,
  ...ApiTouchType[],
];

/** Profile fields a delivery may refresh; each change is kept in a `profile_updated` event. */
export const PROFILE_FIELDS = [
  'email',
  'phone',
  'firstName',
  'lastName',
  'company',
  'companyDomain',
  'website',
  'title',
  'industry',
  'employees',
  'country',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
