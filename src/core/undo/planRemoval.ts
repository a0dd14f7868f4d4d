/**
 * The one place that decides what taking an insertion out may touch: "Undo last insert", "Remove the
 * new sheets" and the clean-up after a write Excel refused all go through planRemoval, so they follow
 * the same rules:
 * 1. Things are found by Excel's ids, never by name: a sheet the user made with the same name is not ours.
 * 2. Only what is exactly as the insertion wrote it is removed (cell by cell fingerprints); anything
 *    changed since is kept and said so in plain words, with how many cells changed.
 * 3. Table rows are found by their content inside the table's body (rows the user added above them
 *    move them); a row that has changed is kept, its unchanged neighbours are still removed.
 * 4. Nothing on a protected sheet is changed; a sheet the user renamed is theirs now and is kept.
 * 5. The hidden lists sheet stays while anything kept still uses its drop-down lists.
 * 6. After a refused write, a cell the write never reached counts as unchanged (it is empty), and
 *    rows that are not there were never added: nothing is said about them.
 * 7. A chart goes only with its title and type as made, and together with the block of cells it plots:
 *    when either is kept, so is the other. A sheet holding a chart that changed is kept, and so is one
 *    holding a chart the add-in did not make (for records that list their charts).
 * The Office.js side reads the current state (WorkbookNow) and carries out the plan; it decides nothing.
 */
import type { PlanCell } from "../plan/layout";
import { a1 } from "../workbook";
import {
  type CellBox,
  type CellPrints,
  cellKey,
  changedCells,
  parseCellKey,
  sameBox,
} from "./fingerprint";
import type { CellsMade, ChartMade, InsertionRecord, RowFilled, RowsMade } from "./record";

export interface SheetNow {
  id: string;
  name: string;
  protected: boolean;
  /** Every non-empty cell; undefined when the sheet holds too much to read and compare. */
  cells?: CellPrints;
  /** How many charts the sheet holds (read for sheets the insertion added). */
  charts?: number;
}

/** A chart as it is now. */
export interface ChartNow {
  id: string;
  name: string;
  sheetId: string;
  type: string;
  title: string;
}

export interface TableNow {
  id: string;
  name: string;
  sheetId: string;
  /** Header, body and totals row. */
  box: CellBox;
  /** Sheet rows of the body: first row and count. */
  bodyRow: number;
  bodyRows: number;
  /** The cells of `box`; undefined when the table holds too much to read and compare. */
  cells?: CellPrints;
}

/** What the workbook holds now, of the things a record names (found by id; absent means gone). */
export interface WorkbookNow {
  sheets: SheetNow[];
  tables: TableNow[];
  /** For each record.tables entry, in order: the cells of its recorded box on its sheet now. */
  tableAreas: CellPrints[];
  /** Every visible sheet of the workbook (ids): Excel will not delete the last one. */
  visibleSheetIds: string[];
  /** For each record.cells entry, in order: the cells of its box on its sheet now. */
  cellAreas?: CellPrints[];
  /** For each record.charts entry, in order: the chart now, undefined when it is no longer there. */
  charts?: Array<ChartNow | undefined>;
}

export type RemovalMode = "undo" | "failed-write";

export interface RemovalPlan {
  /** `helper`: the hidden sheet of drop-down lists. */
  deleteSheets: Array<{ id: string; name: string; helper?: boolean }>;
  /** Tables to delete; their cells are cleared too. */
  deleteTables: Array<{ id: string; name: string; sheetId: string; box: CellBox }>;
  /** Single cells to clear (a refused write's header without its table). */
  clearCells: Array<{ sheetId: string; row: number; col: number }>;
  /** Charts to delete, by their name now on their sheet (Excel finds a sheet's charts by name). */
  deleteCharts: Array<{ sheetId: string; name: string }>;
  /** Blocks of cells to clear. */
  clearBoxes: Array<{ sheetId: string; box: CellBox }>;
  /** Runs of table rows to delete, bottom-up so that earlier runs' positions stay valid. */
  deleteRows: Array<{
    sheetId: string;
    row: number;
    column: number;
    rowCount: number;
    columnCount: number;
  }>;
  /** Rows to put back as they were. */
  restoreRows: Array<{ sheetId: string; row: number; column: number; formulas: PlanCell[][] }>;
  /** Plain sentences: what will be removed, what is kept and why, what had gone already. */
  removed: string[];
  kept: string[];
  gone: string[];
}

