import { CustomFunctionsError, ErrorCode, excelErrorOf, registered } from "./customFunctionsStub";
import fc from "fast-check";
import * as bcf from "../../src/functions/functions";
import { BCF_FUNCTION_IDS } from "../support/bcfFunctionIds";

const ESP = [
  5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000,
  2500, 1500, 1000,
];
const FALLS = [0, 0, 0, 1, 0, 1, 0, 1, 1, 2, 2, 3, 4, 6, 12, 19, 27, 33, 29].map((v) => [v]);
const POPULATIONS = [
  1700, 2000, 2300, 2500, 1800, 1500, 1600, 1900, 2300, 2700, 3100, 3000, 2660, 2100, 2200, 1760,
  1300, 780, 400,
].map((v) => [v]);

/** Excel passes an omitted optional argument as null, not undefined. */
const OMITTED = null as unknown as undefined;

describe("registration", () => {
  it("associates every =BCF.* function under its id", () => {
    expect([...registered.keys()].sort()).toEqual([...BCF_FUNCTION_IDS].sort());
    expect(registered.get("RATE.CI")).toBe(bcf.rateCI);
    expect(registered.get("SPLIT")).toBe(bcf.split);
    expect(registered.get("SPC")).toBe(bcf.spc);
    expect(registered.get("SPC.ASSURANCE")).toBe(bcf.spcAssurance);
    expect(registered.get("FUNNEL")).toBe(bcf.funnel);
  });
});

describe("worked examples from the seed plans", () => {
  it("RATE: 20 falls admissions among Rutland's 8,540 people aged 65+ (seed 001)", () => {
    expect(bcf.rate(20, 8540, OMITTED)).toBeCloseTo(234.192037, 6);
  });

  it("RATE.CI returns one row of two cells", () => {
    const ci = bcf.rateCI(20, 8540, OMITTED, OMITTED);
    expect(ci).toHaveLength(1);
    expect(ci[0]).toHaveLength(2);
    // Byar's at 95% (worked separately in Python): 12.211429 to 30.889880 events, per 8,540 × 100,000.
    expect(ci[0][0]).toBeCloseTo((12.211428834875935 / 8540) * 100000, 9);
    expect(ci[0][1]).toBeCloseTo((30.88988036919706 / 8540) * 100000, 9);
  });

  it("PROPORTION and PROPORTION.CI: Rutland's share of people aged 65+ (8,540 of 37,600)", () => {
    expect(bcf.proportion(8540, 37600, OMITTED)).toBeCloseTo(0.227128, 6);
    const [[lower, upper]] = bcf.proportionCI(8540, 37600, OMITTED, 100);
    // Wilson at 95% (worked separately in Python): 22.292076% to 23.139031%.
    expect(lower).toBeCloseTo(22.29207606291054, 9);
    expect(upper).toBeCloseTo(23.13903096249512, 9);
  });

  it("DSR and DSR.CI against the 2013 European Standard Population", () => {
    const value = bcf.dsr(FALLS, POPULATIONS, OMITTED, OMITTED);
    const expected =
      (FALLS.reduce((s, [x], i) => s + (x * ESP[i]) / POPULATIONS[i][0], 0) / 100000) * 100000;
    expect(value).toBeCloseTo(expected, 9);
    const [[l, u]] = bcf.dsrCI(FALLS, POPULATIONS, OMITTED, OMITTED, OMITTED);
    expect(l).toBeLessThan(value);
    expect(u).toBeGreaterThan(value);
  });

  it("UPLIFT, TARGET and PERIOD: Wiltshire's 50 → 60 admissions a month (seed 004)", () => {
    expect(bcf.uplift(50, 60)).toBeCloseTo(0.2, 12);
    expect(bcf.target(600, 0.2)).toBeCloseTo(720, 9);
    expect(bcf.period(50, "month", "year", OMITTED)).toBe(600);
    expect(bcf.period(60, "Month", "YEAR", OMITTED)).toBe(720);
    expect(bcf.period(21, "week", "year", OMITTED)).toBe(1092);
  });

  it("PERIOD takes the seed plans' words and makes a week exactly 7 days", () => {
    expect(bcf.period(50, "per month", "per annum", OMITTED)).toBe(600); // 50 × 12
    expect(bcf.period(21, "a week", "p.a.", OMITTED)).toBe(1092); // 21 × 52
    expect(bcf.period(10, "Monthly", "QUARTERLY", OMITTED)).toBe(30); // 10 × 12 ÷ 4
    expect(bcf.period(1, "day", "week", OMITTED)).toBe(7);
    expect(bcf.period(1, "daily", "each week", 52.143)).toBe(7);
  });

  it('DSR with "ESP2013 65+": the falls metric, 1,405.40 per 100,000 on the worked example', () => {
    // Σ xᵢwᵢ/nᵢ over 65–69 … 90+ = 15.714286 + 27.272727 + 43.181818 + 51.923077 + 63.461538 + 72.5
    // = 274.053446; ÷ 19,500 × 100,000 = 1,405.40.
    const falls65 = FALLS.slice(13);
    const pops65 = POPULATIONS.slice(13);
    expect(bcf.dsr(falls65, pops65, "ESP2013 65+" as never, OMITTED)).toBeCloseTo(1405.40226, 4);
    expect(bcf.dsr(falls65, pops65, [["ESP2013 65+"]], OMITTED)).toBeCloseTo(1405.40226, 4);
    const [[l, u]] = bcf.dsrCI(falls65, pops65, [["ESP2013 65+"]], 99.99, OMITTED);
    expect(l).toBeLessThan(1405.4);
    expect(u).toBeGreaterThan(1405.41);
    expect(bcf.dsr(FALLS, POPULATIONS, [["ESP2013"]], OMITTED)).toBe(
      bcf.dsr(FALLS, POPULATIONS, OMITTED, OMITTED)
    );
  });

  it("SPLIT: 792,199.59 in 14 : 4 : 20 : 11 keeps its penny on the earlier of two exact ties", () => {
    // In pence ÷ 49: 22,634,274 r 0; 6,466,935 r 21; 32,334,677 r 7; 17,784,072 r 21; one penny left.
    expect(bcf.split(792199.59, [[14], [4], [20], [11]], OMITTED)).toEqual([
      [226342.74],
      [64669.36],
      [323346.77],
      [177840.72],
    ]);
  });

  it("SPLIT: seed 001's £936,000 and its ICR £240,000 = £125,000 + £115,000", () => {
    expect(bcf.split(936000, [[240000], [696000]], OMITTED)).toEqual([[240000], [696000]]);
    expect(bcf.split(240000, [[125000, 115000]], OMITTED)).toEqual([[125000, 115000]]);
    expect(bcf.split(100, [[1, 1, 1]], OMITTED)).toEqual([[33.34, 33.33, 33.33]]);
  });
});

