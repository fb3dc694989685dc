/**
 * The starter agreement's words in English (`agreement/templates/structure.ts` holds its
 * ids, numbers and rules, once for every language). Keyed by the structure's ids, so
 * a word missing in another language is a type error. `{name}` placeholders are
 * the structure's numbers, written in the language's format.
 */
export const enStarter = {
  title: 'Service level agreement between marketing and sales',
  terms: {
    suspect: {
      term: 'Suspect',
      definition:
        'Any company in our target segment, whether or not it knows us — for example every manufacturer with {min} to {max} employees in our market.',
      examples: ['A company on an industry list', 'A competitor’s customer we have never spoken to'],
    },
    prospect: {
      term: 'Prospect',
      definition:
        'A person or company we strongly believe has a problem we solve, but who has asked us for nothing yet.',
      examples: ['Signed up for a webinar', 'Downloaded a PDF guide', 'A name on a list of companies'],
    },
    lead: {
      term: 'Lead',
      definition:
        'A person who gave us contact data and consent to be contacted, and did something we can refer to when we call ("you asked us for a product proposal").',
      examples: ['Asked for a quote through the contact form', 'Booked a demo'],
    },
    mql: {
      term: 'Marketing qualified lead (MQL)',
      definition:
        'A lead that meets the criteria in this agreement — it fits our ideal customer profile, carries the data sales needs (a phone number) and shows enough engagement. Marketing hands it to sales.',
    },
    sal: {
      term: 'Sales accepted lead (SAL)',
      definition:
        'An MQL that sales has taken on: the first contact attempt is done and the lead has an owner.',
    },
    sql: {
      term: 'Sales qualified lead (SQL)',
      definition:
        'A lead that sales judged against the written SQL criteria of this agreement: a need we can meet, a decision maker, a known decision date. Never a matter of feeling.',
    },
    opportunity: {
      term: 'Opportunity',
      definition: 'An SQL registered as a deal in progress, with an expected value and close date.',
    },
    customer: {
      term: 'Customer (won)',
      definition:
        'A closed deal, with its revenue. Marketing-sourced when the lead first came from a marketing source.',
    },
    nurture: {
      term: 'Nurture',
      definition:
        'A lead sent back to marketing because it is not ready to buy yet — always with a reason code, so marketing knows what to work on.',
      examples: ['Buying in more than {months} months', 'No budget this year'],
    },
    disqualified: {
      term: 'Disqualified / lost',
      definition: 'Out of the funnel for good, always with a reason code.',
      examples: ['Spam or fake data', 'A job applicant or a supplier', 'A competitor'],
    },
  },
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
  icpSummary:
    'Companies that can buy and use what we sell: business buyers of {min} to {max} employees in our market, reached through a business address. The starter has no required criteria, so every lead flows while you tune the profile; turn a criterion into "required" when it must be a gate.',
  criteria: {
    company_size: 'Company has {min} to {max} employees',
    target_industry: 'Industry we serve: manufacturing, software or logistics',
    home_market: 'Based in our home market',
    business_email: 'Wrote from a business e-mail address',
    phone_given: 'Left a phone number',
  },
  industryPattern: 'manufactur|software|logistic',
  leadSummary:
    'A person becomes a lead when they give contact data and consent to be contacted, and ask for something we can refer to on the call. Everything else is a prospect touch that marketing keeps warming.',
  sources: {
    contact_form: {
      label: 'Contact form ("call me back")',
    },
    quote_request: {
      label: 'Quote or proposal request',
    },
    demo_booking: {
      label: 'Demo booking',
    },
    webinar_signup: {
      label: 'Webinar sign-up',
      note: 'Becomes a lead only when the form promised a call and the person agreed to it.',
    },
    ebook_download: {
      label: 'E-book or guide download',
    },
    newsletter: {
      label: 'Newsletter subscription',
    },
  },
  temperatures: {
    cold: 'Signed up for one webinar',
    warm: 'Attended a webinar and downloaded an e-book',
    hot: 'Attended two webinars and downloaded an e-book',
  },
  roles: {
    executive: 'Owner, CEO or another C-level executive',
    director: 'Vice-president or director',
    it_lead: 'IT decision maker (CIO, CTO, IT director)',
  },
  itTitlePattern: '\\b(CIO|CTO|IT)\\b',
  sitePaths: {
    pricing: ['/pricing'],
    support: ['/support'],
    contact: ['/contact'],
  },
  mqlSummary:
    'Consent given and a phone number present. Sales calls every such lead while the team tunes the profile and the score thresholds.',
  sqlCriteria: {
    reached: {
      label: 'We spoke with the person',
    },
    need: {
      label: 'A need we can address',
      description: 'The person described a problem our offer solves, in their own words.',
    },
    decision_maker: {
      label: 'Decision maker, or a way to one',
      description:
        'We speak with the person who decides, or they will bring that person to the next meeting.',
    },
    timeframe: {
      label: 'Decision timeframe known',
      description: 'The person named when they intend to decide.',
    },
    budget: {
      label: 'Budget exists or can be obtained',
    },
    acceptable_deal: {
      label: 'Not a kind of deal we refuse',
      description: 'No custom one-off projects, no resale, no public tenders below our minimum.',
    },
    company_size: {
      label: 'Company has at least {min} employees',
    },
  },
  rejectionReasons: {
    unreachable: 'Unreachable after the agreed attempts',
    no_need: 'No need we can address today',
    no_decision_maker: 'No access to the decision maker',
    no_timeframe: 'No decision date in sight',
    no_budget: 'No budget this year',
    refused_deal: 'A kind of deal we refuse',
    too_small: 'Company too small for our offer',
    spam: 'Spam or fake contact data',
    out_of_scope: 'Not a buyer: job applicant, supplier, student',
    competitor: 'A competitor',
  },
  goals: {
    shared: 'Our shared goal is revenue. Both teams read the same numbers in the same sheet.',
    marketing:
      'Marketing is measured on SQLs and marketing-sourced revenue, not on MQL counts: an MQL quota is easy to game with cheap form campaigns.',
    sales: 'Sales is measured on closed deals and on keeping the handoff SLA.',
    rewards: 'Both teams may be rewarded from sales revenue, so both win when a lead closes.',
  },
  weeklyAgenda: [
    'MQLs handed over last week and how many were not worked',
    'SLA breaches by owner',
    'Rejections and nurture returns, with their reasons',
    'What became of each campaign’s leads',
    'Pace against the plan',
  ],
  reviewAgenda: ['The monthly report', 'Conversion between stages', 'Changes to this agreement'],
  segments: {
    growing_b2b: {
      name: 'Growing B2B companies',
      description:
        'Companies of {min} to {max} employees that sell to other businesses and are outgrowing spreadsheets and e-mail.',
    },
  },
  personaRoles: {
    owner: {
      name: 'Owner or CEO',
      problems: ['Revenue depends on a few people', 'No clear view of what marketing brings'],
      challenges: ['Little time', 'Wants proof before spending'],
    },
    it_director: {
      name: 'IT director',
      problems: ['Too many tools that do not talk to each other'],
      challenges: ['Security and data protection reviews', 'Limited team for integrations'],
    },
    sales_director: {
      name: 'Sales director',
      problems: ['Leads arrive without context', 'Reps chase leads that will never buy'],
      challenges: ['Hitting the quarter', 'Keeping the CRM up to date'],
    },
  },
  personaValues: [
    'Fast to start, no long implementation',
    'Measurable results every month',
    'A partner who answers quickly',
  ],
  feedback: {
    conversation: 'How did the conversation go? (1 = poor, 5 = excellent)',
    as_promised: 'Was the lead what marketing said it would be?',
    best_contacts: 'Which contacts in the company were the most interesting?',
    missing_info: 'What information did you still need from marketing?',
  },
};
