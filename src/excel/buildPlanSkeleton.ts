/**
 * "New BCF plan": adds the plan's sheets in four context.sync() calls (what exists; whether the lists
 * sheet is ours; the new sheets; every write). Existing sheets are never touched: a taken name becomes
 * "Income (2)" and the formulas refer to the new names; taken table names become BCF_Expenditure_2 and
 * so on. If Excel refuses a write, what this call wrote and is certainly its own is taken out again
 * (undoFailedWrite, a few more syncs) before the error is reported.
 */
import {
  EXPENDITURE_TABLE,
  listsSheetCells,
  METRICS_TABLE,
  PLAN_SHEETS,
  type PlanSheetKey,
  planSkeleton,
  TARGETS_TABLE,
} from "../core/plan";
import {
  blockAddress,
  type PlanTableKey,
  type SheetLayout,
  type SkeletonOptions,
} from "../core/plan/skeleton";
import { toWorkbookActionError, WorkbookActionError } from "./errors";
import { parseA1 } from "../core/workbook";
import { type CellPrints, emptyRecord, printCells } from "../core/undo";
import { addSheets } from "./addSheets";
import { type InsertionResult, uniqueSheetName } from "./record";
import { refusedWriteError, undoFailedWrite } from "./undoFailedWrite";

const TABLE_BASES: Record<PlanTableKey, string> = {
  expenditure: EXPENDITURE_TABLE,
  targets: TARGETS_TABLE,
  metrics: METRICS_TABLE,
};

/** Table names tried in turn: BCF_Expenditure, BCF_Expenditure_2 … (Excel's own suffix for copies). */
const TABLE_NAME_CANDIDATES = 20;

function tableCandidates(base: string): string[] {
  return [base, ...Array.from({ length: TABLE_NAME_CANDIDATES - 1 }, (_, i) => `${base}_${i + 2}`)];
}

export async function buildPlanSkeleton(
  context: Excel.RequestContext,
  options: { area: string; healthAndWellbeingBoard: string; year: string }
): Promise<InsertionResult> {
  try {
    const workbook = context.workbook;
    // Sync 1: sheet names, and which candidate table names are free (table names are workbook-wide).
    const worksheets = workbook.worksheets.load("items/name");
    const candidates = Object.fromEntries(
      (Object.keys(TABLE_BASES) as PlanTableKey[]).map((key) => [
        key,
        tableCandidates(TABLE_BASES[key]).map((name) => ({
          name,
          table: workbook.tables.getItemOrNullObject(name).load("name"),
        })),
      ])
    ) as Record<PlanTableKey, Array<{ name: string; table: Excel.Table }>>;
    await context.sync();

    const taken = worksheets.items.map((s) => s.name);
    const existingLists = taken.find((n) => n.toLowerCase() === PLAN_SHEETS.lists.toLowerCase());
    // Sync 2 (only when a sheet called "BCF Lists" exists): reuse it if it is the add-in's.
    let listsIsOurs = false;
    if (existingLists) {
      const heading = workbook.worksheets.getItem(existingLists).getRange("A1").load("values");
      await context.sync();
      listsIsOurs = heading.values[0][0] === listsSheetCells()[0][0];
    }

    const sheetNames: Partial<Record<PlanSheetKey, string>> = {};
    for (const key of Object.keys(PLAN_SHEETS) as PlanSheetKey[]) {
      if (key === "lists" && listsIsOurs) {
        sheetNames.lists = existingLists;
        continue;
      }
      sheetNames[key] = uniqueSheetName(PLAN_SHEETS[key], taken);
      taken.push(sheetNames[key]!);
    }
    const tableNames: Partial<Record<PlanTableKey, string>> = {};
    for (const key of Object.keys(TABLE_BASES) as PlanTableKey[]) {
      const free = candidates[key].find((c) => c.table.isNullObject);
      if (!free) {
        throw new WorkbookActionError(
          `The workbook already has ${TABLE_NAME_CANDIDATES} tables named like ${TABLE_BASES[key]}, so no new plan was added. Delete the old plans' sheets and try again.`
        );
      }
      tableNames[key] = free.name;
    }
    const layoutOptions: SkeletonOptions = {
      ...options,
      sheetNames,
      tableNames,
    };
    const layout = planSkeleton(layoutOptions);

    // The lists sheet first: a validation may only refer to a sheet that exists. Hidden, its tab place does not matter.
    const order = [
      ...layout.sheets.filter((s) => s.key === "lists"),
      ...layout.sheets.filter((s) => s.key !== "lists"),
    ].filter((s) => !(s.key === "lists" && listsIsOurs));
    // Sync 3: the new sheets, added so that a refusal can never be confused with someone else's sheet.
    const added = await addSheets(
      context,
      order.map((s) => s.name)
    );
    const record = emptyRecord("skeleton");
    order.forEach((sheetLayout, i) =>
      record.sheets.push({
        id: added[i].id,
        name: sheetLayout.name,
        cells: intendedCells(sheetLayout),
        helper: sheetLayout.key === "lists" || undefined,
      })
    );

    // Sync 4: every write, calculation held until the sync so Excel recalculates once.
    workbook.application.suspendApiCalculationUntilNextSync();
    order.forEach((sheetLayout, i) => writeSheet(workbook, sheetLayout, added[i].id));
    const cover = layout.sheets.find((s) => s.key === "cover")!;
    workbook.worksheets.getItem(cover.name).activate();
    // What the sheets hold once written, as Excel reports it: the fingerprints undo compares with.
    const written = added.map((s) =>
      workbook.worksheets
        .getItem(s.id)
        .getUsedRangeOrNullObject(true)
        .load("formulas,rowIndex,columnIndex")
    );
    try {
      await context.sync();
    } catch (e) {
      // Excel keeps what ran before the refused operation: take out what this call wrote.
      throw refusedWriteError(e, await undoFailedWrite(context, record));
    }
    written.forEach((range, i) => {
      record.sheets[i].cells = range.isNullObject
        ? {}
        : printCells(range.formulas, range.rowIndex, range.columnIndex);
    });
    const sheetsAdded = record.sheets.map((s) => s.name);

    const visible = sheetsAdded.filter((n) => n !== sheetNames.lists);
    const renamed = visible.filter((n) => !Object.values(PLAN_SHEETS).includes(n as never));
    let message = `Added a new BCF plan for ${options.area || "your area"} (${options.year}): ${visible.join(", ")}.`;
    if (renamed.length)
      message += ` Sheets with the standard names were already there and have been left untouched.`;
    return {
      record,
      message,
      rowsAdded: 0,
      sheetsAdded,
      notes: [],
    };
  } catch (e) {
    throw toWorkbookActionError(e);
  }
}

