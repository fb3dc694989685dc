import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Side } from '../../../domain/constants';
import type { Caller } from '../../../domain/tokens';
import { newId } from '../../../platform/ids';
import { runBatch } from '../../batch';
import type { Database } from '../../client';
import { agreementSignatures, agreementVersions } from '../../schema';
import type { VersionRow } from './versions';

/** Whether `side` has signed the version already. */
export async function sideHasSigned(db: Database, versionId: string, side: Side): Promise<boolean> {
  const signed = await db
    .select({ memberId: agreementSignatures.memberId })
    .from(agreementSignatures)
    .where(and(eq(agreementSignatures.versionId, versionId), eq(agreementSignatures.side, side)))
    .get();
  return signed !== undefined;
}

/**
 * Records the signature and, when every required side has signed, activates
 * the version and supersedes the previous active one, in one batch, so two
 * sides signing at once still activate it exactly once. Throws the unique
 * violation when the side's signature landed first from another request.
 */
export async function insertSignature(
  db: Database,
  workspaceId: string,
  version: Pick<VersionRow, 'id' | 'hash' | 'requiredSides'>,
  signer: { side: Side; memberId: string },
  caller: Caller,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  const sides = version.requiredSides;
  const complete = sql`(select count(distinct ${agreementSignatures.side}) from ${agreementSignatures} where ${agreementSignatures.versionId} = ${version.id} and ${inArray(agreementSignatures.side, sides)}) = ${sides.length}`;
  const stillProposed = sql`exists (select 1 from agreement_versions as v where v.id = ${version.id} and v.status = 'proposed')`;
  await runBatch(db, [
    db.insert(agreementSignatures).values({
      id: newId('sig', now.getTime()),
      workspaceId,
      versionId: version.id,
      side: signer.side,
      memberId: signer.memberId,
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
}
