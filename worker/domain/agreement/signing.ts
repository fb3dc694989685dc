import type { Role, Side } from '../constants';
import { ConflictError } from '../errors';
import type { VersionStatus } from './constants';

/** The version being signed, as far as the rules care. */
export interface SigningVersion {
  number: number;
  status: VersionStatus;
  hash: string;
}

/** The member a token is bound to, as far as the rules care. */
export interface SigningMember {
  name: string;
  side: Side;
  active: boolean;
}

/** Everything the signing rules look at, loaded by the verb before deciding. */
export interface SigningAttempt<V extends SigningVersion, M extends SigningMember> {
  role: Role;
  /** The side the role signs for (`sideOfRole`); null refuses before anything else is looked at. */
  side: Side | null;
  /** Null only when `side` is null: a missing version is a 404 whoever asks, once the side is known. */
  version: V | null;
  memberId: string | null;
  member: M | null;
  /** The hash the signer says they reviewed, when given. */
  reviewedHash: string | undefined;
  /** Whether the side already has a signature on this version. */
  alreadySigned: boolean;
}

export type SigningDecision<V, M> =
  | { refusal: ConflictError }
  | { refusal: null; side: Side; version: V; member: M };

/**
 * Why a token may not sign: decided by the token's binding, so it is a 409
 * (the request conflicts with how the token is set up), never a 403 that would
 * suggest a different role could do it.
 */
function cannotSign(message: string, reason: string): { refusal: ConflictError } {
  return { refusal: new ConflictError(message, { reason }) };
}

/**
 * The signing rules, in the order a signer meets them: the token must sign for
 * a side, be bound to a member who still exists, is active and belongs to that
 * side; the version must still be collecting signatures, be the content the
 * signer reviewed, and not be signed for that side already.
 */
export function signingRefusal<V extends SigningVersion, M extends SigningMember>(
  attempt: SigningAttempt<V, M>,
): SigningDecision<V, M> {
  const { role, side, version, memberId, member } = attempt;
  if (!side || !version) return cannotSign(`A ${role} token signs for no side.`, 'no_side');
  if (!memberId) {
    return cannotSign(
      `This ${role} token is not bound to a member, so there is nobody to sign as. Create a token with the memberId of the person signing for ${side}.`,
      'token_not_bound_to_member',
    );
  }
  if (!member) return cannotSign('The member this token is bound to no longer exists.', 'member_missing');
  if (!member.active)
    return cannotSign(`${member.name} is no longer an active member and cannot sign.`, 'member_inactive');
  if (member.side !== side) {
    return cannotSign(
      `${member.name} belongs to ${member.side}, but a ${role} token signs for ${side}; use a token bound to a ${side} member.`,
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
    return {
      refusal: new ConflictError(
        `Version ${version.number} is ${version.status} and takes no more signatures: ${hint}.`,
        { status: version.status },
      ),
    };
  }
  if (attempt.reviewedHash !== undefined && attempt.reviewedHash !== version.hash) {
    return {
      refusal: new ConflictError(
        `You reviewed different content: version ${version.number} has hash ${version.hash}.`,
        { reason: 'hash_mismatch', hash: version.hash },
      ),
    };
  }
  if (attempt.alreadySigned) return { refusal: alreadySigned(version.number, side) };
  return { refusal: null, side, version, member };
}

/** The side has signed this version already (also what a lost race for the same signature answers). */
export function alreadySigned(number: number, side: Side): ConflictError {
  return new ConflictError(`Version ${number} is already signed for ${side}.`, { reason: 'already_signed' });
}
