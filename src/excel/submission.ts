/**
 * Going to a finding's cell, and preparing a workbook for submission: a recipient without the add-in
 * sees #NAME? where a =BCF.* formula was, so those formulas can be replaced by the values they show.
 */
import {
  a1,
  type CellValue,
  isExcelError,
  isFormula,
  parseA1,
  type WorkbookSnapshot,
} from "../core/workbook";
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
  /** Whether Excel can say where a formula's results spill (ExcelApi 1.12); by default asked of Office. */
  spillSupported?: boolean;
}

/** A =BCF.* formula replaced by its value(s), with what is needed to put it back. */
export interface ReplacedFormula {
  sheet: string;
  cell: string;
  formula: string;
  /** What was written: the value, or the whole spill range's values from the formula's cell. */
  values: CellValue[][];
}

export interface ReplaceResult {
  /** How many =BCF.* formulas were replaced. */
  replaced: number;
  /** The sheets written (in "copy" mode, the copies). */
  sheets: string[];
  /** In "copy" mode, the original sheets: they keep their =BCF formulas. */
  originals: string[];
  /** Every formula replaced, to put back if the user asks. */
  cells: ReplacedFormula[];
  /** Excel refused part-way: its reason in plain words, and how many formulas are still there. */
  incomplete?: { reason: string; remaining: number; where: string };
}

/** A cell holding a =BCF.* formula, as the pane lists it. */
export interface BcfFormulaCell {
  sheet: string;
  cell: string;
  formula: string;
}

/** A =BCF.* formula cell with what it shows now. */
export interface ShownBcfFormula extends BcfFormulaCell {
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
export function bcfFormulasIn(snapshot: WorkbookSnapshot): ShownBcfFormula[] {
  const found: ShownBcfFormula[] = [];
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
): Promise<BcfFormulaCell[]> {
  const snapshot = await readWorkbookSnapshot(context, options);
  return bcfFormulasIn(snapshot).map(({ sheet, cell, formula }) => ({
    sheet,
    cell,
    formula,
  }));
}

/** A rectangle of values written as one range. */
export interface ValueRun {
  sheet: string;
  row: number;
  col: number;
  values: CellValue[][];
}

/**
 * A value as written so that Excel keeps it as it was shown: text stays text ("00123", "TRUE", "50%",
 * "1e5", "+1" and "=…" would otherwise be read as typing), numbers and booleans as they are, and an
 * error value as that error.
 */
export function asWritten(value: CellValue): CellValue {
  if (typeof value !== "string" || value === "" || isExcelError(value)) return value;
  return `'${value}`;
}

/** Groups single cells into runs of consecutive rows in the same column, so a whole table column is one write. */
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
    const value = asWritten(cell.value);
    if (
      last &&
      last.sheet === cell.sheet &&
      last.col === cell.col &&
      last.row + last.values.length === cell.row
    ) {
      last.values.push([value]);
    } else {
      runs.push({ sheet: cell.sheet, row: cell.row, col: cell.col, values: [[value]] });
    }
  }
  return runs;
}

