import { and, asc, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import {
  type ActiveAgreement,
  type Agreement,
  type AgreementDiff,
  type AgreementDraft,
  type AgreementPatch,
  type AgreementSignature,
  type AgreementVersion,
  addMonths,
  agreementHash,
  type CreatePersonaReview,
  diffAgreements,
  draftEtag,
  type Enforcement,
  enforcementOf,
  ifMatchAllows,
  mintShareId,
  type PersonaReview,
  parseAgreement,
  parseShareId,
  requiredSides,
  sideOfRole,
  starterAgreement,
  type VersionStatus,
  type VersionSummary,
} from '../../domain/agreement';
import type { Language } from '../../domain/constants';
import { ConflictError, InvalidError, NotFoundError, PreconditionFailedError } from '../../domain/errors';
import type { Caller } from '../../domain/tokens';
import type { Workspace } from '../../domain/workspace';
import { localDateOf } from '../../domain/zoned-time';
import { newId } from '../../platform/ids';
import { webHost } from '../../platform/web-host';
import type { Statement } from '../batch';
import type { Database } from '../client';
import { isUniqueViolation } from '../conflict';
import {
  agreementDrafts,
  agreementShares,
  agreementSignatures,
  agreementVersions,
  members,
  personaReviews,
} from '../schema';
import { getWorkspace, requireWorkspace } from './workspaces';

type VersionRow = typeof agreementVersions.$inferSelect;
type DraftRow = typeof agreementDrafts.$inferSelect;

// ---------------------------------------------------------------------------
// The starter draft

/**
 * The statement that gives a new workspace its starter draft, in its language,
 * with its time zone and home market. `createWorkspace` runs it in the same
 * batch as the workspace row, so no workspace ever lacks an agreement.
 */
export function starterDraftStatements(
  db: Database,
  workspaceId: string,
  workspace: { language: Language; timezone: string; country: string },
  now: Date,
): Statement[] {
  const content = starterAgreement(workspace.language, {
    timezone: workspace.timezone,
    country: workspace.country,
  });
  return [
    db
      .insert(agreementDrafts)
      .values({
        workspaceId,
        content,
        revision: 1,
        basedOnVersion: null,
        updatedAt: now.toISOString(),
        updatedByTokenId: null,
      })
      // Two first reads of an old workspace may both create it: the second does nothing.
      .onConflictDoNothing(),
  ];
}

// ---------------------------------------------------------------------------
// Reading

async function draftRow(db: Database, workspaceId: string, now: Date): Promise<DraftRow> {
  const row = await db
    .select()
    .from(agreementDrafts)
    .where(eq(agreementDrafts.workspaceId, workspaceId))
    .get();
  if (row) return row;
  // A workspace created before agreements existed gets its starter on first read.
  const workspace = await requireWorkspace(db, workspaceId);
  const [insert] = starterDraftStatements(db, workspaceId, workspace, now);
  if (insert) await db.batch([insert]);
  const created = await db
    .select()
    .from(agreementDrafts)
    .where(eq(agreementDrafts.workspaceId, workspaceId))
    .get();
  if (!created) throw new NotFoundError('Agreement draft');
  return created;
}

async function latestVersionRow(db: Database, workspaceId: string): Promise<VersionRow | undefined> {
  return db
    .select()
    .from(agreementVersions)
    .where(eq(agreementVersions.workspaceId, workspaceId))
    .orderBy(desc(agreementVersions.number))
    .limit(1)
    .get();
}

async function toDraft(row: DraftRow, latest: Pick<VersionRow, 'hash'> | undefined): Promise<AgreementDraft> {
  const hash = await agreementHash(row.content, webHost);
  return {
    content: row.content,
    revision: row.revision,
    etag: draftEtag(row.revision),
    hash,
    updatedAt: row.updatedAt,
    basedOnVersion: row.basedOnVersion,
    changedSinceLatestVersion: latest?.hash !== hash,
  };
}

/** The workspace's draft (created from the starter when missing). */
export async function getDraft(db: Database, workspaceId: string, now: Date): Promise<AgreementDraft> {
  const [row, latest] = await Promise.all([
    draftRow(db, workspaceId, now),
    latestVersionRow(db, workspaceId),
  ]);
  return toDraft(row, latest);
}

async function signaturesOf(db: Database, workspaceId: string, versionIds: string[]) {
  if (versionIds.length === 0) return new Map<string, AgreementSignature[]>();
  const rows = await db
    .select({
      versionId: agreementSignatures.versionId,
      side: agreementSignatures.side,
      memberId: agreementSignatures.memberId,
      memberName: members.name,
      tokenId: agreementSignatures.tokenId,
      hash: agreementSignatures.hash,
      signedAt: agreementSignatures.signedAt,
    })
    .from(agreementSignatures)
    .innerJoin(members, eq(members.id, agreementSignatures.memberId))
    .where(
      and(
        eq(agreementSignatures.workspaceId, workspaceId),
        inArray(agreementSignatures.versionId, versionIds),
      ),
    )
    .orderBy(asc(agreementSignatures.signedAt))
    .all();
  const out = new Map<string, AgreementSignature[]>();
  for (const { versionId, ...signature } of rows)
    out.set(versionId, [...(out.get(versionId) ?? []), signature]);
  return out;
}

function toSummary(row: VersionRow, signatures: AgreementSignature[]): VersionSummary {
  const signed = new Set(signatures.map((s) => s.side));
  return {
    number: row.number,
    status: row.status,
    hash: row.hash,
    requiredSides: row.requiredSides,
    signatures,
    missingSides: row.requiredSides.filter((side) => !signed.has(side)),
    proposedAt: row.proposedAt,
    proposedByMemberId: row.proposedByMemberId,
    activatedAt: row.activatedAt,
    supersededAt: row.supersededAt,
  };
}

async function withSignatures(
  db: Database,
  workspaceId: string,
  rows: VersionRow[],
): Promise<AgreementVersion[]> {
  const signatures = await signaturesOf(
    db,
    workspaceId,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({ ...toSummary(row, signatures.get(row.id) ?? []), content: row.content }));
}

async function versionRow(db: Database, workspaceId: string, number: number): Promise<VersionRow> {
  const row = await db
    .select()
    .from(agreementVersions)
    .where(and(eq(agreementVersions.workspaceId, workspaceId), eq(agreementVersions.number, number)))
    .get();
  if (!row) throw new NotFoundError(`Agreement version ${number}`);
  return row;
}

/** One version with its content and signatures. */
export async function getVersion(
  db: Database,
  workspaceId: string,
  number: number,
): Promise<AgreementVersion> {
  const [version] = await withSignatures(db, workspaceId, [await versionRow(db, workspaceId, number)]);
  if (!version) throw new NotFoundError(`Agreement version ${number}`);
  return version;
}

/** Every version, newest first, without content. */
export async function listVersions(db: Database, workspaceId: string): Promise<VersionSummary[]> {
  const rows = await db
    .select()
    .from(agreementVersions)
    .where(eq(agreementVersions.workspaceId, workspaceId))
    .orderBy(desc(agreementVersions.number))
    .all();
  const signatures = await signaturesOf(
    db,
    workspaceId,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toSummary(row, signatures.get(row.id) ?? []));
}

/**
 * The agreement the workspace runs under, or null before the first signed
 * version. One indexed read: intake and the SLA clock call it per lead.
 */
export async function getActiveAgreement(db: Database, workspaceId: string): Promise<ActiveAgreement | null> {
  const row = await db
    .select({
      number: agreementVersions.number,
      hash: agreementVersions.hash,
      activatedAt: agreementVersions.activatedAt,
      content: agreementVersions.content,
    })
    .from(agreementVersions)
    .where(and(eq(agreementVersions.workspaceId, workspaceId), eq(agreementVersions.status, 'active')))
    .get();
  if (!row) return null;
  return { version: row.number, hash: row.hash, activatedAt: row.activatedAt ?? '', content: row.content };
}

/** A version's content by number, for leads that remember the version their clock started under. */
export async function getAgreementContent(
  db: Database,
  workspaceId: string,
  number: number,
): Promise<Agreement> {
  return (await versionRow(db, workspaceId, number)).content;
}

export interface AgreementOverview extends Enforcement {
  active: AgreementVersion | null;
  /** The proposal collecting signatures, if any. */
  pending: AgreementVersion | null;
  draft: AgreementDraft;
}

/** `GET /v1/agreement`: the active version, the pending proposal and the draft, and whether anything is enforced. */
export async function getAgreementOverview(
  db: Database,
  workspaceId: string,
  now: Date,
): Promise<AgreementOverview> {
  const [rows, draft] = await Promise.all([
    db
      .select()
      .from(agreementVersions)
      .where(
        and(
          eq(agreementVersions.workspaceId, workspaceId),
          inArray(agreementVersions.status, ['active', 'proposed']),
        ),
      )
      .orderBy(desc(agreementVersions.number))
      .all(),
    getDraft(db, workspaceId, now),
  ]);
  const versions = await withSignatures(db, workspaceId, rows);
  const active = versions.find((v) => v.status === 'active') ?? null;
  const pending = versions.find((v) => v.status === 'proposed') ?? null;
  return { ...enforcementOf(active ? { version: active.number } : null), active, pending, draft };
}

// ---------------------------------------------------------------------------
// Writing the draft

async function assertGuardian(db: Database, workspaceId: string, content: Agreement): Promise<void> {
  const guardian = content.persona.guardianMemberId;
  if (guardian === null) return;
  const row = await db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.id, guardian), eq(members.workspaceId, workspaceId)))
    .get();
  if (!row) {
    throw new InvalidError('The persona guardian must be a member of this workspace; nothing was saved.', [
      { path: 'persona.guardianMemberId', message: `No member ${guardian} in this workspace.` },
    ]);
  }
}

