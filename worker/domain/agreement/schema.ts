import { isSupportedCountry } from 'libphonenumber-js/max';
import * as z from 'zod';
import { LANGUAGES } from '../constants';
import { type Said, say, schemaText, verbatim, zodSaid } from '../i18n';
import { optionalFields } from '../optional-fields';
import { TimeZone } from '../workspace';
import {
  CRITERION_KINDS,
  EMAIL_DOMAIN_TYPES,
  FEEDBACK_ANSWER_KINDS,
  GOAL_PERIODS,
  ICP_OPERATORS,
  LEAD_FIELD_KINDS,
  LEAD_FIELDS,
  LEAD_SOURCE_OUTCOMES,
  type LeadField,
  OPERATORS_BY_KIND,
  QUADRANTS,
  REJECTION_DESTINATIONS,
  REPORT_CADENCES,
  REPORT_ITEMS,
  REQUIRED_GLOSSARY_KEYS,
  SENIORITY_LEVELS,
  TEMPERATURE_LEVELS,
  TOUCH_TYPES,
  WEEKDAYS,
} from './constants';

/**
 * The one schema of the marketing–sales agreement (DOMAIN.md, "The agreement").
 * Every section carries its own rules, so a section patched alone is checked as
 * strictly as a whole agreement; rules that span sections live on `Agreement`.
 * Objects are strict: a misspelt key is refused, never silently dropped.
 */

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: schemaText('notEmpty') })
    .max(max);

/** Stable machine codes (`no_budget`): what reports, rejections and the sheet refer to. */
export const Code = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, {
  message: schemaText('code'),
});

export const IsoDate = z.iso.date({ message: schemaText('isoDate') });

const HH_MM = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
/** A wall-clock time `HH:MM` in the agreement's time zone. */
export const ClockTime = z.string().regex(HH_MM, { message: schemaText('clockTime') });
/** A closing time: like `ClockTime`, and `24:00` for "until midnight". */
const ClosingTime = z
  .string()
  .refine((s) => HH_MM.test(s) || s === '24:00', { message: schemaText('closingTime') });

/** Minutes since midnight of `HH:MM`. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Flags every repeat of a key; `at` is the list's path inside the refined value ([] when the list is the value). */
function addDuplicateIssues<T>(
  ctx: z.RefinementCtx,
  at: readonly PropertyKey[],
  items: readonly T[],
  keyOf: (item: T) => string,
  field: string | null,
  what: Said,
): void {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, index);
      return;
    }
    ctx.addIssue({
      code: 'custom',
      path: field === null ? [...at, index] : [...at, index, field],
      ...zodSaid(say('duplicate', { what, key: verbatim(key), first })),
    });
  });
}

// ---------------------------------------------------------------------------
// Matchers: a lead field, an operator and values. ICP criteria and fit roles use them.

const MatcherValue = z.union([z.string().trim().min(1).max(200), z.number(), z.boolean()]);

const FIELD_LIST = LEAD_FIELDS.join(', ');
const LeadFieldName = z.enum(LEAD_FIELDS, {
  error: (issue) =>
    issue.input === undefined
      ? schemaText('fieldMissing', { fields: FIELD_LIST })
      : schemaText('fieldUnknown', { field: String(issue.input), fields: FIELD_LIST }),
});
const OperatorName = z.enum(ICP_OPERATORS, {
  error: (issue) =>
    issue.input === undefined
      ? schemaText('operatorMissing', { operators: ICP_OPERATORS.join(', ') })
      : schemaText('operatorUnknown', { operator: String(issue.input), operators: ICP_OPERATORS.join(', ') }),
});

interface MatcherLike {
  field: LeadField;
  operator: (typeof ICP_OPERATORS)[number];
  values: (string | number | boolean)[];
}

