/**
 * The funnel plot of selected areas (name, numerator, denominator): each area's value and its
 * position in words, the 95% and 99.8% limits as =BCF.FUNNEL formulas over a range of denominators,
 * and a scatter chart of both.
 */
import type { FunnelStatistic } from "../statistics/funnel";
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

export interface FunnelChartOptions {
  statistic: FunnelStatistic;
}

export interface FunnelAreas {
  hasHeader: boolean;
  count: number;
  /** The value's heading: "Percentage" or "Rate per 100,000". */
  name: string;
}

/** Proportions as percentages, rates per 100,000. */
export function funnelMultiplier(statistic: FunnelStatistic): number {
  return statistic === "rate" ? 100000 : 100;
}

/** How many denominators the limits are drawn at. */
export const FUNNEL_POINTS = 40;

export const FUNNEL_SHEET_NAME = "Funnel plot";

/** Reads the shape of the selection; throws ChartInputError in plain English when it will not do. */
export function readFunnelSelection(
  selection: Selection,
  options: FunnelChartOptions
): FunnelAreas {
  const rows = selection.values;
  if ((rows[0]?.length ?? 0) !== 3) {
    throw new ChartInputError(
      "Select three columns: the area's name, the numerator (e.g. admissions) and the denominator (e.g. population)."
    );
  }
  const hasHeader = !isNumber(rows[0][1]) || !isNumber(rows[0][2]);
  const first = hasHeader ? 1 : 0;
  const count = rows.length - first;
  if (count < 2) throw new ChartInputError("Select at least 2 areas to compare.");
  for (let r = first; r < rows.length; r++) {
    const cell = (c: number) => a1(selection.row + r, selection.col + c);
    const say = { empty: "every area needs a numerator and a denominator." };
    const numerator = requireNumber(selection, r, 1, say);
    const denominator = requireNumber(selection, r, 2, say);
    if (numerator < 0) throw new ChartInputError(`${cell(1)} is negative: a numerator is a count.`);
    if (denominator <= 0)
      throw new ChartInputError(`${cell(2)} must be more than zero: it is the denominator.`);
    if (options.statistic === "proportion" && numerator > denominator) {
      throw new ChartInputError(
        `${cell(1)} is more than its denominator, so it is not a proportion: choose "rate" instead.`
      );
    }
  }
  return {
    hasHeader,
    count,
    name: options.statistic === "rate" ? "Rate per 100,000" : "Percentage",
  };
}

/** The block `funnelChartLayout` writes beside a selection with a header row (to check it is empty first). */
export function funnelBesideBlock(selection: { row: number; col: number; rows: number }): Box {
  return {
    row: selection.row,
    col: selection.col + 3,
    rows: 1 + Math.max(selection.rows - 1, FUNNEL_POINTS) + 4,
    cols: 8,
  };
}

const LIMITS = [
  ["Lower 95% limit", 0.95, 1],
  ["Upper 95% limit", 0.95, 2],
  ["Lower 99.8% limit", 0.998, 1],
  ["Upper 99.8% limit", 0.998, 2],
] as const;

