import { and, eq } from 'drizzle-orm';
import { type Agreement, requiredSides, type VersionStatus } from '../../../domain/agreement';
import type { Caller } from '../../../domain/tokens';
import { newId } from '../../../platform/ids';
import { runBatch } from '../../batch';
import type { Database } from '../../client';
import { agreementDrafts, agreementVersions } from '../../schema';

export interface Proposal {
  number: number;
  hash: string;
  content: Agreement;
  /** The draft revision frozen; the draft remembers it is based on the new version only if still at it. */
  draftRevision: number;
}

/**
 * Freezes the content as version `number` in one batch: an earlier proposal
 * still collecting signatures is withdrawn, and the draft records its base.
 * Throws the unique violation when another proposal took the number first.
 */
export async function insertProposal(
  db: Database,
  workspaceId: string,
  proposal: Proposal,
  caller: Caller,
  now: Date,
): Promise<void> {
  await runBatch(db, [
    db
      .update(agreementVersions)
      .set({ status: 'withdrawn' satisfies VersionStatus })
      .where(and(eq(agreementVersions.workspaceId, workspaceId), eq(agreementVersions.status, 'proposed'))),
    db.insert(agreementVersions).values({
      id: newId('agv', now.getTime()),
      workspaceId,
      number: proposal.number,
      status: 'proposed',
      hash: proposal.hash,
      content: proposal.content,
      requiredSides: requiredSides(proposal.content),
      proposedAt: now.toISOString(),
      proposedByTokenId: caller.tokenId,
      proposedByMemberId: caller.memberId,
      activatedAt: null,
      supersededAt: null,
    }),
    db
      .update(agreementDrafts)
      .set({ basedOnVersion: proposal.number })
      .where(
        and(
          eq(agreementDrafts.workspaceId, workspaceId),
          eq(agreementDrafts.revision, proposal.draftRevision),
        ),
      ),
  ]);
}
