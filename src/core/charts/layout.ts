/**
 * What the chart inserts put on a sheet, worked out before anything is written: the cells (formulas
 * that recalculate with the data), the chart's series and where the chart sits. Shared by the SPC
 * chart and the funnel plot.
 */
import { cellReference } from "../sheetAddress";
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

/**
 * A formula that copies the selection's cell at (bodyRow, col) of its figures (rows under the header,
 * columns from the selection's first), for a chart written on a new sheet.
 */
export function selectionCellFormula(
  selection: Selection,
  hasHeader: boolean,
  bodyRow: number,
  col: number
): string {
  const cell = a1(selection.row + (hasHeader ? 1 : 0) + bodyRow, selection.col + col);
  return `=${cellReference(selection.sheet, cell)}`;
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

/**
 * The selection's figure at row `r`, column `c` (both within the selection) as a number; otherwise a
 * ChartInputError naming the cell: "B7 is empty: <empty>" or "B7 is not a number<notNumber>.".
 */
export function requireNumber(
  selection: Selection,
  r: number,
  c: number,
  say: { empty: string; notNumber?: string }
): number {
  const v = selection.values[r]?.[c];
  if (isNumber(v)) return v;
  const cell = a1(selection.row + r, selection.col + c);
  throw new ChartInputError(
    isBlank(v) ? `${cell} is empty: ${say.empty}` : `${cell} is not a number${say.notNumber ?? ""}.`
  );
}

/**
 * The rows under a layout's table: a blank row, then a label and its value side by side at column
 * `at` of the block, each row `cols` wide.
 */
export function summaryRows(
  cols: number,
  at: number,
  pairs: ReadonlyArray<readonly [string, CellValue]>
): Array<Array<CellValue | null>> {
  const blank = () => Array<CellValue | null>(cols).fill(null);
  return [
    blank(),
    ...pairs.map(([label, value]) => {
      const row = blank();
      row[at] = label;
      row[at + 1] = value;
      return row;
    }),
  ];
}

/** Pads every row to the block's width (null: a cell left empty). */
export function padRows(cells: Array<Array<CellValue | null>>, cols: number): void {
  for (const row of cells) while (row.length < cols) row.push(null);
}

/** A string for a formula: "text" with inner quotes doubled. */
export function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
