/**
 * The periods a figure can be stated per, the words plans use for them, and how a figure per one
 * period becomes the same activity per another. =BCF.PERIOD, the periods check and the templates all
 * use these, so a word one accepts the others accept too.
 */

export type Period = "day" | "week" | "month" | "quarter" | "year";

/** Shortest first. */
export const PERIODS: readonly Period[] = ["day", "week", "month", "quarter", "year"];

/** The convention when weeks per year is not given (the seed plans convert weeks with 52). */
export const DEFAULT_WEEKS_PER_YEAR = 52;
/** A year has between 52 and 53 weeks whichever convention is used (52, 52.143, 365/7, 52.18). */
export const MIN_WEEKS_PER_YEAR = 52;
export const MAX_WEEKS_PER_YEAR = 53;

/**
 * The forms of each period's name, without full stops (so "p.a." and "wk." are found too).
 * "calendar month" is how some plans word a month ("£1,200 per calendar month").
 */
const FORMS: Readonly<Record<Period, readonly string[]>> = {
  day: ["day", "days", "daily"],
  week: ["week", "weeks", "weekly", "wk"],
  month: ["month", "months", "monthly", "mth", "calendar month"],
  quarter: ["quarter", "quarters", "quarterly", "qtr"],
  year: ["year", "years", "yearly", "annual", "annually", "annum", "pa", "yr"],
};

const BY_FORM: ReadonlyMap<string, Period> = new Map(
  PERIODS.flatMap((p) => FORMS[p].map((form) => [form, p] as const))
);

/** "per", "a", "an" or "each" before the period's name: "per annum", "a week", "each month". */
const LEADING_WORD = /^(?:per|an?|each)\s+/;

/**
 * The period a word names, or undefined: case-insensitive, with an optional leading "per", "a", "an" or
 * "each" ("Monthly", "per annum", "a week", "p.a.", "each qtr").
 */
export function periodOf(word: string): Period | undefined {
  const w = word.trim().toLowerCase().replace(/\./g, "").replace(/\s+/g, " ");
  return BY_FORM.get(w.replace(LEADING_WORD, ""));
}

/** How many of a period make a year: 365 days, `weeksPerYear` weeks, 12 months, 4 quarters. */
export function periodsPerYear(
  period: Period,
  weeksPerYear: number = DEFAULT_WEEKS_PER_YEAR
): number {
  switch (period) {
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
  }
}

/**
 * A figure per `from` as the same activity per `to`: 50 a month is 600 a year, 3 a day is 21 a week.
 * A week is exactly 7 days; every other pair goes through the year, so a day and a month are 365 and 12
 * to the year, and a week is 1/`weeksPerYear` of a year.
 */
export function convertPerPeriod(
  value: number,
  from: Period,
  to: Period,
  weeksPerYear: number = DEFAULT_WEEKS_PER_YEAR
): number {
  if (from === to) return value;
  if (from === "day" && to === "week") return value * 7;
  if (from === "week" && to === "day") return value / 7;
  return (value * periodsPerYear(from, weeksPerYear)) / periodsPerYear(to, weeksPerYear);
}
