import fc from "fast-check";
import {
  spcAssurance,
  spcLimits,
  spcOfSeries,
  spcTable,
  specialCauseSides,
} from "../../../src/core/statistics/spc";
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

const column = (values: number[]) => values.map((v) => [v]);

/** The sample plan's 24 months of falls admissions (people aged 65+), April to March. */
const FALLS = [
  72, 68, 75, 70, 66, 74, 79, 83, 77, 71, 69, 73, 64, 62, 65, 61, 60, 63, 58, 66, 59, 57, 61, 55,
];

/** set.seed(123); rnorm(20) as NHSRplotthedots' test-ptd_spc_standard.R draws it (8 decimals). */
const RNORM_20 = [
  -0.56047565, -0.23017749, 1.55870831, 0.07050839, 0.12928774, 1.71506499, 0.46091621, -1.26506123,
  -0.68685285, -0.44566197, 1.2240818, 0.35981383, 0.40077145, 0.11068272, -0.55584113, 1.78691314,
  0.49785048, -1.96661716, 0.7013559, -0.47279163,
];

describe("SPC limits against NHSRplotthedots' published snapshots (_snaps/ptd_spc_standard.md)", () => {
  it("rnorm(20): mean 0.1416238, limits −3.01138 and 3.294627", () => {
    const l = spcLimits(RNORM_20, 20);
    expect(l.mean).toBeCloseTo(0.1416238, 7);
    expect(l.lower).toBeCloseTo(-3.01138, 5);
    expect(l.upper).toBeCloseTo(3.294627, 6);
    // relative_to_mean in the snapshot begins −1, −1, 1, −1, −1, 1, 1, −1, −1, −1, 1, 1, 1, −1, −1.
    expect(RNORM_20.slice(0, 15).map((y) => Math.sign(y - l.mean))).toEqual([
      -1, -1, 1, -1, -1, 1, 1, -1, -1, -1, 1, 1, 1, -1, -1,
    ]);
    expect(spcOfSeries(RNORM_20, "increase").pointTypes).toEqual(Array(20).fill("common cause"));
  });

  it("with the 15th value set to 10 the outlying moving ranges are screened out", () => {
    const y = [...RNORM_20];
    y[14] = 10;
    const l = spcLimits(y, 20);
    // The inputs are printed to 8 decimals, so the mean agrees to about 1e-8, not the snapshot's 7th figure.
    expect(Math.abs(l.mean - 0.6694159)).toBeLessThan(1e-7);
    expect(l.lower).toBeCloseTo(-2.383666, 6);
    expect(l.upper).toBeCloseTo(3.722497, 6);
    // Unscreened (r3 in the snapshot) the limits would be −4.596625 and 5.935457: check that the
    // two moving ranges beside the outlier are what was left out.
    const mrs = y.slice(1).map((v, i) => Math.abs(v - y[i]));
    const unscreened = mrs.reduce((s, m) => s + m, 0) / mrs.length;
    expect(l.mean - 2.66 * unscreened).toBeCloseTo(-4.596625, 6);
    expect(l.mean + 2.66 * unscreened).toBeCloseTo(5.935457, 6);
  });

  it("two points close to the limits on opposite sides of the mean are common cause", () => {
    const y: number[] = Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? 1 : -1));
    y[14] = 5.5;
    y[15] = -5.5;
    expect(spcOfSeries(y, "increase").pointTypes.slice(-2)).toEqual([
      "common cause",
      "common cause",
    ]);
  });
});

