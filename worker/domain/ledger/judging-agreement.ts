import { starterAgreement } from '../agreement/templates';
import type { Workspace } from '../workspace';
import type { JudgingAgreement } from './judge';

/**
 * The agreement leads are judged by: the active (signed) version; before the
 * first signature the current draft (or the starter, if nobody opened the
 * draft yet), with `version: null`, so leads are scored but never become MQLs
 * and no clock starts.
 */
export function judgingAgreementOf(
  active: JudgingAgreement | null,
  draft: JudgingAgreement['content'] | null,
  workspace: Pick<Workspace, 'language' | 'timezone' | 'country'>,
): JudgingAgreement {
  if (active) return { version: active.version, content: active.content };
  return {
    version: null,
    content:
      draft ??
      starterAgreement(workspace.language, { timezone: workspace.timezone, country: workspace.country }),
  };
}
