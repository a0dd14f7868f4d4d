/**
 * A stand-in for the CustomFunctions global that Excel's custom-functions runtime provides:
 * `associate` records the registrations, `Error` carries Excel's error code and our message, and
 * `ErrorCode` has Excel's names and values. Import this module before src/functions/functions.ts.
 */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class CustomFunctionsError extends Error {
  readonly code: string;

  constructor(code: string, message?: string) {
    super(message);
    this.code = code;
    this.name = "CustomFunctions.Error";
  }
}

/** id → function, as registered with CustomFunctions.associate. */
export const registered = new Map<string, (...args: never[]) => unknown>();

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  associate(id: string, fn: (...args: never[]) => unknown): void {
    registered.set(id, fn);
  },
  Error: CustomFunctionsError,
  ErrorCode,
};

/** Calls fn and returns the Excel error code it throws, or fails the test if it returns instead. */
export function excelErrorOf(fn: () => unknown): {
  code: string;
  message: string;
} {
  try {
    const value = fn();
    throw new Error(`expected an Excel error, got ${JSON.stringify(value)}`);
  } catch (e) {
    if (!(e instanceof CustomFunctionsError)) throw e;
    return { code: e.code, message: e.message };
  }
}
