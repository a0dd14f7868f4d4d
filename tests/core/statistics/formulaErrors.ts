import { FormulaInputError } from "../../../src/core/formulaError";

/** The Excel error code a core function throws for bad input; fails the test if it returns instead. */
export function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof FormulaInputError) return e.code;
    throw e;
  }
  throw new Error("expected a FormulaInputError");
}
