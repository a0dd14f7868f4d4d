import {
  DEFAULT_WEEKS_PER_YEAR,
  PERIODS,
  convertPerPeriod,
  periodOf,
  periodsPerYear,
} from "../../src/core/periods";

describe("the period vocabulary", () => {
  it("names the five periods, shortest first", () => {
    expect(PERIODS).toEqual(["day", "week", "month", "quarter", "year"]);
    const lengths = PERIODS.map((p) => 1 / periodsPerYear(p));
    expect([...lengths].sort((a, b) => a - b)).toEqual(lengths);
  });

  it("reads the words plans use", () => {
    expect(periodOf("per month")).toBe("month");
    expect(periodOf("Per Annum")).toBe("year");
    expect(periodOf("a week")).toBe("week");
    expect(periodOf("an annum")).toBe("year");
    expect(periodOf("each quarter")).toBe("quarter");
    expect(periodOf("monthly")).toBe("month");
    expect(periodOf("p.a.")).toBe("year");
    expect(periodOf("P.A")).toBe("year");
    expect(periodOf("pa")).toBe("year");
    expect(periodOf("wk.")).toBe("week");
    expect(periodOf("per calendar month")).toBe("month");
    expect(periodOf("daily")).toBe("day");
    expect(periodOf("fortnightly")).toBeUndefined();
    expect(periodOf("per")).toBeUndefined();
    expect(periodOf("")).toBeUndefined();
  });

  it("has a year of 365 days, 52 weeks by default, 12 months and 4 quarters", () => {
    expect(DEFAULT_WEEKS_PER_YEAR).toBe(52);
    expect(PERIODS.map((p) => periodsPerYear(p))).toEqual([365, 52, 12, 4, 1]);
    expect(periodsPerYear("week", 365 / 7)).toBe(365 / 7);
  });

  it("converts a day to a week by 7 exactly, other pairs through the year", () => {
    expect(convertPerPeriod(1, "day", "week")).toBe(7);
    expect(convertPerPeriod(14, "week", "day")).toBe(2);
    expect(convertPerPeriod(1, "day", "month")).toBe(365 / 12);
    expect(convertPerPeriod(21, "week", "year", 365 / 7)).toBe(1095);
  });
});
