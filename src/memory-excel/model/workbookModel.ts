/**
 * The workbook's state and every change to it. Changes made inside a transaction (one context.sync())
 * can be rolled back: cells are journaled one by one, everything else is copied when the
 * transaction begins (sheets, tables and charts are small, and their array fields are replaced
 * rather than mutated).
 */
import { a1 } from "../../core/workbook";
import {
  boxColumns,
  boxContains,
  boxesOverlap,
  boxRows,
  formatSheetAddress,
  quoteSheetName,
  sameName,
  sheetNameProblem,
  type CellBox,
} from "../address";
import {
  invalidArgument,
  invalidOperation,
  itemNotFound,
  MemoryExcelError,
  protectedSheet,
  readOnlyWorkbook,
} from "../errors";
import { parseCached } from "../formula/parser";
import { renameInFormula, type Rename } from "../formula/rename";
import { recalculate, type RecalculationResult } from "../recalc";
import { contentFromEntry, entryGrid } from "./entries";
import {
  isBlankCell,
  SheetModel,
  type Cell,
  type ValidationRule,
  type SheetVisibility,
} from "./sheet";
import type { ChartModel, TableModel } from "./table";
import { afterCellsWritten } from "./tableOps";

interface Transaction {
  /** Old cells by sheet, row and column. */
  cells: Map<SheetModel, Map<number, Map<number, Cell | undefined>>>;
  sheets: SheetModel[];
  tables: TableModel[];
  charts: ChartModel[];
  states: Map<object, object>;
  scalars: Pick<
    WorkbookModel,
    "activeSheet" | "selection" | "readOnly" | "nextId" | "dirty" | "changed"
  >;
}

/** The id Excel's Worksheet.id reports for a sheet of the memory workbook. */
export function sheetId(sheet: SheetModel): string {
  return `{memory-sheet-${sheet.id}}`;
}

const MAX_BROADCAST_CELLS = 1_000_000;

export type WriteKind = "values" | "formulas" | "numberFormat";
export type ClearKind = "All" | "Contents" | "Formats";
export type SheetPosition = "None" | "Before" | "After" | "Beginning" | "End";

export class WorkbookModel {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  charts: ChartModel[] = [];
  activeSheet!: SheetModel;
  selection: { sheet: SheetModel; box: CellBox } | undefined;
  readOnly = false;
  nextId = 1;
  /** Formula results may be stale. */
  dirty = false;
  /** Something a viewer would see has changed since the last notification. */
  changed = false;
  /** Set by suspendApiCalculationUntilNextSync: loads in this sync see values as they were. */
  calculationSuspended = false;
  lastRecalculation: RecalculationResult = { circular: [] };
  customFunctions: Record<string, (...args: unknown[]) => unknown> = {};
  private tx: Transaction | undefined;

  // ---- transactions ----

  begin(): void {
    const states = new Map<object, object>();
    for (const entity of [...this.sheets, ...this.tables, ...this.charts])
      states.set(entity, { ...entity });
    this.tx = {
      cells: new Map(),
      sheets: [...this.sheets],
      tables: [...this.tables],
      charts: [...this.charts],
      states,
      scalars: {
        activeSheet: this.activeSheet,
        selection: this.selection,
        readOnly: this.readOnly,
        nextId: this.nextId,
        dirty: this.dirty,
        changed: this.changed,
      },
    };
  }

  commit(): void {
    this.tx = undefined;
    this.calculationSuspended = false;
    this.calculate();
  }

  rollback(): void {
    const tx = this.tx;
    if (!tx) return;
    for (const [sheet, journal] of tx.cells) {
      for (const [row, line] of journal) {
        for (const [col, cell] of line) {
          if (cell) sheet.cells.set(row, col, cell);
          else sheet.cells.delete(row, col);
        }
      }
    }
    this.sheets = tx.sheets;
    this.tables = tx.tables;
    this.charts = tx.charts;
    for (const [entity, state] of tx.states) Object.assign(entity, state);
    Object.assign(this, tx.scalars);
    this.tx = undefined;
    this.calculationSuspended = false;
    // Loads during the failed sync may have recalculated cells in place: recalculate from the restored state.
    this.dirty = true;
    this.calculate();
  }

