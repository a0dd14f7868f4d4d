/**
 * The pane's only way into the workbook: each action runs inside withWorkbook (Excel.run in Office, the
 * registered in-memory workbook in the preview and tests). Checking uses only the read-only ones.
 */
import { withWorkbook } from "../../excel/host";
import {
  buildPlanSkeleton,
  insertTemplates,
  listBcfFormulas,
  readWorkbookSnapshot,
  removeInsertion,
  replaceBcfFormulasWithValues,
  selectCell,
} from "../../excel";
import type { BcfFormulaCell, InsertionRecord, InsertionResult } from "../../excel";
import type { PlanOptions } from "../../core/plan/options";
import type { SchemeTemplate } from "../../core/templates/types";
import type { WorkbookSnapshot } from "../../core/workbook";

export type { InsertionRecord, InsertionResult };

export type { PlanOptions } from "../../core/plan/options";
export type { BcfFormulaCell } from "../../excel";

export type ReplaceMode = "in-place" | "copy";

export const workbookActions = {
  insertTemplates: (templates: SchemeTemplate[]): Promise<InsertionResult> =>
    withWorkbook((context) => insertTemplates(context, templates)),
  removeInsertion: (record: InsertionRecord): Promise<void> =>
    withWorkbook((context) => removeInsertion(context, record)),
  buildPlanSkeleton: (options: PlanOptions): Promise<InsertionResult> =>
    withWorkbook((context) => buildPlanSkeleton(context, options)),
  readWorkbookSnapshot: (
    onProgress?: (done: number, total: number) => void
  ): Promise<WorkbookSnapshot> =>
    withWorkbook((context) => readWorkbookSnapshot(context, { onProgress })),
  selectCell: (sheet: string, cell: string): Promise<void> =>
    withWorkbook((context) => selectCell(context, sheet, cell)),
  listBcfFormulas: (): Promise<BcfFormulaCell[]> =>
    withWorkbook((context) => listBcfFormulas(context)),
  replaceBcfFormulasWithValues: (
    mode: ReplaceMode
  ): Promise<{ replaced: number; sheets: string[] }> =>
    withWorkbook((context) => replaceBcfFormulasWithValues(context, mode)),
};