/** Queues one sheet's writes (no sync). A table is added over its header before its formulas go in. */
function writeSheet(workbook: Excel.Workbook, layout: SheetLayout, sheetId: string): void {
  const sheet = workbook.worksheets.getItem(sheetId);
  const width = layout.formulas[0].length;
  // Formats before content: a year typed as text ("@") must not be read as a number or a date.
  sheet.getRange(layout.address).numberFormat = layout.numberFormats;
  if (layout.table) {
    sheet.getRange(blockAddress(1, width)).values = [layout.formulas[0]];
    const table = sheet.tables.add(layout.table.address, true);
    table.name = layout.table.name;
    sheet.getRange(layout.address).formulas = layout.formulas;
    if (layout.table.showTotals) {
      table.showTotals = true;
      if (layout.table.totals) {
        const totals = table.getTotalRowRange();
        totals.formulas = [layout.table.totals];
        totals.numberFormat = [layout.numberFormats[layout.numberFormats.length - 1]];
        totals.format.font.bold = true;
      }
    }
  } else {
    sheet.getRange(layout.address).formulas = layout.formulas;
  }
  for (const address of layout.bold) sheet.getRange(address).format.font.bold = true;
  if (layout.table) sheet.getRange(blockAddress(1, width)).format.font.bold = true;
  for (const validation of layout.validations) {
    sheet.getRange(validation.address).dataValidation.rule = {
      list: { inCellDropDown: true, source: validation.source },
    };
  }
  if (layout.chart) {
    const chart = sheet.charts.add(
      layout.chart.type,
      sheet.getRange(layout.chart.sourceAddress),
      layout.chart.seriesBy
    );
    chart.name = layout.chart.name;
    chart.title.text = layout.chart.title;
    chart.setPosition(layout.chart.topLeft, layout.chart.bottomRight);
  }
  sheet.getRange(layout.address).format.autofitColumns();
  if (layout.hidden) sheet.visibility = "Hidden";
}

/** The fingerprints of what a sheet's writes put in (its formulas from A1, the table's totals row below). */
function intendedCells(layout: SheetLayout): CellPrints {
  const cells = printCells(layout.formulas, 0, 0);
  if (layout.table?.showTotals && layout.table.totals) {
    const last = parseA1(layout.table.address.split(":")[1] ?? "");
    if (last) printCells([layout.table.totals], last.row + 1, 0, cells);
  }
  return cells;
}
