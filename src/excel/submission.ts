/**
 * Going to a finding's cell, and preparing a workbook for submission: a recipient without the add-in
 * sees #NAME? where a =BCF.* formula was, so those formulas can be replaced by the values they show.
 */
import { a1, type CellValue, isFormula, parseA1, type WorkbookSnapshot } from "../core/workbook";
import { cellReference } from "../core/sheetAddress";
import { toWorkbookActionError, WorkbookActionError } from "./errors";
import {
  DEFAULT_MAX_CELLS_PER_BLOCK,
  readWorkbookSnapshot,
  type ReadOptions,
  REQUEST_BUDGET_BYTES,
} from "./readWorkbookSnapshot";

/**
 * Bytes a request spends on each range it writes, before the values: the range's object path and the
 * property set, as Office.js sends them (some 250-300 bytes). Scattered cells cost this once each.
 */
export const RANGE_WRITE_BYTES_ESTIMATE = 300;
export const DEFAULT_MAX_RANGES_PER_BLOCK = Math.floor(
  REQUEST_BUDGET_BYTES / RANGE_WRITE_BYTES_ESTIMATE
);

export interface ReplaceOptions extends ReadOptions {
  /** Ranges written per request; by default what keeps a request near REQUEST_BUDGET_BYTES. */
  maxRangesPerBlock?: number;
}

export interface BcfFormulaCell {
  sheet: string;
  cell: string;
  formula: string;
  /** What the cell shows now. */
  value: CellValue;
}

/** Activates `sheet` and selects `cell` (an A1 address), so the user sees what a finding is about. */
export async function selectCell(
  context: Excel.RequestContext,
  sheet: string,
  cell: string
): Promise<void> {
  try {
    const worksheet = context.workbook.worksheets
      .getItemOrNullObject(sheet)
      .load("name,visibility");
    await context.sync();
    if (worksheet.isNullObject) {
      throw new WorkbookActionError(
        `The sheet "${sheet}" is no longer in the workbook (it may have been renamed or deleted). Run the check again.`
      );
    }
    if (worksheet.visibility !== "Visible") {
      throw new WorkbookActionError(
        `The sheet "${sheet}" is hidden. Unhide it (right-click a sheet tab > Unhide) to go to ${cell}.`
      );
    }
    worksheet.activate();
    worksheet.getRange(cell).select();
    await context.sync();
  } catch (e) {
    throw toWorkbookActionError(e);
  }
}

/** Whether a formula calls a =BCF.* function (text inside quotes does not count). */
export function callsBcfFunction(formula: string): boolean {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  return /(^|[^A-Za-z0-9_.\\])BCF\.[A-Za-z]/i.test(code);
}

/** Every =BCF.* formula of a snapshot, sheet by sheet, row by row. */
export function bcfFormulasIn(snapshot: WorkbookSnapshot): BcfFormulaCell[] {
  const found: BcfFormulaCell[] = [];
  for (const sheet of snapshot.sheets) {
    sheet.formulas.forEach((row, r) =>
      row.forEach((entry, c) => {
        if (isFormula(entry) && callsBcfFunction(entry)) {
          found.push({
            sheet: sheet.name,
            cell: a1(sheet.rowOffset + r, sheet.colOffset + c),
            formula: entry,
            value: sheet.values[r][c],
          });
        }
      })
    );
  }
  return found;
}

export async function listBcfFormulas(
  context: Excel.RequestContext,
  options: ReadOptions = {}
): Promise<Array<{ sheet: string; cell: string; formula: string }>> {
  const snapshot = await readWorkbookSnapshot(context, options);
  return bcfFormulasIn(snapshot).map(({ sheet, cell, formula }) => ({
    sheet,
    cell,
    formula,
  }));
}

/** A vertical run of cells in one column: written as one range. */
export interface ValueRun {
  sheet: string;
  row: number;
  col: number;
  values: CellValue[][];
}

