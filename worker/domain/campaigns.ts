import * as z from 'zod';
import { ConflictError, type FieldIssue, fieldIssue, InvalidError } from './errors';
import { say, schemaText } from './i18n';

/**
 * What marketing is running, so sales always knows (DOMAIN.md, "The report").
 * A campaign's `key` is the value forms send as `campaign` (or `utm_campaign`),
 * which the ledger records on leads and events: reports match on it.
 */

export const CAMPAIGN_CHANNELS = [
  'email',
  'webinar',
  'event',
  'content',
  'paid_search',
  'paid_social',
  'organic_social',
  'seo',
  'partner',
  'direct_mail',
  'other',
] as const;
export type CampaignChannel = (typeof CAMPAIGN_CHANNELS)[number];

const IsoDate = z.iso.date({ message: schemaText('isoDateShort') });

export const ContentLink = z.strictObject({
  label: z.string().trim().min(1).max(200),
  url: z.url({ protocol: /^https?$/, message: schemaText('httpUrl') }).max(2000),
});
export type ContentLink = z.output<typeof ContentLink>;

const fields = {
  name: z.string().trim().min(1).max(200),
  /** Defaults to the name. The ledger keeps up to 300 characters of a submission's campaign. */
  key: z.string().trim().min(1).max(300),
  channel: z.enum(CAMPAIGN_CHANNELS),
  startsOn: IsoDate,
  endsOn: IsoDate.nullable(),
  contentLinks: z.array(ContentLink).max(20),
  /** The persona segment it targets (one of the agreement's persona segments, when it lists any). */
  personaSegment: z.string().trim().min(1).max(200).nullable(),
  description: z.string().trim().max(2000),
};

function checkDates(value: { startsOn?: string; endsOn?: string | null }, ctx: z.RefinementCtx) {
  const { startsOn, endsOn } = value;
  if (startsOn && endsOn && IsoDate.safeParse(startsOn).success && IsoDate.safeParse(endsOn).success) {
    if (endsOn < startsOn)
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: schemaText('endsAfterStart') });
  }
}

export const CreateCampaign = z
  .strictObject({
    ...fields,
    key: fields.key.optional(),
    endsOn: fields.endsOn.default(null),
    contentLinks: fields.contentLinks.default([]),
    personaSegment: fields.personaSegment.default(null),
    description: fields.description.default(''),
  })
  .superRefine(checkDates);
export type CreateCampaign = z.output<typeof CreateCampaign>;

export const UpdateCampaign = z
  .strictObject({ ...fields, archived: z.boolean() })
  .partial()
  .superRefine(checkDates)
  .refine((v) => Object.keys(v).length > 0, { message: schemaText('changeSomething') });
export type UpdateCampaign = z.output<typeof UpdateCampaign>;

export interface Campaign {
  id: string;
  key: string;
  name: string;
  channel: CampaignChannel;
  startsOn: string;
  endsOn: string | null;
  contentLinks: ContentLink[];
  personaSegment: string | null;
  description: string;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

/** A campaign must end on or after it starts, also when a change moves only one of the dates. */
export function campaignDateIssues(c: Pick<Campaign, 'startsOn' | 'endsOn'>): FieldIssue[] {
  return c.endsOn !== null && c.endsOn < c.startsOn
    ? [fieldIssue('endsOn', say('endsOnOrAfter', { date: c.startsOn }))]
    : [];
}

/** The segment must be one the agreement's persona names, when it names any. */
export function personaSegmentIssues(segment: string | null, segments: readonly string[]): FieldIssue[] {
  if (segment === null || segments.length === 0 || segments.includes(segment)) return [];
  return [fieldIssue('personaSegment', say('personaSegmentOnly', { segments: segments.join(', ') }))];
}

export const CampaignListQuery = z.object({
  /** Campaigns starting on or after this date (the weekly agenda lists what launched that week). */
  startsFrom: IsoDate.optional(),
  startsTo: IsoDate.optional(),
  archived: z.enum(['include', 'exclude', 'only']).default('exclude'),
});
export type CampaignListQuery = z.output<typeof CampaignListQuery>;

/** Forms send the key as `campaign`: two campaigns with one key would split a campaign's leads. */
export function campaignKeyTaken(key: string): ConflictError {
  return new ConflictError(say('campaignKeyTaken', { key }));
}

/**
 * A new campaign as the team described it, checked against the agreement's
 * persona segments (none before the first signature).
 */
export function newCampaign(
  input: CreateCampaign,
  segments: readonly string[],
  id: string,
  now: Date,
): Campaign {
  const issues = personaSegmentIssues(input.personaSegment, segments);
  if (issues.length > 0) throw new InvalidError(say('campaignMismatch'), issues);
  const at = now.toISOString();
  return {
    id,
    key: input.key ?? input.name,
    name: input.name,
    channel: input.channel,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    contentLinks: input.contentLinks,
    personaSegment: input.personaSegment,
    description: input.description,
    createdAt: at,
    updatedAt: at,
    archivedAt: null,
  };
}

/**
 * The campaign after a change: archiving keeps the first archive time, and the
 * dates and (when changed) the segment are checked as a whole. `segments` is
 * read only when the change names a segment.
 */
export function changedCampaign(
  current: Campaign,
  patch: UpdateCampaign,
  segments: readonly string[] | null,
  now: Date,
): Campaign {
  const { archived, ...fields } = patch;
  const next: Campaign = {
    ...current,
    ...fields,
    updatedAt: now.toISOString(),
    archivedAt:
      archived === undefined
        ? current.archivedAt
        : archived
          ? (current.archivedAt ?? now.toISOString())
          : null,
  };
  const issues = [
    ...campaignDateIssues(next),
    ...(fields.personaSegment !== undefined && segments
      ? personaSegmentIssues(next.personaSegment, segments)
      : []),
  ];
  if (issues.length > 0) throw new InvalidError(say('campaignChangeInvalid'), issues);
  return next;
}
