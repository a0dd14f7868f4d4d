/** Excel tables and charts as the in-memory workbook stores them. */
import type { CellBox } from "../address";
import type { SheetModel } from "./sheet";

export interface TableColumn {
  name: string;
  /** The column's formula written for its first data row, when the column is a calculated column. */
  calculatedFormula?: string;
}

export interface TableModel {
  readonly id: number;
  name: string;
  sheet: SheetModel;
  /** Row of the header row and first column, 0-based. */
  top: number;
  left: number;
  /** Replaced, not mutated, when a column changes (a transaction keeps the old array). */
  columns: TableColumn[];
  /** Excel keeps at least one data row, empty if need be. */
  bodyRows: number;
  showTotals: boolean;
  style: string;
}

export const DEFAULT_TABLE_STYLE = "TableStyleMedium2";

export function tableBox(table: TableModel): CellBox {
  return {
    row: table.top,
    col: table.left,
    lastRow: table.top + table.bodyRows + (table.showTotals ? 1 : 0),
    lastCol: table.left + table.columns.length - 1,
  };
}

export function headerBox(table: TableModel): CellBox {
  return {
    row: table.top,
    col: table.left,
    lastRow: table.top,
    lastCol: table.left + table.columns.length - 1,
  };
}

export function bodyBox(table: TableModel): CellBox {
  return {
    row: table.top + 1,
    col: table.left,
    lastRow: table.top + table.bodyRows,
    lastCol: table.left + table.columns.length - 1,
  };
}

export function totalsRowIndex(table: TableModel): number | undefined {
  return table.showTotals ? table.top + table.bodyRows + 1 : undefined;
}

export function columnPosition(table: TableModel, name: string): number {
  const wanted = name.toUpperCase();
  return table.columns.findIndex((c) => c.name.toUpperCase() === wanted);
}

/** Excel's rules for a table name: a letter, _ or \ first; then letters, digits, _ . \; not a cell address. */
export function tableNameProblem(name: string): string | undefined {
  if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || name.length > 255) {
    return `"${name}" isn't a valid table name: start with a letter or underscore and use no spaces.`;
  }
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name) || /^[RrCc]$/.test(name)) {
    return `"${name}" can't be a table name because it looks like a cell reference.`;
  }
  return undefined;
}

/**
 * One series of a chart. Immutable: edits replace the object and the chart's array, so a failed sync's
 * rollback (which restores each chart's fields) restores its series too.
 */
export interface ChartSeriesModel {
  name: string;
  /** Sheet-qualified address of the values. */
  values: string;
  /** Sheet-qualified address of the categories (x values); none when left to Excel. */
  xValues?: string;
  chartType?: string;
  lineColor?: string;
  lineStyle?: string;
  markerStyle?: string;
  markerBackgroundColor?: string;
  markerForegroundColor?: string;
  markerSize?: number;
}

export interface ChartModel {
  readonly id: number;
  name: string;
  sheet: SheetModel;
  type: string;
  /** Sheet-qualified address of the source range when the chart was added. */
  source: string;
  seriesBy: string;
  title: string;
  valueAxisTitle: string;
  categoryAxisTitle: string;
  position?: { start: string; end?: string };
  /** The series, one per column (or row) of the source when added, then as added and edited. */
  series?: readonly ChartSeriesModel[];
}
