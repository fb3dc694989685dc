import type { Agreement } from '../../../../worker/domain/agreement/schema';
import type { Language } from '../../../../worker/domain/constants';
import {
  type AgreementGridTab,
  type GridCell,
  parseAgreementTab,
  renderAgreementTab,
} from '../../../../worker/domain/sheet/agreement-grid';
import { displayedText } from '../../../../worker/domain/sheet/cells';

/** What `getValues` reads back from a rendered tab: the quote prefix is not part of the text. */
export function readBack(tab: AgreementGridTab, content: Agreement, language: Language): GridCell[][] {
  return renderAgreementTab(tab, content, language).rows.map((row) => row.map(displayedText));
}

/** The grid with one cell changed (1-based), as a person typing it. */
export function edit(grid: GridCell[][], row: number, column: number, value: GridCell): GridCell[][] {
  const copy = grid.map((r) => [...r]);
  const target = copy[row - 1] ?? [];
  while (target.length < column) target.push('');
  target[column - 1] = value;
  copy[row - 1] = target;
  return copy;
}

/** The 1-based row whose column A holds `text`, after row `after`. */
export function rowOf(grid: GridCell[][], text: string, after = 0, column = 1): number {
  const index = grid.findIndex((row, i) => i >= after && row[column - 1] === text);
  if (index < 0) throw new Error(`no row with "${text}" in column ${column}`);
  return index + 1;
}

export function parse<T extends AgreementGridTab>(
  tab: T,
  grid: GridCell[][],
  language: Language,
  timeZone = 'Europe/Warsaw',
) {
  return parseAgreementTab(tab, grid, { language, timeZone });
}