/** =BCF.* functions whose result is several cells (a confidence interval's lower and upper limits). */
const SPILLING = /(^|[^A-Za-z0-9_.\\])BCF\.[A-Za-z]+\.CI\s*\(/i;

/** Whether Excel here can report a formula's spill range (ExcelApi 1.12), unless the caller says. */
function spillSupportedHere(option: boolean | undefined): boolean {
  if (option !== undefined) return option;
  const office = (globalThis as { Office?: typeof Office }).Office;
  const requirements = office?.context?.requirements;
  return requirements ? requirements.isSetSupported("ExcelApi", "1.12") : true;
}

/** "Metrics!E2:E9, Targets!D2" for the pane: where values were written. */
function where(runs: ValueRun[]): string {
  return runs
    .map((r) => {
      const end = a1(r.row + r.values.length - 1, r.col + r.values[0].length - 1);
      const start = a1(r.row, r.col);
      return cellReference(r.sheet, start === end ? start : `${start}:${end}`);
    })
    .join(", ");
}

/**
 * Replaces every =BCF.* formula with what it shows: "in-place" over exactly those cells (a spilled
 * result over its whole spill range), or "copy" on a copy of each affected sheet (the original kept,
 * with its formulas). Syncs: the snapshot's, one to check protection and spill ranges, then one per
 * block of written cells. If Excel refuses a block, the result says how many were replaced and which
 * (`incomplete`), rather than throwing: the pane offers to finish or to put them back.
 */
export async function replaceBcfFormulasWithValues(
  context: Excel.RequestContext,
  mode: "in-place" | "copy",
  options: ReplaceOptions = {}
): Promise<ReplaceResult> {
  const snapshot = await readWorkbookSnapshot(context, options);
  try {
    const found = bcfFormulasIn(snapshot);
    if (found.length === 0) return { replaced: 0, sheets: [], originals: [], cells: [] };
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
    const spilling = found.filter((f) => SPILLING.test(f.formula));
    const canSpill = spillSupportedHere(options.spillSupported);
    if (spilling.length && !canSpill) {
      throw new WorkbookActionError(
        `${cellReference(spilling[0].sheet, spilling[0].cell)} holds =BCF.*.CI, whose results fill more than one cell, and this version of Excel cannot say which cells they fill, so no formulas were replaced. Use Excel for Microsoft 365 or Excel 2021 or later, or replace those formulas by hand (copy, then Paste Values).`
      );
    }
    const sheetNames = [...new Set(found.map((f) => f.sheet))];

    // Sync: protection, and where each spilling formula's results are.
    const workbook = context.workbook;
    const protection = sheetNames.map((name) =>
      workbook.worksheets.getItem(name).protection.load("protected")
    );
    const spills = new Map(
      spilling.map((f) => [
        `${f.sheet}!${f.cell}`,
        workbook.worksheets
          .getItem(f.sheet)
          .getRange(f.cell)
          .getSpillingToRangeOrNullObject()
          .load("rowIndex,columnIndex,values"),
      ])
    );
    await context.sync();
    sheetNames.forEach((name, i) => {
      if (protection[i].protected) {
        throw new WorkbookActionError(
          `The sheet "${name}" is protected, so no formulas were replaced. Unprotect it (Review > Unprotect Sheet) and try again.`
        );
      }
    });

    // What to write: single results grouped into runs, each spill range as one rectangle.
    const replaced: ReplacedFormula[] = [];
    const single: Array<{ sheet: string; row: number; col: number; value: CellValue }> = [];
    const runs: Array<ValueRun & { formulas: number }> = [];
    for (const f of found) {
      const at = parseA1(f.cell)!;
      const spill = spills.get(`${f.sheet}!${f.cell}`);
      if (spill && !spill.isNullObject) {
        const values = spill.values.map((row) => row.map((v) => asWritten(v as CellValue)));
        runs.push({
          sheet: f.sheet,
          row: spill.rowIndex,
          col: spill.columnIndex,
          values,
          formulas: 1,
        });
        replaced.push({
          sheet: f.sheet,
          cell: f.cell,
          formula: f.formula,
          values: spill.values as CellValue[][],
        });
      } else {
        single.push({ sheet: f.sheet, ...at, value: f.value });
        replaced.push({ sheet: f.sheet, cell: f.cell, formula: f.formula, values: [[f.value]] });
      }
    }
    const maxCells = Math.max(1, options.maxCellsPerBlock ?? DEFAULT_MAX_CELLS_PER_BLOCK);
    const maxRanges = Math.max(1, options.maxRangesPerBlock ?? DEFAULT_MAX_RANGES_PER_BLOCK);
    // A long column run is cut to the block size, so that no request is larger than a block.
    for (const run of valueRuns(single)) {
      for (let start = 0; start < run.values.length; start += maxCells) {
        const values = run.values.slice(start, start + maxCells);
        runs.push({ ...run, row: run.row + start, values, formulas: values.length });
      }
    }

    const targets = new Map<string, Excel.Worksheet>();
    for (const name of sheetNames) {
      const original = workbook.worksheets.getItem(name);
      targets.set(name, mode === "copy" ? original.copy("After", original) : original);
    }
    const written =
      mode === "copy" ? sheetNames.map((name) => targets.get(name)!.load("name")) : [];

    // Blocks of runs, each one request: bounded by cells and by ranges (scattered cells cost a range each),
    // which keeps each request under Excel on the web's 5 MB limit.
    const blocks: Array<typeof runs> = [[]];
    let cellsInBlock = 0;
    for (const run of runs) {
      const block = blocks[blocks.length - 1];
      const size = run.values.length * run.values[0].length;
      if (block.length && (cellsInBlock + size > maxCells || block.length >= maxRanges)) {
        blocks.push([run]);
        cellsInBlock = size;
      } else {
        block.push(run);
        cellsInBlock += size;
      }
    }
    let done = 0;
    const doneRuns: ValueRun[] = [];
    for (const block of blocks) {
      workbook.application.suspendApiCalculationUntilNextSync();
      const ranges = block.map((run) => {
        const range = targets
          .get(run.sheet)!
          .getRangeByIndexes(run.row, run.col, run.values.length, run.values[0].length);
        range.values = run.values;
        return range;
      });
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block, bounded by the cells
        await context.sync();
        done += block.reduce((n, run) => n + run.formulas, 0);
        doneRuns.push(...block);
      } catch (e) {
        // Excel keeps what ran before the refused write: count, from the cells themselves, what was replaced.
        const partly = await countReplaced(context, ranges, block);
        done += partly.count;
        doneRuns.push(...partly.runs);
        const sheets = mode === "copy" ? await namesOf(context, written) : sheetNames;
        const replacedNow = replaced.slice(0, done);
        return {
          replaced: done,
          sheets,
          originals: mode === "copy" ? sheetNames : [],
          cells: mode === "copy" ? [] : replacedNow,
          incomplete: {
            reason: toWorkbookActionError(e).message,
            remaining: found.length - done,
            where: where(doneRuns),
          },
        };
      }
    }
    return {
      replaced: found.length,
      sheets: mode === "copy" ? written.map((s) => s.name) : sheetNames,
      originals: mode === "copy" ? sheetNames : [],
      cells: mode === "copy" ? [] : replaced,
    };
  } catch (e) {
    throw toWorkbookActionError(e);
  }
}

