/**
 * A plain snapshot of a workbook: what the checks read, whichever way the workbook was opened
 * (Office.js in the pane, an .xlsx file in the CLI, the in-browser preview). No Office types here.
 *
 * The three grids follow Office.js `Range.values`, `Range.formulas` and `Range.numberFormat`:
 * - values: what Excel shows after calculation; "" for an empty cell; error values as their text
 *   ("#DIV/0!", "#N/A", "#NAME?" …).
 * - formulas: the formula ("=SUM(B2:B9)") where the cell has one, otherwise the constant as entered
 *   ("" when empty).
 * - numberFormats: "General", "£#,##0.00", "0%" …
 */
export type CellValue = number | string | boolean;

export interface SheetSnapshot {
  name: string;
  /** 0-based row and column of the top-left cell of the grids (the used range's origin). */
  rowOffset: number;
  colOffset: number;
  values: CellValue[][];
  formulas: CellValue[][];
  numberFormats: string[][];
  /** The sheet is hidden in Excel (hidden or very hidden); absent when visible or not known. */
  hidden?: boolean;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}

/** Excel's error values as they appear in `Range.values`. */
export const EXCEL_ERROR_VALUES = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#BUSY!",
] as const;

export function isExcelError(value: unknown): boolean {
  return typeof value === "string" && (EXCEL_ERROR_VALUES as readonly string[]).includes(value);
}

export function isFormula(entry: unknown): entry is string {
  return typeof entry === "string" && entry.startsWith("=");
}

/** 0-based column index to letters: 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(col: number): string {
  let letters = "";
  let n = col + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Letters to 0-based column index: "A" → 0, "AA" → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0-based row and column to an A1 address: (0, 0) → "A1". */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** The A1 address of a rows × cols block starting at A1 (or at `row`, `col`). */
export function blockAddress(rows: number, cols: number, row = 0, col = 0): string {
  return `${a1(row, col)}:${a1(row + rows - 1, col + cols - 1)}`;
}

/** An A1 address ("B7", "$B$7") to 0-based row and column; undefined if it is not one. */
export function parseA1(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return undefined;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** The A1 address of grid position (r, c) of a sheet snapshot. */
export function sheetAddress(sheet: SheetSnapshot, r: number, c: number): string {
  return a1(sheet.rowOffset + r, sheet.colOffset + c);
}

/** Build a snapshot sheet from rows of entries: numbers, text, or formulas paired with their value. */
export function sheetFromRows(
  name: string,
  rows: Array<Array<CellValue | null | { formula: string; value: CellValue; format?: string }>>,
  options: { rowOffset?: number; colOffset?: number; numberFormat?: string } = {}
): SheetSnapshot {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const values: CellValue[][] = [];
  const formulas: CellValue[][] = [];
  const numberFormats: string[][] = [];
  for (const row of rows) {
    const v: CellValue[] = [];
    const f: CellValue[] = [];
    const nf: string[] = [];
    for (let c = 0; c < width; c++) {
      const entry = row[c];
      if (entry === undefined || entry === null) {
        v.push("");
        f.push("");
        nf.push("General");
      } else if (typeof entry === "object") {
        v.push(entry.value);
        f.push(entry.formula);
        nf.push(entry.format ?? options.numberFormat ?? "General");
      } else {
        v.push(entry);
        f.push(entry);
        nf.push(options.numberFormat ?? "General");
      }
    }
    values.push(v);
    formulas.push(f);
    numberFormats.push(nf);
  }
  return {
    name,
    rowOffset: options.rowOffset ?? 0,
    colOffset: options.colOffset ?? 0,
    values,
    formulas,
    numberFormats,
  };
}
