import { DomainError } from '../errors';
import { say } from '../i18n';

/**
 * A lead's version is its event count (`LeadState.seq`): every appended event
 * changes it, so a client that read version N (the sheet's Version column)
 * can ask that its action land only if nothing happened since.
 */
export function leadEtag(seq: number): string {
  return `"lead-${seq}"`;
}

/** Does `If-Match` allow acting on a lead at version `seq`? Absent means unconditional; `*` matches any. */
export function leadIfMatchAllows(header: string | undefined, seq: number): boolean {
  if (header === undefined) return true;
  const tags = header.split(',').map((t) => t.trim());
  return tags.includes('*') || tags.includes(leadEtag(seq));
}

/** The lead changed since the caller read it: nothing is recorded, and the answer says the current version. */
export function staleLead(seq: number): DomainError {
  return new DomainError('precondition_failed', say('leadStale', { seq, etag: leadEtag(seq) }), [], {
    version: seq,
  });
}
