import type { AgreementInput } from '../schema';
import type { StarterOptions } from './shared';
import { STARTER_REPORT_ITEMS, starterEngagementPoints, starterSla } from './shared';

/** The English starter agreement: complete, signable as is, meant to be tuned by the team. */
export function englishStarter({ timezone, country }: StarterOptions): AgreementInput {
  return {
    language: 'en',
    title: 'Service level agreement between marketing and sales',
    glossary: {
      terms: [
        {
          key: 'suspect',
          term: 'Suspect',
          definition:
            'Any company in our target segment, whether or not it knows us — for example every manufacturer with 20 to 1,000 employees in our market.',
          examples: ['A company on an industry list', 'A competitor’s customer we have never spoken to'],
        },
        {
          key: 'prospect',
          term: 'Prospect',
          definition:
            'A person or company we strongly believe has a problem we solve, but who has asked us for nothing yet.',
          examples: ['Signed up for a webinar', 'Downloaded a PDF guide', 'A name on a list of companies'],
        },
        {
          key: 'lead',
          term: 'Lead',
          definition:
            'A person who gave us contact data and consent to be contacted, and did something we can refer to when we call ("you asked us for a product proposal").',
          examples: ['Asked for a quote through the contact form', 'Booked a demo'],
        },
        {
          key: 'mql',
          term: 'Marketing qualified lead (MQL)',
          definition:
            'A lead that meets the criteria in this agreement — it fits our ideal customer profile, carries the data sales needs (a phone number) and shows enough engagement. Marketing hands it to sales.',
          examples: [],
        },
        {
          key: 'sal',
          term: 'Sales accepted lead (SAL)',
          definition:
            'An MQL that sales has taken on: the first contact attempt is done and the lead has an owner.',
          examples: [],
        },
        {
          key: 'sql',
          term: 'Sales qualified lead (SQL)',
          definition:
            'A lead that sales judged against the written SQL criteria of this agreement: a need we can meet, a decision maker, a known decision date. Never a matter of feeling.',
          examples: [],
        },
        {
          key: 'opportunity',
          term: 'Opportunity',
          definition: 'An SQL registered as a deal in progress, with an expected value and close date.',
          examples: [],
        },
        {
          key: 'customer',
          term: 'Customer (won)',
          definition:
            'A closed deal, with its revenue. Marketing-sourced when the lead first came from a marketing source.',
          examples: [],
        },
        {
          key: 'nurture',
          term: 'Nurture',
          definition:
            'A lead sent back to marketing because it is not ready to buy yet — always with a reason code, so marketing knows what to work on.',
          examples: ['Buying in more than 12 months', 'No budget this year'],
        },
        {
          key: 'disqualified',
          term: 'Disqualified / lost',
          definition: 'Out of the funnel for good, always with a reason code.',
          examples: ['Spam or fake data', 'A job applicant or a supplier', 'A competitor'],
        },
      ],
      leadExamples: {
        is: [
          'Filled in the contact form and asked to be called back',
          'Asked for a quote or a product proposal',
          'Booked a demo in the calendar',
          'Attended a webinar whose form promised a follow-up call, and gave consent',
        ],
        isNot: [
          'Signed up for a webinar without asking to be contacted',
          'Downloaded an e-book without consent to be contacted',
          'A name bought on a list or found on LinkedIn',
          'A job applicant, a supplier or a student writing a thesis',
        ],
      },
    },
    icp: {
      summary:
        'Companies that can buy and use what we sell: business buyers of 20 to 1,000 employees in our market, reached through a business address. The starter has no required criteria, so every lead flows while you tune the profile; turn a criterion into "required" when it must be a gate.',
      criteria: [
        {
          id: 'company_size',
          label: 'Company has 20 to 1,000 employees',
          field: 'employees',
          operator: 'between',
          values: [20, 1000],
          kind: 'weighted',
          points: 20,
        },
        {
          id: 'target_industry',
          label: 'Industry we serve: manufacturing, software or logistics',
          field: 'industry',
          operator: 'matches',
          values: ['manufactur|software|logistic'],
          kind: 'weighted',
          points: 15,
        },
        {
          id: 'home_market',
          label: 'Based in our home market',
          field: 'country',
          operator: 'in',
          values: [country],
          kind: 'weighted',
          points: 10,
        },
        {
          id: 'business_email',
          label: 'Wrote from a business e-mail address',
          field: 'emailDomainType',
          operator: 'in',
          values: ['business'],
          kind: 'weighted',
          points: 10,
        },
        {
          id: 'phone_given',
          label: 'Left a phone number',
          field: 'hasPhone',
          operator: 'present',
          values: [],
          kind: 'weighted',
          points: 5,
        },
      ],
    },
    leadDefinition: {
      summary:
        'A person becomes a lead when they give contact data and consent to be contacted, and ask for something we can refer to on the call. Everything else is a prospect touch that marketing keeps warming.',
      consentRequired: true,
      sources: [
        { key: 'contact_form', label: 'Contact form ("call me back")', creates: 'lead' },
        { key: 'quote_request', label: 'Quote or proposal request', creates: 'lead' },
        { key: 'demo_booking', label: 'Demo booking', creates: 'lead' },
        {
          key: 'webinar_signup',
          label: 'Webinar sign-up',
          creates: 'prospect',
          note: 'Becomes a lead only when the form promised a call and the person agreed to it.',
        },
        { key: 'ebook_download', label: 'E-book or guide download', creates: 'prospect' },
        { key: 'newsletter', label: 'Newsletter subscription', creates: 'prospect' },
      ],
    },
    temperature: {
      marketing: [
        {
          temperature: 'cold',
          label: 'Signed up for one webinar',
          when: [{ touch: 'webinar_registered', atLeast: 1 }],
        },
        {
          temperature: 'warm',
          label: 'Attended a webinar and downloaded an e-book',
          when: [
            { touch: 'webinar_attended', atLeast: 1 },
            { touch: 'ebook_download', atLeast: 1 },
          ],
        },
        {
          temperature: 'hot',
          label: 'Attended two webinars and downloaded an e-book',
          when: [
            { touch: 'webinar_attended', atLeast: 2 },
            { touch: 'ebook_download', atLeast: 1 },
          ],
        },
      ],
      sales: { hotUnderMonths: 6, coldOverMonths: 12 },
    },
    scoring: {
      fit: {
        roles: [
          {
            id: 'executive',
            label: 'Owner, CEO or another C-level executive',
            field: 'seniority',
            operator: 'in',
            values: ['owner', 'c_level'],
            points: 20,
          },
          {
            id: 'director',
            label: 'Vice-president or director',
            field: 'seniority',
            operator: 'in',
            values: ['vp', 'director'],
            points: 15,
          },
          {
            id: 'it_lead',
            label: 'IT decision maker (CIO, CTO, IT director)',
            field: 'title',
            operator: 'matches',
            values: ['\\b(CIO|CTO|IT)\\b'],
            points: 15,
          },
        ],
      },
      engagement: starterEngagementPoints(),
      thresholds: { fit: 40, engagement: 30 },
    },
    mql: {
      summary:
        'Consent given and a phone number present. Sales calls every such lead while the team tunes the profile and the score thresholds.',
      requireConsent: true,
      requireIcp: true,
      requiredFields: ['hasPhone'],
      minFit: null,
      minEngagement: null,
      quadrants: [],
    },
    sqlCriteria: [
      { code: 'reached', label: 'We spoke with the person', required: true },
      {
        code: 'need',
        label: 'A need we can address',
        description: 'The person described a problem our offer solves, in their own words.',
        required: true,
      },
      {
        code: 'decision_maker',
        label: 'Decision maker, or a way to one',
        description:
          'We speak with the person who decides, or they will bring that person to the next meeting.',
        required: true,
      },
      {
        code: 'timeframe',
        label: 'Decision timeframe known',
        description: 'The person named when they intend to decide.',
        required: true,
      },
      { code: 'budget', label: 'Budget exists or can be obtained', required: false },
      {
        code: 'acceptable_deal',
        label: 'Not a kind of deal we refuse',
        description: 'No custom one-off projects, no resale, no public tenders below our minimum.',
        required: true,
      },
      { code: 'company_size', label: 'Company has at least 20 employees', required: false },
    ],
    rejectionReasons: [
      {
        code: 'unreachable',
        label: 'Unreachable after the agreed attempts',
        criterion: 'reached',
        hardDisqualifier: false,
        destination: 'nurture',
      },
      {
        code: 'no_need',
        label: 'No need we can address today',
        criterion: 'need',
        hardDisqualifier: false,
        destination: 'nurture',
      },
      {
        code: 'no_decision_maker',
        label: 'No access to the decision maker',
        criterion: 'decision_maker',
        hardDisqualifier: false,
        destination: 'nurture',
      },
      {
        code: 'no_timeframe',
        label: 'No decision date in sight',
        criterion: 'timeframe',
        hardDisqualifier: false,
        destination: 'nurture',
      },
      {
        code: 'no_budget',
        label: 'No budget this year',
        criterion: 'budget',
        hardDisqualifier: false,
        destination: 'nurture',
      },
      {
        code: 'refused_deal',
        label: 'A kind of deal we refuse',
        criterion: 'acceptable_deal',
        hardDisqualifier: false,
        destination: 'disqualified',
      },
      {
        code: 'too_small',
        label: 'Company too small for our offer',
        criterion: 'company_size',
        hardDisqualifier: false,
        destination: 'disqualified',
      },
      {
        code: 'spam',
        label: 'Spam or fake contact data',
        criterion: null,
        hardDisqualifier: true,
        destination: 'disqualified',
      },
      {
        code: 'out_of_scope',
        label: 'Not a buyer: job applicant, supplier, student',
        criterion: null,
        hardDisqualifier: true,
        destination: 'disqualified',
      },
      {
        code: 'competitor',
        label: 'A competitor',
        criterion: null,
        hardDisqualifier: true,
        destination: 'disqualified',
      },
    ],
    sla: starterSla(timezone),
    goals: {
      period: 'quarter',
      currency: null,
      shared: {
        revenue: null,
        note: 'Our shared goal is revenue. Both teams read the same numbers in the same sheet.',
      },
      marketing: {
        sqls: null,
        sourcedRevenue: null,
        note: 'Marketing is measured on SQLs and marketing-sourced revenue, not on MQL counts: an MQL quota is easy to game with cheap form campaigns.',
      },
      sales: {
        closedRevenue: null,
        note: 'Sales is measured on closed deals and on keeping the handoff SLA.',
      },
      rewards: 'Both teams may be rewarded from sales revenue, so both win when a lead closes.',
    },
    meetings: {
      weekly: {
        day: 'mon',
        time: '10:00',
        durationMinutes: 45,
        agenda: [
          'MQLs handed over last week and how many were not worked',
          'SLA breaches by owner',
          'Rejections and nurture returns, with their reasons',
          'What became of each campaign’s leads',
          'Pace against the plan',
        ],
      },
      managementReview: {
        everyMonths: 1,
        dayOfMonth: 5,
        time: '14:00',
        agenda: ['The monthly report', 'Conversion between stages', 'Changes to this agreement'],
      },
      agreementReviewEveryMonths: 6,
    },
    reporting: { cadence: 'monthly', includes: [...STARTER_REPORT_ITEMS], weeklyAgenda: true },
    persona: {
      segments: [
        {
          name: 'Growing B2B companies',
          description:
            'Companies of 20 to 1,000 employees that sell to other businesses and are outgrowing spreadsheets and e-mail.',
        },
      ],
      roles: [
        {
          name: 'Owner or CEO',
          problems: ['Revenue depends on a few people', 'No clear view of what marketing brings'],
          challenges: ['Little time', 'Wants proof before spending'],
        },
        {
          name: 'IT director',
          problems: ['Too many tools that do not talk to each other'],
          challenges: ['Security and data protection reviews', 'Limited team for integrations'],
        },
        {
          name: 'Sales director',
          problems: ['Leads arrive without context', 'Reps chase leads that will never buy'],
          challenges: ['Hitting the quarter', 'Keeping the CRM up to date'],
        },
      ],
      values: [
        'Fast to start, no long implementation',
        'Measurable results every month',
        'A partner who answers quickly',
      ],
      guardianMemberId: null,
      reviewEveryMonths: 3,
      lastReviewedOn: null,
    },
    feedback: {
      questions: [
        {
          id: 'conversation',
          question: 'How did the conversation go? (1 = poor, 5 = excellent)',
          answer: 'scale_1_5',
          required: true,
        },
        {
          id: 'as_promised',
          question: 'Was the lead what marketing said it would be?',
          answer: 'yes_no',
          required: true,
        },
        {
          id: 'best_contacts',
          question: 'Which contacts in the company were the most interesting?',
          answer: 'text',
          required: false,
        },
        {
          id: 'missing_info',
          question: 'What information did you still need from marketing?',
          answer: 'text',
          required: false,
        },
      ],
    },
    signers: { marketing: true, sales: true, management: false },
  };
}
