/**
 * The Charts tab's inserts: an SPC chart of the selected series and a funnel plot of the selected
 * areas. Each is three context.sync() calls whatever the size: 1) the selection's place and size and
 * the sheet names, 2) the selection's values and whether the cells beside it are free, 3) every
 * write, the chart and its series at once. Nothing is overwritten: when the cells beside the data are
 * not all empty (or there is no header row to head the new columns) everything goes on a new sheet.
 * The record says what was made (the new sheet, or the block of cells and the chart) with what Excel
 * read back, so that undo and a refused write's clean-up go through the one removal planner.
 */
import {
  type Box,
  ChartInputError,
  type ChartLayout,
  type Selection,
  type SeriesSpec,
} from "../core/charts/layout";
import {
  readSpcSelection,
  SPC_SHEET_NAME,
  spcBesideBlock,
  spcChartLayout,
  type SpcChartOptions,
} from "../core/charts/spcChart";
import {
  FUNNEL_SHEET_NAME,
  funnelBesideBlock,
  funnelChartLayout,
  type FunnelChartOptions,
  readFunnelSelection,
} from "../core/charts/funnelChart";
import {
  type CellPrints,
  type ChartMade,
  emptyRecord,
  type InsertionRecord,
  printCells,
} from "../core/undo";
import { blockAddress, type CellValue } from "../core/workbook";
import { toWorkbookActionError, WorkbookActionError } from "./errors";
import { splitSheetAddress, uniqueSheetName } from "./record";
import { refusedWriteError, undoFailedWrite } from "./undoFailedWrite";

/** Selections larger than this are refused before their values are read (a whole column, say). */
export const MAX_CHART_ROWS = 5000;

type ChartKind = "spc" | "funnel";

export interface ChartInsertResult {
  /** What the insert made, for the removal planner (src/core/undo) to take out again. */
  record: InsertionRecord;
  /** Where it went: the sheet, whether the insert added it, and the block of cells written ("C1:H30"). */
  sheet: string;
  sheetAdded: boolean;
  address: string;
  /** One plain-English sentence for the pane. */
  message: string;
  /** Lines of the result in words: variation and assurance, or each area's position. */
  findings: string[];
}

const boxAddress = (box: Box): string => blockAddress(box.rows, box.cols, box.row, box.col);

interface Plan {
  /** The block beside the selection (with a header row), to check is empty. */
  beside: (selection: Box) => Box;
  read: (selection: Selection) => unknown;
  layout: (
    selection: Selection,
    shape: unknown,
    placement: { mode: "beside" } | { mode: "new-sheet"; sheet: string }
  ) => ChartLayout;
  hasHeader: (shape: unknown) => boolean;
  sheetName: string;
  findings: (layout: ChartLayout, values: unknown[][], selection: Selection) => string[];
}

/** Inserts an SPC chart of the selected series (one column, or months and figures). */
export function insertSpcChart(
  context: Excel.RequestContext,
  options: SpcChartOptions,
  source?: string
): Promise<ChartInsertResult> {
  return insertChart(context, "spc", source, {
    beside: (s) => spcBesideBlock(s, options),
    read: (s) => readSpcSelection(s),
    layout: (s, shape, placement) =>
      spcChartLayout(s, shape as ReturnType<typeof readSpcSelection>, options, placement),
    hasHeader: (shape) => (shape as ReturnType<typeof readSpcSelection>).hasHeader,
    sheetName: SPC_SHEET_NAME,
    findings: spcFindings,
  });
}

/** Inserts a funnel plot of the selected areas (name, numerator, denominator). */
export function insertFunnelChart(
  context: Excel.RequestContext,
  options: FunnelChartOptions,
  source?: string
): Promise<ChartInsertResult> {
  return insertChart(context, "funnel", source, {
    beside: (s) => funnelBesideBlock(s),
    read: (s) => readFunnelSelection(s, options),
    layout: (s, shape, placement) =>
      funnelChartLayout(s, shape as ReturnType<typeof readFunnelSelection>, options, placement),
    hasHeader: (shape) => (shape as ReturnType<typeof readFunnelSelection>).hasHeader,
    sheetName: FUNNEL_SHEET_NAME,
    findings: funnelFindings,
  });
}

/** A calculated cell's value in words, or undefined while Excel is still working it out. */
function shown(value: unknown): string | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  const text = String(value);
  return text.startsWith("#") ? undefined : text;
}

/** "Variation: …" and "Assurance: …" from the summary rows under the table. */
function spcFindings(_layout: ChartLayout, values: unknown[][]): string[] {
  const out: string[] = [];
  for (const row of values) {
    const label = row.find((v) => v === "Variation" || v === "Assurance");
    if (label === undefined) continue;
    const text = shown(row[row.indexOf(label) + 1]);
    if (text)
      out.push(
        label === "Variation"
          ? `Variation: ${text.replace(/^Latest point: /, "the latest point is ")}.`
          : `Assurance: ${text}.`
      );
  }
  return out;
}