function valueFitsField(field: LeadField, value: string | number | boolean): string | null {
  switch (LEAD_FIELD_KINDS[field]) {
    case 'text':
      return typeof value === 'string' ? null : schemaText('valueText', { field });
    case 'number':
      return typeof value === 'number' && value >= 0 ? null : schemaText('valueCount', { field });
    case 'boolean':
      return typeof value === 'boolean' ? null : schemaText('valueBoolean', { field });
    case 'country':
      return typeof value === 'string' &&
        /^[A-Za-z]{2}$/.test(value) &&
        isSupportedCountry(value.toUpperCase())
        ? null
        : schemaText('valueCountry', { value: String(value) });
    case 'seniority':
      return typeof value === 'string' && (SENIORITY_LEVELS as readonly string[]).includes(value)
        ? null
        : schemaText('valueSeniority', { levels: SENIORITY_LEVELS.join(', '), value: String(value) });
    case 'emailDomainType':
      return typeof value === 'string' && (EMAIL_DOMAIN_TYPES as readonly string[]).includes(value)
        ? null
        : schemaText('valueDomainType', { types: EMAIL_DOMAIN_TYPES.join(' or '), value: String(value) });
  }
}

/** The measurability rules: the operator suits the field and the values suit both. */
function checkMatcher(matcher: MatcherLike, ctx: z.RefinementCtx): void {
  const { field, operator, values } = matcher;
  const kind = LEAD_FIELD_KINDS[field];
  const allowed = OPERATORS_BY_KIND[kind];
  if (!allowed.includes(operator)) {
    ctx.addIssue({
      code: 'custom',
      path: ['operator'],
      message: schemaText('operatorMisfit', { operator, field, operators: allowed.join(', ') }),
    });
    return;
  }
  const count = (n: number, what: string) => {
    if (values.length !== n) ctx.addIssue({ code: 'custom', path: ['values'], message: what });
    return values.length === n;
  };
  switch (operator) {
    case 'present':
      count(0, schemaText('presentNoValues'));
      return;
    case '>=':
    case '<=':
      if (!count(1, schemaText('oneNumber', { operator }))) return;
      break;
    case 'between': {
      if (!count(2, schemaText('betweenTwo'))) return;
      const [min, max] = values;
      if (typeof min === 'number' && typeof max === 'number' && min > max) {
        ctx.addIssue({
          code: 'custom',
          path: ['values'],
          message: schemaText('betweenOrder', { min, max }),
        });
      }
      break;
    }
    case 'matches': {
      if (!count(1, schemaText('matchesOne'))) return;
      const [pattern] = values;
      if (typeof pattern === 'string') {
        try {
          new RegExp(pattern, 'iu');
        } catch {
          ctx.addIssue({
            code: 'custom',
            path: ['values', 0],
            message: schemaText('regexInvalid', { pattern }),
          });
        }
      }
      break;
    }
    case 'in':
    case 'not_in':
      if (values.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['values'],
          message: schemaText('valuesNeeded', { operator }),
        });
        return;
      }
      break;
  }
  values.forEach((value, index) => {
    const problem = valueFitsField(field, value);
    if (problem) ctx.addIssue({ code: 'custom', path: ['values', index], message: problem });
  });
}

const criterionShape = {
  id: Code,
  label: text(300),
  field: LeadFieldName,
  operator: OperatorName,
  values: z.array(MatcherValue).max(200),
};

const notMeasurable = (issue: { code?: string; input?: unknown }) =>
  issue.code === 'invalid_type' && typeof issue.input === 'string'
    ? schemaText('freeText', { input: String(issue.input), fields: FIELD_LIST })
    : undefined;

/** One ICP criterion: `required` gates the lead, `weighted` adds `points` to fit. */
export const IcpCriterion = z
  .strictObject(
    {
      ...criterionShape,
      kind: z.enum(CRITERION_KINDS),
      points: z.int().min(1).max(1000).optional(),
    },
    { error: notMeasurable },
  )
  .superRefine((criterion, ctx) => {
    checkMatcher(criterion, ctx);
    if (criterion.kind === 'weighted' && criterion.points === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['points'],
        message: schemaText('weightedPoints'),
      });
    }
    if (criterion.kind === 'required' && criterion.points !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['points'],
        message: schemaText('requiredNoPoints'),
      });
    }
  });
export type IcpCriterion = z.output<typeof IcpCriterion>;

// ---------------------------------------------------------------------------
// Sections

export const GlossaryTerm = z.strictObject({
  key: Code,
  term: text(200),
  definition: text(2000),
  examples: z.array(text(500)).max(20),
});
export type GlossaryTerm = z.output<typeof GlossaryTerm>;

