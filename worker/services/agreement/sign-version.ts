import { isUniqueViolation } from '../../db/conflict';
import { getVersion, insertSignature, sideHasSigned, versionRow } from '../../db/queries/agreement';
import { findMember } from '../../db/queries/members';
import {
  type AgreementVersion,
  alreadySigned,
  sideOfRole,
  signingRefusal,
  warningsIn,
} from '../../domain/agreement';
import type { CallerContext } from '../context';

/**
 * Signs version N for the caller's side (marketing, sales, or management for a
 * manager token) as the member the token is bound to. Loads what the signing
 * rules look at, lets the domain decide, then writes the signature; when every
 * required side has signed, N becomes active in the same batch.
 */
export async function signVersion({
  ctx,
  input,
}: {
  ctx: CallerContext;
  input: { number: number; hash?: string | undefined };
}): Promise<AgreementVersion> {
  const { db, workspaceId, caller, now } = ctx;
  const side = sideOfRole(caller.role);
  // A token that signs for no side is refused before anything is read; then a missing version is a 404.
  const version = side ? await versionRow(db, workspaceId, input.number) : null;
  const [member, signed] =
    side && version
      ? await Promise.all([
          caller.memberId ? findMember(db, workspaceId, caller.memberId) : undefined,
          sideHasSigned(db, version.id, side),
        ])
      : [undefined, false];
  const decision = signingRefusal({
    role: caller.role,
    side,
    version,
    memberId: caller.memberId,
    member: member ?? null,
    reviewedHash: input.hash,
    alreadySigned: signed,
  });
  if (decision.refusal) throw decision.refusal;
  try {
    await insertSignature(
      db,
      workspaceId,
      decision.version,
      { side: decision.side, memberId: decision.member.id },
      caller,
      now,
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadySigned(input.number, decision.side);
    throw error;
  }
  return warningsIn(await getVersion(db, workspaceId, input.number), ctx.language);
}
