/**
 * Every change to the workbook a request or a person makes: writing, clearing and formatting ranges,
 * data validation, and adding, renaming, hiding, copying and deleting sheets. The state it changes, and
 * the transactions that let a failed sync roll it back, are WorkbookState's.
 */
import { boxColumns, boxesOverlap, boxRows, sheetNameProblem, type CellBox } from "../address";
import { invalidArgument, invalidOperation, MemoryExcelError } from "../errors";
import { quoteSheetName } from "../../core/sheetAddress";
import { contentFromEntry, entryGrid } from "./entries";
import { SheetModel, type ValidationRule, type SheetVisibility } from "./sheet";
import { afterCellsWritten } from "./tableOps";
import { WorkbookState } from "./workbookState";

const MAX_BROADCAST_CELLS = 1_000_000;

export type WriteKind = "values" | "formulas" | "numberFormat";
export type ClearKind = "All" | "Contents" | "Formats";
export type SheetPosition = "None" | "Before" | "After" | "Beginning" | "End";

export class WorkbookModel extends WorkbookState {
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
}
