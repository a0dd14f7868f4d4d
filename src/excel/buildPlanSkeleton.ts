/**
 * "New BCF plan": adds the plan's sheets in four context.sync() calls (what exists; which of it is the
 * add-in's plan already and whether the lists sheet is ours; the new sheets; every write). The plan's own
 * sheets already there (a plan built before, or the Expenditure and Targets tables of templates inserted
 * first) are used, not added again, so a second build adds only what is missing. Other sheets are never
 * touched: a person's own "Income" leaves the plan an "Income (2)" and the formulas refer to it; taken
 * table names become BCF_Expenditure_2 and so on. If Excel refuses a write, what this call wrote and is
 * certainly its own is taken out again (undoFailedWrite, a few more syncs) before the error is reported.
 */
import {
  EXPENDITURE_TABLE,
  listsSheetCells,
  METRICS_TABLE,
  PLAN_SHEETS,
  type PlanOptions,
  type PlanSheetKey,
  planSkeleton,
  TARGETS_TABLE,
  VISIBLE_PLAN_SHEETS,
} from "../core/plan";
import {
  blockAddress,
  type PlanTableKey,
  type SheetLayout,
  type SkeletonOptions,
} from "../core/plan/skeleton";
import { toWorkbookActionError, WorkbookActionError } from "./errors";
import { queuePlanProbe } from "./planContents";
import { parseA1 } from "../core/workbook";
import { byCount, listInWords } from "../core/wording";
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
  options: PlanOptions
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
    // Sync 2 (only when a sheet or table of the plan's names exists): which of them are the add-in's own.
    const heading = existingLists
      ? workbook.worksheets.getItem(existingLists).getRange("A1").load("values")
      : undefined;
    const probe = queuePlanProbe(context, [...taken], {
      expenditure: candidates.expenditure[0].table,
      targets: candidates.targets[0].table,
      metrics: candidates.metrics[0].table,
    });
    if (heading || probe.needsSync) await context.sync();
    const listsIsOurs = heading !== undefined && heading.values[0][0] === listsSheetCells()[0][0];
    const present = probe.read();

    const sheetNames: Partial<Record<PlanSheetKey, string>> = {};
    for (const key of Object.keys(PLAN_SHEETS) as PlanSheetKey[]) {
      if (key === "lists" && listsIsOurs) {
        sheetNames.lists = existingLists;
        continue;
      }
      if (present.sheets[key] !== undefined) {
        sheetNames[key] = present.sheets[key];
        continue;
      }
      sheetNames[key] = uniqueSheetName(PLAN_SHEETS[key], taken);
      taken.push(sheetNames[key]!);
    }
    const tableNames: Partial<Record<PlanTableKey, string>> = {};
    for (const key of Object.keys(TABLE_BASES) as PlanTableKey[]) {
      if (present.tables[key] !== undefined) {
        tableNames[key] = present.tables[key];
        continue;
      }
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
    ].filter((s) => !(s.key === "lists" && listsIsOurs) && present.sheets[s.key] === undefined);
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
    showPlan(
      workbook,
      layout.sheets,
      order.map((s) => s.name)
    );
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

    const message = planMessage(options, sheetsAdded, sheetNames, present.sheets);
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

/**
 * Takes the person to what was built: the first sheet added (Cover for a whole new plan), its A1 selected;
 * the Cover when nothing needed adding. Queued with the writes, so no sync of its own.
 */
function showPlan(workbook: Excel.Workbook, sheets: SheetLayout[], added: string[]): void {
  const first = sheets.find((s) => !s.hidden && added.includes(s.name));
  const target = first ?? sheets.find((s) => s.key === "cover")!;
  workbook.worksheets.getItem(target.name).getRange("A1").select();
}

/** One or two sentences: what was added, and which of the plan's sheets were there already. */
function planMessage(
  options: { area: string; year: string },
  added: string[],
  names: Partial<Record<PlanSheetKey, string>>,
  reused: Partial<Record<PlanSheetKey, string>>
): string {
  const visible = added.filter((n) => n !== names.lists);
  const kept = VISIBLE_PLAN_SHEETS.filter((key) => reused[key] !== undefined).map(
    (key) => reused[key]!
  );
  if (visible.length === 0)
    return `The workbook already has the whole plan (${listInWords(kept)}); nothing was added.`;
  const renamed = visible.filter((n) => !Object.values(PLAN_SHEETS).includes(n as never));
  let message = kept.length
    ? `Added ${listInWords(visible)} to the plan for ${options.area || "your area"} (${options.year}); ${listInWords(kept)} ${byCount(kept.length, "was", "were")} already there and ${byCount(kept.length, "is", "are")} part of it.`
    : `Added a new BCF plan for ${options.area || "your area"} (${options.year}): ${visible.join(", ")}.`;
  if (renamed.length)
    message += ` Sheets of your own with the standard names have been left untouched.`;
  return message;
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
