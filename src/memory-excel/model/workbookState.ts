/**
 * The workbook's state: sheets, tables, charts and cells, the one place cells change, lookups and
 * permissions, and transactions. Changes made inside a transaction (one context.sync()) can be rolled
 * back: cells are journaled one by one, everything else is copied when the transaction begins (sheets,
 * tables and charts are small, and their array fields are replaced rather than mutated).
 *
 * Formulas are stored as text; what is done to them (reading, rewriting, working them out) is the
 * FormulaEngine's, which the layers above hand in through the constructor, so the model imports none
 * of them.
 */
import { boxContains, formatSheetAddress, sameName, type CellBox } from "../address";
import { invalidArgument, itemNotFound, protectedSheet, readOnlyWorkbook } from "../errors";
import { isBlankCell, type Cell } from "./cell";
import type { SheetModel, ValidationRule } from "./sheet";
import type { ChartModel, TableModel } from "./table";

/** A sheet or table renamed: formulas naming it are rewritten. */
export type Rename = { kind: "sheet" | "table"; from: string; to: string };

export interface RecalculationResult {
  /** Cells in a circular chain, as Excel writes them ("Income!B4", "'Plan 2025'!A1"). */
  circular: string[];
}

/** What the model needs done to formulas, by the layers above it. */
export interface FormulaEngine {
  /** Why Excel would refuse to store this formula ("=…"), or undefined when it can read it. */
  problem(formula: string): string | undefined;
  /** The formula with the renamed sheet or table; the same string when it doesn't name it. */
  rename(formula: string, rename: Rename): string;
  /** The formula filled `rows` down and `cols` across: relative references move, absolute ones stay. */
  shift(formula: string, rows: number, cols: number): string;
  /** Works out every formula cell of the workbook, each after the cells it reads. */
  recalculate(model: WorkbookState): RecalculationResult;
}

export type CustomFunctions = Record<string, (...args: unknown[]) => unknown>;

export interface WorkbookOptions {
  formulas: FormulaEngine;
  customFunctions?: CustomFunctions;
}

interface Transaction {
  /** Old cells by sheet, row and column. */
  cells: Map<SheetModel, Map<number, Map<number, Cell | undefined>>>;
  sheets: SheetModel[];
  tables: TableModel[];
  charts: ChartModel[];
  states: Map<object, object>;
  scalars: Pick<
    WorkbookState,
    "activeSheet" | "selection" | "readOnly" | "nextId" | "dirty" | "changed"
  >;
}

/** The id Excel's Worksheet.id reports for a sheet of the memory workbook. */
export function sheetId(sheet: SheetModel): string {
  return `{memory-sheet-${sheet.id}}`;
}

export class WorkbookState {
  /** Reads, rewrites and works out formulas for the model (see FormulaEngine). */
  readonly formulas: FormulaEngine;
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
  /** Functions formulas may call by name ("BCF.RATE"), besides the built-in ones. */
  customFunctions: CustomFunctions;
  private tx: Transaction | undefined;

  constructor(options: WorkbookOptions) {
    this.formulas = options.formulas;
    this.customFunctions = options.customFunctions ?? {};
  }

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
    this.lastRecalculation = this.formulas.recalculate(this);
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

  /** Excel refuses to store a formula it can't read; so does the memory workbook. */
  checkFormula(formula: string | undefined, location: string): void {
    if (formula === undefined) return;
    const problem = this.formulas.problem(formula);
    if (problem !== undefined) {
      throw invalidArgument(`The formula ${formula} contains an error: ${problem}`, location);
    }
  }

  /** Rewrites every formula that names a renamed sheet or table. */
  renameInFormulas(rename: Rename): void {
    if (sameName(rename.from, rename.to) && rename.from === rename.to) return;
    for (const sheet of this.sheets) {
      for (const [row, col, cell] of [...sheet.cells.entries()]) {
        if (cell.formula === undefined) continue;
        const formula = this.formulas.rename(cell.formula, rename);
        if (formula !== cell.formula) this.putCell(sheet, row, col, { ...cell, formula });
      }
    }
    for (const table of this.tables) {
      if (!table.columns.some((c) => c.calculatedFormula)) continue;
      table.columns = table.columns.map((c) =>
        c.calculatedFormula
          ? {
              ...c,
              calculatedFormula: this.formulas.rename(c.calculatedFormula, rename),
            }
          : c
      );
    }
  }

  validationAt(sheet: SheetModel, row: number, col: number): ValidationRule | undefined {
    for (let i = sheet.validations.length - 1; i >= 0; i--) {
      if (boxContains(sheet.validations[i].box, row, col)) return sheet.validations[i].rule;
    }
    return undefined;
  }
}
