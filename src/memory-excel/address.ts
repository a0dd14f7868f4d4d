/**
 * Range addresses and sheet names as Excel writes and accepts them. Sheet-qualified addresses are quoted
 * and split by src/core/sheetAddress, as everywhere else in the add-in.
 */
import { cellReference, splitSheetAddress } from "../core/sheetAddress";
import { a1, columnIndex, columnLetters } from "../core/workbook";

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** A rectangle of cells, 0-based and inclusive. */
export interface CellBox {
  row: number;
  col: number;
  lastRow: number;
  lastCol: number;
}

export function boxRows(box: CellBox): number {
  return box.lastRow - box.row + 1;
}

export function boxColumns(box: CellBox): number {
  return box.lastCol - box.col + 1;
}

export function boxContains(box: CellBox, row: number, col: number): boolean {
  return row >= box.row && row <= box.lastRow && col >= box.col && col <= box.lastCol;
}

export function boxesOverlap(a: CellBox, b: CellBox): boolean {
  return a.row <= b.lastRow && b.row <= a.lastRow && a.col <= b.lastCol && b.col <= a.lastCol;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

function cellPart(text: string): { row: number; col: number } | undefined {
  const m = CELL.exec(text);
  if (!m) return undefined;
  const row = Number(m[2]) - 1;
  const col = columnIndex(m[1]);
  if (row < 0 || row >= MAX_ROWS || col < 0 || col >= MAX_COLUMNS) return undefined;
  return { row, col };
}

/** "B2", "B2:D9", "$B$2", "A:C", "3:5" (no sheet) to a box; undefined if it is not an address. */
export function parseBox(address: string): CellBox | undefined {
  const parts = address.trim().split(":");
  if (parts.length === 1) {
    const cell = cellPart(parts[0]);
    return (
      cell && {
        row: cell.row,
        col: cell.col,
        lastRow: cell.row,
        lastCol: cell.col,
      }
    );
  }
  if (parts.length !== 2) return undefined;
  const [from, to] = parts;
  const start = cellPart(from);
  const end = cellPart(to);
  if (start && end) return normaliseBox(start.row, start.col, end.row, end.col);
  const colFrom = COLUMN.exec(from);
  const colTo = COLUMN.exec(to);
  if (colFrom && colTo) {
    const c1 = columnIndex(colFrom[1]);
    const c2 = columnIndex(colTo[1]);
    if (c1 >= MAX_COLUMNS || c2 >= MAX_COLUMNS) return undefined;
    return normaliseBox(0, c1, MAX_ROWS - 1, c2);
  }
  const rowFrom = ROW.exec(from);
  const rowTo = ROW.exec(to);
  if (rowFrom && rowTo) {
    const r1 = Number(rowFrom[1]) - 1;
    const r2 = Number(rowTo[1]) - 1;
    if (r1 < 0 || r2 < 0 || r1 >= MAX_ROWS || r2 >= MAX_ROWS) return undefined;
    return normaliseBox(r1, 0, r2, MAX_COLUMNS - 1);
  }
  return undefined;
}

function normaliseBox(r1: number, c1: number, r2: number, c2: number): CellBox {
  return {
    row: Math.min(r1, r2),
    col: Math.min(c1, c2),
    lastRow: Math.max(r1, r2),
    lastCol: Math.max(c1, c2),
  };
}

/**
 * "'My sheet'!A1:B2" or "B2:D9": the sheet it names (undefined when it names none) and its box
 * (undefined when the address part is not one).
 */
export function parseSheetRange(address: string): { sheet?: string; box?: CellBox } {
  const text = address.trim();
  if (!text.includes("!")) return { box: parseBox(text) };
  const { sheet, range } = splitSheetAddress(text);
  return { sheet, box: parseBox(range) };
}

/** A box as Excel writes it: "B2", "B2:D9", "A:C" for whole columns, "3:5" for whole rows. */
export function formatBox(box: CellBox): string {
  const wholeColumns = box.row === 0 && box.lastRow === MAX_ROWS - 1;
  const wholeRows = box.col === 0 && box.lastCol === MAX_COLUMNS - 1;
  if (wholeColumns && !wholeRows) return `${columnLetters(box.col)}:${columnLetters(box.lastCol)}`;
  if (wholeRows && !wholeColumns) return `${box.row + 1}:${box.lastRow + 1}`;
  const start = a1(box.row, box.col);
  if (box.row === box.lastRow && box.col === box.lastCol) return start;
  return `${start}:${a1(box.lastRow, box.lastCol)}`;
}

/** "Income!B2:D9", "'Plan 2025'!A1": a box on a sheet, quoted as Excel quotes sheet names. */
export function formatSheetAddress(sheet: string, box: CellBox): string {
  return cellReference(sheet, formatBox(box));
}

/**
 * Why a sheet name is not allowed, or undefined when it is (Excel's rules: 1–31 characters, none of
 * [ ] : * ? / \, not starting or ending with an apostrophe, not "History").
 */
export function sheetNameProblem(name: string): string | undefined {
  if (name.length === 0) return "A sheet name can't be blank.";
  if (name.length > 31) return `The sheet name "${name}" is longer than 31 characters.`;
  if (/[[\]:*?/\\]/.test(name))
    return `The sheet name "${name}" contains a character Excel doesn't allow ([ ] : * ? / \\).`;
  if (name.startsWith("'") || name.endsWith("'"))
    return `The sheet name "${name}" can't begin or end with an apostrophe.`;
  if (name.toLowerCase() === "history") return `"History" is a name Excel reserves.`;
  return undefined;
}

export function sameName(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}