export const Glossary = z
  .strictObject({
    terms: z.array(GlossaryTerm).min(1).max(100),
    leadExamples: z.strictObject({
      is: z.array(text(500)).max(30),
      isNot: z.array(text(500)).max(30),
    }),
  })
  .superRefine((glossary, ctx) => {
    addDuplicateIssues(ctx, ['terms'], glossary.terms, (t) => t.key, 'key', say('itemTermKey'));
    const keys = new Set(glossary.terms.map((t) => t.key));
    for (const key of REQUIRED_GLOSSARY_KEYS) {
      if (!keys.has(key)) {
        ctx.addIssue({ code: 'custom', path: ['terms'], message: schemaText('glossaryMust', { key }) });
      }
    }
  });
export type Glossary = z.output<typeof Glossary>;

export const Icp = z
  .strictObject({
    summary: text(2000),
    criteria: z.array(IcpCriterion).max(100),
  })
  .superRefine((icp, ctx) => {
    addDuplicateIssues(ctx, ['criteria'], icp.criteria, (c) => c.id, 'id', say('itemCriterionId'));
  });
export type Icp = z.output<typeof Icp>;

export const LeadSource = z.strictObject({
  key: Code,
  label: text(200),
  creates: z.enum(LEAD_SOURCE_OUTCOMES),
  note: text(1000).optional(),
});
export type LeadSource = z.output<typeof LeadSource>;

export const LeadDefinition = z
  .strictObject({
    summary: text(2000),
    consentRequired: z.boolean().default(true),
    sources: z.array(LeadSource).max(50),
  })
  .superRefine((definition, ctx) => {
    addDuplicateIssues(ctx, ['sources'], definition.sources, (s) => s.key, 'key', say('itemSourceKey'));
  });
export type LeadDefinition = z.output<typeof LeadDefinition>;

export const MarketingTemperatureRule = z
  .strictObject({
    temperature: z.enum(TEMPERATURE_LEVELS),
    label: text(300),
    when: z
      .array(z.strictObject({ touch: z.enum(TOUCH_TYPES), atLeast: z.int().min(1).max(100) }))
      .min(1)
      .max(10),
  })
  .superRefine((rule, ctx) => {
    addDuplicateIssues(ctx, ['when'], rule.when, (w) => w.touch, 'touch', say('itemTouchType'));
  });
export type MarketingTemperatureRule = z.output<typeof MarketingTemperatureRule>;

export const Temperature = z.strictObject({
  /** Engagement view: the hottest rule whose touch counts are all reached wins. */
  marketing: z.array(MarketingTemperatureRule).min(1).max(10),
  /** Buying-horizon view after a call: hot below `hotUnderMonths`, cold above `coldOverMonths`, warm between. */
  sales: z
    .strictObject({
      hotUnderMonths: z.int().min(1).max(120),
      coldOverMonths: z.int().min(1).max(120),
    })
    .refine((s) => s.coldOverMonths >= s.hotUnderMonths, {
      path: ['coldOverMonths'],
      message: schemaText('coldAfterHot'),
    }),
});
export type Temperature = z.output<typeof Temperature>;

/** A role that raises fit (a CEO or IT director scores high): matched on title, seniority or department. */
export const FitRole = z
  .strictObject(
    {
      ...criterionShape,
      field: z.enum(['title', 'seniority', 'department'], {
        error: schemaText('roleMatches'),
      }),
      points: z.int().min(1).max(1000),
    },
    { error: notMeasurable },
  )
  .superRefine((role, ctx) => checkMatcher(role, ctx));
export type FitRole = z.output<typeof FitRole>;

const points = z.int().min(0).max(1000);

export const Scoring = z
  .strictObject({
    fit: z.strictObject({
      /** Only the best-scoring matching role counts: a person has one role. */
      roles: z.array(FitRole).max(50),
    }),
    engagement: z.strictObject({
      points: optionalFields(TOUCH_TYPES, points),
      /** Page views whose URL contains `urlContains` score `points` instead of `page_view`'s. */
      pages: z.array(z.strictObject({ urlContains: text(200), points })).max(50),
      /** Engagement points halve every `halfLifeDays`. */
      halfLifeDays: z
        .number()
        .positive({ message: schemaText('halfLife') })
        .max(3650),
    }),
    /** Fit ≥ `fit` is high fit; engagement ≥ `engagement` is high engagement. */
    thresholds: z.strictObject({
      fit: z.number().min(0).max(100_000),
      engagement: z.number().min(0).max(100_000),
    }),
  })
  .superRefine((scoring, ctx) => {
    addDuplicateIssues(ctx, ['fit', 'roles'], scoring.fit.roles, (r) => r.id, 'id', say('itemRoleId'));
  });
