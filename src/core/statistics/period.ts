import { FormulaInputError, requireNumber } from "../formulaError";
import { finiteResult } from "./rate";

export type PeriodName = "day" | "week" | "month" | "quarter" | "year";

/** The convention used when weeks_per_year is left out (seed plans convert weeks with 52). */
export const DEFAULT_WEEKS_PER_YEAR = 52;

function periodsPerYear(name: unknown, what: string, weeksPerYear: number): number {
  if (typeof name !== "string") {
    throw new FormulaInputError(
      "#VALUE!",
      `${what} must be "day", "week", "month", "quarter" or "year".`
    );
  }
  switch (name.trim().toLowerCase()) {
    case "day":
      return 365;
    case "week":
      return weeksPerYear;
    case "month":
      return 12;
    case "quarter":
      return 4;
    case "year":
      return 1;
    default:
      throw new FormulaInputError(
        "#VALUE!",
        `${what} "${name}" is not a period; use "day", "week", "month", "quarter" or "year".`
      );
  }
}

/**
 * Converts a figure stated per one period into the same activity per another: 50 a month is 600 a
 * year, 3 a quarter is 1 a month, 21 a week is 1,092 a year on 52 weeks. Year = 365 days = 52 weeks
 * (or weeksPerYear, e.g. 52.143 or 365/7) = 12 months = 4 quarters. Negative values are allowed:
 * a change per month converts the same way as an amount per month.
 */
export function convertPeriod(
  value: unknown,
  from: unknown,
  to: unknown,
  weeksPerYear: unknown = null
): number {
  const v = requireNumber(value, "value");
  let wpy = DEFAULT_WEEKS_PER_YEAR;
  if (weeksPerYear !== null && weeksPerYear !== undefined) {
    wpy = requireNumber(weeksPerYear, "weeks_per_year");
    // A year has between 52 and 53 weeks whichever convention is used; outside that is a slip.
    if (wpy < 52 || wpy > 53) {
      throw new FormulaInputError(
        "#NUM!",
        "weeks_per_year must be between 52 and 53 (e.g. 52, 52.143 or 365/7)."
      );
    }
  }
  const fromPerYear = periodsPerYear(from, "from", wpy);
  const toPerYear = periodsPerYear(to, "to", wpy);
  if (fromPerYear === toPerYear) return v;
  return finiteResult((v * fromPerYear) / toPerYear);
}
