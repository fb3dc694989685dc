import { type IntakeAnswer, recordSubmission } from '../../db/queries/intake';
import { loadJudgingAgreement } from '../../db/queries/judging';
import { deliveryKeyOf } from '../../domain/intake';
import type { CanonicalSubmission } from '../../domain/intake/types';
import type { Workspace } from '../../domain/workspace';
import type { ServiceContext } from '../context';
import type { IntakeSource } from './find-intake-source';

/**
 * Records a verified, read delivery: the domain names the delivery (its
 * Idempotency-Key, else the provider's event id, else the body), the lead is
 * judged by the agreement in force, and the same delivery twice is one write.
 */
export async function recordDelivery({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    source: IntakeSource;
    workspace: Workspace;
    submission: CanonicalSubmission;
    idempotencyKey: string | undefined;
    bodyHash: string;
  };
}): Promise<IntakeAnswer> {
  const { submission, bodyHash } = input;
  const key = deliveryKeyOf({
    idempotencyKey: input.idempotencyKey,
    deliveryId: submission.deliveryId,
    bodyHash,
  });
  const agreement = await loadJudgingAgreement(ctx.db, input.workspace);
  return recordSubmission(ctx.db, {
    workspaceId: ctx.workspaceId,
    source: input.source,
    agreement,
    submission,
    delivery: { key, bodyHash },
    now: ctx.now,
  });
}
