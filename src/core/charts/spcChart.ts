/**
 * The SPC chart of a selected series: =BCF.SPC formulas beside the data (or on a new sheet), the
 * columns the chart plots, the variation and assurance in words, and an annual target phased into
 * months with =BCF.SPLIT. Every figure is a formula, so the chart follows the data.
 */
import type { ImprovementDirection } from "../statistics/spc";
import { a1, type CellValue } from "../workbook";
import {
  absolute,
  absoluteColumn,
  type Box,
  ChartInputError,
  chartPositionBeside,
  type ChartLayout,
  isNumber,
  MDC_COLOURS,
  padRows,
  quoted,
  requireNumber,
  type Selection,
  selectionCellFormula,
  type SeriesSpec,
  summaryRows,
} from "./layout";

export interface SpcChartOptions {
  improvement: ImprovementDirection;
  /** How many of the first points set the mean and limits (all when left out). */
  baselinePoints?: number;
  /** A target for each point (e.g. a month), drawn as a line and judged for assurance. */
  target?: number;
  /** An annual target phased over the last 12 points (fewer if the series is shorter). */
  annualTarget?: number;
}

/** What a selection holds: an optional header row, an optional label (date) column, the figures. */
export interface SpcSeries {
  hasHeader: boolean;
  hasLabels: boolean;
  /** Points in the series. */
  count: number;
  /** The figures' heading, or "Value". */
  name: string;
}

/** Reads the shape of the selection; throws ChartInputError in plain English when it will not do. */
export function readSpcSelection(selection: Selection): SpcSeries {
  const rows = selection.values;
  const width = rows[0]?.length ?? 0;
  if (width < 1 || width > 2) {
    throw new ChartInputError(
      "Select one column of figures in time order, or a column of months (or dates) and a column of figures beside it."
    );
  }
  const valueCol = width - 1;
  const hasHeader = rows.length > 0 && !isNumber(rows[0][valueCol]);
  const first = hasHeader ? 1 : 0;
  const count = rows.length - first;
  if (count < 2) {
    throw new ChartInputError(
      "Select at least 2 figures (a year or two of months is usual: limits from fewer than 12 points move a lot)."
    );
  }
  for (let r = first; r < rows.length; r++) {
    requireNumber(selection, r, valueCol, {
      empty: "every point needs a figure (use 0 for none).",
      notNumber: ", so the series cannot be charted",
    });
  }
  const heading = hasHeader ? rows[0][valueCol] : "";
  return {
    hasHeader,
    hasLabels: width === 2,
    count,
    name: typeof heading === "string" && heading.trim() ? heading.trim() : "Value",
  };
}

export const SPC_SHEET_NAME = "SPC chart";

/** Headings of the columns written beside the figures. */
function columnHeadings(options: SpcChartOptions): string[] {
  const neutral = options.improvement === "neutral";
  const headings = [
    "Mean",
    "Lower process limit",
    "Upper process limit",
    "Point type",
    neutral ? "Special cause (high)" : "Special cause improvement",
    neutral ? "Special cause (low)" : "Special cause concern",
  ];
  if (options.target !== undefined) headings.push("Target");
  if (options.annualTarget !== undefined) headings.push("Profile", "Trajectory");
  return headings;
}

/** Rows under the table: a blank row, then label / value pairs. */
function summaryRowCount(options: SpcChartOptions): number {
  let n = 2; // blank, variation
  if (options.target !== undefined) n += options.improvement === "neutral" ? 1 : 2;
  if (options.annualTarget !== undefined) n += 1;
  return n;
}

/** The block `spcChartLayout` writes beside a selection with a header row (to check it is empty first). */
export function spcBesideBlock(
  selection: { row: number; col: number; rows: number; cols: number },
  options: SpcChartOptions
): Box {
  return {
    row: selection.row,
    col: selection.col + selection.cols,
    rows: selection.rows + summaryRowCount(options),
    cols: columnHeadings(options).length,
  };
}

/**
 * The block written beside the figures ("beside") or on a new sheet, and the chart over it.
 * `beside` needs a header row in the selection; the caller checks the block is empty.
 */
