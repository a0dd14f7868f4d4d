/**
 * Moves a formula's relative references as Excel does when it fills a formula into other cells:
 * "=B2*2" filled one row down becomes "=B3*2"; "$B$2" stays; a reference pushed off the sheet
 * becomes #REF!. Structured references need no change.
 */
import { columnIndex, columnLetters } from "../../core/workbook";
import { MAX_COLUMNS, MAX_ROWS } from "../address";
import { rewriteTokens } from "./tokenizer";

function shiftPart(part: string, rows: number, cols: number): string | undefined {
  const m = /^(\$?)([A-Za-z]{1,3})?(\$?)(\d+)?$/.exec(part);
  if (!m) return part;
  const [, colAbs, letters, rowAbs, digits] = m;
  let out = "";
  if (letters !== undefined) {
    const col = colAbs ? columnIndex(letters) : columnIndex(letters) + cols;
    if (col < 0 || col >= MAX_COLUMNS) return undefined;
    out += colAbs + columnLetters(col);
  }
  if (digits !== undefined) {
    const row = rowAbs ? Number(digits) - 1 : Number(digits) - 1 + rows;
    if (row < 0 || row >= MAX_ROWS) return undefined;
    out += rowAbs + String(row + 1);
  }
  return out;
}

export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  return rewriteTokens(formula, (token) => {
    if (token.type !== "ref") return undefined;
    const parts = token.text.split(":").map((p) => shiftPart(p, rows, cols));
    const text = parts.some((p) => p === undefined) ? "#REF!" : parts.join(":");
    return { from: token.refStart, to: token.end, text };
  });
}