type RestoreRow = RemovalPlan["restoreRows"][number];

export interface RemovalOptions {
  mode?: RemovalMode;
  /**
   * Sheets the user agreed to delete (ids). Deleting a whole sheet asks first: when given, any other
   * sheet is kept.
   */
  confirmedSheets?: readonly string[];
}

const cells = (n: number) => `${n} ${n === 1 ? "cell" : "cells"}`;
const rowsWord = (n: number) => `${n} ${n === 1 ? "row" : "rows"}`;
const quoted = (name: string) => `“${name}”`;

export function planRemoval(
  record: InsertionRecord,
  now: WorkbookNow,
  options: RemovalOptions = {}
): RemovalPlan {
  const mode = options.mode ?? "undo";
  const failed = mode === "failed-write";
  const plan: RemovalPlan = {
    deleteSheets: [],
    deleteTables: [],
    clearCells: [],
    deleteCharts: [],
    clearBoxes: [],
    deleteRows: [],
    restoreRows: [],
    removed: [],
    kept: [],
    gone: [],
  };
  const sheetsNow = new Map(now.sheets.map((s) => [s.id, s]));
  const chartsMade = (record.charts ?? []).map((made, i) => ({ made, now: now.charts?.[i] }));
  const tablesNow = new Map(now.tables.map((t) => [t.id, t]));
  const changedWords = (n: number) =>
    failed ? `holds ${cells(n)} the add-in did not write` : `has ${cells(n)} you changed`;
  let keptSomething = false;
  const keep = (sentence: string) => {
    plan.kept.push(sentence);
    keptSomething = true;
  };

  // Whole sheets, the helper last: whether it can go depends on what else is kept.
  const deleting = new Set<string>();
  const sheets = [...record.sheets].sort((a, b) => Number(!!a.helper) - Number(!!b.helper));
  for (const made of sheets) {
    const sheet = sheetsNow.get(made.id);
    if (!sheet) {
      if (!failed) plan.gone.push(`The sheet ${quoted(made.name)} had already been deleted.`);
      continue;
    }
    const name = quoted(sheet.name);
    if (!failed && sheet.name !== made.name) {
      keep(`You renamed the sheet ${quoted(made.name)} to ${name}; it was kept.`);
      continue;
    }
    if (sheet.protected) {
      keep(`The sheet ${name} is protected; it was kept.`);
      continue;
    }
    if (!sheet.cells) {
      keep(
        `The sheet ${name} now holds too much to compare with what the add-in wrote; it was kept.`
      );
      continue;
    }
    const changed = changedCells(made.cells, sheet.cells, { unwrittenIsSame: failed });
    if (changed > 0) {
      keep(`The sheet ${name} ${changedWords(changed)}; it was kept.`);
      continue;
    }
    const chartsHere = chartsMade.filter(({ made: chart }) => chart.sheetId === made.id);
    // Only a record that lists its charts can tell another's from its own.
    if (record.charts && (sheet.charts ?? 0) > chartsHere.length) {
      keep(`The sheet ${name} holds a chart the add-in did not make; it was kept.`);
      continue;
    }
    // After a refused write a chart's title may never have been set: only an undo compares them.
    if (!failed && chartsHere.some(({ made: chart, now: c }) => c && chartChanged(chart, c))) {
      keep(`The sheet ${name} holds a chart you changed (its title or type); it was kept.`);
      continue;
    }
    if (made.helper && keptSomething) {
      keep(
        `The hidden sheet ${name} holds the drop-down lists that what was kept uses; it was kept.`
      );
      continue;
    }
    if (!failed && options.confirmedSheets && !options.confirmedSheets.includes(made.id)) {
      keep(`The sheet ${name} was not among those you agreed to delete; it was kept.`);
      continue;
    }
    plan.deleteSheets.push(
      made.helper
        ? { id: made.id, name: sheet.name, helper: true }
        : { id: made.id, name: sheet.name }
    );
    deleting.add(made.id);
    plan.removed.push(`the sheet ${name}`);
  }
  // Excel will not delete a workbook's last visible sheet: the first of ours stays then.
  if (now.visibleSheetIds.length > 0 && now.visibleSheetIds.every((id) => deleting.has(id))) {
    const spared = plan.deleteSheets.find((s) => now.visibleSheetIds.includes(s.id))!;
    plan.deleteSheets = plan.deleteSheets.filter((s) => s !== spared);
    plan.removed = plan.removed.filter((s) => s !== `the sheet ${quoted(spared.name)}`);
    deleting.delete(spared.id);
    keep(
      `The sheet ${quoted(spared.name)} is the workbook's only visible sheet, and Excel needs one; it was kept.`
    );
  }
  const sheetGoing = (id: string) => deleting.has(id);
  const protectedSheet = (id: string) => sheetsNow.get(id)?.protected === true;

  // Tables made on sheets that were already there.
  record.tables.forEach((made, i) => {
    if (sheetGoing(made.sheetId)) return;
    if (!sheetsNow.has(made.sheetId)) {
      if (!failed) plan.gone.push(`The sheet ${quoted(made.sheet)} had already been deleted.`);
      return;
    }
    const where = `${made.name} on ${quoted(sheetsNow.get(made.sheetId)!.name)}`;
    const table = made.id ? tablesNow.get(made.id) : undefined;
    if (protectedSheet(made.sheetId)) {
      if (table || !failed) keep(`The table ${where} is on a protected sheet; it was kept.`);
      return;
    }
    if (!table) {
      if (!failed) {
        plan.gone.push(`The table ${made.name} had already been removed.`);
        return;
      }
      // Refused before the table existed: clear only the cells that hold what the write put there.
      const area = now.tableAreas[i] ?? {};
      for (const [key, print] of Object.entries(area)) {
        if (made.cells[key] === print)
          plan.clearCells.push({ sheetId: made.sheetId, ...parseCellKey(key) });
      }
      return;
    }
    if (!table.cells) {
      keep(
        `The table ${where} now holds too much to compare with what the add-in wrote; it was kept.`
      );
      return;
    }
    // After a refused write the table may lack its totals row yet: it must lie within the recorded box.
    const placed = failed
      ? table.box.row === made.box.row &&
        table.box.col === made.box.col &&
        table.box.lastCol === made.box.lastCol &&
        table.box.lastRow <= made.box.lastRow
      : sameBox(table.box, made.box);
    if (!placed || table.sheetId !== made.sheetId) {
      keep(`The table ${where} has changed size or place since; it was kept.`);
      return;
    }
    const changed = failed
      ? changedCells(made.cells, now.tableAreas[i] ?? {}, { unwrittenIsSame: true })
      : changedCells(made.cells, table.cells);
    if (changed > 0) {
      keep(`The table ${where} ${changedWords(changed)}; it was kept.`);
      return;
    }
    plan.deleteTables.push({
      id: table.id,
      name: table.name,
      sheetId: made.sheetId,
      box: made.box,
    });
    plan.removed.push(`the table ${where}`);
  });

  const blocks = planBlocks(record.cells ?? [], chartsMade, now.cellAreas ?? [], {
    failed,
    sheetsNow,
    madeSheet: (id) => record.sheets.some((s) => s.id === id),
    protectedSheet,
  });
  plan.deleteCharts = blocks.deleteCharts;
  plan.clearBoxes = blocks.clearBoxes;
  plan.removed.push(...blocks.removed);
  blocks.kept.forEach(keep);
  for (const sentence of blocks.gone) if (!plan.gone.includes(sentence)) plan.gone.push(sentence);

  // Rows appended to tables that were already there, and blank rows filled in.
  const runs: RemovalPlan["deleteRows"] = [];
  for (const made of record.rows) {
    const outcome = planRows(made, failed, sheetsNow, tablesNow, sheetGoing, protectedSheet);
    runs.push(...outcome.runs);
    if (outcome.restore) plan.restoreRows.push(outcome.restore);
    if (outcome.removed) plan.removed.push(outcome.removed);
    if (outcome.kept) keep(outcome.kept);
    if (outcome.gone) plan.gone.push(outcome.gone);
  }
  for (const filled of record.filled) {
    const outcome = planFilled(filled, failed, sheetsNow, tablesNow, sheetGoing, protectedSheet);
    if (outcome.restore) plan.restoreRows.push(outcome.restore);
    if (outcome.removed) plan.removed.push(outcome.removed);
    if (outcome.kept) keep(outcome.kept);
    if (outcome.gone) plan.gone.push(outcome.gone);
  }
  plan.deleteRows = runs.sort((a, b) => b.row - a.row);

  // A helper sheet decided before later items were kept: keep it after all if anything is kept now.
  if (keptSomething) {
    for (const made of record.sheets) {
      if (!made.helper || !deleting.has(made.id)) continue;
      const name = sheetsNow.get(made.id)!.name;
      plan.deleteSheets = plan.deleteSheets.filter((s) => s.id !== made.id);
      plan.removed = plan.removed.filter((s) => s !== `the sheet ${quoted(name)}`);
      plan.kept.push(
        `The hidden sheet ${quoted(name)} holds the drop-down lists that what was kept uses; it was kept.`
      );
    }
  }
  return plan;
}

