import { eq } from 'drizzle-orm';
import { starterAgreement } from '../../domain/agreement/templates';
import type { JudgingAgreement } from '../../domain/ledger/judge';
import type { Workspace } from '../../domain/workspace';
import type { Database } from '../client';
import { agreementDrafts } from '../schema';
import { getActiveAgreement } from './agreement';

/**
 * The agreement leads are judged by: the active (signed) version; before the
 * first signature the current draft (or the starter, if nobody opened the
 * draft yet), with `version: null`, so leads are scored but never become MQLs
 * and no clock starts. Read-only: intake never writes agreement rows.
 */
export async function loadJudgingAgreement(db: Database, workspace: Workspace): Promise<JudgingAgreement> {
  const active = await getActiveAgreement(db, workspace.id);
  if (active) return { version: active.version, content: active.content };
  const draft = await db
    .select({ content: agreementDrafts.content })
    .from(agreementDrafts)
    .where(eq(agreementDrafts.workspaceId, workspace.id))
    .get();
  return {
    version: null,
    content:
      draft?.content ??
      starterAgreement(workspace.language, { timezone: workspace.timezone, country: workspace.country }),
  };
}
