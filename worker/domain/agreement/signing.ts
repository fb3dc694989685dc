import type { Role, Side } from '../constants';
import { ConflictError } from '../errors';
import { catalogueOf, type Said, say } from '../i18n';
import type { VersionStatus } from './constants';

/** A side as the team calls it ("sales", "sprzedaż", "vânzări", "продажи"). */
const sideName =
  (side: Side): Said =>
  (language) =>
    catalogueOf(language).agenda.sides[side];

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
function cannotSign(message: Said, reason: string): { refusal: ConflictError } {
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
  if (!side || !version) return cannotSign(say('signNoSide', { role }), 'no_side');
  if (!memberId) {
    return cannotSign(say('signUnbound', { role, side: sideName(side) }), 'token_not_bound_to_member');
  }
  if (!member) return cannotSign(say('signMemberMissing'), 'member_missing');
  if (!member.active) return cannotSign(say('signMemberInactive', { name: member.name }), 'member_inactive');
  if (member.side !== side) {
    const names = { name: member.name, memberSide: sideName(member.side), role, side: sideName(side) };
    return cannotSign(say('signSideMismatch', names), 'member_side_mismatch');
  }
  if (version.status !== 'proposed') {
    const key =
      version.status === 'active'
        ? 'signClosedActive'
        : version.status === 'superseded'
          ? 'signClosedSuperseded'
          : 'signClosedWithdrawn';
    return {
      refusal: new ConflictError(say(key, { number: String(version.number) }), { status: version.status }),
    };
  }
  if (attempt.reviewedHash !== undefined && attempt.reviewedHash !== version.hash) {
    return {
      refusal: new ConflictError(
        say('signHashMismatch', { number: String(version.number), hash: version.hash }),
        {
          reason: 'hash_mismatch',
          hash: version.hash,
        },
      ),
    };
  }
  if (attempt.alreadySigned) return { refusal: alreadySigned(version.number, side) };
  return { refusal: null, side, version, member };
}

/** The side has signed this version already (also what a lost race for the same signature answers). */
export function alreadySigned(number: number, side: Side): ConflictError {
  return new ConflictError(say('signAlready', { number: String(number), side: sideName(side) }), {
    reason: 'already_signed',
  });
}