export type Scoring = z.output<typeof Scoring>;

export const Mql = z
  .strictObject({
    summary: text(1000),
    requireConsent: z.boolean(),
    /** Every `required` ICP criterion must pass. */
    requireIcp: z.boolean(),
    /** Lead fields that must be present (text non-empty, `hasPhone` true). */
    requiredFields: z.array(LeadFieldName).max(LEAD_FIELDS.length),
    minFit: z.number().min(0).nullable(),
    minEngagement: z.number().min(0).nullable(),
    /** When non-empty, only leads in these quadrants qualify. */
    quadrants: z.array(z.enum(QUADRANTS)).max(QUADRANTS.length),
  })
  .superRefine((mql, ctx) => {
    addDuplicateIssues(ctx, ['requiredFields'], mql.requiredFields, (f) => f, null, say('itemField'));
    addDuplicateIssues(ctx, ['quadrants'], mql.quadrants, (q) => q, null, say('itemQuadrant'));
  });
export type Mql = z.output<typeof Mql>;

export const SqlCriterion = z.strictObject({
  code: Code,
  label: text(300),
  description: text(1000).optional(),
  required: z.boolean(),
});
export type SqlCriterion = z.output<typeof SqlCriterion>;

export const SqlCriteria = z
  .array(SqlCriterion)
  .min(1)
  .max(50)
  .superRefine((criteria, ctx) =>
    addDuplicateIssues(ctx, [], criteria, (c) => c.code, 'code', say('itemCriterionCode')),
  );
export type SqlCriteria = z.output<typeof SqlCriteria>;

export const RejectionReason = z
  .strictObject({
    code: Code,
    label: text(300),
    /** The SQL criterion whose failure this reason names; null only for a hard disqualifier. */
    criterion: Code.nullable(),
    /** Spam, out of scope...: allowed without the attempt rule and without a criterion. */
    hardDisqualifier: z.boolean(),
    destination: z.enum(REJECTION_DESTINATIONS),
  })
  .superRefine((reason, ctx) => {
    if (reason.criterion === null && !reason.hardDisqualifier) {
      ctx.addIssue({
        code: 'custom',
        path: ['criterion'],
        message: schemaText('reasonNeedsCriterion'),
      });
    }
  });
export type RejectionReason = z.output<typeof RejectionReason>;

export const RejectionReasons = z
  .array(RejectionReason)
  .min(1)
  .max(50)
  .superRefine((reasons, ctx) =>
    addDuplicateIssues(ctx, [], reasons, (r) => r.code, 'code', say('itemReasonCode')),
  );
export type RejectionReasons = z.output<typeof RejectionReasons>;

/**
 * One opening interval of a day, local wall-clock times; `close` may be `24:00`
 * (midnight at the end of the day). Hours that cross midnight are two intervals
 * on two days. The agreement and the SLA clock (business-time.ts) share this.
 */
export const OpeningHours = z
  .strictObject({ open: ClockTime, close: ClosingTime })
  .refine((h) => minutesOf(h.open) < minutesOf(h.close), {
    path: ['close'],
    message: schemaText('closeAfterOpenMidnight'),
  });
export type OpeningHours = z.output<typeof OpeningHours>;

/**
 * A day is closed (`null` or `[]`), open once (`{ open, close }`) or split
 * (`[{…}, {…}]`, e.g. a lunch break; up to four intervals that may touch but
 * not overlap). One schema for the agreement and the SLA clock.
 */
export const DayHours = z
  .union([z.null(), OpeningHours, z.array(OpeningHours).max(4)], { message: schemaText('dayHours') })
  .superRefine((hours, ctx) => {
    if (!Array.isArray(hours)) return;
    const sorted = hours
      .map((h, index) => ({ ...h, index }))
      .sort((a, b) => minutesOf(a.open) - minutesOf(b.open));
    for (let i = 1; i < sorted.length; i++) {
      const previous = sorted[i - 1];
      const current = sorted[i];
      if (previous && current && minutesOf(current.open) < minutesOf(previous.close)) {
        ctx.addIssue({
          code: 'custom',
          path: [current.index],
          message: schemaText('overlaps', {
            current: `${current.open}–${current.close}`,
            previous: `${previous.open}–${previous.close}`,
          }),
        });
      }
    }
  });
