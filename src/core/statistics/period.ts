import { FormulaInputError, requireNumber } from "../formulaError";
import {
  DEFAULT_WEEKS_PER_YEAR,
  MAX_WEEKS_PER_YEAR,
  MIN_WEEKS_PER_YEAR,
  Period,
  convertPerPeriod,
  periodOf,
} from "../periods";
import { finiteResult } from "./rate";

const NAMES =
  '"day", "week", "month", "quarter" or "year" (or "daily", "per week", "a month", "quarterly", "per annum"…)';

function periodArgument(name: unknown, what: string): Period {
  if (typeof name !== "string") {
    throw new FormulaInputError("#VALUE!", `${what} must be a period such as ${NAMES}.`);
  }
  const period = periodOf(name);
  if (period === undefined) {
    throw new FormulaInputError("#VALUE!", `${what} "${name}" is not a period; use ${NAMES}.`);
  }
  return period;
}

/**
 * =BCF.PERIOD: a figure stated per one period as the same activity per another. 50 a month is 600 a
 * year, 3 a day is 21 a week, 21 a week is 1,092 a year on 52 weeks. Negative values are allowed: a
 * change per month converts the same way as an amount per month.
 *
 * weeks_per_year is checked whenever it is given, even when neither period is a week: a value outside
 * 52–53 is a slip (a weeks figure in the wrong argument) that should show, not pass unnoticed.
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
    if (wpy < MIN_WEEKS_PER_YEAR || wpy > MAX_WEEKS_PER_YEAR) {
      throw new FormulaInputError(
        "#NUM!",
        `weeks_per_year must be between ${MIN_WEEKS_PER_YEAR} and ${MAX_WEEKS_PER_YEAR} (e.g. 52, 52.143 or 365/7).`
      );
    }
  }
  return finiteResult(
    convertPerPeriod(v, periodArgument(from, "from"), periodArgument(to, "to"), wpy)
  );
}