/** A table body's rows as fingerprints, for columns [col, col + width). */
function bodyRowPrints(table: TableNow, width: number): string[][] {
  return Array.from({ length: table.bodyRows }, (_, r) =>
    Array.from(
      { length: width },
      (_, c) => table.cells?.[cellKey(table.bodyRow + r, table.box.col + c)] ?? ""
    )
  );
}

/**
 * Whether a body row holds what was written. After a refused write the rows were never seen back, so
 * a cell the add-in left blank may hold what a calculated column put there.
 */
const sameRow = (now: readonly string[], ours: readonly string[], failed: boolean) =>
  now.length === ours.length && ours.every((x, i) => x === now[i] || (failed && x === ""));

/** Where a block of rows sits in a body now: the start (body index) where most of them match, the expected one on a tie. */
function locate(
  body: string[][],
  rows: string[][],
  expected: number,
  failed: boolean
): { start: number; matches: boolean[] } | undefined {
  const score = (start: number) =>
    rows.map((row, i) => !!body[start + i] && sameRow(body[start + i], row, failed));
  const count = (m: boolean[]) => m.filter(Boolean).length;
  let best: { start: number; matches: boolean[] } | undefined;
  let tie = false;
  const expectedMatches = expected >= 0 && expected < body.length ? score(expected) : undefined;
  for (let start = -rows.length + 1; start < body.length; start++) {
    const matches = score(start);
    const n = count(matches);
    if (n === 0) continue;
    if (!best || n > count(best.matches)) {
      best = { start, matches };
      tie = false;
    } else if (n === count(best.matches)) tie = true;
  }
  if (expectedMatches && best && count(expectedMatches) === count(best.matches))
    return { start: expected, matches: expectedMatches };
  return tie ? undefined : best;
}

