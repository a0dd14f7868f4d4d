/**
 * The Charts tab's inserts: an SPC chart of the selected series and a funnel plot of the selected
 * areas. Each is three context.sync() calls whatever the size: 1) the selection's place and size and
 * the sheet names, 2) the selection's values and whether the cells beside it are free, 3) every
 * write, the chart and its series at once. Nothing is overwritten: when the cells beside the data are
 * not all empty (or there is no header row to head the new columns) everything goes on a new sheet.
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
import { a1, type CellValue, parseA1 } from "../core/workbook";
import { toWorkbookActionError, WorkbookActionError } from "./errors";
import { splitSheetAddress, uniqueSheetName } from "./record";

/** Selections larger than this are refused before their values are read (a whole column, say). */
export const MAX_CHART_ROWS = 5000;

/** What an insert made, as plain JSON, so that undo can take exactly that out again. */
export interface ChartInsertRecord {
  kind: "spc" | "funnel";
  sheet: string;
  sheetAdded: boolean;
  /** The block of cells written, e.g. "C1:H30", and what was written there. */
  address: string;
  written: Array<Array<CellValue | null>>;
  chartName: string;
}

export interface ChartInsertResult {
  record: ChartInsertRecord;
  /** One plain-English sentence for the pane. */
  message: string;
  /** Lines of the result in words: variation and assurance, or each area's position. */
  findings: string[];
}

function boxAddress(box: Box): string {
  return `${a1(box.row, box.col)}:${a1(box.row + box.rows - 1, box.col + box.cols - 1)}`;
}

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
  kind: ChartInsertRecord["kind"],
  source: string | undefined,
  plan: Plan
): Promise<ChartInsertResult> {
  try {
    const workbook = context.workbook;
    // Sync 1: where the cells are (the selection, or the range typed), how many, and the sheet names.
    const selected = sourceRange(workbook, source).load(
      "rowIndex,columnIndex,rowCount,columnCount"
    );
    const selectedSheet = selected.worksheet.load("name");
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
    blockRange.load("values");
    try {
      await context.sync();
    } catch (e) {
      await takeOutFailedWrite(context, layout, chartName);
      throw e;
    }

    const address = boxAddress(block);
    const where = layout.newSheet
      ? `on a new sheet, "${layout.sheet}", because the cells beside the selection are not empty${plan.hasHeader(shape) ? "" : " or it has no header row"}`
      : `beside the data in ${address}`;
    const what = kind === "spc" ? "SPC chart" : "Funnel plot";
    const functions = kind === "spc" ? "=BCF.SPC" : "=BCF.FUNNEL";
    return {
      record: {
        kind,
        sheet: layout.sheet,
        sheetAdded: layout.newSheet,
        address,
        written: layout.cells,
        chartName,
      },
      message: `${what} added ${where}. Its figures are ${functions} formulas, so the chart follows the data.`,
      findings: plan.findings(layout, blockRange.values as unknown[][], selection),
    };
  } catch (e) {
    if (e instanceof ChartInputError) throw new WorkbookActionError(e.message, e);
    throw toWorkbookActionError(e);
  }
}

/**
 * After Excel refused part of the final write (it keeps what ran before the refusal): deletes the new
 * sheet, or clears the block (empty before, as checked) and deletes the chart. Two syncs; if this fails
 * too, the original error is still the one reported.
 */
async function takeOutFailedWrite(
  context: Excel.RequestContext,
  layout: ChartLayout,
  chartName: string
): Promise<void> {
  try {
    const sheet = context.workbook.worksheets.getItemOrNullObject(layout.sheet);
    const chart = layout.newSheet ? undefined : sheet.charts.getItemOrNullObject(chartName);
    await context.sync();
    if (sheet.isNullObject) return;
    if (layout.newSheet) sheet.delete();
    else {
      if (chart && !chart.isNullObject) chart.delete();
      const { block } = layout;
      sheet.getRangeByIndexes(block.row, block.col, block.rows, block.cols).clear("All");
    }
    await context.sync();
  } catch {
    // Report the refusal that started this, not a failure of the clean-up.
  }
}

/** Whether a cell still holds what the insert wrote there (Excel reads numbers back as numbers). */
function unchanged(now: unknown, written: CellValue | null): boolean {
  if (written === null || written === "") return now === "" || now === null;
  if (typeof written === "string" && written.startsWith("="))
    return typeof now === "string" && now.replace(/\s+/g, "") === written.replace(/\s+/g, "");
  return String(now) === String(written);
}

/** Whether range `inner` ("Sheet!A1:C9" or "B2") lies inside `outer` ("A1:K45"). */
function within(inner: string, outer: string): boolean {
  const corners = (address: string) => {
    const [from, to = from] = address.replace(/^.*!/, "").split(":");
    return [parseA1(from), parseA1(to)];
  };
  const [a, b] = corners(inner);
  const [c, d] = corners(outer);
  if (!a || !b || !c || !d) return false;
  return a.row >= c.row && a.col >= c.col && b.row <= d.row && b.col <= d.col;
}

/**
 * Takes an insert out again: the chart, and the cells (or the whole sheet, when the insert added it).
 * Refused, with nothing changed, when the cells have been edited since or the new sheet holds more
 * than the insert put there. Two syncs: what is there; the changes.
 */
export async function removeChartInsert(
  context: Excel.RequestContext,
  record: ChartInsertRecord
): Promise<void> {
  try {
    const sheet = context.workbook.worksheets.getItemOrNullObject(record.sheet);
    const range = sheet.getRange(record.address).load("formulas");
    const chart = sheet.charts.getItemOrNullObject(record.chartName);
    const used = sheet.getUsedRangeOrNullObject().load("address");
    const protection = sheet.protection.load("protected");
    await context.sync().catch((e: unknown) => {
      // A deleted sheet makes the reads beneath it fail too.
      if (sheet.isNullObject) return;
      throw e;
    });
    if (sheet.isNullObject) {
      throw new WorkbookActionError(
        `The sheet "${record.sheet}" is no longer there, so there is nothing to take out.`
      );
    }
    if (protection.protected) {
      throw new WorkbookActionError(
        `The sheet "${record.sheet}" is protected, so the chart was not removed. Unprotect it (Review > Unprotect Sheet) and try again.`
      );
    }
    const now = range.formulas as unknown[][];
    const same = record.written.every((row, r) => row.every((v, c) => unchanged(now[r]?.[c], v)));
    if (!same) {
      throw new WorkbookActionError(
        `The cells the chart was made from (${record.address} on "${record.sheet}") have been changed since, so nothing was removed. Delete the chart and the cells by hand if you still want them gone.`
      );
    }
    const ownSheet =
      record.sheetAdded && (used.isNullObject || within(used.address, record.address));
    if (record.sheetAdded && !ownSheet) {
      throw new WorkbookActionError(
        `The sheet "${record.sheet}" now holds more than the chart's cells, so it was not removed. Delete it by hand if you still want it gone.`
      );
    }
    if (ownSheet) sheet.delete();
    else {
      if (!chart.isNullObject) chart.delete();
      range.clear("All");
    }
    await context.sync();
  } catch (e) {
    throw toWorkbookActionError(e);
  }
}
