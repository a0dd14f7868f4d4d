/**
 * The pane's only way into the workbook: each action runs inside withWorkbook (Excel.run in Office, the
 * registered in-memory workbook in the preview and tests). Checking uses only the read-only ones.
 */
import { withWorkbook } from "../../excel/host";
import {
  buildPlanSkeleton,
  insertTemplates,
  listBcfFormulas,
  readPlanPresence,
  readSchemesInPlan,
  readWorkbookSnapshot,
  previewRemoval,
  removeInsertion,
  replaceBcfFormulasWithValues,
  restoreBcfFormulas,
  hideSheets,
  selectCell,
  insertSpcChart,
  insertFunnelChart,
  removeChartInsert,
} from "../../excel";
import type { ChartInsertRecord, ChartInsertResult } from "../../excel";
import type { SpcChartOptions } from "../../core/charts/spcChart";
import type { FunnelChartOptions } from "../../core/charts/funnelChart";
import type {
  InsertionRecord,
  InsertionResult,
  RemovalReport,
  ReplacedFormula,
  ReplaceResult,
  SchemeInPlan,
} from "../../excel";
import type { PlanPresence } from "../../core/plan";
import type { RemovalPlan } from "../../core/undo";
import type { SchemeTemplate } from "../../core/templates/types";
import type { WorkbookSnapshot } from "../../core/workbook";

export type {
  ChartInsertRecord,
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

export interface PlanOptions {
  area: string;
  healthAndWellbeingBoard: string;
  year: string;
}

export interface BcfFormulaCell {
  sheet: string;
  cell: string;
  formula: string;
}

export type ReplaceMode = "in-place" | "copy";

export const workbookActions = {
  insertTemplates: (templates: SchemeTemplate[]): Promise<InsertionResult> =>
    withWorkbook((context) => insertTemplates(context, templates)),
  /** What undoing an insertion would remove and keep, changing nothing. */
  previewRemoval: (record: InsertionRecord): Promise<RemovalPlan> =>
    withWorkbook((context) => previewRemoval(context, record)),
  /** Removes what the insertion made and is unchanged; `confirmedSheets`: the sheet ids the user agreed to delete. */
  removeInsertion: (record: InsertionRecord, confirmedSheets?: string[]): Promise<RemovalReport> =>
    withWorkbook((context) => removeInsertion(context, record, { confirmedSheets })),
  buildPlanSkeleton: (options: PlanOptions): Promise<InsertionResult> =>
    withWorkbook((context) => buildPlanSkeleton(context, options)),
  readSchemesInPlan: (): Promise<SchemeInPlan[]> =>
    withWorkbook((context) => readSchemesInPlan(context)),
  readPlanPresence: (): Promise<PlanPresence> =>
    withWorkbook((context) => readPlanPresence(context)),
  readWorkbookSnapshot: (
    onProgress?: (done: number, total: number) => void
  ): Promise<WorkbookSnapshot> =>
    withWorkbook((context) => readWorkbookSnapshot(context, { onProgress })),
  selectCell: (sheet: string, cell: string): Promise<void> =>
    withWorkbook((context) => selectCell(context, sheet, cell)),
  listBcfFormulas: (): Promise<BcfFormulaCell[]> =>
    withWorkbook((context) => listBcfFormulas(context)),
  insertSpcChart: (options: SpcChartOptions, source?: string): Promise<ChartInsertResult> =>
    withWorkbook((context) => insertSpcChart(context, options, source)),
  insertFunnelChart: (options: FunnelChartOptions, source?: string): Promise<ChartInsertResult> =>
    withWorkbook((context) => insertFunnelChart(context, options, source)),
  removeChartInsert: (record: ChartInsertRecord): Promise<void> =>
    withWorkbook((context) => removeChartInsert(context, record)),
  replaceBcfFormulasWithValues: (mode: ReplaceMode): Promise<ReplaceResult> =>
    withWorkbook((context) => replaceBcfFormulasWithValues(context, mode)),
  /** Puts replaced =BCF formulas back where the cells still hold what the replace wrote. */
  restoreBcfFormulas: (cells: ReplacedFormula[]): Promise<{ restored: number; kept: number }> =>
    withWorkbook((context) => restoreBcfFormulas(context, cells)),
  hideSheets: (names: string[]): Promise<void> =>
    withWorkbook((context) => hideSheets(context, names)),
};