interface ItemOutcome {
  removed?: string;
  kept?: string;
  gone?: string;
}

function planRows(
  made: RowsMade,
  failed: boolean,
  sheetsNow: Map<string, SheetNow>,
  tablesNow: Map<string, TableNow>,
  sheetGoing: (id: string) => boolean,
  protectedSheet: (id: string) => boolean
): ItemOutcome & { runs: RemovalPlan["deleteRows"]; restore?: RestoreRow } {
  const runs: RemovalPlan["deleteRows"] = [];
  const n = made.rows.length;
  const table = tablesNow.get(made.tableId);
  if (!table) {
    return failed ? { runs } : { runs, gone: `The table ${made.table} had already been deleted.` };
  }
  if (sheetGoing(table.sheetId)) return { runs };
  const where = `${table.name} on ${quoted(sheetsNow.get(table.sheetId)?.name ?? made.sheet)}`;
  const width = made.rows[0]?.length ?? 0;
  if (!table.cells) {
    return {
      runs,
      kept: `The table ${where} now holds too much to compare; the ${rowsWord(n)} the add-in added were kept.`,
    };
  }
  if (table.box.lastCol - table.box.col + 1 !== width) {
    return failed
      ? { runs }
      : {
          runs,
          kept: `The table ${where} has had columns added or removed since; the ${rowsWord(n)} the add-in added were kept.`,
        };
  }
  const body = bodyRowPrints(table, width);
  const found = locate(body, made.rows, made.row - table.bodyRow, failed);
  const matched = found ? found.matches.filter(Boolean).length : 0;
  if (protectedSheet(table.sheetId)) {
    return matched || !failed
      ? {
          runs,
          kept: `The ${rowsWord(n)} the add-in added to ${where} are on a protected sheet; they were kept.`,
        }
      : { runs };
  }
  if (found) {
    found.matches.forEach((match, i) => {
      if (!match) return;
      const row = table.bodyRow + found.start + i;
      const last = runs[runs.length - 1];
      if (last && last.row + last.rowCount === row) last.rowCount++;
      else
        runs.push({
          sheetId: table.sheetId,
          row,
          column: table.box.col,
          rowCount: 1,
          columnCount: width,
        });
    });
  }
  const outcome: ItemOutcome & { runs: typeof runs; restore?: RestoreRow } = { runs };
  // Excel keeps at least one data row in a table: when every row would go, the first is emptied instead.
  if (matched > 0 && matched === table.bodyRows) {
    const first = runs[0];
    outcome.restore = {
      sheetId: first.sheetId,
      row: first.row,
      column: first.column,
      formulas: [Array<PlanCell>(width).fill("")],
    };
    if (--first.rowCount === 0) runs.shift();
    else first.row++;
  }
  if (matched) outcome.removed = `${rowsWord(matched)} of ${where}`;
  if (failed || matched === n) return outcome;
  // The rows not removed: changed where they were (count the cells), or no longer in the table.
  const start = found ? found.start : made.row - table.bodyRow;
  let changed = 0;
  let present = 0;
  made.rows.forEach((row, i) => {
    if (found?.matches[i]) return;
    const now = body[start + i];
    if (!now) return;
    present++;
    changed += row.filter((print, c) => print !== now[c]).length;
  });
  if (present > 0)
    outcome.kept = `${rowsWord(present)} the add-in added to ${where} ${present === 1 ? "has" : "have"} ${cells(changed)} you changed; ${present === 1 ? "it was" : "they were"} kept.`;
  if (n - matched - present > 0)
    outcome.gone = `${rowsWord(n - matched - present)} the add-in added to ${where} had already been deleted.`;
  return outcome;
}

