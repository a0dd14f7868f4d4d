/**
 * An in-memory Excel workbook behind the Excel JavaScript API subset the add-in uses, for tests (the
 * fake request context: counts syncs, measures request sizes, simulates Excel's errors) and for the
 * browser preview (a grid of sheets with formulas evaluated, =BCF.* ones by the caller's functions).
 * No Office.js or DOM at run time.
 */
import type { CellValue } from "../core/workbook";
import { MemoryWorkbook } from "./direct";
import { WorkbookModel } from "./model/workbookModel";
import type { CustomFunctions } from "./model/workbookState";
import { createStats, MemoryRequestContext, type SyncStats } from "./proxy/requestContext";
import { FORMULA_ENGINE } from "./recalc";

export { MemoryWorkbook } from "./direct";
export type {
  CellInfo,
  ChartInfo,
  TableInfo,
  UsedRangeInfo,
  ChangeListener,
  SpillInfo,
} from "./direct";
export { MemoryExcelError } from "./errors";
export type { MemoryErrorCode } from "./errors";
export type { SyncStats } from "./proxy/requestContext";
export { MemoryRequestContext } from "./proxy/requestContext";
export { BUILT_IN_FUNCTIONS } from "./formula/evaluator";

/** Excel on the web refuses a request (or response) larger than this. */
export const EXCEL_WEB_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export interface MemorySheetSetup {
  name: string;
  /** Entries from A1 down: numbers, text, booleans, "=formulas"; null leaves a cell empty. */
  rows?: Array<Array<CellValue | null>>;
  protected?: boolean;
}

export interface MemoryWorkbookOptions {
  /** Sheets to start with (default: one empty "Sheet1", as a new Excel workbook). */
  sheets?: Array<string | MemorySheetSetup>;
  /** Requests (operations and data written plus data loaded) larger than this fail as Excel's do. */
  maxRequestBytes?: number;
  /** Every change fails with AccessDenied, as in a workbook opened read-only. */
  readOnly?: boolean;
  /**
   * A failing sync keeps what the operations queued before the failing one did, as real Excel is
   * believed to (default false: a failing sync applies nothing).
   */
  partialBatches?: boolean;
  /** Called before each operation of a sync runs (tests): throwing fails the sync at that operation. */
  beforeOperation?: (operation: { action: string; path: string }) => void;
  /** Functions formulas may call by name, e.g. { "BCF.RATE": rate }. */
  customFunctions?: Record<string, (...args: never[]) => unknown>;
}

export interface MemoryWorkbookHandle {
  /** Use where an Excel.RequestContext is expected (only the documented subset of the API exists). */
  context: Excel.RequestContext;
  /** The same object with its own type. */
  memoryContext: MemoryRequestContext;
  workbook: MemoryWorkbook;
  stats: SyncStats;
}

export function createMemoryWorkbook(options: MemoryWorkbookOptions = {}): MemoryWorkbookHandle {
  const model = new WorkbookModel({
    formulas: FORMULA_ENGINE,
    customFunctions: options.customFunctions as CustomFunctions | undefined,
  });
  const workbook = new MemoryWorkbook(model);
  const setups = options.sheets ?? ["Sheet1"];
  for (const setup of setups) {
    const {
      name,
      rows,
      protected: isProtected,
    } = typeof setup === "string" ? { name: setup, rows: undefined, protected: false } : setup;
    model.addSheet(name, "createMemoryWorkbook");
    if (rows) workbook.setCells(name, "A1", rows);
    if (isProtected) workbook.protectSheet(name);
  }
  if (setups.length === 0) model.addSheet("Sheet1", "createMemoryWorkbook");
  model.readOnly = options.readOnly === true;
  model.dirty = true;
  model.calculate();
  model.changed = false;
  const stats = createStats();
  const memoryContext = new MemoryRequestContext(
    model,
    stats,
    {
      maxRequestBytes: options.maxRequestBytes,
      partialBatches: options.partialBatches === true,
      beforeOperation: options.beforeOperation,
    },
    () => workbook._notify()
  );
  return {
    context: memoryContext as unknown as Excel.RequestContext,
    memoryContext,
    workbook,
    stats,
  };
}
