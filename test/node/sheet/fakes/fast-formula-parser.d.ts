// fast-formula-parser ships no types; the few parts the formula engine uses.
declare module 'fast-formula-parser' {
  export interface CellRef {
    sheet: string;
    row: number;
    col: number;
  }
  export interface RangeRef {
    sheet: string;
    from: { row: number; col: number };
    to: { row: number; col: number };
  }
  export interface ParserOptions {
    functions?: Record<string, (...args: unknown[]) => unknown>;
    onCell?: (ref: CellRef) => unknown;
    onRange?: (ref: RangeRef) => unknown[][];
    onVariable?: (name: string, sheetName: string) => CellRef | RangeRef | null;
  }
  export default class FormulaParser {
    constructor(options: ParserOptions);
    parse(formula: string, position: CellRef, allowReturnArray?: boolean): unknown;
  }
}
