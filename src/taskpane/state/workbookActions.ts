/**
 * The pane's only way into the workbook: each action runs inside withWorkbook (Excel.run in Office, the
 * registered in-memory workbook in the preview and tests). Checking uses only the read-only ones.
 */
import { withWorkbook } from "../../excel/host";
import type { SpcChartOptions } from "../../core/charts/spcChart";
import type { FunnelChartOptions } from "../../core/charts/funnelChart";
import type {
  BcfFormulaCell,
  ChartInsertResult,
  InsertionRecord,
  InsertionResult,
  RemovalReport,
  ReplacedFormula,
  ReplaceResult,
  SchemeInPlan,
} from "../../excel";
import type { PlanPresence } from "../../core/plan";
import type { PlanOptions } from "../../core/plan/options";
import type { RemovalPlan } from "../../core/undo";
import type { SchemeTemplate } from "../../core/templates/types";
import type { WorkbookSnapshot } from "../../core/workbook";

export type {
  ChartInsertResult,
  InsertionRecord,
  InsertionResult,
  RemovalPlan,
  RemovalReport,
  ReplacedFormula,
  ReplaceResult,
  PlanPresence,
  SchemeInPlan,
};

export type { PlanOptions } from "../../core/plan/options";
export type { BcfFormulaCell } from "../../excel";

export type ReplaceMode = "in-place" | "copy";

/**
 * The Office.js readers and writers load with the first action, not with the page: the pane is
 * usable before they arrive, and an action waits for them at most once.
 */
const excel = () => import(/* webpackChunkName: "excel" */ "../../excel");

export const workbookActions = {
  insertTemplates: async (templates: SchemeTemplate[]): Promise<InsertionResult> => {
    const { insertTemplates } = await excel();
    return withWorkbook((context) => insertTemplates(context, templates));
  },
  /** What undoing an insertion would remove and keep, changing nothing. */
  previewRemoval: async (record: InsertionRecord): Promise<RemovalPlan> => {
    const { previewRemoval } = await excel();
    return withWorkbook((context) => previewRemoval(context, record));
  },
  /** Removes what the insertion made and is unchanged; `confirmedSheets`: the sheet ids the user agreed to delete. */
  removeInsertion: async (
    record: InsertionRecord,
    confirmedSheets?: string[]
  ): Promise<RemovalReport> => {
    const { removeInsertion } = await excel();
    return withWorkbook((context) => removeInsertion(context, record, { confirmedSheets }));
  },
  buildPlanSkeleton: async (options: PlanOptions): Promise<InsertionResult> => {
    const { buildPlanSkeleton } = await excel();
    return withWorkbook((context) => buildPlanSkeleton(context, options));
  },
  readSchemesInPlan: async (): Promise<SchemeInPlan[]> => {
    const { readSchemesInPlan } = await excel();
    return withWorkbook((context) => readSchemesInPlan(context));
  },
  readPlanPresence: async (): Promise<PlanPresence> => {
    const { readPlanPresence } = await excel();
    return withWorkbook((context) => readPlanPresence(context));
  },
  readWorkbookSnapshot: async (
    onProgress?: (done: number, total: number) => void
  ): Promise<WorkbookSnapshot> => {
    const { readWorkbookSnapshot } = await excel();
    return withWorkbook((context) => readWorkbookSnapshot(context, { onProgress }));
  },
  selectCell: async (sheet: string, cell: string): Promise<void> => {
    const { selectCell } = await excel();
    return withWorkbook((context) => selectCell(context, sheet, cell));
  },
  listBcfFormulas: async (): Promise<BcfFormulaCell[]> => {
    const { listBcfFormulas } = await excel();
    return withWorkbook((context) => listBcfFormulas(context));
  },
  insertSpcChart: async (options: SpcChartOptions, source?: string): Promise<ChartInsertResult> => {
    const { insertSpcChart } = await excel();
    return withWorkbook((context) => insertSpcChart(context, options, source));
  },
  insertFunnelChart: async (
    options: FunnelChartOptions,
    source?: string
  ): Promise<ChartInsertResult> => {
    const { insertFunnelChart } = await excel();
    return withWorkbook((context) => insertFunnelChart(context, options, source));
  },
  replaceBcfFormulasWithValues: async (mode: ReplaceMode): Promise<ReplaceResult> => {
    const { replaceBcfFormulasWithValues } = await excel();
    return withWorkbook((context) => replaceBcfFormulasWithValues(context, mode));
  },
  /** Puts replaced =BCF formulas back where the cells still hold what the replace wrote. */
  restoreBcfFormulas: async (
    cells: ReplacedFormula[]
  ): Promise<{ restored: number; kept: number }> => {
    const { restoreBcfFormulas } = await excel();
    return withWorkbook((context) => restoreBcfFormulas(context, cells));
  },
  hideSheets: async (names: string[]): Promise<void> => {
    const { hideSheets } = await excel();
    return withWorkbook((context) => hideSheets(context, names));
  },
};
