import type { FakeSheet } from './fake-spreadsheet';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A value shown with the cell's number format, as Sheets would in an English locale (only the formats LeadPact uses). */
function shown(value: unknown, format: string): string {
  if (typeof value === 'number' && /yy/.test(format)) {
    const iso = new Date(Math.round((value - 25_569) * 86_400_000)).toISOString();
    const [date = '', time = ''] = iso.split('T');
    const [y, m, d] = date.split('-');
    if (format === 'yyyy-mm') return `${y}-${m}`;
    const day = format.startsWith('dd') ? `${d}.${m}.${y}` : date;
    return format.includes('hh') ? `${day} ${time.slice(0, 5)}` : day;
  }
  if (typeof value === 'number' && format.endsWith('%')) {
    const [, fixed = '', optional = ''] = /^0\.?(0*)(#*)%$/.exec(format) ?? [];
    return `${(value * 100).toLocaleString('en-US', {
      minimumFractionDigits: fixed.length,
      maximumFractionDigits: fixed.length + optional.length,
    })}%`;
  }
  const number = /^#,##0(?:\.(0+))?(?: "([A-Z]{3})")?$/.exec(format);
  if (typeof value === 'number' && number) {
    const digits = number[1]?.length ?? 0;
    const text = value.toLocaleString('en-US', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    return number[2] ? `${text} ${number[2]}` : text;
  }
  // Money with the currency's sign: `[$€]#,##0.00` before the amount, `#,##0.00 [$zł]` after it.
  const money = /^(?:\[\$([^\]]*)\])?#,##0\.00(?: \[\$([^\]]*)\])?$/.exec(format);
  if (typeof value === 'number' && money) {
    const amount = value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    return `${money[1] ?? ''}${amount}${money[2] ? ` ${money[2]}` : ''}`;
  }
  return String(value);
}

/**
 * The fake's grid as an HTML table, with its backgrounds and the conditional
 * formatting its rules would apply (`=AND($O3="Breached",…)` colours the row),
 * so a screenshot shows what the team would see.
 */
export function gridHtml(
  sheet: FakeSheet,
  options: {
    columns?: number;
    rows?: number;
    /** What formulas show: their results from a formula engine (the fake stores only the formula). */
    results?: (row: number, column: number) => unknown;
    /** HTML placed beside the table (a chart drawn from the same results). */
    aside?: string;
    /** Text in an uncoloured cell runs on over the empty cells to its right, as Sheets shows it. */
    overflowText?: boolean;
  } = {},
): string {
  const grid = sheet.dump();
  const width = Math.min(options.columns ?? Number.POSITIVE_INFINITY, grid[1]?.length ?? 0);
  const height = Math.min(options.rows ?? Number.POSITIVE_INFINITY, grid.length);
  const rules = sheet.rules.map((rule) => {
    const match = /^=AND\(\$([A-Z]+)(\d+)="([^"]*)"/.exec(rule.formula);
    const letters = match?.[1] ?? '';
    const column = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return {
      column,
      label: match?.[3] ?? '',
      colour: rule.background ?? '',
      fromRow: Number(match?.[2] ?? 0),
    };
  });
  const body: string[] = [];
  for (let r = 1; r <= height; r++) {
    const cells: string[] = [`<th class="n">${r}</th>`];
    const ruleColour = rules.find(
      (rule) => r >= rule.fromRow && rule.fromRow > 0 && sheet.peek(r, rule.column)?.value === rule.label,
    )?.colour;
    for (let c = 1; c <= width; c++) {
      const cell = sheet.peek(r, c);
      const emptyAfter = (from: number) => {
        for (let k = from; k <= width; k++) {
          const next = sheet.peek(r, k);
          if (next && (next.value !== '' || next.formula)) return false;
        }
        return true;
      };
      const overflowing =
        options.overflowText &&
        r > 1 &&
        cell?.background === '#ffffff' &&
        typeof cell.value === 'string' &&
        cell.value !== '' &&
        emptyAfter(c + 1);
      const background =
        ruleColour ?? (cell?.background && cell.background !== '#ffffff' ? cell.background : '');
      const style = [
        background ? `background:${background}` : '',
        cell?.fontWeight === 'bold' ? 'font-weight:bold' : '',
        r === 1 ? 'color:#5f6368;font-style:italic' : '',
      ]
        .filter(Boolean)
        .join(';');
      const raw = cell?.formula && options.results ? options.results(r, c) : (cell?.value ?? '');
      const text = r === 1 && c > 1 ? '' : escapeHtml(shown(raw, cell?.numberFormat ?? ''));
      const span =
        r === 1 && c === 1 ? ` colspan="${width}"` : overflowing ? ` colspan="${width - c + 1}"` : '';
      if (r === 1 && c > 1) continue;
      cells.push(
        `<td${span} style="${style}${overflowing ? ';max-width:none' : ''}" data-row="${r}" data-column="${c}">${text}</td>`,
      );
      if (overflowing) break;
    }
    body.push(`<tr>${cells.join('')}</tr>`);
  }
  const letters = Array.from({ length: width }, (_, i) => `<th>${String.fromCharCode(65 + i)}</th>`).join('');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
    body { margin: 0; font: 12px Arial, sans-serif; background: #fff; }
    table { border-collapse: collapse; }
    th { background: #f8f9fa; color: #5f6368; font-weight: normal; border: 1px solid #e0e0e0; padding: 2px 6px; }
    td { border: 1px solid #e0e0e0; padding: 3px 6px; white-space: nowrap; max-width: 220px; overflow: hidden; }
    tr:nth-child(3) td { border-bottom: 2px solid #bdc1c6; }
  </style></head><body><table><thead><tr><th></th>${letters}</tr></thead><tbody>${body.join('')}</tbody></table>${options.aside ?? ''}</body></html>`;
}