/** "<area>: above the upper 99.8% limit" for each area. */
function funnelFindings(layout: ChartLayout, values: unknown[][], selection: Selection): string[] {
  const out: string[] = [];
  const position = layout.cells[0].indexOf("Position");
  for (let r = 1; r < values.length; r++) {
    const text = shown(values[r][position]);
    if (!text || !/limit/.test(text)) continue; // rows below the areas hold only the funnel's limits
    // Beside the data the block starts on the selection's header row; on a new sheet column A names the area.
    const name = shown(layout.newSheet ? values[r][0] : selection.values[r]?.[0]);
    out.push(name ? `${name}: ${text}` : text);
  }
  return out;
}

/**
 * The cells to chart: the selection, or an address typed in the pane ("A1:B25" on the active sheet,
 * "'Falls by month'!A1:B25" on a named one).
 */
function sourceRange(workbook: Excel.Workbook, source: string | undefined): Excel.Range {
  const typed = source?.trim();
  if (!typed) return workbook.getSelectedRange();
  const { sheet, range } = splitSheetAddress(typed);
  if (!/^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/.test(range)) {
    throw new WorkbookActionError(
      `"${typed}" is not a range of cells: write it as A1:B25, or 'Sheet name'!A1:B25.`
    );
  }
  const worksheet = sheet
    ? workbook.worksheets.getItem(sheet)
    : workbook.worksheets.getActiveWorksheet();
  return worksheet.getRange(range.replace(/\$/g, ""));
}