export type DayHours = z.output<typeof DayHours>;

/** The week's hours as the SLA clock reads them: each weekday's `DayHours`. */
export const WeekHours = z.strictObject({
  mon: DayHours,
  tue: DayHours,
  wed: DayHours,
  thu: DayHours,
  fri: DayHours,
  sat: DayHours,
  sun: DayHours,
});
export type WeekHours = z.output<typeof WeekHours>;

/** A day with at least one opening interval. */
export const isOpenDay = (hours: DayHours): boolean =>
  hours !== null && !(Array.isArray(hours) && hours.length === 0);

/** The agreement's week: at least one day open, or no business-time deadline could ever fall due. */
export const BusinessHours = WeekHours.superRefine((week, ctx) => {
  if (!WEEKDAYS.some((day) => isOpenDay(week[day]))) {
    ctx.addIssue({
      code: 'custom',
      path: [],
      message: schemaText('openOneDay'),
    });
  }
});
export type BusinessHours = z.output<typeof BusinessHours>;

const positiveHours = z
  .number({ message: schemaText('hoursNumber') })
  .positive({ message: schemaText('hoursPositive') })
  .max(1000);
/** A whole count above zero; callers name both texts in full, so every catalogue key is found where it is used. */
const positiveCount = (whole: string, positive: string, max: number) =>
  z.int({ message: whole }).positive({ message: positive }).max(max);

/** The handoff SLA; its names are an API contract, read by the SLA clock. */
export const Sla = z
  .strictObject({
    timezone: TimeZone,
    businessHours: BusinessHours,
    holidays: z.array(IsoDate).max(366),
    firstTouchHours: z.strictObject({
      perfect: positiveHours,
      engaged: positiveHours,
      fit: positiveHours,
      low: positiveHours,
    }),
    minAttempts: positiveCount(schemaText('attemptsWhole'), schemaText('attemptsPositive'), 50),
    minChannels: positiveCount(schemaText('channelsWhole'), schemaText('channelsPositive'), 10),
    attemptWindowDays: positiveCount(schemaText('daysWhole'), schemaText('daysPositive'), 365),
    decisionDays: positiveCount(schemaText('daysWhole'), schemaText('daysPositive'), 365),
  })
  .superRefine((sla, ctx) => {
    addDuplicateIssues(ctx, ['holidays'], sla.holidays, (d) => d, null, say('itemHoliday'));
    const counted = sla.minAttempts > 0 && sla.minChannels > 0;
    if (counted && sla.minChannels > sla.minAttempts) {
      ctx.addIssue({
        code: 'custom',
        path: ['minChannels'],
        message: schemaText('attemptsCoverChannels', {
          attempts: sla.minAttempts,
          channels: sla.minChannels,
        }),
      });
    }
  });
export type Sla = z.output<typeof Sla>;

const amount = z.number().min(0).max(1e12).nullable();

export const Goals = z.strictObject({
  period: z.enum(GOAL_PERIODS),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, { message: schemaText('currency') })
    .nullable(),
  /** The shared goal is revenue. */
  shared: z.strictObject({ revenue: amount, note: text(1000) }),
  /** Marketing is measured on SQLs and marketing-sourced revenue, never on MQL counts. */
  marketing: z.strictObject({ sqls: z.int().min(0).nullable(), sourcedRevenue: amount, note: text(1000) }),
  sales: z.strictObject({ closedRevenue: amount, note: text(1000) }),
  rewards: text(1000),
});
export type Goals = z.output<typeof Goals>;

export const Meetings = z.strictObject({
  weekly: z.strictObject({
    day: z.enum(WEEKDAYS),
    time: ClockTime,
    durationMinutes: z.int().min(5).max(480),
    agenda: z.array(text(300)).max(20),
  }),
  managementReview: z.strictObject({
    everyMonths: z.int().min(1).max(12),
    dayOfMonth: z.int().min(1).max(28),
    time: ClockTime,
    agenda: z.array(text(300)).max(20),
  }),
  /** How often both sides re-read and re-sign the whole agreement. */
  agreementReviewEveryMonths: z.int().min(1).max(24),
});
export type Meetings = z.output<typeof Meetings>;

