import type { Language } from '../../constants';
import { catalogueOf } from '../../i18n/catalogue';
import { fill, formatNumber } from '../../i18n/format';
import { REPORT_ITEMS } from '../constants';
import type { AgreementInput } from '../schema';

/** What a starter needs from the workspace. */
export interface StarterOptions {
  /** The workspace's IANA time zone: the SLA clock runs in it. */
  timezone: string;
  /** The workspace's ISO country code: the home-market ICP criterion. */
  country: string;
}

type Words = ReturnType<typeof catalogueOf>['starter'];

const WORKDAY = { open: '09:00', close: '17:00' } as const;

/** The company sizes the starter aims at; the words quote them through `{min}`/`{max}`. */
const EMPLOYEES = { min: 20, max: 1000 } as const;
/** Past this buying horizon a lead is cold for sales (and a nurture example says so). */
const COLD_OVER_MONTHS = 12;

/** Points for visiting a kind of page; each language names its site's paths for them. */
const PAGE_POINTS = { pricing: 10, support: 8, contact: 5 } as const;

/**
 * The starter's site pages: every kind's first path, then every kind's second,
 * and so on, so the English paths come first and the team's own follow.
 */
function pagesOf(words: Words): { urlContains: string; points: number }[] {
  const kinds = Object.keys(PAGE_POINTS) as (keyof typeof PAGE_POINTS)[];
  const longest = Math.max(...kinds.map((kind) => words.sitePaths[kind].length));
  const pages: { urlContains: string; points: number }[] = [];
  for (let i = 0; i < longest; i++) {
    for (const kind of kinds) {
      const path = words.sitePaths[kind][i];
      if (path !== undefined) pages.push({ urlContains: path, points: PAGE_POINTS[kind] });
    }
  }
  return pages;
}

/**
 * The starter agreement in `language`: one structure (ids, numbers, rules,
 * thresholds) for every language, its words from the catalogue's `starter`
 * table. Complete, signable as is, meant to be tuned by the team: Mon–Fri
 * 09:00–17:00, first touch within 1/4/8/24 business hours for
 * perfect/engaged/fit/low, 3 attempts over 2 channels within 5 business days,
 * a decision within 10, no required ICP criterion so every lead flows.
 */
