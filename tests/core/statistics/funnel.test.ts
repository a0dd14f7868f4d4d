import fc from "fast-check";
import { funnelLimits, poissonFunnelCounts } from "../../../src/core/statistics/funnel";
import { incompleteGamma, logGamma } from "../../../src/core/statistics/incompleteGamma";
import { FormulaInputError } from "../../../src/core/formulaError";

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof FormulaInputError) return e.code;
    throw e;
  }
  throw new Error("expected a FormulaInputError");
}

function expectRelative(actual: number, expected: number, tolerance: number): void {
  const scale = Math.max(Math.abs(expected), 1e-300);
  expect(Math.abs(actual - expected) / scale).toBeLessThanOrEqual(tolerance);
}

describe("incomplete gamma", () => {
  it("matches closed forms: P(1, x) = 1 − e^−x, P(3, 2) = 1 − 5e^−2, lnΓ(½) = ½ ln π", () => {
    for (const x of [0.01, 0.5, 1, 3, 20])
      expectRelative(incompleteGamma(1, x).upper, Math.exp(-x), 1e-14);
    expectRelative(incompleteGamma(3, 2).lower, 1 - 5 * Math.exp(-2), 1e-14);
    expectRelative(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-14);
    expectRelative(logGamma(30), Math.log(8.841761993739702e30), 1e-15);
  });

  it("P + Q = 1 and Q(k + 1, μ) is the Poisson chance of at most k events", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.double({ min: 0.01, max: 80, noNaN: true }),
        (k, mu) => {
          let term = Math.exp(-mu);
          let cdf = term;
          for (let i = 1; i <= k; i++) {
            term *= mu / i;
            cdf += term;
          }
          const { lower, upper } = incompleteGamma(k + 1, mu);
          expect(lower + upper).toBeCloseTo(1, 14);
          expect(Math.abs(upper - cdf)).toBeLessThan(1e-13);
        }
      )
    );
  });
});

describe("funnel limits for a rate", () => {
  // PHEindicatormethods' published test table testdata_funnel_rate_outputs.csv (directly
  // standardised rates per 100,000 over 3 years; baseline 116.1720835). Each row is the population
  // per year at which a whole count of events sits on a limit, found by PHE's bisection (to about
  // 1e-7 of its scaled variable, so figures agree to about 1e-5 relative, not better). At that
  // population over the three years our continuous curve passes through the row's limit.
  const BASELINE = 116.1720835;
  const YEARS = 3;
  // [events, lower 95% population, lower 95% limit, upper 95% population, upper 95% limit,
  //  lower 99.8% population, lower 99.8% limit, upper 99.8% population, upper 99.8% limit]
  const PHE_ROWS: number[][] = [
    [
      1, 1598.675694, 20.85059119, 7.264481402, 4588.535848, 2649.348525, 12.58170943, 0.287087625,
      116108.569,
    ],
    [
      3, 2515.599722, 39.75195225, 177.5159418, 563.3296872, 3747.958682, 26.68119061, 54.66984838,
      1829.161832,
    ],
    [
      10, 5276.757672, 63.17010446, 1375.943768, 242.2579623, 6924.776769, 48.13632908, 849.4639547,
      392.4043292,
    ],
    [
      32, 12961.93593, 82.29223416, 6280.33083, 169.8424328, 15387.79019, 69.31902848, 4968.583185,
      214.6822599,
    ],
    [
      159, 53290.17651, 99.45547842, 38806.26443, 136.5758874, 57946.64861, 91.46344314,
      35253.30678, 150.3405066,
    ],
    [
      1360, 411529.9259, 110.158048, 369759.5622, 122.6021934, 424043.2424, 106.9073359,
      358342.3275, 126.5084525,
    ],
  ];

  it.each(PHE_ROWS)("passes through PHE's published limits for %d events", (...row) => {
    const [, lowPop95, low95, upPop95, up95, lowPop998, low998, upPop998, up998] = row;
    const at = (population: number, confidence: number) =>
      funnelLimits(BASELINE, population * YEARS, "rate", confidence);
    expectRelative(at(lowPop95, 0.95)[0], low95, 2e-5);
    expectRelative(at(upPop95, 0.95)[1], up95, 2e-5);
    expectRelative(at(lowPop998, 0.998)[0], low998, 2e-5);
    expectRelative(at(upPop998, 0.998)[1], up998, 2e-5);
  });

  it("gives the whole count of events at PHE's points", () => {
    const mu = (BASELINE / 100000) * 5276.757672 * YEARS;
    expect(poissonFunnelCounts(mu, 0.95)[0]).toBeCloseTo(10, 4);
  });

  // Worked independently with mpmath at 40 digits (tests/core/statistics/reference/funnel_reference.py).
  it.each([
    [2000, 8540, 0.95, 1699.8980605279453, 2311.2020658371825],
    [2000, 8540, 0.998, 1538.3959617378143, 2495.029927274015],
    [234.19, 37600, 95, 185.2523700950015, 285.65077149598045],
    [234.19, 37600, 99.8, 159.68151700344828, 316.30241340535764],
    [1500, 400, 0.998, 0, 3834.8119930481703],
    [50, 1000, 0.95, 0, 271.5690892455021],
  ])("average %d per 100,000 at %d people, %d%%: reference to 1e-9", (avg, n, c, lower, upper) => {
    const [l, u] = funnelLimits(avg, n, "rate", c);
    if (lower === 0) expect(l).toBe(0);
    else expectRelative(l, lower, 1e-9);
    expectRelative(u, upper, 1e-9);
  });

  it("is 0 to 0 when the average is 0, and uses another multiplier when given", () => {
    expect(funnelLimits(0, 5000, "rate")).toEqual([0, 0]);
    const per1000 = funnelLimits(20, 8540, "rate", 0.95, 1000);
    const [l, u] = funnelLimits(2000, 8540, "rate", 0.95);
    expectRelative(per1000[0] * 100, l, 1e-12);
    expectRelative(per1000[1] * 100, u, 1e-12);
  });
});

