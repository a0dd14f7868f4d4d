/**
 * Direct, synchronous access to the memory workbook for tests and the preview grid: no queue, no
 * sync, no protection checks (it stands for a person editing the workbook, or the test's setup).
 */
import {
  a1,
  parseA1,
  type CellValue,
  type WorkbookSnapshot,
  type SheetSnapshot,
} from "../core/workbook";
import { formatBox, formatSheetAddress, parseBox, type CellBox } from "./address";
import { contentFromEntry } from "./model/entries";
import { afterCellsWritten } from "./model/tableOps";
import { formatCellValue } from "./numberFormat";
import type { SheetModel, ValidationRule } from "./model/sheet";
import {
  bodyBox,
  headerBox,
  tableBox,
  totalsRowIndex,
  type ChartModel,
  type ChartSeriesModel,
} from "./model/table";
import type { WorkbookModel } from "./model/workbookModel";
import { sheetId, type CustomFunctions } from "./model/workbookState";

export interface CellInfo {
  /** What Range.values shows: the calculated value, "" when empty. */
  value: CellValue;
  /** What Range.formulas shows: the formula, else the constant ("" when empty). */
  formula: CellValue;
  numberFormat: string;
  /** The value as Excel would display it under its number format ("£1,234.50", "25%"). */
  text: string;
  bold: boolean;
}

/** A formula cell whose result is an array, and the whole array (what Excel would spill from it). */
export interface SpillInfo {
  /** 0-based position of the formula cell. */
  row: number;
  col: number;
  values: CellValue[][];
}

export interface UsedRangeInfo {
  /** e.g. "Income!A1:B12" */
  address: string;
  rowIndex: number;
  columnIndex: number;
  values: CellValue[][];
  formulas: CellValue[][];
  numberFormats: string[][];
}

export interface TableInfo {
  name: string;
  sheet: string;
  /** Local addresses, e.g. "A1:M6". */
  address: string;
  headerAddress: string;
  bodyAddress: string;
  totalsAddress?: string;
  columns: string[];
  /** Calculated column formulas by column name. */
  calculatedColumns: Record<string, string>;
  showTotals: boolean;
  style: string;
}

/** A chart as the workbook stores it, with its sheet by name (its series: chartSeries()). */
export type ChartInfo = Omit<ChartModel, "id" | "sheet" | "series"> & { sheet: string };

export type ChangeListener = () => void;

export class MemoryWorkbook {
  private listeners = new Set<ChangeListener>();

  constructor(private readonly model: WorkbookModel) {}

  private sheet(name: string): SheetModel {
    const sheet = this.model.findSheet(name);
    if (!sheet)
      throw new Error(
        `The memory workbook has no sheet named "${name}" (it has ${this.sheetNames().join(", ")}).`
      );
    return sheet;
  }

  private cellPosition(address: string): { row: number; col: number } {
    const position = parseA1(address);
    if (!position) throw new Error(`"${address}" isn't a cell address like B7.`);
    return position;
  }

  /** Sheet names in tab order. */
  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  /** The id Worksheet.id reports for the sheet named `name` (undefined if there is none). */
  sheetId(name: string): string | undefined {
    const sheet = this.model.findSheet(name);
    return sheet && sheetId(sheet);
  }

  /** The id Table.id reports for the table named `name` (undefined if there is none). */
  tableId(name: string): string | undefined {
    const table = this.model.findTable(name);
    return table && String(table.id);
  }

  get activeSheet(): string {
    return this.model.activeSheet.name;
  }

  getCell(sheetName: string, address: string): CellInfo {
    const { row, col } = this.cellPosition(address);
    const cell = this.sheet(sheetName).cell(row, col);
    return {
      value: cell?.value ?? "",
      formula: cell ? (cell.formula ?? cell.value) : "",
      numberFormat: cell?.numberFormat ?? "General",
      text: cell ? formatCellValue(cell.value, cell.numberFormat) : "",
      bold: cell?.bold === true,
    };
  }

  /** Formula cells of a sheet whose result is an array, with the array (for a grid to draw spilled). */
  spills(sheetName: string): SpillInfo[] {
    const out: SpillInfo[] = [];
    for (const [row, col, cell] of this.sheet(sheetName).cells.sortedEntries()) {
      if (cell.spill) out.push({ row, col, values: cell.spill.map((line) => [...line]) });
    }
    return out;
  }

