/**
 * Bad input to a worksheet function, named by the Excel error the cell should show.
 * The core throws this; src/functions turns it into CustomFunctions.Error so Excel shows its own
 * error value with our message in the tooltip.
 */
export type FormulaErrorCode = "#VALUE!" | "#NUM!" | "#DIV/0!" | "#N/A";

export class FormulaInputError extends Error {
  readonly code: FormulaErrorCode;

  constructor(code: FormulaErrorCode, message: string) {
    super(message);
    this.name = "FormulaInputError";
    this.code = code;
  }
}

/** A number from a cell: rejects text, booleans, blanks and non-finite values with #VALUE!. */
export function requireNumber(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new FormulaInputError("#VALUE!", `${what} must be a number.`);
  }
  return value;
}
