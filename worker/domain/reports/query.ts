import * as z from 'zod';
import { schemaText } from '../i18n';
import { CSV_DIALECTS } from './csv';
import {
  currentMonthOf,
  type DateSpan,
  daysBetween,
  type InstantRange,
  instantRangeOf,
  type MonthBucket,
  monthBucketsOf,
} from './period';

/** How a report splits its rows: by the lead's first source, its campaign, its current owner, or by month. */
export const REPORT_GROUPS = ['source', 'campaign', 'owner', 'month'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];

/** Which table `format=csv` renders: the metrics per group, the campaign funnels, or the reasons. */
export const REPORT_TABLES = ['groups', 'campaigns', 'reasons'] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];

export const REPORT_FORMATS = ['json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Two years: a report splits into at most 25 months, and its queries stay within D1's bound-parameter limit. */
export const MAX_REPORT_DAYS = 731;

const IsoDate = z.iso.date({ message: schemaText('isoDateShort') });

/** `GET /v1/reports` query. Dates are local to the workspace; `to` is the last day included. */
export const ReportQuery = z
  .object({
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    groupBy: z.enum(REPORT_GROUPS).optional(),
    format: z.enum(REPORT_FORMATS).optional(),
    table: z.enum(REPORT_TABLES).optional(),
    /** `excel`: BOM, and `;` with `,` decimals in the pl/ro/ru locales (see csv.ts). */
    dialect: z.enum(CSV_DIALECTS).optional(),
  })
  .superRefine((q, ctx) => {
    if ((q.from === undefined) !== (q.to === undefined)) {
      const missing = q.from === undefined ? 'from' : 'to';
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        message: schemaText('reportBothOrNeither'),
      });
      return;
    }
    if (!q.from || !q.to || !IsoDate.safeParse(q.from).success || !IsoDate.safeParse(q.to).success) return;
    const days = daysBetween(q.from, q.to) + 1;
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: schemaText('onOrAfterFrom') });
    else if (days > MAX_REPORT_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: schemaText('reportMaxDays', { max: MAX_REPORT_DAYS }),
      });
    }
  });
export type ReportQuery = z.output<typeof ReportQuery>;

/** What the queries need: the local dates, their instants, and the months for `groupBy=month`. */
export interface ReportRange extends DateSpan, InstantRange {
  timezone: string;
  months: MonthBucket[];
}

/** The report's span: the dates asked for, or the current local month. */
export function reportRangeOf(
  query: Pick<ReportQuery, 'from' | 'to'>,
  timeZone: string,
  now: Date,
): ReportRange {
  const span = query.from && query.to ? { start: query.from, end: query.to } : currentMonthOf(now, timeZone);
  return {
    ...span,
    ...instantRangeOf(span, timeZone),
    timezone: timeZone,
    months: monthBucketsOf(span, timeZone),
  };
}
