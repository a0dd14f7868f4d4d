import fc from "fast-check";
import { crudeRate } from "../../../src/core/statistics/rate";
import {
  rateConfidenceInterval,
  rateWithInterval,
} from "../../../src/core/statistics/rateInterval";
import { codeOf } from "./formulaErrors";
import { byarsLimits, exactPoissonLimits, expectClose, Z } from "./reference";

describe("crudeRate", () => {
  it("gives Rutland's rate per 100,000 for 20 admissions of people aged 65+ (8,540, seed 001)", () => {
    expectClose(crudeRate(20, 8540), (20 / 8540) * 100000);
    expectClose(crudeRate(20, 8540), 234.19203747072598);
  });

  it("uses another multiplier when given", () => {
    expectClose(crudeRate(376, 37600, 1000), 10);
  });

  it("gives Excel's errors for bad input", () => {
    expect(codeOf(() => crudeRate("20", 100))).toBe("#VALUE!");
    expect(codeOf(() => crudeRate(true, 100))).toBe("#VALUE!");
    expect(codeOf(() => crudeRate(-1, 100))).toBe("#NUM!");
    expect(codeOf(() => crudeRate(1, -100))).toBe("#NUM!");
    expect(codeOf(() => crudeRate(1, 0))).toBe("#DIV/0!");
    expect(codeOf(() => crudeRate(1, 100, 0))).toBe("#NUM!");
    expect(codeOf(() => crudeRate(1e300, 1e-300))).toBe("#NUM!");
  });
});

describe("rate confidence interval, exact Poisson below 10 events", () => {
  // Published 95% exact Poisson limits on the count (PHE / standard tables), to 4 decimal places.
  const TABLE_95: Array<[number, number, number]> = [
    [0, 0, 3.6889],
    [1, 0.0253, 5.5716],
    [2, 0.2422, 7.2247],
    [3, 0.6187, 8.7673],
    [4, 1.0899, 10.2416],
    [5, 1.6235, 11.6683],
    [6, 2.2019, 13.0595],
    [7, 2.8144, 14.4227],
    [8, 3.4538, 15.7632],
    [9, 4.1154, 17.0848],
  ];

  it.each(TABLE_95)("x = %d matches the published 95%% table", (x, lower, upper) => {
    const [l, u] = rateConfidenceInterval(x, 1, null, 1);
    expect(Math.abs(l - lower)).toBeLessThan(0.00006);
    expect(Math.abs(u - upper)).toBeLessThan(0.00006);
  });

  it.each([0.9, 0.95, 0.99, 0.998, 0.9999])(
    "agrees with Poisson limits found by bisection to 1e-9 at %s",
    (level) => {
      for (let x = 0; x < 10; x++) {
        const [lower, upper] = exactPoissonLimits(x, level);
        const [l, u] = rateConfidenceInterval(x, 8540, level, 100000);
        expectClose(l, (lower / 8540) * 100000);
        expectClose(u, (upper / 8540) * 100000);
      }
    }
  );

  it("accepts the confidence as a percentage", () => {
    expect(rateConfidenceInterval(5, 1000, 99.8)).toEqual(rateConfidenceInterval(5, 1000, 0.998));
    // 99.99 / 100 is 0.99989999… in floating point; it must mean exactly what 0.9999 means.
    expect(rateConfidenceInterval(5, 1000, 99.99)).toEqual(rateConfidenceInterval(5, 1000, 0.9999));
  });
});

describe("rate confidence interval, Byar's method from 10 events", () => {
  it.each([10, 11, 25, 100, 376, 12345])(
    "count %d at 95%%, 99.8%% and 99.99%% matches Byar's formula",
    (x) => {
      for (const level of ["0.95", "0.998", "0.9999"]) {
        const [lower, upper] = byarsLimits(x, Z[level]);
        const [l, u] = rateConfidenceInterval(x, 37600, Number(level));
        expectClose(l, (lower / 37600) * 100000);
        expectClose(u, (upper / 37600) * 100000);
      }
    }
  );

  it("gives the rate with its limits together", () => {
    const r = rateWithInterval(376, 37600);
    expectClose(r.rate, 1000);
    const [lower, upper] = byarsLimits(376, Z["0.95"]);
    expectClose(r.lower, (lower / 37600) * 100000);
    expectClose(r.upper, (upper / 37600) * 100000);
  });
});

describe("rate confidence interval: errors", () => {
  it.each([
    [[1, 100, 0.5], "#NUM!"],
    [[1, 100, 0.8999], "#NUM!"],
    [[1, 100, 1], "#NUM!"],
    [[1, 100, 99.995], "#NUM!"],
    [[1, 100, 0.99995], "#NUM!"],
    [[1, 100, 100], "#NUM!"],
    [[1, 100, -95], "#NUM!"],
    [[1, 100, "95%"], "#VALUE!"],
    [[1, 100, Number.NaN], "#VALUE!"],
    [[-1, 100], "#NUM!"],
    [[1, 0], "#DIV/0!"],
    [[1, -5], "#NUM!"],
    [[false, 100], "#VALUE!"],
  ] as Array<[unknown[], string]>)("%j gives %s", (args, code) => {
    expect(codeOf(() => rateConfidenceInterval(...(args as [unknown, unknown, unknown?])))).toBe(
      code
    );
  });

  it("accepts the ends of the confidence ranges", () => {
    for (const c of [0.9, 0.999, 0.9995, 0.9999, 90, 99.9, 99.95, 99.99])
      expect(() => rateConfidenceInterval(5, 100, c)).not.toThrow();
  });
});

describe("rate confidence interval: properties", () => {
  const count = fc.oneof(
    fc.integer({ min: 0, max: 30 }),
    fc.double({ min: 0, max: 1e6, noNaN: true })
  );
  const population = fc.double({ min: 1, max: 1e8, noNaN: true });
  const level = fc.double({ min: 0.9, max: 0.9999, noNaN: true });

  it("lower ≤ rate ≤ upper", () => {
    fc.assert(
      fc.property(count, population, level, (x, n, c) => {
        const r = rateWithInterval(x, n, c);
        return r.lower >= 0 && r.lower <= r.rate && r.rate <= r.upper && Number.isFinite(r.upper);
      })
    );
  });

  it("limits widen as the confidence level rises", () => {
    fc.assert(
      fc.property(count, population, level, level, (x, n, c1, c2) => {
        const [lo, hi] = c1 <= c2 ? [c1, c2] : [c2, c1];
        const [l1, u1] = rateConfidenceInterval(x, n, lo);
        const [l2, u2] = rateConfidenceInterval(x, n, hi);
        return l2 <= l1 && u2 >= u1;
      })
    );
  });
});