function staleDraft(revision: number): PreconditionFailedError {
  return new PreconditionFailedError(
    `The draft changed since you read it (it is now at ETag ${draftEtag(revision)}). Reload it, apply your change again and send the new ETag in If-Match.`,
  );
}

/** Writes `content` over the draft at `expected` revision, or fails with 412 when someone wrote in between. */
async function writeDraft(
  db: Database,
  workspaceId: string,
  expected: DraftRow,
  content: Agreement,
  caller: Caller,
  now: Date,
): Promise<AgreementDraft> {
  await assertGuardian(db, workspaceId, content);
  const next = {
    content,
    revision: expected.revision + 1,
    updatedAt: now.toISOString(),
    updatedByTokenId: caller.tokenId,
  };
  const result = await db
    .update(agreementDrafts)
    .set(next)
    .where(and(eq(agreementDrafts.workspaceId, workspaceId), eq(agreementDrafts.revision, expected.revision)))
    .run();
  if (result.meta.changes === 0) throw staleDraft((await draftRow(db, workspaceId, now)).revision);
  return toDraft({ ...expected, ...next }, await latestVersionRow(db, workspaceId));
}

/** `PUT /v1/agreement/draft`: replaces the whole draft under `If-Match`. */
export async function replaceDraft(
  db: Database,
  workspaceId: string,
  content: Agreement,
  ifMatch: string | undefined,
  caller: Caller,
  now: Date,
): Promise<AgreementDraft> {
  const current = await draftRow(db, workspaceId, now);
  if (!ifMatchAllows(ifMatch, current.revision)) throw staleDraft(current.revision);
  return writeDraft(db, workspaceId, current, content, caller, now);
}