function planFilled(
  filled: RowFilled,
  failed: boolean,
  sheetsNow: Map<string, SheetNow>,
  tablesNow: Map<string, TableNow>,
  sheetGoing: (id: string) => boolean,
  protectedSheet: (id: string) => boolean
): ItemOutcome & { restore?: RemovalPlan["restoreRows"][number] } {
  const table = tablesNow.get(filled.tableId);
  if (!table) {
    return failed ? {} : { gone: `The table ${filled.table} had already been deleted.` };
  }
  if (sheetGoing(table.sheetId)) return {};
  const where = `${table.name} on ${quoted(sheetsNow.get(table.sheetId)?.name ?? filled.sheet)}`;
  const width = filled.written.length;
  if (!table.cells) {
    return {
      kept: `The table ${where} now holds too much to compare; the row the add-in filled in was kept.`,
    };
  }
  if (table.box.lastCol - table.box.col + 1 !== width) {
    return failed
      ? {}
      : {
          kept: `The table ${where} has had columns added or removed since; the row the add-in filled in was kept.`,
        };
  }
  const body = bodyRowPrints(table, width);
  const found = locate(body, [filled.written], filled.row - table.bodyRow, failed);
  if (protectedSheet(table.sheetId)) {
    return found || !failed
      ? { kept: `The row the add-in filled in ${where} is on a protected sheet; it was kept.` }
      : {};
  }
  if (found) {
    return {
      restore: {
        sheetId: table.sheetId,
        row: table.bodyRow + found.start,
        column: table.box.col,
        formulas: [filled.previous],
      },
      removed: `the row filled in ${where} (emptied again)`,
    };
  }
  if (failed) return {};
  const now = body[filled.row - table.bodyRow];
  if (!now) return { gone: `The row the add-in filled in ${where} had already been deleted.` };
  const changed = filled.written.filter((print, c) => print !== now[c]).length;
  return {
    kept: `The row the add-in filled in ${where} has ${cells(changed)} you changed; it was kept.`,
  };
}

/** Whether a chart is no longer as the insertion made it. */
const chartChanged = (made: ChartMade, now: ChartNow) =>
  now.type !== made.type || now.title !== made.title;

const boxText = (box: CellBox) => `${a1(box.row, box.col)}:${a1(box.lastRow, box.lastCol)}`;

/**
 * Blocks of cells written on sheets that were already there, and the charts the insertion made (those
 * on its own new sheets go with the sheet). Each is judged on its own, then a chart and the block it
 * plots are kept together: a chart over emptied cells, or cells left for a chart that is gone, is not
 * what the user had before or what they kept.
 */
