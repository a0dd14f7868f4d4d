/**
 * Shared formulas: Excel stores a formula filled down or across once, on its first cell, and the
 * other cells say only "same as that one". Each cell's own formula is the first one with its
 * relative references moved by the distance between the two cells, as Excel does when filling.
 * Text in quotes, quoted sheet names and anything in [brackets] (table columns, external workbook
 * numbers) are left as they are.
 */
import { columnIndex, columnLetters } from "../core/workbook";

const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;

const CELL = /(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(!])/g;
const COLUMNS = /(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_(!])/g;
const ROWS = /(?<![A-Za-z0-9_.$:])(\$?)(\d{1,7}):(\$?)(\d{1,7})(?![0-9.:A-Za-z])/g;

function shiftRow(absolute: string, row: string, dRow: number): string | undefined {
  if (absolute) return `$${row}`;
  const r = Number(row) - 1 + dRow;
  return r < 0 || r > MAX_ROW ? undefined : String(r + 1);
}

function shiftCol(absolute: string, letters: string, dCol: number): string | undefined {
  if (absolute) return `$${letters}`;
  const c = columnIndex(letters) + dCol;
  return c < 0 || c > MAX_COL ? undefined : columnLetters(c);
}

function shiftPlain(text: string, dRow: number, dCol: number): string {
  return text
    .replace(COLUMNS, (whole, a1: string, c1: string, a2: string, c2: string) => {
      const from = shiftCol(a1, c1, dCol);
      const to = shiftCol(a2, c2, dCol);
      return from && to ? `${from}:${to}` : "#REF!";
    })
    .replace(ROWS, (whole, a1: string, r1: string, a2: string, r2: string) => {
      const from = shiftRow(a1, r1, dRow);
      const to = shiftRow(a2, r2, dRow);
      return from && to ? `${from}:${to}` : "#REF!";
    })
    .replace(CELL, (whole, ac: string, col: string, ar: string, row: string) => {
      if (columnIndex(col) > MAX_COL) return whole; // a name such as "ABCD1" is not a cell
      const c = shiftCol(ac, col.toUpperCase(), dCol);
      const r = shiftRow(ar, row, dRow);
      return c && r ? `${c}${r}` : "#REF!";
    });
}

/** The formula of a cell `dRow` rows and `dCol` columns away from the shared formula's first cell. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = "";
  let plainStart = 0;
  let i = 0;
  const n = formula.length;
  const flushPlain = (end: number) => {
    if (end > plainStart) out += shiftPlain(formula.slice(plainStart, end), dRow, dCol);
  };
  while (i < n) {
    const ch = formula[i];
    if (ch === '"' || ch === "'" || ch === "[") {
      flushPlain(i);
      const close = ch === "[" ? "]" : ch;
      let j = i + 1;
      let depth = 1;
      while (j < n) {
        if (ch === "[" && formula[j] === "[") depth++;
        else if (formula[j] === close) {
          // A doubled quote is a quote inside the text, not its end.
          if (ch !== "[" && formula[j + 1] === close) {
            j += 2;
            continue;
          }
          if (--depth === 0) break;
        }
        j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      plainStart = i;
    } else i++;
  }
  flushPlain(n);
  return out;
}
