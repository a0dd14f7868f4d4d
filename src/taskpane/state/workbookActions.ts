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
  removeInsertion,
  replaceBcfFormulasWithValues,
  selectCell,
} from "../../excel";
import type { InsertionRecord, InsertionResult, SchemeInPlan } from "../../excel";
import type { PlanPresence } from "../../core/plan";
import type { SchemeTemplate } from "../../core/templates/types";
import type { WorkbookSnapshot } from "../../core/workbook";

export type { InsertionRecord, InsertionResult, PlanPresence, SchemeInPlan };

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
  removeInsertion: (record: InsertionRecord): Promise<void> =>
    withWorkbook((context) => removeInsertion(context, record)),
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
  replaceBcfFormulasWithValues: (
    mode: ReplaceMode
  ): Promise<{ replaced: number; sheets: string[] }> =>
    withWorkbook((context) => replaceBcfFormulasWithValues(context, mode)),
};