/** Groups cells into runs of consecutive rows in the same column, so a whole table column is one write. */
export function valueRuns(
  cells: ReadonlyArray<{
    sheet: string;
    row: number;
    col: number;
    value: CellValue;
  }>
): ValueRun[] {
  const sorted = [...cells].sort((a, b) =>
    a.sheet === b.sheet ? a.col - b.col || a.row - b.row : a.sheet < b.sheet ? -1 : 1
  );
  const runs: ValueRun[] = [];
  for (const cell of sorted) {
    const last = runs[runs.length - 1];
    // Text that looks like a formula is written as text, so it stays what the cell showed.
    const value =
      typeof cell.value === "string" && cell.value.startsWith("=") ? `'${cell.value}` : cell.value;
    if (
      last &&
      last.sheet === cell.sheet &&
      last.col === cell.col &&
      last.row + last.values.length === cell.row
    ) {
      last.values.push([value]);
    } else {
      runs.push({
        sheet: cell.sheet,
        row: cell.row,
        col: cell.col,
        values: [[value]],
      });
    }
  }
  return runs;
}

/**
 * Replaces every =BCF.* formula with the value it shows: "in-place" over exactly those cells, or "copy"
 * on a copy of each affected sheet (the original kept). Returns how many cells were replaced and the
 * sheets written. Syncs: the snapshot's, one to check protection, then one per block of written cells.
 */
export async function replaceBcfFormulasWithValues(
  context: Excel.RequestContext,
  mode: "in-place" | "copy",
  options: ReplaceOptions = {}
): Promise<{ replaced: number; sheets: string[] }> {
  const snapshot = await readWorkbookSnapshot(context, options);
  try {
    const found = bcfFormulasIn(snapshot);
    if (found.length === 0) return { replaced: 0, sheets: [] };
    // Excel shows #BUSY! while a custom function is still working, and #NAME? where the add-in's functions
    // are not loaded: written as values, those would replace the figures for good.
    const notReady = found.filter((f) => f.value === "#BUSY!" || f.value === "#NAME?");
    if (notReady.length) {
      const first = notReady[0];
      const busy = first.value === "#BUSY!";
      throw new WorkbookActionError(
        `${notReady.length === 1 ? "A =BCF.* formula shows" : `${notReady.length} =BCF.* formulas show`} ${String(first.value)} (first at ${cellReference(first.sheet, first.cell)}), so no formulas were replaced. ${busy ? "Wait until Excel has finished calculating, then try again." : "The add-in's functions are not loaded: reopen the add-in (Home > BCF Toolkit), let the workbook recalculate, then try again."}`
      );
    }
    const cells = found.map((f) => ({
      sheet: f.sheet,
      ...parseA1(f.cell)!,
      value: f.value,
    }));
    const sheetNames = [...new Set(found.map((f) => f.sheet))];

    const workbook = context.workbook;
    const protection = sheetNames.map((name) =>
      workbook.worksheets.getItem(name).protection.load("protected")
    );
    await context.sync();
    sheetNames.forEach((name, i) => {
      if (protection[i].protected) {
        throw new WorkbookActionError(
          `The sheet "${name}" is protected, so no formulas were replaced. Unprotect it (Review > Unprotect Sheet) and try again.`
        );
      }
    });

    const targets = new Map<string, Excel.Worksheet>();
    for (const name of sheetNames) {
      const original = workbook.worksheets.getItem(name);
      targets.set(name, mode === "copy" ? original.copy("After", original) : original);
    }
    const written =
      mode === "copy" ? sheetNames.map((name) => targets.get(name)!.load("name")) : [];

    const runs = valueRuns(cells);
    const maxCells = Math.max(1, options.maxCellsPerBlock ?? DEFAULT_MAX_CELLS_PER_BLOCK);
    const maxRanges = Math.max(1, options.maxRangesPerBlock ?? DEFAULT_MAX_RANGES_PER_BLOCK);
    let queued = 0;
    let queuedRanges = 0;
    workbook.application.suspendApiCalculationUntilNextSync();
    for (const run of runs) {
      targets.get(run.sheet)!.getRangeByIndexes(run.row, run.col, run.values.length, 1).values =
        run.values;
      queued += run.values.length;
      queuedRanges += 1;
      // Bounded: one sync per block of written cells, or of ranges (scattered cells cost a range each),
      // keeps each request under Excel on the web's 5 MB limit.
      if (queued >= maxCells || queuedRanges >= maxRanges) {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block, bounded by the cells
        await context.sync();
        queued = 0;
        queuedRanges = 0;
        workbook.application.suspendApiCalculationUntilNextSync();
      }
    }
    await context.sync();
    return {
      replaced: found.length,
      sheets: mode === "copy" ? written.map((s) => s.name) : sheetNames,
    };
  } catch (e) {
    throw toWorkbookActionError(e);
  }
}
