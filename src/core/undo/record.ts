/**
 * What an insertion made, as plain JSON the pane keeps: each thing by Excel's id (a renamed sheet is
 * still found, a new sheet with the same name is not mistaken for it) and with fingerprints of the
 * cells as they were right after the write.
 */
import type { PlanCell } from "../plan/layout";
import type { CellBox, CellPrints } from "./fingerprint";

/** A sheet the insertion added. */
export interface SheetMade {
  id: string;
  name: string;
  /** Every non-empty cell of the sheet as written. */
  cells: CellPrints;
  /** The hidden sheet of drop-down lists: kept while anything kept still uses it. */
  helper?: boolean;
}

/** A table the insertion created on a sheet that was already there. */
export interface TableMade {
  /** "" when unknown (a write Excel refused before the id could be read). */
  id: string;
  name: string;
  sheetId: string;
  sheet: string;
  /** Header, rows and totals row. */
  box: CellBox;
  cells: CellPrints;
}

/** Where in a table that was already there the insertion wrote rows. */
export interface TableRowsAt {
  tableId: string;
  table: string;
  sheetId: string;
  sheet: string;
  /** Sheet row of the first row written, and the table's first column (0-based). */
  row: number;
  column: number;
}

/** Rows the insertion appended to a table that was already there. */
export interface RowsMade extends TableRowsAt {
  /** Per row, per cell, its fingerprint ("" for an empty cell). */
  rows: string[][];
}

/** A blank table row (the one an empty Excel table keeps) that the insertion filled in. */
export interface RowFilled extends TableRowsAt {
  /** What the row held before, to put back. */
  previous: PlanCell[];
  /** Fingerprints of what the insertion wrote there. */
  written: string[];
}

/** A block of cells the insertion wrote on a sheet that was already there (a chart's columns). */
export interface CellsMade {
  sheetId: string;
  sheet: string;
  box: CellBox;
  /** Fingerprints of the non-empty cells as written. */
  cells: CellPrints;
}

/** A chart the insertion made. */
export interface ChartMade {
  /** "" when unknown (a write Excel refused before the id could be read): it is found by name then. */
  id: string;
  name: string;
  sheetId: string;
  sheet: string;
  /** What it was made as: a chart whose type or title differs now has been changed. */
  type: string;
  title: string;
  /** The `cells` entry it plots: the chart and those cells are removed together or kept together. */
  plots?: number;
}

export interface InsertionRecord {
  kind: "templates" | "skeleton" | "spc" | "funnel";
  sheets: SheetMade[];
  tables: TableMade[];
  rows: RowsMade[];
  filled: RowFilled[];
  /** Blocks of cells written on sheets that were already there; none when absent. */
  cells?: CellsMade[];
  charts?: ChartMade[];
}

export function emptyRecord(kind: InsertionRecord["kind"]): InsertionRecord {
  return { kind, sheets: [], tables: [], rows: [], filled: [] };
}

/** Whether the record holds anything to take out. */
export function recordIsEmpty(record: InsertionRecord): boolean {
  return (
    record.sheets.length +
      record.tables.length +
      record.rows.length +
      record.filled.length +
      (record.cells?.length ?? 0) +
      (record.charts?.length ?? 0) ===
    0
  );
}
