/** Sheets' A1 letters of a 1-based column (1 → A, 27 → AA), for ranges, formulas and conditional formatting. */
export function columnLetters(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