/** `PATCH /v1/agreement/draft`: replaces the named sections; the result must still be a valid agreement. */
export async function patchDraft(
  db: Database,
  workspaceId: string,
  patch: AgreementPatch,
  ifMatch: string | undefined,
  caller: Caller,
  now: Date,
): Promise<AgreementDraft> {
  const current = await draftRow(db, workspaceId, now);
  if (!ifMatchAllows(ifMatch, current.revision)) throw staleDraft(current.revision);
  const content = parseAgreement({ ...current.content, ...patch });
  return writeDraft(db, workspaceId, current, content, caller, now);
}

// ---------------------------------------------------------------------------
// Versions and signatures

/**
 * `POST /v1/agreement/draft/propose`: freezes the draft as version N with its
 * hash. An earlier proposal still collecting signatures is withdrawn, so only
 * the newest content can become active.
 */
export async function proposeDraft(
  db: Database,
  workspaceId: string,
  ifMatch: string | undefined,
  caller: Caller,
  now: Date,
): Promise<AgreementVersion> {
  const current = await draftRow(db, workspaceId, now);
  if (!ifMatchAllows(ifMatch, current.revision)) throw staleDraft(current.revision);
  const content = parseAgreement(current.content);
  const hash = await agreementHash(content, webHost);
  const open = await db
    .select({
      number: agreementVersions.number,
      hash: agreementVersions.hash,
      status: agreementVersions.status,
    })
    .from(agreementVersions)
    .where(
      and(
        eq(agreementVersions.workspaceId, workspaceId),
        inArray(agreementVersions.status, ['active', 'proposed']),
      ),
    )
    .all();
  const same = open.find((v) => v.hash === hash);
  if (same) {
    throw new ConflictError(
      `Version ${same.number} (${same.status}) already holds exactly this content; change the draft before proposing.`,
      { version: same.number },
    );
  }
  const latest = await latestVersionRow(db, workspaceId);
  const number = (latest?.number ?? 0) + 1;
  const at = now.toISOString();
  try {
    await db.batch([
      db
        .update(agreementVersions)
        .set({ status: 'withdrawn' satisfies VersionStatus })
        .where(and(eq(agreementVersions.workspaceId, workspaceId), eq(agreementVersions.status, 'proposed'))),
      db.insert(agreementVersions).values({
        id: newId('agv', now.getTime()),
        workspaceId,
        number,
        status: 'proposed',
        hash,
        content,
        requiredSides: requiredSides(content),
        proposedAt: at,
        proposedByTokenId: caller.tokenId,
        proposedByMemberId: caller.memberId,
        activatedAt: null,
        supersededAt: null,
      }),
      db
        .update(agreementDrafts)
        .set({ basedOnVersion: number })
        .where(
          and(eq(agreementDrafts.workspaceId, workspaceId), eq(agreementDrafts.revision, current.revision)),
        ),
    ]);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError(
        'Someone proposed a version at the same moment; reload the agreement and try again.',
      );
    }
    throw error;
  }
  return getVersion(db, workspaceId, number);
}