async function insertChart(
  context: Excel.RequestContext,
  kind: ChartKind,
  source: string | undefined,
  plan: Plan
): Promise<ChartInsertResult> {
  try {
    const workbook = context.workbook;
    // Sync 1: where the cells are (the selection, or the range typed), how many, and the sheet names.
    const selected = sourceRange(workbook, source).load(
      "rowIndex,columnIndex,rowCount,columnCount"
    );
    const selectedSheet = selected.worksheet.load("name,id");
    const sheets = workbook.worksheets.load("items/name");
    await context.sync();
    if (selected.rowCount > MAX_CHART_ROWS) {
      throw new WorkbookActionError(
        `The selection has ${selected.rowCount.toLocaleString("en-GB")} rows; select just the cells with the figures (at most ${MAX_CHART_ROWS.toLocaleString("en-GB")} rows).`
      );
    }
    const box: Box = {
      row: selected.rowIndex,
      col: selected.columnIndex,
      rows: selected.rowCount,
      cols: selected.columnCount,
    };

    // Sync 2: the figures, and whether the block beside them is empty and the sheet editable.
    const sheet = workbook.worksheets.getItem(selectedSheet.name);
    const figures = sheet.getRangeByIndexes(box.row, box.col, box.rows, box.cols).load("values");
    const besideBox = plan.beside(box);
    const beside = sheet
      .getRangeByIndexes(besideBox.row, besideBox.col, besideBox.rows, besideBox.cols)
      .load("formulas");
    const protection = sheet.protection.load("protected");
    await context.sync();

    const selection: Selection = {
      sheet: selectedSheet.name,
      row: box.row,
      col: box.col,
      values: figures.values as CellValue[][],
    };
    const shape = plan.read(selection);
    const free =
      plan.hasHeader(shape) &&
      !protection.protected &&
      (beside.formulas as unknown[][]).every((row) => row.every((f) => f === "" || f === null));
    const layout = plan.layout(
      selection,
      shape,
      free
        ? { mode: "beside" }
        : {
            mode: "new-sheet",
            sheet: uniqueSheetName(
              plan.sheetName,
              sheets.items.map((s) => s.name)
            ),
          }
    );

    // Sync 3: everything at once.
    const target = layout.newSheet ? workbook.worksheets.add(layout.sheet) : sheet;
    const { block } = layout;
    const blockRange = target.getRangeByIndexes(block.row, block.col, block.rows, block.cols);
    blockRange.formulas = layout.cells.map((row) =>
      row.map((v) => (v === null ? "" : v))
    ) as unknown as string[][];
    layout.columnFormats.forEach((format, c) => {
      if (!format) return;
      target.getRangeByIndexes(block.row + 1, block.col + c, layout.dataRows, 1).numberFormat =
        Array.from({ length: layout.dataRows }, () => [format]);
    });
    target.getRangeByIndexes(block.row, block.col, 1, block.cols).format.font.bold = true;
    blockRange.format.autofitColumns();
    const range = (b: Box) => target.getRangeByIndexes(b.row, b.col, b.rows, b.cols);
    const [first, ...rest] = layout.series;
    const chart = target.charts.add(
      layout.chartType as Excel.ChartType,
      range(first.values),
      "Columns" as Excel.ChartSeriesBy
    );
    // Named after the cells it sits beside, so that a failed write or an undo can find it again.
    const chartName = `${kind === "spc" ? "SPC chart" : "Funnel plot"} ${boxAddress(layout.block)}`;
    chart.name = chartName;
    chart.title.text = layout.title;
    chart.setPosition(layout.position.start, layout.position.end);
    const style = (series: Excel.ChartSeries, spec: SeriesSpec) => {
      series.name = spec.name;
      if (spec.xValues) series.setXAxisValues(range(spec.xValues));
      const s = spec.style;
      if (s.chartType && s.chartType !== layout.chartType)
        series.chartType = s.chartType as Excel.ChartType;
      if (s.lineColor) series.format.line.color = s.lineColor;
      series.format.line.lineStyle = s.lineStyle as Excel.ChartLineStyle;
      series.markerStyle = s.markerStyle as Excel.ChartMarkerStyle;
      if (s.markerColor) {
        series.markerBackgroundColor = s.markerColor;
        series.markerForegroundColor = s.markerColor;
      }
      if (s.markerSize) series.markerSize = s.markerSize;
    };
    style(chart.series.getItemAt(0), first);
    for (const spec of rest) {
      const series = chart.series.add(spec.name);
      series.setValues(range(spec.values));
      style(series, spec);
    }
    if (layout.newSheet) target.activate();
    // What Excel holds once written: the fingerprints and the chart's make that undo compares with.
    blockRange.load("values,formulas");
    if (layout.newSheet) target.load("id");
    chart.load("id,name,chartType");
    chart.title.load("text");
    try {
      await context.sync();
    } catch (e) {
      // Excel keeps what ran before the refused operation: take out what this call wrote.
      const intended = chartRecord(kind, layout, {
        sheetId: layout.newSheet ? await addedSheetId(context, layout.sheet) : selectedSheet.id,
        cells: printCells(
          layout.cells.map((row) => row.map((v) => v ?? "")),
          block.row,
          block.col
        ),
        chart: { id: "", name: chartName, type: layout.chartType, title: layout.title },
      });
      throw refusedWriteError(e, await undoFailedWrite(context, intended));
    }

    const address = boxAddress(block);
    const where = layout.newSheet
      ? `on a new sheet, "${layout.sheet}", because the cells beside the selection are not empty${plan.hasHeader(shape) ? "" : " or it has no header row"}`
      : `beside the data in ${address}`;
    const what = kind === "spc" ? "SPC chart" : "Funnel plot";
    const functions = kind === "spc" ? "=BCF.SPC" : "=BCF.FUNNEL";
    return {
      record: chartRecord(kind, layout, {
        sheetId: layout.newSheet ? target.id : selectedSheet.id,
        cells: printCells(blockRange.formulas, block.row, block.col),
        chart: {
          id: chart.id,
          name: chart.name,
          type: chart.chartType,
          title: chart.title.text,
        },
      }),
      sheet: layout.sheet,
      sheetAdded: layout.newSheet,
      address,
      message: `${what} added ${where}. Its figures are ${functions} formulas, so the chart follows the data.`,
      findings: plan.findings(layout, blockRange.values as unknown[][], selection),
    };
  } catch (e) {
    if (e instanceof ChartInputError) throw new WorkbookActionError(e.message, e);
    throw toWorkbookActionError(e);
  }
}

/**
 * The record of an insert: on a new sheet, the sheet (the chart goes with it); beside the data, the
 * block of cells and the chart that plots it.
 */
function chartRecord(
  kind: ChartKind,
  layout: ChartLayout,
  made: {
    sheetId: string;
    cells: CellPrints;
    chart: Pick<ChartMade, "id" | "name" | "type" | "title">;
  }
): InsertionRecord {
  const { block } = layout;
  const record = emptyRecord(kind);
  const chart: ChartMade = { ...made.chart, sheetId: made.sheetId, sheet: layout.sheet };
  if (layout.newSheet) {
    record.sheets.push({ id: made.sheetId, name: layout.sheet, cells: made.cells });
    record.charts = [chart];
  } else {
    const box = {
      row: block.row,
      col: block.col,
      lastRow: block.row + block.rows - 1,
      lastCol: block.col + block.cols - 1,
    };
    record.cells = [{ sheetId: made.sheetId, sheet: layout.sheet, box, cells: made.cells }];
    record.charts = [{ ...chart, plots: 0 }];
  }
  return record;
}

/**
 * The id of the sheet a refused write added: found by the name it was given, which no sheet had a
 * moment before (uniqueSheetName); "" when it is not there, so that nothing is taken for it.
 */
async function addedSheetId(context: Excel.RequestContext, name: string): Promise<string> {
  try {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name).load("id");
    await context.sync();
    return sheet.isNullObject ? "" : sheet.id;
  } catch {
    return "";
  }
}
