/**
 * Errors Excel raises, in plain English. Office.js errors carry a `code` (OfficeExtension.Error); the
 * in-memory workbook raises the same codes, so tests exercise these branches.
 */
export class WorkbookActionError extends Error {
  readonly cause?: unknown;

  constructor(message: string, cause?: unknown) {
    super(message);
    this.name = "WorkbookActionError";
    this.cause = cause;
  }
}

function codeOf(e: unknown): string {
  if (e && typeof e === "object") {
    const { code, debugInfo } = e as {
      code?: unknown;
      debugInfo?: { code?: unknown };
    };
    if (typeof code === "string") return code;
    if (debugInfo && typeof debugInfo.code === "string") return debugInfo.code;
  }
  return "";
}

function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  return typeof e === "string" ? e : "";
}

/**
 * Codes Excel on the web uses for a batch over its 5 MB limit: the request sent, or the response (a
 * large read), and a range over the cells a read may cover. Messages are localised, so codes come first.
 */
const TOO_LARGE_CODES = new Set([
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
  "RangeExceedsLimit",
]);

/** Whether Excel refused a request for being over its payload limit (5 MB on the web). */
export function isPayloadTooLarge(e: unknown): boolean {
  return TOO_LARGE_CODES.has(codeOf(e)) || /payload.*(large|limit)|too large/i.test(messageOf(e));
}

/** A message a finance officer can act on, for any error raised while working on the workbook. */
export function friendlyExcelError(e: unknown): string {
  if (e instanceof WorkbookActionError) return e.message;
  const code = codeOf(e);
  const message = messageOf(e);
  if (/read-?only/i.test(message) || code === "WorkbookReadOnly") {
    return "This workbook is open read-only, so nothing was changed. Save a copy you can edit (File > Save As) and try again.";
  }
  if (/protect/i.test(message) || code === "AccessDenied") {
    return "A sheet is protected, so nothing was changed. Unprotect it (Review > Unprotect Sheet) and try again.";
  }
  if (isPayloadTooLarge(e)) {
    return "Excel refused the request as too large, so nothing was changed. Try again on a smaller selection of the workbook.";
  }
  if (code === "InsertDeleteConflict") {
    return "Cells below the table are not empty, so no rows could be added and nothing was changed. Move or clear the cells in the way and try again.";
  }
  if (code === "NonBlankCellOffSheet") {
    return "Excel could not add rows: they would push cells in use off the bottom of the sheet. Clear the unused cells at the very bottom of the sheet and try again.";
  }
  if (code === "MergedRangeConflict" || code === "PivotTableRangeConflict") {
    return "Excel could not put a table there: it would overlap merged cells, a PivotTable or another table. Unmerge or move them, or rename the sheet, and try again.";
  }
  if (code === "FilteredRangeConflict") {
    return "A filter on the sheet is in the way. Clear the filter (Data > Clear) and try again.";
  }
  if (code === "InactiveWorkbook") {
    return "Another workbook has the focus. Click into this workbook and try again.";
  }
  if (code === "ItemNotFound") {
    return "A sheet or table the add-in needed is no longer in the workbook (it may have been renamed or deleted). Check the workbook and try again.";
  }
  if (code === "ItemAlreadyExists") {
    return "A sheet or table with the same name is already in the workbook, so nothing was changed. Rename it and try again.";
  }
  if (/EditMode/i.test(code) || /cell edit mode|editing a cell/i.test(message)) {
    return "Excel is busy editing a cell. Press Enter or Esc to finish editing, then try again.";
  }
  return `Excel could not complete the action${message ? `: ${message}` : "."}`;
}

/** Any error as a WorkbookActionError with its plain-English message (the original kept as `cause`). */
export function toWorkbookActionError(e: unknown): WorkbookActionError {
  return e instanceof WorkbookActionError ? e : new WorkbookActionError(friendlyExcelError(e), e);
}
