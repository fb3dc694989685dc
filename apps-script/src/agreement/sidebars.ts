import type { Services } from '../services';
import { teamLanguage } from '../state';
import { conflictHtml } from './conflict-html';
import { reviewHtml } from './review-html';
import { reviewWords } from './worker-answers';

/** Opens the conflict view (a push refused as stale calls this) in the sheet's language. */
export function openConflictSidebar(services: Services): void {
  const words = reviewWords(teamLanguage(services));
  services.ui()?.showSidebar(services.htmlOutput(conflictHtml(words)).setTitle(words.conflictTitle));
}

/** Opens the agreement view: diff, propose, sign. */
export function openReviewSidebar(services: Services): void {
  const words = reviewWords(teamLanguage(services));
  services.ui()?.showSidebar(services.htmlOutput(reviewHtml(words)).setTitle(words.reviewTitle));
}
