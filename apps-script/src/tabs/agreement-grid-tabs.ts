import { Agreement } from '../../../worker/domain/agreement/schema';
import {
  AGREEMENT_GRID_TABS,
  type AgreementGridTab,
  type Grid,
  parseAgreementTabs,
  type RenderedTab,
  renderAgreementTab,
  sameGridSections,
} from '../../../worker/domain/sheet/agreement-grid';
import { OWNER_HEADER_COLOURS } from '../../../worker/domain/sheet/columns';
import { readAgreementBase, saveAgreementBase } from '../agreement/pending-edits';
import { ensureTab, findTab, markFresh, type TabContext, writeWholeTab } from '../grid';
import type { Services, SpreadsheetLike } from '../services';

/** Rows 1 (freshness) and 2 (how to edit) stay in view. */
const FROZEN_ROWS = 2;
const COLUMN_WIDTH = 220;

/** Each agreement tab as `getValues` reads it (one call per tab); null for a tab the sheet lacks. */
export function readAgreementGrids(spreadsheet: SpreadsheetLike): Record<AgreementGridTab, Grid | null> {
  const out = {} as Record<AgreementGridTab, Grid | null>;
  for (const tab of AGREEMENT_GRID_TABS) {
    const sheet = findTab(spreadsheet, tab);
    const rows = sheet?.getLastRow() ?? 0;
    const columns = sheet?.getLastColumn() ?? 0;
    out[tab] = sheet && rows > 0 && columns > 0 ? sheet.getRange(1, 1, rows, columns).getValues() : null;
  }
  return out;
}

export interface AgreementTabsResult {
  written: AgreementGridTab[];
  /** The tabs hold a person's unsent edits and the draft moved: nothing was overwritten. */
  keptEdits: boolean;
}

/**
 * Writes Glossary, ICP, Scoring and Rules from the draft, unless they hold a
 * person's edits that were never sent: tabs that parse to something other
 * than the content a refresh last wrote there are left as they are, with a
 * line in row 1 saying so (all four or none, so a later push is judged
 * against one base). The draft is stored as the base of the next push.
 */
export function refreshAgreementGridTabs(
  services: Services,
  context: TabContext,
  draft: { content: unknown; etag: string },
  options: { rewrite: boolean },
): AgreementTabsResult {
  const parsed = Agreement.safeParse(draft.content);
  if (!parsed.success) return { written: [], keptEdits: false };
  const content = parsed.data;
  const base = readAgreementBase(services);
  if (base?.rendered) {
    if (!options.rewrite && base.etag === draft.etag) return { written: [], keptEdits: false };
    const grids = readAgreementGrids(context.spreadsheet);
    if (AGREEMENT_GRID_TABS.some((tab) => grids[tab] !== null)) {
      const empty: Grid = [];
      const read = parseAgreementTabs(
        Object.fromEntries(AGREEMENT_GRID_TABS.map((tab) => [tab, grids[tab] ?? empty])) as Record<
          AgreementGridTab,
          Grid
        >,
        base.content,
        { language: context.language, timeZone: context.spreadsheet.getSpreadsheetTimeZone() },
      );
      const untouched = read.ok && sameGridSections(read.value, base.content);
      if (!untouched && !sameGridSections(base.content, content)) {
        markLocalEdits(context);
        return { written: [], keptEdits: true };
      }
      if (!untouched) {
        // The draft moved only outside these tabs: the edits stay, and a push goes against the new draft.
        saveAgreementBase(services, { content, etag: draft.etag, rendered: true });
        return { written: [], keptEdits: false };
      }
    }
  }
  const written = writeAgreementTabs(services, context, content);
  saveAgreementBase(services, { content, etag: draft.etag, rendered: true });
  return { written, keptEdits: false };
}

/** Writes the four tabs from `content`, one `setValues` each, then their formats and dropdowns. */
export function writeAgreementTabs(
  services: Services,
  context: TabContext,
  content: Agreement,
): AgreementGridTab[] {
  for (const tab of AGREEMENT_GRID_TABS)
    writeAgreementTab(services, context, renderAgreementTab(tab, content, context.language));
  return [...AGREEMENT_GRID_TABS];
}

function writeAgreementTab(services: Services, context: TabContext, rendered: RenderedTab): void {
  const { sheet, created } = ensureTab(context, rendered.tab);
  const { height, width } = writeWholeTab(sheet, [[context.freshness], ...rendered.rows.slice(1)]);
  const area = sheet.getRange(1, 1, height, width);
  // Every cell back to plain: dropdowns that moved with the tables, and a push's highlights, go.
  area.setDataValidation(null);
  const backgrounds = Array.from({ length: height }, () => new Array<string>(width).fill('#ffffff'));
  const weights = Array.from({ length: height }, () => new Array<'bold' | 'normal'>(width).fill('normal'));
  for (const row of rendered.titleRows) weights[row - 1]?.fill('bold');
  for (const header of rendered.headers) {
    weights[header.row - 1]?.fill('bold');
    header.owners.forEach((owner, column) => {
      const line = backgrounds[header.row - 1];
      if (line) line[column] = OWNER_HEADER_COLOURS[owner];
    });
  }
  area.setBackgrounds(backgrounds);
  area.setFontWeights(weights);
  area.setWrap(true);
  // Row 1 may also be red from a kept edit.
  markFresh(sheet);
  for (const dropdown of rendered.dropdowns) {
    const rule = services.spreadsheetApp
      .newDataValidation()
      .requireValueInList(dropdown.values, true)
      .setAllowInvalid(true)
      .build();
    sheet.getRange(dropdown.row, dropdown.column, dropdown.rows, 1).setDataValidation(rule);
  }
  sheet.setFrozenRows(FROZEN_ROWS);
  if (created) sheet.setColumnWidths(1, width, COLUMN_WIDTH);
}

/** Row 1 of each agreement tab: it was edited here while the draft changed in LeadPact. */
function markLocalEdits(context: TabContext): void {
  for (const tab of AGREEMENT_GRID_TABS) {
    const sheet = findTab(context.spreadsheet, tab);
    if (!sheet) continue;
    const range = sheet.getRange(1, 1, 1, 1);
    range.setValues([[context.texts.localEdits]]);
    range.setFontColor('#a50e0e');
  }
}