  /** Recalculates if anything changed (and calculation isn't suspended for this sync). */
  calculate(): void {
    if (!this.dirty || this.calculationSuspended) return;
    this.lastRecalculation = recalculate(this);
    this.dirty = false;
  }

  // ---- lookups ----

  findSheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => sameName(s.name, name));
  }

  /** A sheet by name or by its id (`{memory-sheet-N}`), as Excel's worksheets.getItem takes either. */
  findSheetByKey(key: string): SheetModel | undefined {
    return this.findSheet(key) ?? this.sheets.find((s) => sheetId(s) === key);
  }

  hasSheet(sheet: SheetModel): boolean {
    return this.sheets.includes(sheet);
  }

  requireSheet(name: string, location: string): SheetModel {
    const sheet = this.findSheetByKey(name);
    if (!sheet) throw itemNotFound(`there is no worksheet named "${name}"`, location);
    return sheet;
  }

  findTable(name: string): TableModel | undefined {
    const wanted = name.toUpperCase();
    return this.tables.find((t) => t.name.toUpperCase() === wanted);
  }

  /** A table by name or by its id, as Excel's tables.getItem takes either. */
  findTableByKey(key: string): TableModel | undefined {
    return this.findTable(key) ?? this.tables.find((t) => String(t.id) === key);
  }

  tablesOn(sheet: SheetModel): TableModel[] {
    return this.tables.filter((t) => t.sheet === sheet);
  }

  address(sheet: SheetModel, box: CellBox): string {
    return formatSheetAddress(sheet.name, box);
  }

  // ---- permission ----

  assertCanEdit(sheet: SheetModel, location: string): void {
    if (this.readOnly) throw readOnlyWorkbook(location);
    if (sheet.protected) throw protectedSheet(sheet.name, location);
  }

  assertCanChangeStructure(location: string): void {
    if (this.readOnly) throw readOnlyWorkbook(location);
  }

  // ---- cells ----

  /** The one place cells change: journals the old cell when inside a transaction. */
  putCell(sheet: SheetModel, row: number, col: number, cell: Cell | undefined): void {
    if (this.tx) {
      let journal = this.tx.cells.get(sheet);
      if (!journal) this.tx.cells.set(sheet, (journal = new Map()));
      let line = journal.get(row);
      if (!line) journal.set(row, (line = new Map()));
      if (!line.has(col)) line.set(col, sheet.cells.get(row, col));
    }
    if (cell && (!isBlankCell(cell) || cell.numberFormat || cell.bold)) {
      sheet.cells.set(row, col, cell);
      if (row > sheet.maxRow) sheet.maxRow = row;
      if (col > sheet.maxCol) sheet.maxCol = col;
    } else {
      sheet.cells.delete(row, col);
    }
    this.dirty = true;
    this.changed = true;
  }

  /**
   * The cells a write over a box touches: every cell, except that a single value or format spread over
   * more than a million cells (whole columns or rows) reaches only the cells already in use there,
   * since the memory workbook keeps no column- or row-wide formats.
   */
  private targetCells(
    sheet: SheetModel,
    box: CellBox,
    broadcast: boolean
  ): Array<[number, number]> {
    if (broadcast && boxRows(box) * boxColumns(box) > MAX_BROADCAST_CELLS) {
      return [...sheet.cellsIn(box)].map(([row, col]) => [row, col]);
    }
    const cells: Array<[number, number]> = [];
    for (let row = box.row; row <= box.lastRow; row++)
      for (let col = box.col; col <= box.lastCol; col++) cells.push([row, col]);
    return cells;
  }

  /** Writes Range.values / formulas / numberFormat over a box. */
  writeRange(
    sheet: SheetModel,
    box: CellBox,
    input: unknown,
    kind: WriteKind,
    location: string
  ): void {
    this.assertCanEdit(sheet, location);
    const entryAt = entryGrid(input, box, location);
    for (const [row, col] of this.targetCells(sheet, box, !Array.isArray(input))) {
      const entry = entryAt(row - box.row, col - box.col);
      // Office.js leaves a cell alone when its entry is null.
      if (entry === null || entry === undefined) continue;
      const old = sheet.cell(row, col);
      if (kind === "numberFormat") {
        if (typeof entry !== "string")
          throw invalidArgument("A number format must be text.", location);
        this.putCell(sheet, row, col, {
          value: "",
          ...old,
          numberFormat: entry === "General" ? undefined : entry,
        });
      } else {
        const content = contentFromEntry(entry, old?.numberFormat, location);
        this.checkFormula(content.formula, location);
        this.putCell(sheet, row, col, {
          value: content.value,
          formula: content.formula,
          numberFormat: old?.numberFormat,
          bold: old?.bold,
        });
      }
    }
    if (kind !== "numberFormat") afterCellsWritten(this, sheet, box, location);
  }

  /** Excel refuses to store a formula it can't read; so does the memory workbook. */
  checkFormula(formula: string | undefined, location: string): void {
    if (formula === undefined) return;
    const tree = parseCached(formula);
    if (tree instanceof Error) {
      throw invalidArgument(`The formula ${formula} contains an error: ${tree.message}`, location);
    }
  }

  clearRange(sheet: SheetModel, box: CellBox, applyTo: ClearKind, location: string): void {
    this.assertCanEdit(sheet, location);
    for (const [row, col, cell] of [...sheet.cellsIn(box)]) {
      if (applyTo === "All") this.putCell(sheet, row, col, undefined);
      else if (applyTo === "Contents")
        this.putCell(sheet, row, col, {
          value: "",
          numberFormat: cell.numberFormat,
          bold: cell.bold,
        });
      else
        this.putCell(sheet, row, col, {
          value: cell.value,
          formula: cell.formula,
        });
    }
    if (applyTo !== "Formats") afterCellsWritten(this, sheet, box, location);
    if (applyTo !== "Contents") this.clearValidation(sheet, box, location);
  }

  setBold(sheet: SheetModel, box: CellBox, bold: boolean, location: string): void {
    this.assertCanEdit(sheet, location);
    for (const [row, col] of this.targetCells(sheet, box, true)) {
      const old = sheet.cell(row, col);
      this.putCell(sheet, row, col, {
        value: "",
        ...old,
        bold: bold || undefined,
      });
    }
  }

  setColumnWidth(sheet: SheetModel, box: CellBox, width: number, location: string): void {
    this.assertCanEdit(sheet, location);
    if (!(width >= 0))
      throw invalidArgument("A column width must be a number of points, 0 or more.", location);
    const widths = new Map(sheet.columnWidths);
    for (let col = box.col; col <= box.lastCol; col++) widths.set(col, width);
    sheet.columnWidths = widths;
    this.changed = true;
  }

  /** Rough autofit: about 7 points per character of the longest entry, as Calibri 11 would need. */
  autofitColumns(sheet: SheetModel, box: CellBox, location: string): void {
    this.assertCanEdit(sheet, location);
    const longest = new Map<number, number>();
    for (const [, col, cell] of sheet.cellsIn(box)) {
      const length = String(cell.value).length;
      longest.set(col, Math.max(longest.get(col) ?? 0, length));
    }
    const widths = new Map(sheet.columnWidths);
    for (let col = box.col; col <= Math.min(box.lastCol, sheet.maxCol); col++) {
      widths.set(col, Math.max(12, Math.round((longest.get(col) ?? 0) * 7 + 10)));
    }
    sheet.columnWidths = widths;
    this.changed = true;
  }

  // ---- data validation ----

  setValidation(sheet: SheetModel, box: CellBox, rule: ValidationRule, location: string): void {
    this.assertCanEdit(sheet, location);
    const list = (rule as { list?: { source?: unknown } }).list;
    if (list && (typeof list.source !== "string" || list.source.trim() === "")) {
      throw invalidArgument(
        "A list validation rule needs a source: items separated by commas, or a range.",
        location
      );
    }
    // Excel on the web refuses a rule over cells that another rule covers only in part (office-js #2594):
    // an add-in must clear first. The same cells exactly are replaced.
    const partly = sheet.validations.find(
      (v) =>
        boxesOverlap(v.box, box) &&
        (v.box.row !== box.row ||
          v.box.col !== box.col ||
          v.box.lastRow !== box.lastRow ||
          v.box.lastCol !== box.lastCol)
    );
    if (partly) {
      throw invalidArgument(
        "The argument is invalid or missing or has an incorrect format: some of these cells already have a validation rule. Clear it first.",
        location
      );
    }
    const kept = sheet.validations.filter((v) => !boxesOverlap(v.box, box));
    sheet.validations = [
      ...kept,
      {
        box: { ...box },
        rule: JSON.parse(JSON.stringify(rule)) as ValidationRule,
      },
    ];
    this.changed = true;
  }

  clearValidation(sheet: SheetModel, box: CellBox, location: string): void {
    this.assertCanEdit(sheet, location);
    const kept = sheet.validations.filter((v) => !boxesOverlap(v.box, box));
    if (kept.length !== sheet.validations.length) {
      sheet.validations = kept;
      this.changed = true;
    }
  }

  validationAt(sheet: SheetModel, row: number, col: number): ValidationRule | undefined {
    for (let i = sheet.validations.length - 1; i >= 0; i--) {
      if (boxContains(sheet.validations[i].box, row, col)) return sheet.validations[i].rule;
    }
    return undefined;
  }

  // ---- sheets ----

  uniqueSheetName(base: string): string {
    if (!this.findSheet(base)) return base;
    for (let n = 2; ; n++) {
      const suffix = ` (${n})`;
      const name = base.slice(0, 31 - suffix.length) + suffix;
      if (!this.findSheet(name)) return name;
    }
  }

  addSheet(name: string | undefined, location: string): SheetModel {
    this.assertCanChangeStructure(location);
    let sheetName = name;
    if (sheetName === undefined || sheetName === null) {
      let n = this.sheets.length + 1;
      while (this.findSheet(`Sheet${n}`)) n++;
      sheetName = `Sheet${n}`;
    }
    this.checkNewSheetName(sheetName, undefined, location);
    const sheet = new SheetModel(this.nextId++, sheetName);
    this.sheets = [...this.sheets, sheet];
    if (!this.activeSheet) this.activeSheet = sheet;
    this.changed = true;
    return sheet;
  }

  private checkNewSheetName(name: string, except: SheetModel | undefined, location: string): void {
    const problem = sheetNameProblem(name);
    if (problem) throw invalidArgument(problem, location);
    const clash = this.findSheet(name);
    if (clash && clash !== except) {
      throw new MemoryExcelError(
        "ItemAlreadyExists",
        `A sheet named "${name}" already exists. Try a different name.`,
        location
      );
    }
  }

  renameSheet(sheet: SheetModel, name: string, location: string): void {
    this.assertCanChangeStructure(location);
    this.checkNewSheetName(name, sheet, location);
    const from = sheet.name;
    sheet.name = name;
    this.renameInFormulas({ kind: "sheet", from, to: name });
    this.dirty = true;
    this.changed = true;
  }

  /** Rewrites every formula that names a renamed sheet or table. */
  renameInFormulas(rename: Rename): void {
    if (sameName(rename.from, rename.to) && rename.from === rename.to) return;
    for (const sheet of this.sheets) {
      for (const [row, col, cell] of [...sheet.cells.entries()]) {
        if (cell.formula === undefined) continue;
        const formula = renameInFormula(cell.formula, rename);
        if (formula !== cell.formula) this.putCell(sheet, row, col, { ...cell, formula });
      }
    }
    for (const table of this.tables) {
      if (!table.columns.some((c) => c.calculatedFormula)) continue;
      table.columns = table.columns.map((c) =>
        c.calculatedFormula
          ? {
              ...c,
              calculatedFormula: renameInFormula(c.calculatedFormula, rename),
            }
          : c
      );
    }
  }

  setVisibility(sheet: SheetModel, visibility: SheetVisibility, location: string): void {
    this.assertCanChangeStructure(location);
    if (!["Visible", "Hidden", "VeryHidden"].includes(visibility)) {
      throw invalidArgument(`"${visibility}" isn't a sheet visibility.`, location);
    }
    if (
      visibility !== "Visible" &&
      this.sheets.filter((s) => s.visibility === "Visible" && s !== sheet).length === 0
    ) {
      throw invalidOperation("A workbook must keep at least one visible sheet.", location);
    }
    sheet.visibility = visibility;
    if (visibility !== "Visible" && this.activeSheet === sheet)
      this.activeSheet = this.firstVisibleSheet(sheet);
    this.changed = true;
  }

  private firstVisibleSheet(except?: SheetModel): SheetModel {
    return this.sheets.find((s) => s !== except && s.visibility === "Visible") ?? this.sheets[0];
  }

  deleteSheet(sheet: SheetModel, location: string): void {
    this.assertCanChangeStructure(location);
    if (this.sheets.filter((s) => s !== sheet && s.visibility === "Visible").length === 0) {
      throw invalidOperation(
        "A workbook must keep at least one visible sheet, so this sheet can't be deleted.",
        location
      );
    }
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.tables = this.tables.filter((t) => t.sheet !== sheet);
    this.charts = this.charts.filter((c) => c.sheet !== sheet);
    if (this.activeSheet === sheet) this.activeSheet = this.firstVisibleSheet();
    if (this.selection?.sheet === sheet) this.selection = undefined;
    this.dirty = true;
    this.changed = true;
  }

  copySheet(
    source: SheetModel,
    position: SheetPosition,
    relativeTo: SheetModel | undefined,
    location: string
  ): SheetModel {
    this.assertCanChangeStructure(location);
    const copy = new SheetModel(this.nextId++, this.uniqueSheetName(source.name));
    copy.protected = source.protected;
    copy.validations = source.validations.map((v) => ({
      box: { ...v.box },
      rule: v.rule,
    }));
    copy.columnWidths = new Map(source.columnWidths);
    for (const [row, col, cell] of source.cells.entries()) copy.cells.set(row, col, { ...cell });
    copy.maxRow = source.maxRow;
    copy.maxCol = source.maxCol;
    const order = this.sheets.filter((s) => s !== copy);
    let at: number;
    if (position === "Beginning") at = 0;
    else if (position === "End") at = order.length;
    else if (position === "Before" || position === "After") {
      if (!relativeTo)
        throw invalidArgument(
          `Copying a sheet ${position.toLowerCase()} another needs that sheet.`,
          location
        );
      at = order.indexOf(relativeTo) + (position === "After" ? 1 : 0);
    } else at = order.indexOf(source) + 1;
    this.sheets = [...order.slice(0, at), copy, ...order.slice(at)];
    for (const table of this.tablesOn(source)) {
      let n = 2;
      while (this.findTable(`${table.name}_${n}`)) n++;
      this.tables = [
        ...this.tables,
        {
          ...table,
          id: this.nextId++,
          name: `${table.name}_${n}`,
          sheet: copy,
        },
      ];
    }
    for (const chart of this.charts.filter((c) => c.sheet === source)) {
      const source = chart.source.replace(/^.*!/, `${quoteSheetName(copy.name)}!`);
      this.charts = [...this.charts, { ...chart, id: this.nextId++, sheet: copy, source }];
    }
    this.dirty = true;
    this.changed = true;
    return copy;
  }

  activate(sheet: SheetModel, location: string): void {
    if (sheet.visibility !== "Visible")
      throw invalidOperation(
        `The sheet "${sheet.name}" is hidden, so it can't be activated.`,
        location
      );
    this.activeSheet = sheet;
    this.changed = true;
  }

  select(sheet: SheetModel, box: CellBox, location: string): void {
    this.activate(sheet, location);
    this.selection = { sheet, box: { ...box } };
  }

  describeCell(sheet: SheetModel, row: number, col: number): string {
    return `${sheet.name}!${a1(row, col)}`;
  }
}