export const Reporting = z
  .strictObject({
    cadence: z.enum(REPORT_CADENCES),
    includes: z.array(z.enum(REPORT_ITEMS)).min(1).max(REPORT_ITEMS.length),
    weeklyAgenda: z.boolean(),
  })
  .superRefine((reporting, ctx) =>
    addDuplicateIssues(ctx, ['includes'], reporting.includes, (i) => i, null, say('itemReportItem')),
  );
export type Reporting = z.output<typeof Reporting>;

export const Persona = z.strictObject({
  segments: z.array(z.strictObject({ name: text(200), description: text(2000) })).max(20),
  roles: z
    .array(
      z.strictObject({
        name: text(200),
        problems: z.array(text(500)).max(20),
        challenges: z.array(text(500)).max(20),
      }),
    )
    .max(20),
  /** The values we stress when we talk to this persona. */
  values: z.array(text(500)).max(20),
  /** The member who keeps the persona current (must be a member of the workspace). */
  guardianMemberId: z.string().min(1).max(64).nullable(),
  reviewEveryMonths: z.int().min(1).max(12),
  lastReviewedOn: IsoDate.nullable(),
});
export type Persona = z.output<typeof Persona>;

export const Feedback = z
  .strictObject({
    questions: z
      .array(
        z.strictObject({
          id: Code,
          question: text(500),
          answer: z.enum(FEEDBACK_ANSWER_KINDS),
          required: z.boolean(),
        }),
      )
      .min(1)
      .max(30),
  })
  .superRefine((feedback, ctx) =>
    addDuplicateIssues(ctx, ['questions'], feedback.questions, (q) => q.id, 'id', say('itemQuestionId')),
  );
export type Feedback = z.output<typeof Feedback>;

/** Marketing and sales always sign; management only when the team wants it. */
export const Signers = z.strictObject({
  marketing: z.literal(true, { message: schemaText('marketingSigns') }),
  sales: z.literal(true, { message: schemaText('salesSigns') }),
  management: z.boolean(),
});
export type Signers = z.output<typeof Signers>;

/** Every section, without the rules that span sections: the shape a PATCH picks from. */
export const AgreementSections = z.strictObject({
  /** The language the agreement is written in; the shared page renders in it. */
  language: z.enum(LANGUAGES),
  title: text(200),
  glossary: Glossary,
  icp: Icp,
  leadDefinition: LeadDefinition,
  temperature: Temperature,
  scoring: Scoring,
  mql: Mql,
  sqlCriteria: SqlCriteria,
  rejectionReasons: RejectionReasons,
  sla: Sla,
  goals: Goals,
  meetings: Meetings,
  reporting: Reporting,
  persona: Persona,
  feedback: Feedback,
  signers: Signers,
});

/** Rules that span sections: a rejection reason must point to an SQL criterion that exists. */
function checkAcrossSections(agreement: z.output<typeof AgreementSections>, ctx: z.RefinementCtx): void {
  const criteria = new Set(agreement.sqlCriteria.map((c) => c.code));
  agreement.rejectionReasons.forEach((reason, index) => {
    if (reason.criterion !== null && !criteria.has(reason.criterion)) {
      ctx.addIssue({
        code: 'custom',
        path: ['rejectionReasons', index, 'criterion'],
        message: schemaText('noSqlCriterion', {
          criterion: reason.criterion,
          criteria: [...criteria].join(', '),
        }),
      });
    }
  });
}

/** The whole agreement: every section and the rules between them. */
export const Agreement = AgreementSections.superRefine(checkAcrossSections);
export type Agreement = z.output<typeof Agreement>;
export type AgreementInput = z.input<typeof Agreement>;

/** A PATCH names one or more whole sections; each replaces the draft's section. */
export const AgreementPatch = AgreementSections.partial().refine((patch) => Object.keys(patch).length > 0, {
  message: schemaText('patchEmpty'),
});
export type AgreementPatch = z.output<typeof AgreementPatch>;