/**
 * Why a token may not sign: decided by the token's binding, so it is a 409
 * (the request conflicts with how the token is set up), never a 403 that would
 * suggest a different role could do it.
 */
function cannotSign(message: string, reason: string): ConflictError {
  return new ConflictError(message, { reason });
}

/**
 * `POST /v1/agreement/versions/{n}/signatures`: signs version N for the
 * caller's side (marketing, sales, or management for a manager token) as the
 * member the token is bound to. When every required side has signed, N becomes
 * active and the previous active version superseded, in the same batch as the
 * signature, so two sides signing at once still activate it exactly once.
 */
export async function signVersion(
  db: Database,
  workspaceId: string,
  number: number,
  input: { hash?: string | undefined },
  caller: Caller,
  now: Date,
): Promise<AgreementVersion> {
  const side = sideOfRole(caller.role);
  if (!side) throw cannotSign(`A ${caller.role} token signs for no side.`, 'no_side');
  // A version that does not exist is a 404 whoever asks; the token's binding is checked next.
  const version = await versionRow(db, workspaceId, number);
  if (!caller.memberId) {
    throw cannotSign(
      `This ${caller.role} token is not bound to a member, so there is nobody to sign as. Create a token with the memberId of the person signing for ${side}.`,
      'token_not_bound_to_member',
    );
  }
  const member = await db
    .select()
    .from(members)
    .where(and(eq(members.id, caller.memberId), eq(members.workspaceId, workspaceId)))
    .get();
  if (!member) throw cannotSign('The member this token is bound to no longer exists.', 'member_missing');
  if (!member.active)
    throw cannotSign(`${member.name} is no longer an active member and cannot sign.`, 'member_inactive');
  if (member.side !== side) {
    throw cannotSign(
      `${member.name} belongs to ${member.side}, but a ${caller.role} token signs for ${side}; use a token bound to a ${side} member.`,
      'member_side_mismatch',
    );
  }
  if (version.status !== 'proposed') {
    const hint =
      version.status === 'active'
        ? 'it is already active'
        : version.status === 'superseded'
          ? 'a later version replaced it'
          : 'a newer proposal withdrew it';
    throw new ConflictError(`Version ${number} is ${version.status} and takes no more signatures: ${hint}.`, {
      status: version.status,
    });
  }
  if (input.hash !== undefined && input.hash !== version.hash) {
    throw new ConflictError(`You reviewed different content: version ${number} has hash ${version.hash}.`, {
      reason: 'hash_mismatch',
      hash: version.hash,
    });
  }
  const signed = await db
    .select({ memberId: agreementSignatures.memberId })
    .from(agreementSignatures)
    .where(and(eq(agreementSignatures.versionId, version.id), eq(agreementSignatures.side, side)))
    .get();
  if (signed)
    throw new ConflictError(`Version ${number} is already signed for ${side}.`, { reason: 'already_signed' });

  const at = now.toISOString();
  const sides = version.requiredSides;
  const complete = sql`(select count(distinct ${agreementSignatures.side}) from ${agreementSignatures} where ${agreementSignatures.versionId} = ${version.id} and ${inArray(agreementSignatures.side, sides)}) = ${sides.length}`;
  const stillProposed = sql`exists (select 1 from agreement_versions as v where v.id = ${version.id} and v.status = 'proposed')`;
  try {
    await db.batch([
      db.insert(agreementSignatures).values({
        id: newId('sig', now.getTime()),
        workspaceId,
        versionId: version.id,
        side,
        memberId: member.id,
        tokenId: caller.tokenId,
        hash: version.hash,
        signedAt: at,
      }),
      db
        .update(agreementVersions)
        .set({ status: 'superseded', supersededAt: at })
        .where(
          and(
            eq(agreementVersions.workspaceId, workspaceId),
            eq(agreementVersions.status, 'active'),
            ne(agreementVersions.id, version.id),
            complete,
            stillProposed,
          ),
        ),
      db
        .update(agreementVersions)
        .set({ status: 'active', activatedAt: at })
        .where(and(eq(agreementVersions.id, version.id), eq(agreementVersions.status, 'proposed'), complete)),
    ]);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError(`Version ${number} is already signed for ${side}.`, {
        reason: 'already_signed',
      });
    }
    throw error;
  }
  return getVersion(db, workspaceId, number);
}