  /** Types into one cell: a number, text, boolean, "=formula", or null to empty it. */
  setCell(
    sheetName: string,
    address: string,
    entry: CellValue | null,
    numberFormat?: string
  ): void {
    const { row, col } = this.cellPosition(address);
    this.setCells(sheetName, a1(row, col), [[entry]], numberFormat);
  }

  /** Types a block of entries with its top-left cell at `topLeft`; null empties a cell. */
  setCells(
    sheetName: string,
    topLeft: string,
    rows: Array<Array<CellValue | null>>,
    numberFormat?: string
  ): void {
    const sheet = this.sheet(sheetName);
    const { row, col } = this.cellPosition(topLeft);
    rows.forEach((line, r) =>
      line.forEach((entry, c) => {
        const old = sheet.cell(row + r, col + c);
        const format = numberFormat ?? old?.numberFormat;
        if (entry === null) {
          this.model.putCell(
            sheet,
            row + r,
            col + c,
            format ? { value: "", numberFormat: format, bold: old?.bold } : undefined
          );
          return;
        }
        const content = contentFromEntry(entry, format, "MemoryWorkbook.setCells");
        this.model.checkFormula(content.formula, "MemoryWorkbook.setCells");
        this.model.putCell(sheet, row + r, col + c, {
          ...content,
          numberFormat: format === "General" ? undefined : format,
          bold: old?.bold,
        });
      })
    );
    const width = rows.reduce((w, line) => Math.max(w, line.length), 0);
    if (rows.length > 0 && width > 0) {
      // Typing into a table renames columns (header row) and fills calculated columns, as in Excel.
      afterCellsWritten(
        this.model,
        sheet,
        { row, col, lastRow: row + rows.length - 1, lastCol: col + width - 1 },
        "MemoryWorkbook.setCells"
      );
    }
    this.settle();
  }

  addSheet(name: string): void {
    this.model.addSheet(name, "MemoryWorkbook.addSheet");
    this.settle();
  }

  usedRange(sheetName: string, valuesOnly = true): UsedRangeInfo | undefined {
    const sheet = this.sheet(sheetName);
    const box = sheet.usedBox(valuesOnly);
    if (!box) return undefined;
    const values: CellValue[][] = [];
    const formulas: CellValue[][] = [];
    const numberFormats: string[][] = [];
    for (let r = box.row; r <= box.lastRow; r++) {
      const v: CellValue[] = [];
      const f: CellValue[] = [];
      const n: string[] = [];
      for (let c = box.col; c <= box.lastCol; c++) {
        const cell = sheet.cell(r, c);
        v.push(cell?.value ?? "");
        f.push(cell ? (cell.formula ?? cell.value) : "");
        n.push(cell?.numberFormat ?? "General");
      }
      values.push(v);
      formulas.push(f);
      numberFormats.push(n);
    }
    return {
      address: formatSheetAddress(sheet.name, box),
      rowIndex: box.row,
      columnIndex: box.col,
      values,
      formulas,
      numberFormats,
    };
  }

  /** The whole workbook as the checks read it. */
  snapshot(): WorkbookSnapshot {
    const sheets: SheetSnapshot[] = this.model.sheets.map((sheet) => {
      const used = this.usedRange(sheet.name);
      // As the pane's reader does: hidden and very hidden sheets are marked, visible ones are not.
      const hidden = sheet.visibility !== "Visible" ? { hidden: true } : {};
      return used
        ? {
            name: sheet.name,
            rowOffset: used.rowIndex,
            colOffset: used.columnIndex,
            values: used.values,
            formulas: used.formulas,
            numberFormats: used.numberFormats,
            ...hidden,
          }
        : {
            name: sheet.name,
            rowOffset: 0,
            colOffset: 0,
            values: [],
            formulas: [],
            numberFormats: [],
            ...hidden,
          };
    });
    return { sheets };
  }