function planBlocks(
  cellsMade: readonly CellsMade[],
  chartsMade: ReadonlyArray<{ made: ChartMade; now?: ChartNow }>,
  areas: readonly CellPrints[],
  ctx: {
    failed: boolean;
    sheetsNow: Map<string, SheetNow>;
    madeSheet: (id: string) => boolean;
    protectedSheet: (id: string) => boolean;
  }
): Pick<RemovalPlan, "deleteCharts" | "clearBoxes" | "removed" | "kept" | "gone"> {
  const { failed, sheetsNow } = ctx;
  const out: ReturnType<typeof planBlocks> = {
    deleteCharts: [],
    clearBoxes: [],
    removed: [],
    kept: [],
    gone: [],
  };
  const sheetName = (id: string, recorded: string) => quoted(sheetsNow.get(id)?.name ?? recorded);
  /** "remove", "skip" (gone, or going with its sheet) or the sentence saying why it is kept. */
  type Verdict = "remove" | "skip" | { kept: string };
  const onSheet = (sheetId: string, recorded: string): Verdict | undefined => {
    // What sits on a sheet the insertion added goes with that sheet or stays with it, never alone.
    if (ctx.madeSheet(sheetId)) return "skip";
    if (!sheetsNow.has(sheetId)) {
      if (!failed) out.gone.push(`The sheet ${quoted(recorded)} had already been deleted.`);
      return "skip";
    }
    return undefined;
  };

  const blockWords = (made: CellsMade) =>
    `The cells ${boxText(made.box)} on ${sheetName(made.sheetId, made.sheet)}`;
  const blocks: Verdict[] = cellsMade.map((made, i) => {
    const early = onSheet(made.sheetId, made.sheet);
    if (early) return early;
    const area = areas[i] ?? {};
    if (ctx.protectedSheet(made.sheetId)) {
      return failed && Object.keys(area).length === 0
        ? "skip"
        : { kept: `${blockWords(made)} are on a protected sheet; they were kept.` };
    }
    const changed = changedCells(made.cells, area, { unwrittenIsSame: failed });
    if (changed === 0) return "remove";
    return {
      kept: `${blockWords(made)} ${failed ? `hold ${cells(changed)} the add-in did not write` : `have ${cells(changed)} you changed`}; they were kept.`,
    };
  });

  const chartWords = (made: ChartMade, now?: ChartNow) =>
    `The chart ${quoted(now?.name ?? made.name)} on ${sheetName(made.sheetId, made.sheet)}`;
  const charts: Verdict[] = chartsMade.map(({ made, now: chart }) => {
    const early = onSheet(made.sheetId, made.sheet);
    if (early) return early;
    if (!chart) {
      if (!failed) out.gone.push(`The chart ${quoted(made.name)} had already been deleted.`);
      return "skip";
    }
    if (ctx.protectedSheet(made.sheetId))
      return { kept: `${chartWords(made, chart)} is on a protected sheet; it was kept.` };
    if (!failed && chartChanged(made, chart))
      return {
        kept: `${chartWords(made, chart)} has been changed since (its title or type); it was kept.`,
      };
    return "remove";
  });

  // What is kept for its own reason is said first, then what is kept because of it.
  const because: string[] = [];
  chartsMade.forEach(({ made, now: chart }, i) => {
    const j = made.plots;
    if (j === undefined || blocks[j] === undefined) return;
    if (typeof charts[i] === "object" && blocks[j] === "remove") {
      blocks[j] = "skip";
      because.push(
        `${blockWords(cellsMade[j])} are what the chart that was kept plots; they were kept.`
      );
    } else if (typeof blocks[j] === "object" && charts[i] === "remove") {
      charts[i] = "skip";
      because.push(`${chartWords(made, chart)} plots cells that were kept; it was kept.`);
    }
  });

  const removedCells: string[] = [];
  blocks.forEach((verdict, i) => {
    const made = cellsMade[i];
    if (typeof verdict === "object") out.kept.push(verdict.kept);
    if (verdict !== "remove") return;
    out.clearBoxes.push({ sheetId: made.sheetId, box: made.box });
    removedCells.push(`the cells ${boxText(made.box)} on ${sheetName(made.sheetId, made.sheet)}`);
  });
  charts.forEach((verdict, i) => {
    const { made, now: chart } = chartsMade[i];
    if (typeof verdict === "object") out.kept.push(verdict.kept);
    if (verdict !== "remove" || !chart) return;
    out.deleteCharts.push({ sheetId: made.sheetId, name: chart.name });
    out.removed.push(`the chart ${quoted(chart.name)} on ${sheetName(made.sheetId, made.sheet)}`);
  });
  out.removed.push(...removedCells);
  out.kept.push(...because);
  return out;
}