export interface VersionDiff {
  from: number;
  to: number | 'draft';
  diff: AgreementDiff;
}

/** `GET /v1/agreement/versions/{n}/diff?from=m` (m defaults to n − 1). */
export async function diffVersions(
  db: Database,
  workspaceId: string,
  number: number,
  from: number | undefined,
): Promise<VersionDiff> {
  const base = from ?? number - 1;
  if (base < 1) {
    throw new InvalidError('Version 1 has nothing before it; name a later version to compare with.', [
      { path: 'from', message: 'Give a version number to compare with.' },
    ]);
  }
  const [after, before] = await Promise.all([
    versionRow(db, workspaceId, number),
    versionRow(db, workspaceId, base),
  ]);
  return { from: base, to: number, diff: diffAgreements(before.content, after.content) };
}

/** `GET /v1/agreement/draft/diff?from=m`: what the draft changes against version m (default: the latest version). */
export async function diffDraft(
  db: Database,
  workspaceId: string,
  from: number | undefined,
  now: Date,
): Promise<VersionDiff> {
  const draft = await draftRow(db, workspaceId, now);
  const base =
    from === undefined ? await latestVersionRow(db, workspaceId) : await versionRow(db, workspaceId, from);
  if (!base) throw new NotFoundError('A version to compare the draft with (nothing was proposed yet)');
  return { from: base.number, to: 'draft', diff: diffAgreements(base.content, draft.content) };
}

// ---------------------------------------------------------------------------
// Sharing

export interface Share {
  id: string;
  createdAt: string;
  created: boolean;
}

/** Returns the live share link, creating one when there is none (at most one live link per workspace). */
export async function createShare(
  db: Database,
  workspaceId: string,
  caller: Caller,
  now: Date,
): Promise<Share> {
  const live = async () =>
    db
      .select()
      .from(agreementShares)
      .where(and(eq(agreementShares.workspaceId, workspaceId), isNull(agreementShares.revokedAt)))
      .get();
  const existing = await live();
  if (existing) return { id: existing.id, createdAt: existing.createdAt, created: false };
  const row = {
    id: mintShareId(workspaceId, webHost.randomBytes),
    workspaceId,
    createdAt: now.toISOString(),
    createdByTokenId: caller.tokenId,
  };
  try {
    await db.insert(agreementShares).values(row);
  } catch (error) {
    // A concurrent request created it first: answer with that one.
    const winner = isUniqueViolation(error) ? await live() : undefined;
    if (winner) return { id: winner.id, createdAt: winner.createdAt, created: false };
    throw error;
  }
  return { id: row.id, createdAt: row.createdAt, created: true };
}