export function starterInput(language: Language, { timezone, country }: StarterOptions): AgreementInput {
  const words = catalogueOf(language).starter;
  const numbers = {
    min: formatNumber(language, EMPLOYEES.min),
    max: formatNumber(language, EMPLOYEES.max),
    months: formatNumber(language, COLD_OVER_MONTHS),
  };
  const say = (text: string) => fill(text, numbers);
  const term = (key: keyof Words['terms']) => {
    const entry: { term: string; definition: string; examples?: readonly string[] } = words.terms[key];
    return {
      key,
      term: entry.term,
      definition: say(entry.definition),
      examples: (entry.examples ?? []).map(say),
    };
  };
  const sqlCriterion = (code: keyof Words['sqlCriteria'], required: boolean) => {
    const entry: { label: string; description?: string } = words.sqlCriteria[code];
    return entry.description === undefined
      ? { code, label: say(entry.label), required }
      : { code, label: say(entry.label), description: entry.description, required };
  };
  const reason = (
    code: keyof Words['rejectionReasons'],
    criterion: keyof Words['sqlCriteria'] | null,
    destination: 'nurture' | 'disqualified',
  ) => ({
    code,
    label: words.rejectionReasons[code],
    criterion,
    hardDisqualifier: criterion === null,
    destination,
  });
  const source = (key: keyof Words['sources'], creates: 'lead' | 'prospect') => {
    const entry: { label: string; note?: string } = words.sources[key];
    return entry.note === undefined
      ? { key, label: entry.label, creates }
      : { key, label: entry.label, creates, note: entry.note };
  };
  const question = (
    id: keyof Words['feedback'],
    answer: 'scale_1_5' | 'yes_no' | 'text',
    required: boolean,
  ) => ({
    id,
    question: words.feedback[id],
    answer,
    required,
  });

  return {
    language,
    title: words.title,
    glossary: {
      terms: [
        term('suspect'),
        term('prospect'),
        term('lead'),
        term('mql'),
        term('sal'),
        term('sql'),
        term('opportunity'),
        term('customer'),
        term('nurture'),
        term('disqualified'),
      ],
      leadExamples: { is: [...words.leadExamples.is], isNot: [...words.leadExamples.isNot] },
    },
    icp: {
      summary: say(words.icpSummary),
      criteria: [
        {
          id: 'company_size',
          label: say(words.criteria.company_size),
          field: 'employees',
          operator: 'between',
          values: [EMPLOYEES.min, EMPLOYEES.max],
          kind: 'weighted',
          points: 20,
        },
        {
          id: 'target_industry',
          label: words.criteria.target_industry,
          field: 'industry',
          operator: 'matches',
          values: [words.industryPattern],
          kind: 'weighted',
          points: 15,
        },
        {
          id: 'home_market',
          label: words.criteria.home_market,
          field: 'country',
          operator: 'in',
          values: [country],
          kind: 'weighted',
          points: 10,
        },
        {
          id: 'business_email',
          label: words.criteria.business_email,
          field: 'emailDomainType',
          operator: 'in',
          values: ['business'],
          kind: 'weighted',
          points: 10,
        },
        {
          id: 'phone_given',
          label: words.criteria.phone_given,
          field: 'hasPhone',
          operator: 'present',
          values: [],
          kind: 'weighted',
          points: 5,
        },
      ],
    },
    leadDefinition: {
      summary: words.leadSummary,
      consentRequired: true,
      sources: [
        source('contact_form', 'lead'),
        source('quote_request', 'lead'),
        source('demo_booking', 'lead'),
        source('webinar_signup', 'prospect'),
        source('ebook_download', 'prospect'),
        source('newsletter', 'prospect'),
      ],
    },
    temperature: {
      marketing: [
        {
          temperature: 'cold',
          label: words.temperatures.cold,
          when: [{ touch: 'webinar_registered', atLeast: 1 }],
        },
        {
          temperature: 'warm',
          label: words.temperatures.warm,
          when: [
            { touch: 'webinar_attended', atLeast: 1 },
            { touch: 'ebook_download', atLeast: 1 },
          ],
        },
        {
          temperature: 'hot',
          label: words.temperatures.hot,
          when: [
            { touch: 'webinar_attended', atLeast: 2 },
            { touch: 'ebook_download', atLeast: 1 },
          ],
        },
      ],
      sales: { hotUnderMonths: 6, coldOverMonths: COLD_OVER_MONTHS },
    },
    scoring: {
      fit: {
        roles: [
          {
            id: 'executive',
            label: words.roles.executive,
            field: 'seniority',
            operator: 'in',
            values: ['owner', 'c_level'],
            points: 20,
          },
          {
            id: 'director',
            label: words.roles.director,
            field: 'seniority',
            operator: 'in',
            values: ['vp', 'director'],
            points: 15,
          },
          {
            id: 'it_lead',
            label: words.roles.it_lead,
            field: 'title',
            operator: 'matches',
            values: [words.itTitlePattern],
            points: 15,
          },
        ],
      },
      // Pricing and support pages weigh more than general content; points halve every 30 days.
      engagement: {
        points: {
          form_submitted: 20,
          page_view: 1,
          pricing_view: 10,
          support_view: 8,
          webinar_registered: 5,
          webinar_attended: 15,
          ebook_download: 8,
          email_click: 3,
          chat: 10,
          meeting: 25,
          custom: 5,
        },
        pages: pagesOf(words),
        halfLifeDays: 30,
      },
      thresholds: { fit: 40, engagement: 30 },
    },
    mql: {
      summary: words.mqlSummary,
      requireConsent: true,
      requireIcp: true,
      requiredFields: ['hasPhone'],
      minFit: null,
      minEngagement: null,
      quadrants: [],
    },
    sqlCriteria: [
      sqlCriterion('reached', true),
      sqlCriterion('need', true),
      sqlCriterion('decision_maker', true),
      sqlCriterion('timeframe', true),
      sqlCriterion('budget', false),
      sqlCriterion('acceptable_deal', true),
      sqlCriterion('company_size', false),
    ],
    rejectionReasons: [
      reason('unreachable', 'reached', 'nurture'),
      reason('no_need', 'need', 'nurture'),
      reason('no_decision_maker', 'decision_maker', 'nurture'),
      reason('no_timeframe', 'timeframe', 'nurture'),
      reason('no_budget', 'budget', 'nurture'),
      reason('refused_deal', 'acceptable_deal', 'disqualified'),
      reason('too_small', 'company_size', 'disqualified'),
      reason('spam', null, 'disqualified'),
      reason('out_of_scope', null, 'disqualified'),
      reason('competitor', null, 'disqualified'),
    ],
    sla: {
      timezone,
      businessHours: {
        mon: WORKDAY,
        tue: WORKDAY,
        wed: WORKDAY,
        thu: WORKDAY,
        fri: WORKDAY,
        sat: null,
        sun: null,
      },
      holidays: [],
      firstTouchHours: { perfect: 1, engaged: 4, fit: 8, low: 24 },
      minAttempts: 3,
      minChannels: 2,
      attemptWindowDays: 5,
      decisionDays: 10,
    },
    goals: {
      period: 'quarter',
      currency: null,
      shared: { revenue: null, note: words.goals.shared },
      marketing: { sqls: null, sourcedRevenue: null, note: words.goals.marketing },
      sales: { closedRevenue: null, note: words.goals.sales },
      rewards: words.goals.rewards,
    },
    meetings: {
      weekly: { day: 'mon', time: '10:00', durationMinutes: 45, agenda: [...words.weeklyAgenda] },
      managementReview: { everyMonths: 1, dayOfMonth: 5, time: '14:00', agenda: [...words.reviewAgenda] },
      agreementReviewEveryMonths: 6,
    },
    reporting: { cadence: 'monthly', includes: [...REPORT_ITEMS], weeklyAgenda: true },
    persona: {
      segments: [
        { name: words.segments.growing_b2b.name, description: say(words.segments.growing_b2b.description) },
      ],
      roles: (['owner', 'it_director', 'sales_director'] as const).map((key) => {
        const role = words.personaRoles[key];
        return { name: role.name, problems: [...role.problems], challenges: [...role.challenges] };
      }),
      values: [...words.personaValues],
      guardianMemberId: null,
      reviewEveryMonths: 3,
      lastReviewedOn: null,
    },
    feedback: {
      questions: [
        question('conversation', 'scale_1_5', true),
        question('as_promised', 'yes_no', true),
        question('best_contacts', 'text', false),
        question('missing_info', 'text', false),
      ],
    },
    signers: { marketing: true, sales: true, management: false },
  };
}
