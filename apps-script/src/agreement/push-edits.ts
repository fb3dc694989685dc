import type { Agreement } from '../../../worker/domain/agreement/schema';
import type { Language } from '../../../worker/domain/constants';
import { catalogueOf } from '../../../worker/domain/i18n';
import { fill } from '../../../worker/domain/i18n/format';
import { counted } from '../../../worker/domain/i18n/plural';
import {
  AGREEMENT_GRID_TABS,
  type AgreementGridTab,
  type Grid,
  type GridProblem,
  parseAgreementTabs,
  sameGridSections,
} from '../../../worker/domain/sheet/agreement-grid';
import {
  ApiFailure,
  answerText,
  type Connection,
  notConnectedText,
  requestJson,
  savedConnection,
} from '../api';
import { AGREEMENT_MARKS_PROPERTY, LOCK_WAIT_MS, MAX_AGREEMENT_MARKS } from '../config';
import { findTab, type TabContext, tabContextOf } from '../grid';
import type { Services } from '../services';
import { readState, stateLanguage } from '../state';
import { readAgreementGrids, writeAgreementTabs } from '../tabs/agreement-grid-tabs';
import { readAgreementBase, saveAgreementBase, savePendingEdits } from './pending-edits';

/** The background of a cell whose note says what to fix. */
export const PROBLEM_COLOUR = '#f4c7c3';

export interface PushResult {
  ok: boolean;
  message: string;
  /** Cells that need fixing (nothing was sent). */
  problems: GridProblem[];
  /** The push was refused as stale: mine is stored for the conflict view. */
  stale: boolean;
}

interface Mark {
  tab: AgreementGridTab;
  row: number;
  column: number;
}

/**
 * "Push agreement edits": reads Glossary, ICP, Scoring and Rules with one
 * `getValues` each and parses them with the shared schema onto the draft they
 * were rendered from. A problem puts a note and a highlight on its cell (last
 * push's are cleared first) and nothing is sent. Otherwise one
 * `PUT /v1/agreement/draft` with `If-Match` of that draft, under the clicking
 * person's token: accepted, the tabs are rewritten from the new draft; refused
 * as stale (412), nothing is overwritten, the edits stay in the tabs and are
 * stored with their base for the conflict view, which `openConflict` opens.
 */
export function pushAgreementEdits(
  services: Services,
  options: { openConflict?: () => void } = {},
): PushResult {
  const state = readState(services);
  const language = stateLanguage(state);
  const answer = (ok: boolean, message: string, extra: Partial<PushResult> = {}): PushResult => ({
    ok,
    message,
    problems: [],
    stale: false,
    ...extra,
  });
  const connection = savedConnection(services);
  if (!connection) return answer(false, notConnectedText(services));
  // A refresh writing the same tabs meanwhile would leave the base and the tabs out of step.
  const lock = services.documentLock();
  if (!lock?.tryLock(LOCK_WAIT_MS)) return answer(false, catalogueOf(language).sheet.connection.pushBusy);
  try {
    return pushUnderLock(services, connection, language, answer, options);
  } finally {
    lock.releaseLock();
  }
}

function pushUnderLock(
  services: Services,
  connection: Connection,
  language: Language,
  answer: (ok: boolean, message: string, extra?: Partial<PushResult>) => PushResult,
  options: { openConflict?: () => void },
): PushResult {
  const words = catalogueOf(language).sheet.agreementGrid.push;
  const base = readAgreementBase(services);
  if (!base) return answer(false, words.noBase);

  const spreadsheet = services.spreadsheetApp.getActiveSpreadsheet();
  const grids = readAgreementGrids(spreadsheet);
  clearMarks(services);
  const empty: Grid = [];
  const parsed = parseAgreementTabs(
    Object.fromEntries(AGREEMENT_GRID_TABS.map((tab) => [tab, grids[tab] ?? empty])) as Record<
      AgreementGridTab,
      Grid
    >,
    base.content,
    { language, timeZone: spreadsheet.getSpreadsheetTimeZone() },
  );
  if (!parsed.ok) {
    markProblems(services, parsed.problems);
    const message = counted(language, words.problems, parsed.problems.length);
    return answer(false, message, { problems: parsed.problems });
  }
  const mine = parsed.value;
  if (sameGridSections(mine, base.content)) return answer(true, words.unchanged);

  let sent: ReturnType<typeof requestJson>;
  try {
    sent = requestJson(services, connection, 'put', '/v1/agreement/draft', {
      body: mine,
      headers: { 'if-match': base.etag },
    });
  } catch (error) {
    if (error instanceof ApiFailure) return answer(false, error.message);
    throw error;
  }
  if (sent.status === 412) {
    savePendingEdits(services, { mine, base: base.content, baseEtag: base.etag });
    if (!options.openConflict) return answer(false, words.noConflictView, { stale: true });
    options.openConflict();
    return answer(false, words.stale, { stale: true });
  }
  if (sent.status !== 200) return answer(false, fill(words.refused, { reason: answerText(services, sent) }));
  const draft = JSON.parse(sent.body) as { content: Agreement; etag: string; revision: number };
  // The tabs now show exactly what was accepted (the Worker may have normalised it).
  writeAgreementTabs(services, contextOf(services, connection.apiUrl, language), draft.content);
  saveAgreementBase(services, { content: draft.content, etag: draft.etag, rendered: true });
  return answer(true, fill(words.sent, { revision: String(draft.revision) }));
}

function contextOf(services: Services, apiUrl: string, language: Language): TabContext {
  return tabContextOf(services.spreadsheetApp.getActiveSpreadsheet(), {
    language,
    apiUrl,
    now: services.now(),
  });
}

/** Notes and highlights on the cells to fix (one note and one colour call per cell: only cells with a problem). */
function markProblems(services: Services, problems: readonly GridProblem[]): void {
  const spreadsheet = services.spreadsheetApp.getActiveSpreadsheet();
  const marks: Mark[] = [];
  for (const problem of problems.slice(0, MAX_AGREEMENT_MARKS)) {
    const sheet = findTab(spreadsheet, problem.tab);
    if (!sheet) continue;
    const range = sheet.getRange(problem.row, problem.column, 1, 1);
    range.setNote(problem.message);
    range.setBackground(PROBLEM_COLOUR);
    marks.push({ tab: problem.tab, row: problem.row, column: problem.column });
  }
  services.documentProperties.setProperty(AGREEMENT_MARKS_PROPERTY, JSON.stringify(marks));
}

/** Takes the last push's notes and highlights off again, so only what is still wrong stays marked. */
function clearMarks(services: Services): void {
  const raw = services.documentProperties.getProperty(AGREEMENT_MARKS_PROPERTY);
  if (!raw) return;
  let marks: Mark[] = [];
  try {
    marks = JSON.parse(raw) as Mark[];
  } catch {
    marks = [];
  }
  const spreadsheet = services.spreadsheetApp.getActiveSpreadsheet();
  for (const mark of Array.isArray(marks) ? marks : []) {
    const sheet = findTab(spreadsheet, mark.tab);
    if (!sheet || !(mark.row >= 1 && mark.column >= 1)) continue;
    const range = sheet.getRange(mark.row, mark.column, 1, 1);
    range.setNote(null);
    range.setBackground(null);
  }
  services.documentProperties.deleteProperty(AGREEMENT_MARKS_PROPERTY);
}