describe("Excel errors through the wrappers", () => {
  const cases: Array<[string, () => unknown, string]> = [
    ["RATE text", () => bcf.rate("12" as never, 100), ErrorCode.invalidValue],
    ["RATE boolean", () => bcf.rate(true as never, 100), ErrorCode.invalidValue],
    ["RATE zero population", () => bcf.rate(1, 0), ErrorCode.divisionByZero],
    ["RATE negative count", () => bcf.rate(-1, 10), ErrorCode.invalidNumber],
    ["RATE.CI confidence 0.5", () => bcf.rateCI(1, 10, 0.5), ErrorCode.invalidNumber],
    [
      "PROPORTION numerator above denominator",
      () => bcf.proportion(11, 10),
      ErrorCode.invalidNumber,
    ],
    ["PROPORTION.CI zero denominator", () => bcf.proportionCI(0, 0), ErrorCode.divisionByZero],
    ["DSR wrong band count", () => bcf.dsr([[10, 20]], [[100, 200]]), ErrorCode.invalidValue],
    [
      "DSR fewer than 10 events",
      () =>
        bcf.dsr(
          FALLS.map(() => [0]),
          POPULATIONS
        ),
      ErrorCode.notAvailable,
    ],
    [
      "DSR.CI fewer than 10 events",
      () =>
        bcf.dsrCI(
          FALLS.map(() => [0]),
          POPULATIONS
        ),
      ErrorCode.notAvailable,
    ],
    ["UPLIFT zero baseline", () => bcf.uplift(0, 5), ErrorCode.divisionByZero],
    ["TARGET text", () => bcf.target(50, "20%" as never), ErrorCode.invalidValue],
    ["PERIOD unknown period", () => bcf.period(50, "fortnight", "year"), ErrorCode.invalidValue],
    [
      "PERIOD weeks_per_year outside 52-53",
      () => bcf.period(50, "month", "year", 12),
      ErrorCode.invalidNumber,
    ],
    ["SPLIT decimals -3", () => bcf.split(100, [[1, 1]], -3), ErrorCode.invalidNumber],
    ["SPLIT decimals 5", () => bcf.split(100, [[1, 1]], 5), ErrorCode.invalidNumber],
    ["RATE.CI confidence 99.995", () => bcf.rateCI(1, 10, 99.995), ErrorCode.invalidNumber],
    [
      "DSR unknown standard",
      () => bcf.dsr(FALLS, POPULATIONS, [["ESP2013 67+"]]),
      ErrorCode.invalidValue,
    ],
    [
      "DSR ESP2013 65+ with 19 bands",
      () => bcf.dsr(FALLS, POPULATIONS, [["ESP2013 65+"]]),
      ErrorCode.invalidValue,
    ],
    [
      "DSR blank population",
      () =>
        bcf.dsr(
          FALLS,
          POPULATIONS.map((r, i) => (i === 3 ? [null as never] : r))
        ),
      ErrorCode.invalidValue,
    ],
    ["SPLIT shares add to zero", () => bcf.split(100, [[0, 0]]), ErrorCode.divisionByZero],
    ["SPLIT negative share", () => bcf.split(100, [[1, -1]]), ErrorCode.invalidNumber],
    ["SPC one value", () => bcf.spc([[5]]), ErrorCode.invalidNumber],
    ["SPC text in values", () => bcf.spc([[1], ["n/a" as never], [3]]), ErrorCode.invalidValue],
    ["SPC blank in values", () => bcf.spc([[1], ["" as never], [3]]), ErrorCode.invalidValue],
    [
      "SPC block of values",
      () =>
        bcf.spc([
          [1, 2],
          [3, 4],
        ]),
      ErrorCode.invalidValue,
    ],
    ["SPC unknown improvement", () => bcf.spc([[1, 2, 3]], "better"), ErrorCode.invalidValue],
    ["SPC baseline of 1", () => bcf.spc([[1, 2, 3]], OMITTED, 1), ErrorCode.invalidNumber],
    ["SPC baseline beyond n", () => bcf.spc([[1, 2, 3]], OMITTED, 4), ErrorCode.invalidNumber],
    [
      "SPC.ASSURANCE neutral",
      () => bcf.spcAssurance([[1, 2, 3]], 2, "neutral"),
      ErrorCode.notAvailable,
    ],
    ["FUNNEL zero denominator", () => bcf.funnel(0.8, 0), ErrorCode.invalidNumber],
    ["FUNNEL negative average", () => bcf.funnel(-1, 10, "rate"), ErrorCode.invalidNumber],
    ["FUNNEL proportion above per", () => bcf.funnel(1.5, 10), ErrorCode.invalidNumber],
    ["FUNNEL unknown statistic", () => bcf.funnel(0.5, 10, "ratio"), ErrorCode.invalidValue],
    ["FUNNEL confidence 90%", () => bcf.funnel(0.5, 10, OMITTED, 0.9), ErrorCode.invalidNumber],
  ];

  it.each(cases)("%s", (_name, call, code) => {
    const error = excelErrorOf(call);
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(10);
  });
});

