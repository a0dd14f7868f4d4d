/**
 * Taking an insertion out again ("Undo last insert", "Remove the new sheets", and the clean-up after a
 * refused write). The planner in src/core/undo decides what may be touched; this reads the workbook
 * (readInsertionState, three syncs) and carries the plan out in one more sync.
 */
import {
  type InsertionRecord,
  planChangesSomething,
  planRemoval,
  type RemovalOptions,
  type RemovalPlan,
} from "../core/undo";
import { type RemovalReport, removalReport } from "../core/undo/removalReport";
import { toWorkbookActionError } from "./errors";
import { readInsertionState } from "./readInsertionState";

export type { RemovalReport } from "../core/undo/removalReport";

/** What an undo would do now, without changing anything (the pane asks before whole sheets go). */
export async function previewRemoval(
  context: Excel.RequestContext,
  record: InsertionRecord
): Promise<RemovalPlan> {
  try {
    return planRemoval(record, await readInsertionState(context, record));
  } catch (e) {
    throw toWorkbookActionError(e);
  }
}

/**
 * Removes what the insertion made and is unchanged since. `confirmedSheets`: the sheet ids the user
 * agreed to delete (from previewRemoval); any other sheet is kept.
 */
export async function removeInsertion(
  context: Excel.RequestContext,
  record: InsertionRecord,
  options: Pick<RemovalOptions, "confirmedSheets"> = {}
): Promise<RemovalReport> {
  try {
    const plan = planRemoval(record, await readInsertionState(context, record), options);
    await carryOut(context, plan);
    return removalReport(plan);
  } catch (e) {
    throw toWorkbookActionError(e);
  }
}

/** Carries out a plan in one sync: rows bottom-up, rows put back, tables, cells, charts, blocks of cells, then whole sheets. */
export async function carryOut(context: Excel.RequestContext, plan: RemovalPlan): Promise<void> {
  if (!planChangesSomething(plan)) return;
  const { workbook } = context;
  const sheet = (id: string) => workbook.worksheets.getItem(id);
  workbook.application.suspendApiCalculationUntilNextSync();
  for (const r of plan.deleteRows) {
    sheet(r.sheetId).getRangeByIndexes(r.row, r.column, r.rowCount, r.columnCount).delete("Up");
  }
  for (const r of plan.restoreRows) {
    sheet(r.sheetId).getRangeByIndexes(r.row, r.column, 1, r.formulas[0].length).formulas =
      r.formulas;
  }
  for (const t of plan.deleteTables) {
    workbook.tables.getItem(t.id).delete();
    sheet(t.sheetId)
      .getRangeByIndexes(
        t.box.row,
        t.box.col,
        t.box.lastRow - t.box.row + 1,
        t.box.lastCol - t.box.col + 1
      )
      .clear("All");
  }
  for (const c of plan.clearCells) sheet(c.sheetId).getCell(c.row, c.col).clear("All");
  for (const c of plan.deleteCharts) sheet(c.sheetId).charts.getItem(c.name).delete();
  for (const { sheetId, box } of plan.clearBoxes) {
    sheet(sheetId)
      .getRangeByIndexes(box.row, box.col, box.lastRow - box.row + 1, box.lastCol - box.col + 1)
      .clear("All");
  }
  for (const s of plan.deleteSheets) sheet(s.id).delete();
  await context.sync();
}