export function spcChartLayout(
  selection: Selection,
  series: SpcSeries,
  options: SpcChartOptions,
  placement: { mode: "beside" } | { mode: "new-sheet"; sheet: string }
): ChartLayout {
  const n = series.count;
  const width = selection.values[0].length;
  const headings = columnHeadings(options);
  const beside = placement.mode === "beside";
  const sheet = beside ? selection.sheet : placement.sheet;
  // Where the figures (and labels) are on the sheet written to, and where our columns start.
  let top: number;
  let valueCol: number;
  let labelCol: number | undefined;
  let firstCol: number;
  const lead: string[] = [];
  if (beside) {
    top = selection.row;
    valueCol = selection.col + width - 1;
    labelCol = series.hasLabels ? selection.col : undefined;
    firstCol = selection.col + width;
  } else {
    top = 0;
    labelCol = 0;
    valueCol = 1;
    firstCol = 2;
    lead.push(series.hasLabels ? "Month" : "Point", series.name);
  }
  const firstRow = top + 1;
  const values = absoluteColumn(firstRow, valueCol, n);
  const direction = quoted(options.improvement);
  const baseline = options.baselinePoints !== undefined ? `,${options.baselinePoints}` : "";
  const spc = `BCF.SPC(${values},${direction}${baseline})`;

  const blockCol = beside ? firstCol : 0;
  const cols = lead.length + headings.length;
  const summaryCount = summaryRowCount(options);
  const cells: Array<Array<CellValue | null>> = [];
  cells.push([...lead, ...headings]);
  const at = (name: string) => firstCol + headings.indexOf(name);
  const summaryTop = firstRow + n + 1; // after a blank row
  const targetRow = options.target !== undefined ? summaryTop + 1 : undefined;
  const annualRow = options.annualTarget !== undefined ? summaryTop + summaryCount - 2 : undefined;
  const phased = Math.min(12, n);
  const profileRange =
    options.annualTarget !== undefined
      ? absoluteColumn(firstRow + n - phased, at("Profile"), phased)
      : "";
  const typeCol = at("Point type");
  const [highName, lowName] = [headings[4], headings[5]];
  const highType =
    options.improvement === "neutral" ? "special cause high" : "special cause improvement";
  const lowType = options.improvement === "neutral" ? "special cause low" : "special cause concern";

  for (let i = 0; i < n; i++) {
    const r = firstRow + i;
    const row: Array<CellValue | null> = [];
    if (!beside) {
      const src = (c: number) => selectionCellFormula(selection, series.hasHeader, i, c);
      row.push(series.hasLabels ? src(0) : i + 1, src(width - 1));
    }
    const valueCell = a1(r, valueCol);
    const typeCell = a1(r, typeCol);
    row.push(
      `=INDEX(${spc},${i + 1},1)`,
      `=INDEX(${spc},${i + 1},2)`,
      `=INDEX(${spc},${i + 1},3)`,
      `=INDEX(${spc},${i + 1},4)`,
      `=IF(${typeCell}=${quoted(highType)},${valueCell},#N/A)`,
      `=IF(${typeCell}=${quoted(lowType)},${valueCell},#N/A)`
    );
    if (targetRow !== undefined) row.push(`=${absolute(targetRow, firstCol + 1)}`);
    if (annualRow !== undefined) {
      const j = i - (n - phased);
      if (j >= 0) {
        row.push(
          1,
          `=INDEX(BCF.SPLIT(${absolute(annualRow, firstCol + 1)},${profileRange},0),${j + 1},1)`
        );
      } else row.push(null, null);
    }
    cells.push(row);
  }

  const summary: Array<[string, CellValue]> = [
    ["Variation", `="Latest point: "&${a1(firstRow + n - 1, typeCol)}`],
  ];
  if (options.target !== undefined) {
    summary.push(["Target", options.target]);
    if (options.improvement !== "neutral") {
      summary.push([
        "Assurance",
        `=BCF.SPC.ASSURANCE(${values},${absolute(targetRow as number, firstCol + 1)},${direction}${baseline})`,
      ]);
    }
  }
  if (options.annualTarget !== undefined) summary.push(["Annual target", options.annualTarget]);
  cells.push(...summaryRows(cols, firstCol - blockCol, summary));
  padRows(cells, cols);

  const column = (col: number): Box => ({ row: firstRow, col, rows: n, cols: 1 });
  const xValues = labelCol !== undefined ? column(labelCol) : undefined;
  const seriesList: SeriesSpec[] = [
    {
      name: series.name,
      values: column(valueCol),
      xValues,
      style: {
        chartType: "LineMarkers",
        lineColor: MDC_COLOURS.common,
        lineStyle: "Continuous",
        markerStyle: "Circle",
        markerColor: MDC_COLOURS.common,
        markerSize: 5,
      },
    },
    line("Mean", at("Mean"), MDC_COLOURS.mean, "Continuous"),
    line("Lower process limit", at("Lower process limit"), MDC_COLOURS.common, "Dash"),
    line("Upper process limit", at("Upper process limit"), MDC_COLOURS.common, "Dash"),
    markers(
      highName,
      at(highName),
      options.improvement === "neutral" ? MDC_COLOURS.neutral : MDC_COLOURS.improvement
    ),
    markers(
      lowName,
      at(lowName),
      options.improvement === "neutral" ? MDC_COLOURS.neutral : MDC_COLOURS.concern
    ),
  ];
  if (options.target !== undefined)
    seriesList.push(line("Target", at("Target"), MDC_COLOURS.target, "Dash"));
  if (options.annualTarget !== undefined)
    seriesList.push(line("Trajectory", at("Trajectory"), MDC_COLOURS.target, "DashDot"));

  function line(name: string, col: number, color: string, lineStyle: string): SeriesSpec {
    return {
      name,
      values: column(col),
      xValues,
      style: { chartType: "Line", lineColor: color, lineStyle, markerStyle: "None" },
    };
  }
  function markers(name: string, col: number, color: string): SeriesSpec {
    return {
      name,
      values: column(col),
      xValues,
      style: {
        chartType: "LineMarkers",
        lineStyle: "None",
        markerStyle: "Circle",
        markerColor: color,
        markerSize: 7,
      },
    };
  }

  const block: Box = { row: top, col: blockCol, rows: cells.length, cols };
  const columnFormats: Array<string | undefined> = Array<string | undefined>(cols).fill(undefined);
  for (const name of ["Mean", "Lower process limit", "Upper process limit"])
    columnFormats[at(name) - blockCol] = "0.0";
  return {
    sheet,
    newSheet: !beside,
    block,
    cells,
    dataRows: n,
    columnFormats,
    chartType: "LineMarkers",
    title: `${series.name}: statistical process control`,
    series: seriesList,
    position: chartPositionBeside(block),
  };
}
