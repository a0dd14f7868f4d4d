/**
 * What of the add-in's work a workbook already holds, read without changing anything: the schemes in the
 * expenditure table (so a template is not added twice unasked) and the parts of the plan already built
 * (so a second "Build plan workbook" adds only what is missing, and templates inserted first become part
 * of the plan).
 */
import {
  EXPENDITURE_COLUMNS,
  EXPENDITURE_TABLE,
  HEADED_SHEETS,
  PLAN_TABLES,
  planSheetCandidates,
  type PlanPresence,
  type PlanTableKey,
  recognisePlan,
  type SchemeInPlan,
  type WorkbookPlanView,
} from "../core/plan";
import { toWorkbookActionError } from "./errors";
import { splitSheetAddress } from "./record";

export type { SchemeInPlan } from "../core/plan";

/** The schemes in BCF_Expenditure, once each (a scheme spans a row per funding source), in table order. */
export async function readSchemesInPlan(context: Excel.RequestContext): Promise<SchemeInPlan[]> {
  try {
    const table = context.workbook.tables.getItemOrNullObject(EXPENDITURE_TABLE).load("name");
    await context.sync();
    if (table.isNullObject) return [];
    const header = table.getHeaderRowRange().load("values");
    const body = table.getDataBodyRange().load("values");
    await context.sync();
    const columns = header.values[0].map((v) => String(v).trim().toLowerCase());
    const idColumn = columns.indexOf(EXPENDITURE_COLUMNS[0].toLowerCase());
    const nameColumn = columns.indexOf(EXPENDITURE_COLUMNS[1].toLowerCase());
    if (nameColumn < 0) return [];
    const seen = new Set<string>();
    const schemes: SchemeInPlan[] = [];
    for (const row of body.values) {
      const name = String(row[nameColumn] ?? "").trim();
      if (!name || seen.has(name.toLowerCase())) continue;
      seen.add(name.toLowerCase());
      schemes.push({ id: idColumn >= 0 ? String(row[idColumn] ?? "") : "", name });
    }
    return schemes;
  } catch (e) {
    throw toWorkbookActionError(e);
  }
}

export interface PlanProbe {
  /** Whether anything was queued: the caller must sync before read(). */
  needsSync: boolean;
  read: () => PlanPresence;
}

/**
 * Queues (no sync) the loads that tell which plan parts exist, given the sheet names and the plan's
 * tables looked up by their standard names in an earlier sync.
 */
export function queuePlanProbe(
  context: Excel.RequestContext,
  sheetNames: readonly string[],
  tables: Record<PlanTableKey, Excel.Table>
): PlanProbe {
  const headingRanges: Record<string, Excel.Range> = {};
  for (const key of HEADED_SHEETS) {
    for (const name of planSheetCandidates(key, sheetNames)) {
      headingRanges[name] ??= context.workbook.worksheets
        .getItem(name)
        .getRange("A1:D1")
        .load("values");
    }
  }
  const tableRanges: Partial<Record<PlanTableKey, { range: Excel.Range; header: Excel.Range }>> =
    {};
  for (const key of Object.keys(PLAN_TABLES) as PlanTableKey[]) {
    if (tables[key].isNullObject) continue;
    tableRanges[key] = {
      range: tables[key].getRange().load("address"),
      header: tables[key].getHeaderRowRange().load("values"),
    };
  }
  return {
    needsSync: Object.keys(headingRanges).length + Object.keys(tableRanges).length > 0,
    read: () => {
      const view: WorkbookPlanView = { sheetNames, headings: {}, tables: {} };
      for (const [name, range] of Object.entries(headingRanges))
        view.headings[name] = range!.values[0];
      for (const [key, loaded] of Object.entries(tableRanges)) {
        view.tables[key as PlanTableKey] = {
          sheet: splitSheetAddress(loaded!.range.address).sheet,
          header: loaded!.header.values[0],
        };
      }
      return recognisePlan(view);
    },
  };
}

/** Which parts of the plan the workbook holds, in two syncs, changing nothing. */
export async function readPlanPresence(context: Excel.RequestContext): Promise<PlanPresence> {
  try {
    const worksheets = context.workbook.worksheets.load("items/name");
    const tables = Object.fromEntries(
      (Object.keys(PLAN_TABLES) as PlanTableKey[]).map((key) => [
        key,
        context.workbook.tables.getItemOrNullObject(PLAN_TABLES[key].name).load("name"),
      ])
    ) as Record<PlanTableKey, Excel.Table>;
    await context.sync();
    const probe = queuePlanProbe(
      context,
      worksheets.items.map((s) => s.name),
      tables
    );
    if (probe.needsSync) await context.sync();
    return probe.read();
  } catch (e) {
    throw toWorkbookActionError(e);
  }
}