  tables(): TableInfo[] {
    return this.model.tables.map((t) => {
      const totalsRow = totalsRowIndex(t);
      const header = headerBox(t);
      return {
        name: t.name,
        sheet: t.sheet.name,
        address: formatBox(tableBox(t)),
        headerAddress: formatBox(header),
        bodyAddress: formatBox(bodyBox(t)),
        totalsAddress:
          totalsRow === undefined
            ? undefined
            : formatBox({ ...header, row: totalsRow, lastRow: totalsRow }),
        columns: t.columns.map((c) => c.name),
        calculatedColumns: Object.fromEntries(
          t.columns
            .filter((c) => c.calculatedFormula)
            .map((c) => [c.name, c.calculatedFormula as string])
        ),
        showTotals: t.showTotals,
        style: t.style,
      };
    });
  }

  charts(sheetName?: string): ChartInfo[] {
    return this.model.charts
      .filter((c) => sheetName === undefined || c.sheet === this.sheet(sheetName))
      .map((c) => ({
        name: c.name,
        sheet: c.sheet.name,
        type: c.type,
        source: c.source,
        seriesBy: c.seriesBy,
        title: c.title,
        valueAxisTitle: c.valueAxisTitle,
        categoryAxisTitle: c.categoryAxisTitle,
        position: c.position && { ...c.position },
      }));
  }

  /** A chart's series: names, the ranges they plot and their formats. */
  chartSeries(sheetName: string, chartName: string): ChartSeriesModel[] {
    const sheet = this.sheet(sheetName);
    const chart = this.model.charts.find((c) => c.sheet === sheet && c.name === chartName);
    if (!chart) throw new Error(`There is no chart "${chartName}" on "${sheetName}".`);
    return (chart.series ?? []).map((s) => ({ ...s }));
  }

  /** The data validation rule of a cell, as it was set ({ list: { inCellDropDown, source } }). */
  validation(sheetName: string, address: string): ValidationRule | undefined {
    const { row, col } = this.cellPosition(address);
    const rule = this.model.validationAt(this.sheet(sheetName), row, col);
    return rule && (JSON.parse(JSON.stringify(rule)) as ValidationRule);
  }

  /** The sheet and local address of the last Range.select(). */
  get selection(): { sheet: string; address: string } | undefined {
    const s = this.model.selection;
    return s && this.model.hasSheet(s.sheet)
      ? { sheet: s.sheet.name, address: formatBox(s.box) }
      : undefined;
  }

  /**
   * Selects a cell or range as a person clicking in Excel does (the sheet becomes active). Quiet: the
   * grid that calls it already shows the selection, so listeners are not told.
   */
  select(sheetName: string, address: string): void {
    const sheet = this.sheet(sheetName);
    const box = parseBox(address);
    if (!box) throw new Error(`"${address}" isn't a cell or range address like B7 or A2:M4.`);
    if (sheet.visibility !== "Visible") return;
    const changed = this.model.changed;
    this.model.select(sheet, box, "MemoryWorkbook.select");
    this.model.changed = changed;
  }

  columnWidth(sheetName: string, column: number): number {
    return this.sheet(sheetName).columnWidth(column);
  }

  sheetVisibility(sheetName: string): string {
    return this.sheet(sheetName).visibility;
  }

  /** Protects (or unprotects) a sheet: writes to it then fail with AccessDenied. */
  protectSheet(sheetName: string, isProtected = true): void {
    this.sheet(sheetName).protected = isProtected;
  }

  isProtected(sheetName: string): boolean {
    return this.sheet(sheetName).protected;
  }

  /** A read-only workbook refuses every change with AccessDenied. */
  setReadOnly(readOnly: boolean): void {
    this.model.readOnly = readOnly;
  }

  /** Cells on a circular chain of references (they show 0), as Excel writes them ("'Plan 2025'!A1"). */
  circularReferences(): string[] {
    return [...this.model.lastRecalculation.circular];
  }

  /** The =BCF.* (or other custom) functions formulas may call, keyed "BCF.RATE" etc. */
  setCustomFunctions(registry: Record<string, (...args: never[]) => unknown>): void {
    this.model.customFunctions = registry as CustomFunctions;
    this.model.dirty = true;
    this.settle();
  }

  /** Called after every sync or direct edit that changed something; returns an unsubscribe function. */
  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The box of a sheet-local address, for callers that work in A1 ranges. */
  static box(address: string): CellBox | undefined {
    return parseBox(address);
  }

  /** @internal after a sync */
  _notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private settle(): void {
    this.model.calculate();
    if (this.model.changed) {
      this.model.changed = false;
      this._notify();
    }
  }
}
