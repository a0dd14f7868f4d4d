/** Everything that talks to Office.js: batched, chunked and sync-counted. */
export * from "./errors";
export * from "./host";
export * from "./record";
export { insertTemplates } from "./insertTemplates";
export { buildPlanSkeleton } from "./buildPlanSkeleton";
export { previewRemoval, removeInsertion, type RemovalReport } from "./removeInsertion";
export { readWorkbookSnapshot, type ReadOptions } from "./readWorkbookSnapshot";
export {
  selectCell,
  listBcfFormulas,
  replaceBcfFormulasWithValues,
  restoreBcfFormulas,
  hideSheets,
  type ReplacedFormula,
  type ReplaceResult,
  type BcfFormulaCell,
} from "./submission";
export { readSchemesInPlan, readPlanPresence, type SchemeInPlan } from "./planContents";
export { insertSpcChart, insertFunnelChart, type ChartInsertResult } from "./insertCharts";
