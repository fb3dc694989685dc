import { openVersionRows, withSignatures } from '../../db/queries/agreement';
import { getDraft } from '../../db/queries/agreement/drafts';
import {
  type AgreementDraft,
  type AgreementVersion,
  type Enforcement,
  enforcementOf,
  warningsIn,
} from '../../domain/agreement';
import type { ServiceContext } from '../context';

export interface AgreementOverview extends Enforcement {
  active: AgreementVersion | null;
  /** The proposal collecting signatures, if any. */
  pending: AgreementVersion | null;
  draft: AgreementDraft;
}

/** The active version, the pending proposal and the draft, and whether anything is enforced. */
export async function getAgreementOverview({ ctx }: { ctx: ServiceContext }): Promise<AgreementOverview> {
  const { db, workspaceId, now } = ctx;
  const [rows, draft] = await Promise.all([openVersionRows(db, workspaceId), getDraft(db, workspaceId, now)]);
  const versions = (await withSignatures(db, workspaceId, rows)).map((v) => warningsIn(v, ctx.language));
  const active = versions.find((v) => v.status === 'active') ?? null;
  const pending = versions.find((v) => v.status === 'proposed') ?? null;
  return {
    ...enforcementOf(active ? { version: active.number } : null, ctx.language),
    active,
    pending,
    draft: warningsIn(draft, ctx.language),
  };
}
