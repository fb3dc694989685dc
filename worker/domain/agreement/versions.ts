import * as z from 'zod';
import type { Language, Role, Side } from '../constants';
import { InvalidError, issuesOfZod } from '../errors';
import { catalogueOf, fill, say } from '../i18n';
import type { VersionStatus } from './constants';
import { Agreement, IsoDate, Persona } from './schema';
import type { AgreementWarning } from './warnings';

/** Validates a whole agreement; every broken rule becomes an issue with its path, nothing is partially accepted. */
export function parseAgreement(input: unknown, prefix: readonly PropertyKey[] = []): Agreement {
  const result = Agreement.safeParse(input);
  if (result.success) return result.data;
  throw new InvalidError(say('agreementInvalid'), issuesOfZod(result.error, prefix));
}

/** The side a role signs for: marketing for marketing, sales for sales, management for a manager. */
export function sideOfRole(role: Role): Side | null {
  switch (role) {
    case 'marketing':
      return 'marketing';
    case 'sales':
      return 'sales';
    case 'manager':
      return 'management';
    default:
      return null;
  }
}

/** Sides whose signatures make a version active. */
export function requiredSides(agreement: Pick<Agreement, 'signers'>): Side[] {
  return agreement.signers.management ? ['marketing', 'sales', 'management'] : ['marketing', 'sales'];
}

export interface AgreementSignature {
  side: Side;
  memberId: string;
  memberName: string;
  tokenId: string;
  /** The content hash the signer committed to; always the version's hash. */
  hash: string;
  signedAt: string;
}

export interface VersionSummary {
  number: number;
  status: VersionStatus;
  hash: string;
  requiredSides: Side[];
  signatures: AgreementSignature[];
  /** Required sides that have not signed yet. */
  missingSides: Side[];
  proposedAt: string;
  proposedByMemberId: string | null;
  activatedAt: string | null;
  supersededAt: string | null;
}

export interface AgreementVersion extends VersionSummary {
  content: Agreement;
  /** Thresholds of this content no lead can reach (warnings.ts). */
  warnings: AgreementWarning[];
}

/** The version the workspace runs under. Intake, the SLA clock and reports read this. */
export interface ActiveAgreement {
  version: number;
  hash: string;
  activatedAt: string;
  content: Agreement;
}

export interface AgreementDraft {
  content: Agreement;
  /** Bumped by every write; the ETag is derived from it. */
  revision: number;
  etag: string;
  hash: string;
  updatedAt: string;
  /** The latest version when the draft was last proposed, or null before the first proposal. */
  basedOnVersion: number | null;
  /** False when the draft holds exactly the latest version's content. */
  changedSinceLatestVersion: boolean;
  /** Thresholds of this content no lead can reach (warnings.ts). */
  warnings: AgreementWarning[];
}

/** What every agreement view says about enforcement (every view says so). */
export interface Enforcement {
  enforced: boolean;
  notice: string;
}

export function enforcementOf(
  active: Pick<ActiveAgreement, 'version'> | null,
  language: Language = 'en',
): Enforcement {
  const words = catalogueOf(language).enforcement;
  return active
    ? { enforced: true, notice: fill(words.active, { version: active.version }) }
    : { enforced: false, notice: words.none };
}

/** Strong ETag of a draft revision. */
export function draftEtag(revision: number): string {
  return `"draft-${revision}"`;
}

/**
 * Does `If-Match` allow writing over `revision`? Absent means unconditional.
 * Comparison is strong (RFC 9110): a weak tag never matches.
 */
export function ifMatchAllows(header: string | undefined, revision: number): boolean {
  if (header === undefined) return true;
  const tags = header.split(',').map((t) => t.trim());
  return tags.includes('*') || tags.includes(draftEtag(revision));
}

export const CreatePersonaReview = z.strictObject({
  /** Defaults to today in the agreement's time zone. */
  reviewedOn: IsoDate.optional(),
  /** What sales brought from the market: what customers struggle with now. */
  fromSales: z.string().trim().min(1).max(5000),
  /** What marketing saw in forms, LinkedIn and search trends. */
  fromMarketing: z.string().trim().min(1).max(5000),
  /** What changed in the persona, in words. */
  changes: z.string().trim().min(1).max(5000),
  /** Defaults to `reviewedOn` + the persona's review cadence. */
  nextDueOn: IsoDate.optional(),
  /** The updated persona, when the review changed it: written to the draft, to be proposed and signed. */
  persona: Persona.optional(),
});
export type CreatePersonaReview = z.output<typeof CreatePersonaReview>;

export interface PersonaReview {
  id: string;
  reviewedOn: string;
  fromSales: string;
  fromMarketing: string;
  changes: string;
  nextDueOn: string;
  personaChanged: boolean;
  recordedByMemberId: string | null;
  createdAt: string;
}

export interface ShareLink {
  url: string;
  createdAt: string;
}

/** `date` (YYYY-MM-DD) plus whole months, clamped to the month's last day (Jan 31 + 1 → Feb 28/29). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}
