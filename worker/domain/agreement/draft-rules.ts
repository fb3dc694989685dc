import { ConflictError, InvalidError, PreconditionFailedError } from '../errors';
import { draftEtag } from './versions';

/** Someone wrote the draft since the caller read it: reload, reapply, send the new ETag. */
export function staleDraft(revision: number): PreconditionFailedError {
  return new PreconditionFailedError(
    `The draft changed since you read it (it is now at ETag ${draftEtag(revision)}). Reload it, apply your change again and send the new ETag in If-Match.`,
  );
}

/** The persona guardian named in the content is no member of the workspace. */
export function unknownGuardian(guardianMemberId: string): InvalidError {
  return new InvalidError('The persona guardian must be a member of this workspace; nothing was saved.', [
    { path: 'persona.guardianMemberId', message: `No member ${guardianMemberId} in this workspace.` },
  ]);
}

/** A version still open (active or proposed) that holds exactly the content about to be proposed, if any. */
export function sameContentRefusal(
  open: readonly { number: number; hash: string; status: string }[],
  hash: string,
): ConflictError | null {
  const same = open.find((v) => v.hash === hash);
  if (!same) return null;
  return new ConflictError(
    `Version ${same.number} (${same.status}) already holds exactly this content; change the draft before proposing.`,
    { version: same.number },
  );
}

/** Two proposals raced for the same version number. */
export function concurrentProposal(): ConflictError {
  return new ConflictError(
    'Someone proposed a version at the same moment; reload the agreement and try again.',
  );
}

/** The version a diff of version `number` compares with: `from`, else the one before it. */
export function diffBase(number: number, from: number | undefined): number {
  const base = from ?? number - 1;
  if (base < 1) {
    throw new InvalidError('Version 1 has nothing before it; name a later version to compare with.', [
      { path: 'from', message: 'Give a version number to compare with.' },
    ]);
  }
  return base;
}
