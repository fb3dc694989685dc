import { compareEdits, reapplyMine, type SectionEdits } from '../../../worker/domain/agreement/compare-edits';
import { fill } from '../../../worker/domain/i18n/format';
import { answerText, type Connection, getJson, requestJson, withConnection } from '../api';
import { refreshAll } from '../refresh';
import type { Services } from '../services';
import { teamLanguage } from '../state';
import { clearPendingEdits, readPendingEdits, saveAgreementBase } from './pending-edits';
import { type DraftAnswer, reviewWords } from './worker-answers';

/** What the conflict view shows: each changed section with both sides' changes, and the draft it compared to. */
export interface ConflictView {
  ok: true;
  /** The ETag of the draft ("theirs") the person is looking at; re-applying onto another draft is refused. */
  etag: string;
  sections: SectionEdits[];
  conflicts: string[];
}

export type ConflictAnswer = ConflictView | { ok: false; message: string };

export interface ReapplyAnswer {
  ok: boolean;
  message: string;
  /** When the draft moved again: the comparison as it stands now, to look at and choose again. */
  view?: ConflictView;
}

function viewOf(services: Services, connection: Connection): ConflictAnswer {
  const language = teamLanguage(services);
  const pending = readPendingEdits(services);
  if (!pending) return { ok: false, message: reviewWords(language).nothingPending };
  const draft = getJson<DraftAnswer>(services, connection, '/v1/agreement/draft');
  const comparison = compareEdits(pending.base, pending.mine, draft.content, language);
  return {
    ok: true,
    etag: draft.etag,
    sections: comparison.sections.filter((s) => s.state !== 'unchanged'),
    conflicts: comparison.conflicts,
  };
}

/** The sidebar's conflict view: my edits (kept after a refused push) and the draft as it is now, against our base. */
export function agreementConflict(services: Services): ConflictAnswer {
  return withConnection(services, (connection) => viewOf(services, connection));
}

/**
 * "Re-apply my edits on top": the current draft with my sections on top
 * (`keepMine` names the conflicting sections where the person keeps their
 * own), written with the ETag of that draft. A draft that moved since the
 * person looked (`etag`), or moves before the write lands (412), overwrites
 * nothing: the answer carries the new comparison instead. Sent under the
 * clicking person's token.
 */
export function reapplyMyEdits(
  services: Services,
  input: { etag?: unknown; keepMine?: unknown },
): ReapplyAnswer {
  const words = reviewWords(teamLanguage(services));
  const keepMine = Array.isArray(input.keepMine) ? input.keepMine.filter((s) => typeof s === 'string') : [];
  return withConnection(services, (connection): ReapplyAnswer => {
    const pending = readPendingEdits(services);
    if (!pending) return { ok: false, message: words.nothingPending };
    const draft = getJson<DraftAnswer>(services, connection, '/v1/agreement/draft');
    const changedAgain = (): ReapplyAnswer => {
      const view = viewOf(services, connection);
      return view.ok ? { ok: false, message: words.changedAgain, view } : view;
    };
    if (typeof input.etag === 'string' && input.etag !== draft.etag) return changedAgain();
    const content = reapplyMine(pending.base, pending.mine, draft.content, keepMine);
    const answer = requestJson(services, connection, 'put', '/v1/agreement/draft', {
      body: content,
      headers: { 'if-match': draft.etag },
    });
    if (answer.status === 412) return changedAgain();
    if (answer.status !== 200) return { ok: false, message: answerText(services, answer) };
    const saved = JSON.parse(answer.body) as DraftAnswer;
    saveAgreementBase(services, { content: saved.content, etag: saved.etag });
    clearPendingEdits(services);
    const refreshed = refreshAll(services, { force: false });
    const message = fill(words.reapplied, { revision: saved.revision });
    return { ok: true, message: refreshed.ok ? message : `${message} ${refreshed.message}` };
  });
}
