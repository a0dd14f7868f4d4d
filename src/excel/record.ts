/** What an insertion added, as plain JSON, so that it can be removed in one step. */
import type { PlanCell } from "../core/plan";

export interface AddedTableRows {
  table: string;
  sheet: string;
  /** 0-based row of the first added row on the sheet, and the table's first column. */
  firstRow: number;
  firstColumn: number;
  rowCount: number;
  columnCount: number;
  /** What the rows' first column showed (scheme IDs), so undo can tell the rows have not moved. */
  firstColumnValues?: string[];
}

/** A blank table row the insertion filled in (the one row a new Excel table keeps), and what it held. */
export interface FilledRow {
  sheet: string;
  address: string;
  previous: PlanCell[][];
  /** What the row's first cell showed after the insertion (its scheme ID). */
  filledWith?: string;
}

/** A table created on a sheet that was already there (undo deletes the table and clears its cells). */
export interface AddedTable {
  table: string;
  sheet: string;
  /** Header, rows and totals row. */
  address: string;
}

export interface InsertionRecord {
  kind: "templates" | "skeleton";
  sheetsAdded: string[];
  tablesAdded: AddedTable[];
  tableRowsAdded: AddedTableRows[];
  rowsFilled: FilledRow[];
}

export interface InsertionResult {
  record: InsertionRecord;
  /** One plain-English sentence or two for the pane. */
  message: string;
  rowsAdded: number;
  sheetsAdded: string[];
  /** Figures placed by inference (e.g. a total-only cost line put on the NHS side). */
  notes: string[];
}

export { splitSheetAddress } from "../core/sheetAddress";

/** `base`, or "base (2)", "base (3)" … whichever no sheet has yet (Excel compares names case-insensitively). */
export function uniqueSheetName(base: string, taken: Iterable<string>): string {
  const names = new Set([...taken].map((n) => n.toLowerCase()));
  if (!names.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!names.has(name.toLowerCase())) return name;
  }
}