describe("funnel limits for a proportion", () => {
  // PHEindicatormethods' published test table testdata_funnel_prop_outputs.csv (per 100, limits
  // clamped to 0 and 100, to 6 decimals), with the average worked from its inputs file
  // (sum of numerators ÷ sum of denominators over the 303 areas).
  const AVERAGE = 0.8064244785714955;
  const PHE_ROWS: number[][] = [
    [1, 3.204264, 100, 0, 100],
    [3, 35.933491, 100, 10.150815, 100],
    [10, 56.154344, 100, 42.03259, 100],
    [75, 71.700657, 89.584239, 66.544121, 94.740774],
    [1699, 78.763743, 82.521152, 77.680336, 83.60456],
    [110000, 80.408963, 80.875933, 80.274317, 81.010578],
  ];

  it.each(PHE_ROWS)(
    "matches PHE's published limits at a population of %d",
    (n, l95, u95, l998, u998) => {
      const [a, b] = funnelLimits(AVERAGE * 100, n, "proportion", 0.95, 100);
      const [c, d] = funnelLimits(AVERAGE * 100, n, "Proportion", 99.8, 100);
      for (const [got, want] of [
        [a, l95],
        [b, u95],
        [c, l998],
        [d, u998],
      ])
        expect(Math.abs(got - want)).toBeLessThanOrEqual(5.000001e-7);
    }
  );

  // The Wilson inversion worked independently with mpmath at 40 digits (funnel_reference.py).
  it.each([
    [0.8, 50, 0.95, 0.6891276940520258, 0.9108723059479742],
    [0.8, 50, 0.998, 0.6251900624693597, 0.9748099375306404],
    [0.82, 1200, 0.95, 0.7982629478782108, 0.8417370521217892],
    [0.82, 1200, 0.998, 0.7857276657951601, 0.85427233420484],
    [0.05, 30, 0.998, 0, 0.17296380850192658],
  ])("average %d at %d: reference to 1e-9", (avg, n, c, lower, upper) => {
    const [l, u] = funnelLimits(avg, n, null, c);
    if (lower === 0) expect(l).toBe(0);
    else expectRelative(l, lower, 1e-9);
    expectRelative(u, upper, 1e-9);
  });

  it("defaults to a proportion per 1 at 99.8%", () => {
    expect(funnelLimits(0.8, 50)).toEqual(funnelLimits(0.8, 50, "proportion", 0.998, 1));
  });
});

describe("funnel properties", () => {
  const statistic = fc.constantFrom("proportion", "rate");
  const level = fc.constantFrom(0.95, 0.998);

  it("limits narrow as the denominator grows, 95% inside 99.8%, average between", () => {
    fc.assert(
      fc.property(
        statistic,
        level,
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 1.01, max: 10, noNaN: true }),
        (kind, c, p, n, grow) => {
          const avg = kind === "rate" ? p * 5000 : p;
          const [l1, u1] = funnelLimits(avg, n, kind, c);
          const [l2, u2] = funnelLimits(avg, n * grow, kind, c);
          const tol = 1e-9 * Math.max(1, avg);
          expect(l2).toBeGreaterThanOrEqual(l1 - tol);
          expect(u2).toBeLessThanOrEqual(u1 + tol);
          expect(l1).toBeLessThanOrEqual(avg + tol);
          expect(u1).toBeGreaterThanOrEqual(avg - tol);
          const [wl, wu] = funnelLimits(avg, n, kind, 0.998);
          const [nl, nu] = funnelLimits(avg, n, kind, 0.95);
          expect(wl).toBeLessThanOrEqual(nl + tol);
          expect(wu).toBeGreaterThanOrEqual(nu - tol);
        }
      ),
      { numRuns: 200 }
    );
  });
});

describe("funnel errors", () => {
  it.each([
    ["denominator 0", () => funnelLimits(0.5, 0), "#NUM!"],
    ["denominator negative", () => funnelLimits(0.5, -10), "#NUM!"],
    ["negative average", () => funnelLimits(-0.1, 100), "#NUM!"],
    ["negative rate", () => funnelLimits(-1, 100, "rate"), "#NUM!"],
    ["proportion above per", () => funnelLimits(1.2, 100), "#NUM!"],
    ["proportion above per 100", () => funnelLimits(101, 100, "proportion", 0.95, 100), "#NUM!"],
    ["unknown statistic", () => funnelLimits(0.5, 100, "ratio"), "#VALUE!"],
    ["confidence 0.9", () => funnelLimits(0.5, 100, null, 0.9), "#NUM!"],
    ["confidence 90", () => funnelLimits(0.5, 100, null, 90), "#NUM!"],
    ["confidence 0.05", () => funnelLimits(0.5, 100, null, 0.05), "#NUM!"],
    ["text average", () => funnelLimits("0.5", 100), "#VALUE!"],
    ["blank denominator", () => funnelLimits(0.5, ""), "#VALUE!"],
    ["per 0", () => funnelLimits(0.5, 100, null, null, 0), "#NUM!"],
  ])("%s", (_, fn, code) => {
    expect(codeOf(fn)).toBe(code);
  });
});
