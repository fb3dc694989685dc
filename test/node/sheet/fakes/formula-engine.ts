import FormulaParser, { type CellRef, type RangeRef } from 'fast-formula-parser';
import type { FakeSpreadsheet } from './fake-spreadsheet';

/**
 * A real spreadsheet formula engine (fast-formula-parser, MIT; a test-only
 * devDependency, never bundled) over the fake spreadsheet: each formula cell is
 * evaluated on demand, following references, ranges and named ranges, as
 * Sheets would. NOW() and TODAY() read the clock given here (a serial number
 * on the spreadsheet's wall clock), so a test decides what "now" is.
 */
export interface Evaluation {
  /** The result a person sees in the cell (formula result or value; '' for blank). */
  value(sheet: string, row: number, column: number): unknown;
}

function parseA1(a1: string): { row: number; col: number } {
  const match = /^\$?([A-Z]+)\$?(\d+)$/.exec(a1);
  if (!match?.[1] || !match[2]) throw new Error(`not an A1 cell: ${a1}`);
  const col = [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(match[2]), col };
}

export function evaluateSpreadsheet(spreadsheet: FakeSpreadsheet, options: { now: number }): Evaluation {
  const results = new Map<string, unknown>();
  const pending = new Set<string>();
  // The parser is not re-entrant, and a formula's reference evaluates another formula mid-parse: one parser per depth.
  const parsers: FormulaParser[] = [];
  const parserAt = (depth: number): FormulaParser => {
    let parser = parsers[depth];
    if (!parser) {
      parser = makeParser();
      parsers[depth] = parser;
    }
    return parser;
  };
  const makeParser = (): FormulaParser =>
    new FormulaParser({
      functions: {
        NOW: () => options.now,
        TODAY: () => Math.floor(options.now),
      },
      onCell: (ref: CellRef) => read(ref.sheet, ref.row, ref.col),
      onRange: (ref: RangeRef) => {
        const rows: unknown[][] = [];
        for (let r = ref.from.row; r <= ref.to.row; r++) {
          const row: unknown[] = [];
          for (let c = ref.from.col; c <= ref.to.col; c++) row.push(read(ref.sheet, r, c));
          rows.push(row);
        }
        return rows;
      },
      onVariable: (name: string) => {
        const target = spreadsheet.namedRanges.get(name);
        if (!target) return null;
        const bang = target.lastIndexOf('!');
        const sheet = target.slice(0, bang);
        const [from = '', to] = target.slice(bang + 1).split(':');
        const start = parseA1(from);
        if (!to) return { sheet, ...start };
        return { sheet, from: start, to: parseA1(to) };
      },
    });

  function read(sheetName: string, row: number, column: number): unknown {
    const sheet = spreadsheet.sheet(sheetName);
    const cell = sheet.peek(row, column);
    if (!cell) return null;
    if (!cell.formula) return cell.value === '' ? null : cell.value;
    const key = `${sheetName}!${row}:${column}`;
    if (results.has(key)) return results.get(key);
    if (pending.has(key)) throw new Error(`circular reference at ${key}`);
    pending.add(key);
    const result = parserAt(pending.size).parse(cell.formula.slice(1), {
      sheet: sheetName,
      row,
      col: column,
    });
    pending.delete(key);
    results.set(key, result);
    return result;
  }

  return {
    value: (sheet, row, column) => {
      const result = read(sheet, row, column);
      return result === null || result === undefined ? '' : result;
    },
  };
}