/** Revokes the live share link at once; revoking when there is none is harmless. */
export async function revokeShare(db: Database, workspaceId: string, now: Date): Promise<void> {
  await db
    .update(agreementShares)
    .set({ revokedAt: now.toISOString() })
    .where(and(eq(agreementShares.workspaceId, workspaceId), isNull(agreementShares.revokedAt)))
    .run();
}

/** The workspace a share id belongs to, read from the id itself (null when malformed). */
export function workspaceOfShare(shareId: string): string | null {
  return parseShareId(shareId)?.workspaceId ?? null;
}

export interface SharedAgreement {
  workspace: Workspace;
  version: AgreementVersion | null;
  guardianName: string | null;
}

/** What `/a/{shareId}` shows: the active version with its signatures, or null for an unknown or revoked link. */
export async function getSharedAgreement(
  db: Database,
  workspaceId: string,
  shareId: string,
): Promise<SharedAgreement | null> {
  const share = await db
    .select({ id: agreementShares.id })
    .from(agreementShares)
    .where(
      and(
        eq(agreementShares.id, shareId),
        eq(agreementShares.workspaceId, workspaceId),
        isNull(agreementShares.revokedAt),
      ),
    )
    .get();
  if (!share) return null;
  const [workspace, activeRows] = await Promise.all([
    getWorkspace(db, workspaceId),
    db
      .select()
      .from(agreementVersions)
      .where(and(eq(agreementVersions.workspaceId, workspaceId), eq(agreementVersions.status, 'active')))
      .all(),
  ]);
  if (!workspace) return null;
  const [version] = await withSignatures(db, workspaceId, activeRows);
  const guardianId = version?.content.persona.guardianMemberId ?? null;
  const guardian = guardianId
    ? await db
        .select({ name: members.name })
        .from(members)
        .where(and(eq(members.id, guardianId), eq(members.workspaceId, workspaceId)))
        .get()
    : undefined;
  return { workspace, version: version ?? null, guardianName: guardian?.name ?? null };
}

// ---------------------------------------------------------------------------
// Buyer persona reviews

function toReview(row: typeof personaReviews.$inferSelect): PersonaReview {
  return {
    id: row.id,
    reviewedOn: row.reviewedOn,
    fromSales: row.fromSales,
    fromMarketing: row.fromMarketing,
    changes: row.changes,
    nextDueOn: row.nextDueOn,
    personaChanged: row.personaChanged,
    recordedByMemberId: row.recordedByMemberId,
    createdAt: row.createdAt,
  };
}

/**
 * `POST /v1/persona/reviews`: records what both teams brought to the review and
 * sets the next due date (review date + the persona's cadence unless given).
 * The signed text does not change by itself: when the review changed the
 * persona, the new persona is written to the draft (in the same batch), to be
 * proposed and signed like any other change.
 */
