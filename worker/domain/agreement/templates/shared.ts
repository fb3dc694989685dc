import { REPORT_ITEMS } from '../constants';
import type { AgreementInput } from '../schema';

/** What a starter needs from the workspace. */
export interface StarterOptions {
  /** The workspace's IANA time zone: the SLA clock runs in it. */
  timezone: string;
  /** The workspace's ISO country code: the home-market ICP criterion. */
  country: string;
}

const WORKDAY = { open: '09:00', close: '17:00' } as const;

/**
 * The numbers every starter shares: Mon–Fri 09:00–17:00, first touch
 * within 1/4/8/24 business hours for perfect/engaged/fit/low, 3 attempts over
 * 2 channels within 5 business days, a decision within 10.
 */
export function starterSla(timezone: string): AgreementInput['sla'] {
  return {
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
  };
}

type PageRule = AgreementInput['scoring']['engagement']['pages'][number];

/**
 * Pricing and support pages weigh more than general content; points halve every
 * 30 days. `localPages` adds the site's own paths in the team's language.
 */
export function starterEngagementPoints(
  localPages: PageRule[] = [],
): AgreementInput['scoring']['engagement'] {
  return {
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
    pages: [
      { urlContains: '/pricing', points: 10 },
      { urlContains: '/support', points: 8 },
      { urlContains: '/contact', points: 5 },
      ...localPages,
    ],
    halfLifeDays: 30,
  };
}

export const STARTER_REPORT_ITEMS = REPORT_ITEMS;