/** Of a refused block's runs, the formulas now replaced (their first cell no longer a formula). One sync. */
async function countReplaced(
  context: Excel.RequestContext,
  ranges: Excel.Range[],
  block: Array<ValueRun & { formulas: number }>
): Promise<{ count: number; runs: ValueRun[] }> {
  try {
    const read = ranges.map((r) => r.load("formulas"));
    await context.sync();
    let count = 0;
    const runs: ValueRun[] = [];
    read.forEach((range, i) => {
      const run = block[i];
      const rows = run.formulas === 1 ? [range.formulas[0]] : range.formulas;
      const now = rows.filter((row) => !isFormula(row[0])).length;
      count += now;
      if (now > 0) runs.push(run);
    });
    return { count, runs };
  } catch {
    return { count: 0, runs: [] };
  }
}

async function namesOf(
  context: Excel.RequestContext,
  sheets: Excel.Worksheet[]
): Promise<string[]> {
  try {
    const loaded = sheets.map((s) => s.load("name"));
    await context.sync();
    return loaded.map((s) => s.name);
  } catch {
    return [];
  }
}

/**
 * Puts the =BCF.* formulas back where a replace wrote values, but only in cells that still show what
 * was written (anything typed since is kept). A spilled result's other cells are cleared first, or the
 * formula could not spill again. Two syncs: what the cells hold; the writes. Returns how many were put back.
 */
export async function restoreBcfFormulas(
  context: Excel.RequestContext,
  cells: ReplacedFormula[]
): Promise<{ restored: number; kept: number }> {
  try {
    const { worksheets } = context.workbook;
    const areas = cells.map((c) => {
      const at = parseA1(c.cell)!;
      return worksheets
        .getItem(c.sheet)
        .getRangeByIndexes(at.row, at.col, c.values.length, c.values[0].length)
        .load("values");
    });
    await context.sync();
    const same = (a: unknown, b: unknown) => a === b || String(a) === String(b);
    const unchanged = cells.filter((c, i) =>
      c.values.every((row, r) => row.every((v, col) => same(areas[i].values[r][col], v)))
    );
    context.workbook.application.suspendApiCalculationUntilNextSync();
    for (const c of unchanged) {
      const at = parseA1(c.cell)!;
      const sheet = worksheets.getItem(c.sheet);
      if (c.values.length > 1 || c.values[0].length > 1)
        sheet
          .getRangeByIndexes(at.row, at.col, c.values.length, c.values[0].length)
          .clear("Contents");
      sheet.getRangeByIndexes(at.row, at.col, 1, 1).formulas = [[c.formula]];
    }
    await context.sync();
    return { restored: unchanged.length, kept: cells.length - unchanged.length };
  } catch (e) {
    throw toWorkbookActionError(e);
  }
}

/** Hides the original sheets once their copies hold values (their =BCF formulas stay, out of sight). */
export async function hideSheets(context: Excel.RequestContext, names: string[]): Promise<void> {
  try {
    for (const name of names) context.workbook.worksheets.getItem(name).visibility = "Hidden";
    await context.sync();
  } catch (e) {
    throw toWorkbookActionError(e);
  }
}
