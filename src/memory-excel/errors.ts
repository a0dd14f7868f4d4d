/**
 * Errors shaped like Office.js's (OfficeExtension.Error): a `code` the add-in branches on, a message,
 * and `debugInfo` with the same two. The messages are our own wording of what Excel reports.
 */
export type MemoryErrorCode =
  | "PropertyNotLoaded"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidArgument"
  | "InvalidOperation"
  | "InvalidReference"
  | "AccessDenied"
  | "InsertDeleteConflict"
  | "MergedRangeConflict"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded";

export class MemoryExcelError extends Error {
  readonly code: MemoryErrorCode;
  readonly debugInfo: {
    code: MemoryErrorCode;
    message: string;
    errorLocation?: string;
  };

  constructor(code: MemoryErrorCode, message: string, errorLocation?: string) {
    super(message);
    // Office.js errors report this name; code that logs errors may show it.
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export function propertyNotLoaded(property: string, objectType: string): MemoryExcelError {
  return new MemoryExcelError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Call load("${property}") on the ${objectType} and then ` +
      `context.sync() before reading it.`,
    `${objectType}.${property}`
  );
}

export function itemNotFound(what: string, location: string): MemoryExcelError {
  return new MemoryExcelError(
    "ItemNotFound",
    `The requested resource doesn't exist: ${what}.`,
    location
  );
}

export function invalidArgument(message: string, location: string): MemoryExcelError {
  return new MemoryExcelError("InvalidArgument", message, location);
}

export function invalidOperation(message: string, location: string): MemoryExcelError {
  return new MemoryExcelError("InvalidOperation", message, location);
}

export function protectedSheet(sheet: string, location: string): MemoryExcelError {
  return new MemoryExcelError(
    "AccessDenied",
    `The cell or chart you're trying to change is on a protected sheet ("${sheet}"). To make a change, unprotect the sheet.`,
    location
  );
}

export function readOnlyWorkbook(location: string): MemoryExcelError {
  return new MemoryExcelError(
    "AccessDenied",
    "You can't make changes because this workbook is open read-only.",
    location
  );
}

/** Excel on the web says which side was over: the request sent, or the response (a large read). */
export function payloadTooLarge(
  bytes: number,
  limit: number,
  side: "request" | "response" = "request"
): MemoryExcelError {
  return new MemoryExcelError(
    side === "request" ? "RequestPayloadSizeLimitExceeded" : "ResponsePayloadSizeLimitExceeded",
    `The ${side} payload (${bytes} bytes) is larger than the limit of ${limit} bytes.`,
    "RequestContext.sync"
  );
}
