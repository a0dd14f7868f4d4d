/** How an entry written to Range.values / Range.formulas becomes cell content, as Excel parses typed input. */
import { isExcelError, type CellValue } from "../../core/workbook";
import { invalidArgument } from "../errors";
import { boxColumns, boxRows, type CellBox } from "../address";

export interface CellContent {
  value: CellValue;
  formula?: string;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^([+-]?(\d+\.?\d*|\.\d+))%$/;

/**
 * Excel reads a written string the way it reads typing: "=…" is a formula, "12.5" a number, "TRUE" a
 * boolean, a leading apostrophe or the text format "@" keeps it as text. Currency and date strings are
 * left as text here (Excel would convert them by locale); writers should send numbers.
 */
export function contentFromEntry(
  entry: unknown,
  numberFormat: string | undefined,
  location: string
): CellContent {
  if (typeof entry === "number") {
    if (!Number.isFinite(entry))
      throw invalidArgument("A cell can't hold NaN or an infinite number.", location);
    return { value: entry };
  }
  if (typeof entry === "boolean") return { value: entry };
  if (typeof entry !== "string") {
    throw invalidArgument(
      `The value ${JSON.stringify(entry)} can't be written to a cell.`,
      location
    );
  }
  if (entry.length > 1 && entry.startsWith("=")) return { value: "", formula: entry };
  if (numberFormat === "@") return { value: entry };
  if (entry.startsWith("'")) return { value: entry.slice(1) };
  const trimmed = entry.trim();
  if (NUMBER.test(trimmed)) return { value: Number(trimmed) };
  const percent = PERCENT.exec(trimmed);
  if (percent) return { value: Number(percent[1]) / 100 };
  if (/^true$/i.test(trimmed)) return { value: true };
  if (/^false$/i.test(trimmed)) return { value: false };
  if (isExcelError(trimmed.toUpperCase())) return { value: trimmed.toUpperCase() };
  return { value: entry };
}

/**
 * The 2-D grid a write supplies for a box: a single (non-array) value fills every cell, as Office.js
 * allows; an array must match the box's rows and columns exactly.
 */
export function entryGrid(
  input: unknown,
  box: CellBox,
  location: string
): (row: number, col: number) => unknown {
  if (!Array.isArray(input)) return () => input;
  const rows = boxRows(box);
  const cols = boxColumns(box);
  const fits =
    input.length === rows &&
    input.every((line: unknown) => Array.isArray(line) && line.length === cols);
  if (!fits) {
    const given = `${input.length} × ${Array.isArray(input[0]) ? input[0].length : 0}`;
    throw invalidArgument(
      `The number of rows or columns in the input array (${given}) doesn't match the size of the range (${rows} × ${cols}).`,
      location
    );
  }
  return (row, col) => (input as unknown[][])[row][col];
}
