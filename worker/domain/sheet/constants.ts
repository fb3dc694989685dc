/** Sales milestones the Leads tab names as a lead's last action. */
export const LAST_ACTIONS = [
  'attempt',
  'accepted',
  'qualified',
  'opportunity',
  'won',
  'lost',
  'nurtured',
  'disqualified',
] as const;
export type LastAction = (typeof LAST_ACTIONS)[number];

/** The tabs LeadPact writes, in the order they appear. */
export const SHEET_TABS = [
  'agreement',
  'glossary',
  'icp',
  'scoring',
  'rules',
  'leads',
  'funnel',
  'report',
  'agenda',
] as const;
export type SheetTab = (typeof SHEET_TABS)[number];

/** The sales actions a row can ask for (part 2 of the add-on sends them to `POST /v1/leads/{id}/actions`). */
export const SHEET_ACTIONS = [
  'attempt_call',
  'attempt_email',
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
export type SheetAction = (typeof SHEET_ACTIONS)[number];
