/**
 * What the chart inserts put on a sheet, worked out before anything is written: the cells (formulas
 * that recalculate with the data), the chart's series and where the chart sits. Shared by the SPC
 * chart and the funnel plot.
 */
import { a1, columnLetters, type CellValue } from "../workbook";

/** A plain-English reason the selection cannot be charted. */
export class ChartInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ChartInputError";
  }
}

/** A rectangle on one sheet, 0-based. */
export interface Box {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** The selected range as read from the workbook. */
export interface Selection {
  sheet: string;
  row: number;
  col: number;
  values: CellValue[][];
}

export interface SeriesStyle {
  /** Excel chart type of this series ("LineMarkers", "XYScatterLinesNoMarkers", …). */
  chartType?: string;
  lineColor?: string;
  /** "Continuous", "Dash", "DashDot" or "None" (markers only). */
  lineStyle: string;
  /** "None" or "Circle". */
  markerStyle: string;
  markerColor?: string;
  markerSize?: number;
}

export interface SeriesSpec {
  name: string;
  /** One column on the layout's sheet. */
  values: Box;
  /** Categories (line chart) or x values (scatter chart); none leaves Excel's 1, 2, 3 … */
  xValues?: Box;
  style: SeriesStyle;
}

export interface ChartLayout {
  /** The sheet written to: the selection's, or a new one. */
  sheet: string;
  newSheet: boolean;
  /** Everything written, as one 2-D formulas array at `block`; null leaves a cell as it is (empty). */
  block: Box;
  cells: Array<Array<CellValue | null>>;
  /** Rows of figures under the block's header row (the rows `columnFormats` apply to). */
  dataRows: number;
  /** Number formats by column of the block (undefined: leave General). */
  columnFormats: Array<string | undefined>;
  chartType: string;
  title: string;
  series: SeriesSpec[];
  /** Top-left and bottom-right cells the chart covers. */
  position: { start: string; end: string };
}

/** Making Data Count's colours: improvement blue, concern orange, common cause grey, neutral purple. */
export const MDC_COLOURS = {
  improvement: "#289DE0",
  concern: "#FAB428",
  common: "#7B7D7D",
  neutral: "#361475",
  mean: "#231F20",
  target: "#DE1B1B",
} as const;

/** `'Sheet name'!` for a formula, quoting as Excel always accepts. */
export function sheetPrefix(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'!`;
}

/** $A$1 form of a cell. */
export function absolute(row: number, col: number): string {
  return `$${columnLetters(col)}$${row + 1}`;
}

/** $A$2:$A$25 form of a one-column run of cells. */
export function absoluteColumn(row: number, col: number, rows: number): string {
  return `${absolute(row, col)}:${absolute(row + rows - 1, col)}`;
}

export function isNumber(v: CellValue | null | undefined): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

export function isBlank(v: CellValue | null | undefined): boolean {
  return v === null || v === undefined || v === "";
}

/** The cell a chart sits over: to the right of the block, 18 rows by 8 columns. */
export function chartPositionBeside(block: Box): { start: string; end: string } {
  const col = block.col + block.cols + 1;
  return { start: a1(block.row, col), end: a1(block.row + 18, col + 8) };
}

/** A string for a formula: "text" with inner quotes doubled. */
export function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
