import fc from "fast-check";
import { targetFromUplift, uplift } from "../../../src/core/statistics/targets";
import { convertPeriod } from "../../../src/core/statistics/period";
import { FormulaInputError } from "../../../src/core/formulaError";
import { expectClose } from "./reference";

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof FormulaInputError) return e.code;
    throw e;
  }
  throw new Error("expected a FormulaInputError");
}

describe("uplift and target", () => {
  it("gives Wiltshire's +20% from 50 to 60 admissions a month (seed 004)", () => {
    expectClose(uplift(50, 60), 0.2);
    expectClose(uplift(600, 720), 0.2);
    expectClose(targetFromUplift(600, 0.2), 720);
    expectClose(uplift(780, 960), 180 / 780);
  });

  it("shows a reduction as a negative uplift", () => {
    expectClose(uplift(50, 40), -0.2);
    expectClose(targetFromUplift(50, -0.2), 40);
    expect(targetFromUplift(50, -1)).toBe(0);
  });

  it("gives Excel's errors for bad input", () => {
    expect(codeOf(() => uplift(0, 10))).toBe("#DIV/0!");
    expect(codeOf(() => uplift(-5, 10))).toBe("#NUM!");
    expect(codeOf(() => uplift(5, -10))).toBe("#NUM!");
    expect(codeOf(() => uplift("50", 60))).toBe("#VALUE!");
    expect(codeOf(() => targetFromUplift(50, -1.5))).toBe("#NUM!");
    expect(codeOf(() => targetFromUplift(-50, 0.2))).toBe("#NUM!");
    expect(codeOf(() => targetFromUplift(50, false))).toBe("#VALUE!");
  });

  it("target(baseline, uplift(baseline, t)) gives back t", () => {
    const amount = fc.double({ min: 0.01, max: 1e9, noNaN: true });
    fc.assert(
      fc.property(amount, fc.double({ min: 0, max: 1e9, noNaN: true }), (b, t) => {
        // (1 + uplift) carries the baseline's precision, so the round trip is exact to 1e-12 of the larger figure.
        expect(Math.abs(targetFromUplift(b, uplift(b, t)) - t)).toBeLessThanOrEqual(
          1e-12 * Math.max(b, t)
        );
      })
    );
  });
});

describe("convertPeriod", () => {
  it("converts the seed plans' figures", () => {
    expect(convertPeriod(50, "month", "year")).toBe(600); // seed 004
    expect(convertPeriod(720, "year", "month")).toBe(60);
    expect(convertPeriod(21, "week", "year")).toBe(1092); // seed 001 wrote 1091
    expect(convertPeriod(3, "quarter", "month")).toBe(1);
    expect(convertPeriod(1, "day", "year")).toBe(365);
    expect(convertPeriod(104, "year", "week")).toBe(2);
    expect(convertPeriod(7, "week", "week")).toBe(7);
  });

  it("accepts any case and surrounding spaces", () => {
    expect(convertPeriod(50, "Month", " YEAR ")).toBe(600);
  });

  it("uses weeks_per_year when given", () => {
    expectClose(convertPeriod(1, "week", "year", 365 / 7), 365 / 7);
    expectClose(convertPeriod(21, "week", "month", 52.143), (21 * 52.143) / 12);
    expectClose(convertPeriod(1, "day", "week", 365 / 7), 7);
  });

  it("gives Excel's errors for bad input", () => {
    expect(codeOf(() => convertPeriod(1, "fortnight", "year"))).toBe("#VALUE!");
    expect(codeOf(() => convertPeriod(1, "month", ""))).toBe("#VALUE!");
    expect(codeOf(() => convertPeriod(1, 12, "year"))).toBe("#VALUE!");
    expect(codeOf(() => convertPeriod("1", "month", "year"))).toBe("#VALUE!");
    expect(codeOf(() => convertPeriod(1, "week", "year", 12))).toBe("#NUM!");
    expect(codeOf(() => convertPeriod(1, "week", "year", "52"))).toBe("#VALUE!");
  });

  const periods = fc.constantFrom("day", "week", "month", "quarter", "year");
  it("converting there and back gives the value again", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), periods, periods, (v, a, b) => {
        expectClose(convertPeriod(convertPeriod(v, a, b), b, a), v, 1e-12);
      })
    );
  });

  it("agrees with year = 365 days = 52 weeks = 12 months = 4 quarters", () => {
    const perYear: Record<string, number> = {
      day: 365,
      week: 52,
      month: 12,
      quarter: 4,
      year: 1,
    };
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true }), periods, periods, (v, a, b) => {
        expectClose(convertPeriod(v, a, b), (v * perYear[a]) / perYear[b], 1e-12);
      })
    );
  });
});