export async function recordPersonaReview(
  db: Database,
  workspaceId: string,
  input: CreatePersonaReview,
  caller: Caller,
  now: Date,
): Promise<PersonaReview> {
  const [draft, active] = await Promise.all([
    draftRow(db, workspaceId, now),
    getActiveAgreement(db, workspaceId),
  ]);
  const governing = active?.content ?? draft.content;
  const today = localDateOf(now, governing.sla.timezone);
  const reviewedOn = input.reviewedOn ?? today;
  if (reviewedOn > today) {
    throw new InvalidError('A review cannot be recorded ahead of time.', [
      { path: 'reviewedOn', message: `Must be ${today} or earlier.` },
    ]);
  }
  const persona = input.persona ?? governing.persona;
  const nextDueOn = input.nextDueOn ?? addMonths(reviewedOn, persona.reviewEveryMonths);
  if (nextDueOn <= reviewedOn) {
    throw new InvalidError('The next review must come after this one.', [
      { path: 'nextDueOn', message: `Must be after ${reviewedOn}.` },
    ]);
  }
  let content: Agreement | null = null;
  if (input.persona) {
    content = parseAgreement({ ...draft.content, persona: { ...input.persona, lastReviewedOn: reviewedOn } });
    await assertGuardian(db, workspaceId, content);
  }
  const row = {
    id: newId('prv', now.getTime()),
    workspaceId,
    reviewedOn,
    fromSales: input.fromSales,
    fromMarketing: input.fromMarketing,
    changes: input.changes,
    nextDueOn,
    personaChanged: content !== null,
    recordedByTokenId: caller.tokenId,
    recordedByMemberId: caller.memberId,
    createdAt: now.toISOString(),
  };
  if (content === null) {
    await db.insert(personaReviews).values(row);
    return toReview(row);
  }
  // The review lands only if this batch's draft update did: it is selected from the draft row carrying the
  // revision and write stamp that update leaves, so a draft that moved under us leaves nothing behind.
  const [updated] = await db.batch([
    db
      .update(agreementDrafts)
      .set({
        content,
        revision: draft.revision + 1,
        updatedAt: now.toISOString(),
        updatedByTokenId: caller.tokenId,
      })
      .where(and(eq(agreementDrafts.workspaceId, workspaceId), eq(agreementDrafts.revision, draft.revision))),
    db.insert(personaReviews).select(
      db
        .select({
          id: sql<string>`${row.id}`.as('id'),
          workspaceId: agreementDrafts.workspaceId,
          reviewedOn: sql<string>`${row.reviewedOn}`.as('reviewed_on'),
          fromSales: sql<string>`${row.fromSales}`.as('from_sales'),
          fromMarketing: sql<string>`${row.fromMarketing}`.as('from_marketing'),
          changes: sql<string>`${row.changes}`.as('changes'),
          nextDueOn: sql<string>`${row.nextDueOn}`.as('next_due_on'),
          personaChanged: sql<boolean>`1`.as('persona_changed'),
          recordedByTokenId: sql<string | null>`${row.recordedByTokenId}`.as('recorded_by_token_id'),
          recordedByMemberId: sql<string | null>`${row.recordedByMemberId}`.as('recorded_by_member_id'),
          createdAt: sql<string>`${row.createdAt}`.as('created_at'),
        })
        .from(agreementDrafts)
        .where(
          and(
            eq(agreementDrafts.workspaceId, workspaceId),
            eq(agreementDrafts.revision, draft.revision + 1),
            eq(agreementDrafts.updatedAt, now.toISOString()),
            eq(agreementDrafts.updatedByTokenId, caller.tokenId),
          ),
        ),
    ),
  ]);
  if (updated.meta.changes === 0) throw staleDraft((await draftRow(db, workspaceId, now)).revision);
  return toReview(row);
}

export interface PersonaReviewStatus {
  lastReviewedOn: string | null;
  /** When the next review is due; null when the persona was never reviewed. */
  nextDueOn: string | null;
  guardianMemberId: string | null;
}

/** The persona's governance deadline, for the SLA clock and the weekly agenda. */
export async function personaReviewStatus(
  db: Database,
  workspaceId: string,
  now: Date,
): Promise<PersonaReviewStatus> {
  const [latest, active, draft] = await Promise.all([
    db
      .select()
      .from(personaReviews)
      .where(eq(personaReviews.workspaceId, workspaceId))
      .orderBy(desc(personaReviews.reviewedOn), desc(personaReviews.createdAt))
      .limit(1)
      .get(),
    getActiveAgreement(db, workspaceId),
    draftRow(db, workspaceId, now),
  ]);
  const persona = (active?.content ?? draft.content).persona;
  if (latest) {
    return {
      lastReviewedOn: latest.reviewedOn,
      nextDueOn: latest.nextDueOn,
      guardianMemberId: persona.guardianMemberId,
    };
  }
  const last = persona.lastReviewedOn;
  return {
    lastReviewedOn: last,
    nextDueOn: last ? addMonths(last, persona.reviewEveryMonths) : null,
    guardianMemberId: persona.guardianMemberId,
  };
}

/** Every persona review, newest first, with the current due date. */
export async function listPersonaReviews(
  db: Database,
  workspaceId: string,
  now: Date,
): Promise<PersonaReviewStatus & { data: PersonaReview[] }> {
  const [rows, status] = await Promise.all([
    db
      .select()
      .from(personaReviews)
      .where(eq(personaReviews.workspaceId, workspaceId))
      .orderBy(desc(personaReviews.reviewedOn), desc(personaReviews.createdAt))
      .limit(200)
      .all(),
    personaReviewStatus(db, workspaceId, now),
  ]);
  return { ...status, data: rows.map(toReview) };
}