/** The block written beside the areas (or on a new sheet) and the chart over it. */
export function funnelChartLayout(
  selection: Selection,
  areas: FunnelAreas,
  options: FunnelChartOptions,
  placement: { mode: "beside" } | { mode: "new-sheet"; sheet: string }
): ChartLayout {
  const n = areas.count;
  const per = funnelMultiplier(options.statistic);
  const statistic = quoted(options.statistic);
  const beside = placement.mode === "beside";
  const sheet = beside ? selection.sheet : placement.sheet;
  const lead = beside ? [] : ["Area", "Numerator", "Denominator"];
  const top = beside ? selection.row : 0;
  const areaCol = beside ? selection.col : 0;
  const blockCol = beside ? selection.col + 3 : 0;
  const firstCol = beside ? blockCol : 3;
  const firstRow = top + 1;
  const headings = [
    areas.name,
    "Position",
    "Denominator",
    ...LIMITS.map(([name]) => name),
    "Average",
  ];
  const col = (name: string) => firstCol + headings.indexOf(name);
  const cols = lead.length + headings.length;
  const bodyRows = Math.max(n, FUNNEL_POINTS);
  const summaryTop = firstRow + bodyRows + 1;
  const average = absolute(summaryTop, firstCol + 1);
  const lowest = absolute(summaryTop + 1, firstCol + 1);
  const highest = absolute(summaryTop + 2, firstCol + 1);
  const numerators = absoluteColumn(firstRow, areaCol + 1, n);
  const denominators = absoluteColumn(firstRow, areaCol + 2, n);

  const cells: Array<Array<CellValue | null>> = [[...lead, ...headings]];
  const funnel = (denominator: string, level: number, which: number) =>
    `INDEX(BCF.FUNNEL(${average},${denominator},${statistic},${level},${per}),1,${which})`;
  for (let i = 0; i < bodyRows; i++) {
    const r = firstRow + i;
    const row: Array<CellValue | null> = [];
    if (i < n) {
      if (!beside) {
        for (const c of [0, 1, 2]) row.push(selectionCellFormula(selection, areas.hasHeader, i, c));
      }
      const value = a1(r, col(areas.name));
      const denominator = a1(r, areaCol + 2);
      row.push(
        `=${a1(r, areaCol + 1)}/${denominator}*${per}`,
        `=IF(${value}>${funnel(denominator, 0.998, 2)},"above the upper 99.8% limit",` +
          `IF(${value}<${funnel(denominator, 0.998, 1)},"below the lower 99.8% limit",` +
          `IF(${value}>${funnel(denominator, 0.95, 2)},"above the upper 95% limit",` +
          `IF(${value}<${funnel(denominator, 0.95, 1)},"below the lower 95% limit","within the 95% limits"))))`
      );
    } else {
      row.push(...Array<null>(lead.length + 2).fill(null));
    }
    if (i < FUNNEL_POINTS) {
      // Denominators spaced evenly on a log scale, so the funnel's narrow end has points too.
      const d = a1(r, col("Denominator"));
      row.push(`=${lowest}*(${highest}/${lowest})^(${i}/${FUNNEL_POINTS - 1})`);
      for (const [, level, which] of LIMITS) row.push(`=${funnel(d, level, which)}`);
      row.push(`=${average}`);
    }
    cells.push(row);
  }
  cells.push(
    ...summaryRows(cols, firstCol - blockCol, [
      ["Average", `=SUM(${numerators})/SUM(${denominators})*${per}`],
      ["Smallest denominator drawn", `=MAX(1,MIN(${denominators})/2)`],
      ["Largest denominator drawn", `=MAX(${denominators})*1.1`],
    ])
  );
  padRows(cells, cols);

  const columnBox = (c: number, rows: number): Box => ({ row: firstRow, col: c, rows, cols: 1 });
  const limitsX = columnBox(col("Denominator"), FUNNEL_POINTS);
  const limitLine = (name: string, color: string, lineStyle: string): SeriesSpec => ({
    name,
    values: columnBox(col(name), FUNNEL_POINTS),
    xValues: limitsX,
    style: {
      chartType: "XYScatterLinesNoMarkers",
      lineColor: color,
      lineStyle,
      markerStyle: "None",
    },
  });
  const series: SeriesSpec[] = [
    {
      name: "Areas",
      values: columnBox(col(areas.name), n),
      xValues: columnBox(areaCol + 2, n),
      style: {
        chartType: "XYScatter",
        lineStyle: "None",
        markerStyle: "Circle",
        markerColor: MDC_COLOURS.improvement,
        markerSize: 7,
      },
    },
    limitLine("Lower 95% limit", MDC_COLOURS.common, "Dash"),
    limitLine("Upper 95% limit", MDC_COLOURS.common, "Dash"),
    limitLine("Lower 99.8% limit", MDC_COLOURS.mean, "Continuous"),
    limitLine("Upper 99.8% limit", MDC_COLOURS.mean, "Continuous"),
    limitLine("Average", MDC_COLOURS.target, "Continuous"),
  ];
  const block: Box = { row: top, col: blockCol, rows: cells.length, cols };
  const columnFormats: Array<string | undefined> = Array<string | undefined>(cols).fill(undefined);
  const valueFormat = options.statistic === "rate" ? "#,##0.0" : "0.0";
  columnFormats[col(areas.name) - blockCol] = valueFormat;
  columnFormats[col("Denominator") - blockCol] = "#,##0";
  for (const [name] of LIMITS) columnFormats[col(name) - blockCol] = valueFormat;
  columnFormats[col("Average") - blockCol] = valueFormat;
  return {
    sheet,
    newSheet: !beside,
    block,
    cells,
    dataRows: bodyRows,
    columnFormats,
    chartType: "XYScatter",
    title: `Funnel plot: ${areas.name.toLowerCase()} with 95% and 99.8% limits`,
    series,
    position: chartPositionBeside(block),
  };
}