describe("random input of every type", () => {
  const scalar = fc.oneof(
    fc.double(),
    fc.integer({ min: -20, max: 200000 }),
    fc.constantFrom(
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      0,
      -0,
      0.95,
      95,
      99.8,
      1e308,
      5e-324
    ),
    fc.string(),
    fc.constantFrom("day", "WEEK", "month", "Quarter", "year", "", "95%"),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined)
  );
  const cell = fc.oneof(
    { weight: 6, arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true }) },
    { weight: 1, arbitrary: scalar }
  );
  const matrix = fc.oneof(
    fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), {
      minLength: 1,
      maxLength: 20,
    }),
    fc.integer({ min: 1, max: 3 }).chain((w) =>
      fc.array(fc.array(cell, { minLength: w, maxLength: w }), {
        minLength: 1,
        maxLength: 20,
      })
    ),
    fc.constant(null).map(() => FALLS.map(([x]) => [x])),
    fc
      .array(fc.integer({ min: 0, max: 50 }), { minLength: 19, maxLength: 19 })
      .map((a) => a.map((v) => [v]))
  );
  const deeplyNested = fc.array(
    fc.array(fc.array(scalar, { maxLength: 2 }), {
      minLength: 1,
      maxLength: 2,
    }),
    { minLength: 1, maxLength: 2 }
  );
  const anything = fc.oneof(
    scalar,
    matrix,
    deeplyNested,
    fc.array(scalar, { maxLength: 3 }),
    fc.constant([]),
    fc.constant([[]]),
    fc.constant([[1], [2, 3]]),
    fc.constant({ value: 1 })
  );
  const argument = fc.oneof(
    { weight: 3, arbitrary: scalar },
    { weight: 2, arbitrary: matrix },
    { weight: 1, arbitrary: anything }
  );

  // Per function, arguments that are plausible in their place; each is mixed with junk below so
  // that both the working path and every error path are exercised.
  const count = fc.oneof(
    fc.integer({ min: 0, max: 40 }),
    fc.double({ min: 0, max: 1e7, noNaN: true })
  );
  const level = fc.constantFrom(null, 0.9, 0.95, 0.998, 0.9999, 95, 99.8, 99.99);
  const per = fc.constantFrom(null, 1, 100, 1000, 100000);
  const bands = fc
    .array(fc.integer({ min: 0, max: 50 }), { minLength: 19, maxLength: 19 })
    .map((a) => a.map((v) => [v]));
  const populations = fc
    .array(fc.integer({ min: 1, max: 5000 }), { minLength: 19, maxLength: 19 })
    .map((a) => [a]);
  const periodName = fc.constantFrom(
    "day",
    "WEEK",
    "month",
    "Quarter",
    "year",
    "per month",
    "per annum",
    "a week",
    "monthly",
    "p.a.",
    "each qtr"
  );
  const standard = fc.constantFrom(null, [["ESP2013"]], "ESP2013", "ESP2013 0+");
  const series = fc.oneof(
    fc
      .array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 30 })
      .map((a) => a.map((v) => [v])),
    fc
      .array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 })
      .map((a) => [a])
  );
  const improvement = fc.constantFrom(null, "increase", "Decrease", "neutral", "up");
  const plausible: Record<string, fc.Arbitrary<unknown>[]> = {
    RATE: [count, count, per],
    "RATE.CI": [count, count, level, per],
    PROPORTION: [count, count, per],
    "PROPORTION.CI": [count, count, level, per],
    DSR: [bands, populations, standard, per],
    "DSR.CI": [bands, populations, standard, level, per],
    UPLIFT: [count, count],
    TARGET: [count, fc.double({ min: -1, max: 5, noNaN: true })],
    PERIOD: [
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      periodName,
      periodName,
      fc.constantFrom(null, 52, 52.143, 365 / 7),
    ],
    SPLIT: [
      fc.double({ min: -1e9, max: 1e9, noNaN: true }),
      matrix,
      fc.constantFrom(null, 0, 2, 4),
    ],
    SPC: [series, improvement, fc.constantFrom(null, 2, 12, 24, 30)],
    // Mostly valid directions and baselines, so that results are as common as errors.
    "SPC.ASSURANCE": [
      series,
      fc.double({ min: 0, max: 200, noNaN: true }),
      fc.constantFrom("increase", "Decrease", "decrease", "neutral"),
      fc.constantFrom(null, null, 2, 30),
    ],
    FUNNEL: [
      fc.double({ min: 0, max: 5000, noNaN: true }),
      fc.double({ min: 0, max: 1e6, noNaN: true }),
      fc.constantFrom(null, "proportion", "Rate", "ratio"),
      fc.constantFrom(null, 0.95, 0.998, 95, 99.8, 0.9),
      per,
    ],
  };

  /** What each function must return when it does not throw. */
  const resultIsValid: Record<string, (v: unknown) => boolean> = {
    SPC: (v) =>
      Array.isArray(v) &&
      v.length > 1 &&
      v.every(
        (r) =>
          Array.isArray(r) &&
          r.length === 4 &&
          r.slice(0, 3).every(isFiniteNumber) &&
          typeof r[3] === "string" &&
          /^(common cause|special cause (improvement|concern|high|low))$/.test(r[3])
      ),
    "SPC.ASSURANCE": (v) =>
      v === "consistently passes target" ||
      v === "consistently fails target" ||
      v === "hit and miss",
    FUNNEL: (v) => isFiniteMatrix(v) && (v as number[][])[0].length === 2,
  };

  function isFiniteNumber(v: unknown): boolean {
    return typeof v === "number" && Number.isFinite(v);
  }

  function isFiniteMatrix(v: unknown): boolean {
    return (
      Array.isArray(v) &&
      v.length > 0 &&
      v.every((r) => Array.isArray(r) && r.length > 0 && r.every(isFiniteNumber))
    );
  }

  it.each(Object.keys(plausible).map((id) => [id]))(
    "%s gives a finite result or a CustomFunctions.Error",
    (id) => {
      const fn = registered.get(id) as (...args: unknown[]) => unknown;
      const matrixResult = id.endsWith(".CI") || id === "SPLIT";
      const args = fc.oneof(
        {
          weight: 4,
          arbitrary: fc.tuple(
            ...plausible[id].map((a) =>
              fc.oneof({ weight: 4, arbitrary: a }, { weight: 1, arbitrary: argument })
            )
          ),
        },
        {
          weight: 1,
          arbitrary: fc.array(argument, { minLength: 0, maxLength: 6 }),
        }
      );
      let results = 0;
      let errors = 0;
      fc.assert(
        fc.property(args, (list) => {
          let result: unknown;
          try {
            result = fn(...list);
          } catch (e) {
            expect(e).toBeInstanceOf(CustomFunctionsError);
            const err = e as CustomFunctionsError;
            expect(Object.values(ErrorCode)).toContain(err.code);
            // The catch-all message would mean the core threw something it did not mean to.
            expect(err.message).not.toBe("The inputs could not be used.");
            errors++;
            return;
          }
          const valid = resultIsValid[id] ?? (matrixResult ? isFiniteMatrix : isFiniteNumber);
          expect(valid(result)).toBe(true);
          results++;
        }),
        { numRuns: 500 }
      );
      // Both paths must really have been exercised for the property to mean anything.
      expect(results).toBeGreaterThan(25);
      expect(errors).toBeGreaterThan(25);
    }
  );

  it("SPC, SPC.ASSURANCE and FUNNEL give the core's figures through the wrappers", () => {
    const falls = [
      72, 68, 75, 70, 66, 74, 79, 83, 77, 71, 69, 73, 64, 62, 65, 61, 60, 63, 58, 66, 59, 57, 61,
      55,
    ];
    const rows = bcf.spc(
      falls.map((v) => [v]),
      "decrease",
      OMITTED
    );
    expect(rows).toHaveLength(24);
    expect(rows[0][0]).toBe(67);
    expect(rows[23][3]).toBe("special cause improvement");
    expect(bcf.spcAssurance([falls], 60, "decrease", OMITTED)).toBe("hit and miss");
    const [[lower, upper]] = bcf.funnel(2000, 8540, "rate", 0.95, OMITTED);
    // mpmath at 40 digits (tests/core/statistics/reference/funnel_reference.py).
    expect(lower).toBeCloseTo(1699.8980605279453, 9);
    expect(upper).toBeCloseTo(2311.2020658371825, 9);
  });

  it("SPLIT keeps the shape of the shares for any valid block", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.integer({ min: 1, max: 5 }).chain((w) =>
          fc.array(
            fc.array(fc.integer({ min: 1, max: 100 }), {
              minLength: w,
              maxLength: w,
            }),
            { minLength: 1, maxLength: 5 }
          )
        ),
        (total, shares) => {
          const parts = bcf.split(total, shares);
          expect(parts.map((r) => r.length)).toEqual(shares.map((r) => r.length));
        }
      )
    );
  });
});