describe("SPC rules as NHSRplotthedots' ptd_calculate_point_type tests state them", () => {
  const sides = (y: number[], mean: number, movingRange: number) =>
    Array.from(
      specialCauseSides(y, {
        mean,
        movingRange,
        lower: mean - 2.66 * movingRange,
        upper: mean + 2.66 * movingRange,
      })
    );

  it("seven points rising: every one is part of the trend; six are not", () => {
    expect(sides([1, 2, 3, 4, 5, 6], 3.5, 10)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(sides([1, 2, 3, 4, 5, 6, 7], 4, 10)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(sides([1, 2, 3, 3, 4, 5, 6], 4, 10)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(sides([7, 6, 5, 4, 3, 2, 1], 4, 10)).toEqual([-1, -1, -1, -1, -1, -1, -1]);
  });

  it("a point shared by a rising and a falling trend takes the direction after it", () => {
    const y = [1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1];
    expect(sides(y, 4, 10)).toEqual([1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1, -1, -1]);
  });

  it("seven on one side: 8 above then 1 below flags the 8", () => {
    const y = [1, 1, 1, 1, 1, 1, 1, 1, -1];
    expect(sides(y, 0, 10)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 0]);
    expect(sides([1, 1, 1, 1, 1, 1, -1], 0, 10)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it("two of three close to a limit on one side flags the close ones only", () => {
    // mean 0, moving range 1: limits ±2.66, "close" beyond ±1.7733.
    expect(sides([-0.1, 0.5, 2, 0.5, 2, 0.5, -0.1], 0, 1)).toEqual([0, 0, 1, 0, 1, 0, 0]);
    expect(sides([2, 0.5, -0.5, 2], 0, 1)).toEqual([0, 0, 0, 0]);
    expect(sides([-2, -2, -0.5], 0, 1)).toEqual([-1, -1, 0]);
    // A point beyond a limit is not "close": it flags itself only.
    expect(sides([3, 2, 0.5], 0, 1)).toEqual([1, 0, 0]);
  });

  it("outside the limits takes precedence, then trends, then two-in-three, then shifts", () => {
    expect(sides([0, 0, 0, -3, 0, 0], 0, 1)).toEqual([0, 0, 0, -1, 0, 0]);
  });
});

describe("the sample plan's falls series (worked independently: reference/spc_reference.py)", () => {
  it("all 24 months as baseline: mean 67, limits 54.393913043478264 to 79.60608695652174", () => {
    const rows = spcTable(column(FALLS), "decrease");
    expect(rows).toHaveLength(24);
    for (const r of rows) {
      expect(r[0] as number).toBeCloseTo(67, 12);
      expect(Math.abs((r[1] as number) - 54.393913043478264)).toBeLessThan(1e-9);
      expect(Math.abs((r[2] as number) - 79.60608695652174)).toBeLessThan(1e-9);
    }
    expect(rows.map((r) => r[3])).toEqual([
      ...Array(5).fill("common cause"),
      ...Array(7).fill("special cause concern"),
      ...Array(12).fill("special cause improvement"),
    ]);
  });

  it("the first 12 months as baseline: mean 73.08333…, limits 59.78333… to 86.38333…", () => {
    const rows = spcTable([FALLS], "DECREASE", 12);
    expect(Math.abs((rows[0][0] as number) - 73.08333333333333)).toBeLessThan(1e-9);
    expect(Math.abs((rows[0][1] as number) - 59.78333333333333)).toBeLessThan(1e-9);
    expect(Math.abs((rows[0][2] as number) - 86.38333333333334)).toBeLessThan(1e-9);
    expect(rows.map((r) => r[3])).toEqual([
      ...Array(9).fill("common cause"),
      ...Array(15).fill("special cause improvement"),
    ]);
  });

  it("reads the same series the other way round with increase and neutral", () => {
    expect(spcTable(column(FALLS), "increase").map((r) => r[3])).toEqual([
      ...Array(5).fill("common cause"),
      ...Array(7).fill("special cause improvement"),
      ...Array(12).fill("special cause concern"),
    ]);
    expect(spcTable(column(FALLS)).map((r) => r[3])).toEqual([
      ...Array(5).fill("common cause"),
      ...Array(7).fill("special cause high"),
      ...Array(12).fill("special cause low"),
    ]);
  });

  it("assurance: a target of 60 is hit and miss, 90 always met, 40 never (for fewer falls)", () => {
    expect(spcAssurance(column(FALLS), 60, "decrease")).toBe("hit and miss");
    expect(spcAssurance(column(FALLS), 90, "decrease")).toBe("consistently passes target");
    expect(spcAssurance(column(FALLS), 40, "decrease")).toBe("consistently fails target");
    expect(spcAssurance(column(FALLS), 90, "increase")).toBe("consistently fails target");
    expect(spcAssurance(column(FALLS), 40, "Increase")).toBe("consistently passes target");
    // Against the first year's limits (59.78 to 86.38) a target of 58 is below the lower limit.
    expect(spcAssurance(column(FALLS), 58, "decrease", 12)).toBe("consistently fails target");
  });
});

describe("NHSRplotthedots' assurance table (test-ptd_calculate_assurance_type.R)", () => {
  it.each([
    [1, 3, "increase", "consistently fails target"],
    [5, 7, "increase", "consistently passes target"],
    [1, 5, "increase", "hit and miss"],
    [1, 3, "decrease", "consistently passes target"],
    [5, 7, "decrease", "consistently fails target"],
    [1, 5, "decrease", "hit and miss"],
  ])("limits %d to %d, target 4, %s: %s", (lower, upper, direction, expected) => {
    // A two-point series with mean (lower + upper) / 2 and moving range (upper − lower) / 2 / 2.66.
    const mean = (lower + upper) / 2;
    const half = (upper - lower) / 2 / 2.66 / 2;
    expect(spcAssurance([[mean - half, mean + half]], 4, direction)).toBe(expected);
  });
});

describe("SPC properties", () => {
  const series = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), {
    minLength: 2,
    maxLength: 60,
  });

  it("limits are symmetric about the mean, lower ≤ mean ≤ upper, one row per point", () => {
    fc.assert(
      fc.property(series, (y) => {
        const rows = spcTable(column(y));
        expect(rows).toHaveLength(y.length);
        const [mean, lower, upper] = rows[0] as number[];
        expect(Math.abs(upper - mean - (mean - lower))).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(mean), upper - mean)
        );
        expect(lower).toBeLessThanOrEqual(mean);
        expect(upper).toBeGreaterThanOrEqual(mean);
      })
    );
  });

  it("a row and a column give the same result; improvement and concern swap with the direction", () => {
    fc.assert(
      fc.property(series, (y) => {
        expect(spcTable([y], "increase")).toEqual(spcTable(column(y), "increase"));
        const up = spcTable([y], "increase").map((r) => r[3]);
        const down = spcTable([y], "decrease").map((r) => r[3]);
        const swap: Record<string, string> = {
          "common cause": "common cause",
          "special cause improvement": "special cause concern",
          "special cause concern": "special cause improvement",
        };
        expect(down).toEqual(up.map((t) => swap[t as string]));
      })
    );
  });

  /**
   * A baseline of 12 points alternating mean ± d (moving range 2d, limits ± 5.32d, "close" beyond
   * ± 3.55d), then a run of `length` points on one side, zig-zagging within 3d of the mean (so no
   * trend, nothing close), then the alternation again starting on the other side.
   */
  const shifted = fc.record({
    mean: fc.double({ min: -1000, max: 1000, noNaN: true }),
    d: fc.double({ min: 0.01, max: 100, noNaN: true }),
    up: fc.boolean(),
    lows: fc.array(fc.double({ min: 0.1, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }),
    highs: fc.array(fc.double({ min: 1.5, max: 3, noNaN: true }), { minLength: 4, maxLength: 4 }),
  });
  type ShiftedSeries = typeof shifted extends fc.Arbitrary<infer T> ? T : never;
  function build(s: ShiftedSeries, length: number): number[] {
    const side = s.up ? 1 : -1;
    const baseline = Array.from(
      { length: 12 },
      (_, i) => s.mean + (i % 2 === 0 ? side : -side) * s.d
    );
    const run = Array.from(
      { length },
      (_, i) => s.mean + side * s.d * (i % 2 === 0 ? s.lows[i >> 1] : s.highs[i >> 1])
    );
    const after = Array.from({ length: 5 }, (_, i) => s.mean + (i % 2 === 0 ? -side : side) * s.d);
    return [...baseline, ...run, ...after];
  }

  it("a shift of 6 points never flags", () => {
    fc.assert(
      fc.property(shifted, (s) => {
        expect(spcTable(column(build(s, 6)), "neutral", 12).map((r) => r[3])).toEqual(
          Array(23).fill("common cause")
        );
      })
    );
  });

  it("a shift of 7 points always flags exactly those 7, on their side", () => {
    fc.assert(
      fc.property(shifted, (s) => {
        const flag = s.up ? "special cause high" : "special cause low";
        expect(spcTable(column(build(s, 7)), "neutral", 12).map((r) => r[3])).toEqual([
          ...Array(12).fill("common cause"),
          ...Array(7).fill(flag),
          ...Array(5).fill("common cause"),
        ]);
      })
    );
  });

  it("a flat series has no spread and no special cause", () => {
    expect(spcTable([[5, 5, 5, 5, 5, 5, 5, 5]])).toEqual(Array(8).fill([5, 5, 5, "common cause"]));
  });
});

describe("SPC errors", () => {
  it.each([
    ["one value", () => spcTable(5), "#NUM!"],
    ["a one-cell range", () => spcTable([[5]]), "#NUM!"],
    ["text in values", () => spcTable([[1], ["2"], [3]]), "#VALUE!"],
    ["a blank in values", () => spcTable([[1], [""], [3]]), "#VALUE!"],
    ["an empty cell in values", () => spcTable([[1], [null], [3]]), "#VALUE!"],
    [
      "a block of two columns",
      () =>
        spcTable([
          [1, 2],
          [3, 4],
        ]),
      "#VALUE!",
    ],
    ["an unknown improvement", () => spcTable([[1, 2, 3]], "up"), "#VALUE!"],
    ["improvement as a number", () => spcTable([[1, 2, 3]], 1), "#VALUE!"],
    ["baseline_points 1", () => spcTable([[1, 2, 3]], null, 1), "#NUM!"],
    ["baseline_points beyond n", () => spcTable([[1, 2, 3]], null, 4), "#NUM!"],
    ["baseline_points not whole", () => spcTable([[1, 2, 3]], null, 2.5), "#NUM!"],
    ["baseline_points as text", () => spcTable([[1, 2, 3]], null, "two"), "#VALUE!"],
    ["assurance with neutral", () => spcAssurance([[1, 2, 3]], 2, "neutral"), "#N/A"],
    ["assurance with no direction", () => spcAssurance([[1, 2, 3]], 2, null), "#N/A"],
    ["assurance with text target", () => spcAssurance([[1, 2, 3]], "2", "increase"), "#VALUE!"],
    ["assurance with one value", () => spcAssurance([[1]], 2, "increase"), "#NUM!"],
    ["assurance with an unknown improvement", () => spcAssurance([[1, 2]], 2, "more"), "#VALUE!"],
    ["assurance with baseline 0", () => spcAssurance([[1, 2]], 2, "increase", 0), "#NUM!"],
  ])("%s", (_, fn, code) => {
    expect(codeOf(fn)).toBe(code);
  });
});
