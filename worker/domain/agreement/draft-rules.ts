import { ConflictError, fieldIssue, InvalidError, PreconditionFailedError } from '../errors';
import { catalogueOf, say } from '../i18n';
import type { VersionStatus } from './constants';
import { draftEtag } from './versions';

/** Someone wrote the draft since the caller read it: reload, reapply, send the new ETag. */
export function staleDraft(revision: number): PreconditionFailedError {
  return new PreconditionFailedError(say('draftStale', { etag: draftEtag(revision) }));
}

/** The persona guardian named in the content is no member of the workspace. */
export function unknownGuardian(guardianMemberId: string): InvalidError {
  return new InvalidError(say('guardianUnknown'), [
    fieldIssue('persona.guardianMemberId', say('memberUnknown', { id: guardianMemberId })),
  ]);
}

/** A version still open (active or proposed) that holds exactly the content about to be proposed, if any. */
export function sameContentRefusal(
  open: readonly { number: number; hash: string; status: string }[],
  hash: string,
): ConflictError | null {
  const same = open.find((v) => v.hash === hash);
  if (!same) return null;
  const status = same.status as VersionStatus;
  return new ConflictError(
    say('sameContent', {
      number: same.number,
      status: (language) => catalogueOf(language).agreement.statuses[status] ?? same.status,
    }),
    { version: same.number },
  );
}

/** Two proposals raced for the same version number. */
export function concurrentProposal(): ConflictError {
  return new ConflictError(say('concurrentProposal'));
}

/** The version a diff of version `number` compares with: `from`, else the one before it. */
export function diffBase(number: number, from: number | undefined): number {
  const base = from ?? number - 1;
  if (base < 1) {
    throw new InvalidError(say('nothingBefore'), [fieldIssue('from', say('giveVersion'))]);
  }
  return base;
}
