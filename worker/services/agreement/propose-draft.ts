import { isUniqueViolation } from '../../db/conflict';
import {
  draftRow,
  getVersion,
  insertProposal,
  latestVersionRow,
  openVersionRows,
} from '../../db/queries/agreement';
import {
  type AgreementVersion,
  agreementHash,
  concurrentProposal,
  ifMatchAllows,
  parseAgreement,
  sameContentRefusal,
  staleDraft,
  warningsIn,
} from '../../domain/agreement';
import { webHost } from '../../platform/web-host';
import type { CallerContext } from '../context';

/**
 * Freezes the draft as version N with its hash. An earlier proposal still
 * collecting signatures is withdrawn, so only the newest content can become active.
 */
export async function proposeDraft({
  ctx,
  input,
}: {
  ctx: CallerContext;
  input: { ifMatch: string | undefined };
}): Promise<AgreementVersion> {
  const { db, workspaceId, caller, now } = ctx;
  const current = await draftRow(db, workspaceId, now);
  if (!ifMatchAllows(input.ifMatch, current.revision)) throw staleDraft(current.revision);
  const content = parseAgreement(current.content);
  const hash = await agreementHash(content, webHost);
  const same = sameContentRefusal(await openVersionRows(db, workspaceId), hash);
  if (same) throw same;
  const number = ((await latestVersionRow(db, workspaceId))?.number ?? 0) + 1;
  try {
    await insertProposal(
      db,
      workspaceId,
      { number, hash, content, draftRevision: current.revision },
      caller,
      now,
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw concurrentProposal();
    throw error;
  }
  return warningsIn(await getVersion(db, workspaceId, number), ctx.language);
}
