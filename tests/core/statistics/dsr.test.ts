import fc from "fast-check";
import {
  directlyStandardisedRate,
  dsrConfidenceInterval,
  ESP2013,
} from "../../../src/core/statistics/dsr";
import { FormulaInputError } from "../../../src/core/formulaError";
import { byarsLimits, expectClose, Z } from "./reference";

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof FormulaInputError) return e.code;
    throw e;
  }
  throw new Error("expected a FormulaInputError");
}

// The 2013 European Standard Population as published (0–4 … 85–89, 90+).
const ESP = [
  5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000,
  2500, 1500, 1000,
];

// Falls admissions by age band in an area of about Rutland's size (37,600 people, 8,540 aged 65+; seed 001).
const COUNTS = [0, 0, 0, 1, 0, 1, 0, 1, 1, 2, 2, 3, 4, 6, 12, 19, 27, 33, 29];
const POPULATIONS = [
  1700, 2000, 2300, 2500, 1800, 1500, 1600, 1900, 2300, 2700, 3100, 3000, 2660, 2100, 2200, 1760,
  1300, 780, 400,
];

/** DSR and Dobson limits straight from the PHE/OHID formulas. */
function referenceDsr(
  x: number[],
  n: number[],
  w: number[],
  z: number,
  m: number
): [number, number, number] {
  const sumW = w.reduce((a, b) => a + b, 0);
  let dsr = 0;
  let variance = 0;
  let observed = 0;
  for (let i = 0; i < x.length; i++) {
    dsr += (x[i] * w[i]) / n[i];
    variance += x[i] * (w[i] / n[i]) ** 2;
    observed += x[i];
  }
  dsr /= sumW;
  variance /= sumW ** 2;
  const [lo, hi] = byarsLimits(observed, z);
  const k = Math.sqrt(variance / observed);
  return [dsr * m, (dsr + k * (lo - observed)) * m, (dsr + k * (hi - observed)) * m];
}

const column = (values: number[]) => values.map((v) => [v]);
const row = (values: number[]) => [values];

describe("directly standardised rate", () => {
  it("defaults to the 2013 European Standard Population", () => {
    expect([...ESP2013]).toEqual(ESP);
    expect(ESP.reduce((a, b) => a + b, 0)).toBe(100000);
  });

  it("matches the published formula, from columns or rows", () => {
    const [expected] = referenceDsr(COUNTS, POPULATIONS, ESP, Z["0.95"], 100000);
    expectClose(directlyStandardisedRate(column(COUNTS), column(POPULATIONS)), expected);
    expectClose(directlyStandardisedRate(row(COUNTS), column(POPULATIONS)), expected);
  });

  it("matches Dobson's limits at 95% and 99.8%", () => {
    for (const level of ["0.95", "0.998"]) {
      const [, lower, upper] = referenceDsr(COUNTS, POPULATIONS, ESP, Z[level], 100000);
      const [l, u] = dsrConfidenceInterval(
        column(COUNTS),
        column(POPULATIONS),
        null,
        Number(level)
      );
      expectClose(l, lower);
      expectClose(u, upper);
    }
  });

  it("uses a given standard and multiplier", () => {
    const w = [10, 20, 30];
    const x = [4, 5, 6];
    const n = [100, 200, 400];
    const [expected, lower, upper] = referenceDsr(x, n, w, Z["0.95"], 1000);
    expectClose(directlyStandardisedRate(row(x), row(n), row(w), 1000), expected);
    const [l, u] = dsrConfidenceInterval(row(x), row(n), column(w), 95, 1000);
    expectClose(l, lower);
    expectClose(u, upper);
  });

  it("gives #N/A below 10 events in total", () => {
    const few = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 1];
    expect(codeOf(() => directlyStandardisedRate(column(few), column(POPULATIONS)))).toBe("#N/A");
    expect(codeOf(() => dsrConfidenceInterval(column(few), column(POPULATIONS)))).toBe("#N/A");
    const ten = [...few.slice(0, 18), 2];
    expect(() => dsrConfidenceInterval(column(ten), column(POPULATIONS))).not.toThrow();
  });

  it("gives Excel's errors for bad ranges", () => {
    expect(
      codeOf(() => directlyStandardisedRate(column(COUNTS.slice(1)), column(POPULATIONS)))
    ).toBe("#VALUE!");
    expect(
      codeOf(() => directlyStandardisedRate(column(COUNTS.slice(1)), column(POPULATIONS.slice(1))))
    ).toBe("#VALUE!");
    const blank: unknown[][] = column(COUNTS);
    blank[4] = [null];
    expect(codeOf(() => directlyStandardisedRate(blank, column(POPULATIONS)))).toBe("#VALUE!");
    blank[4] = [""];
    expect(codeOf(() => directlyStandardisedRate(blank, column(POPULATIONS)))).toBe("#VALUE!");
    blank[4] = ["12"];
    expect(codeOf(() => directlyStandardisedRate(blank, column(POPULATIONS)))).toBe("#VALUE!");
    const negative = [...COUNTS];
    negative[3] = -1;
    expect(codeOf(() => directlyStandardisedRate(column(negative), column(POPULATIONS)))).toBe(
      "#NUM!"
    );
    const zeroPop = [...POPULATIONS];
    zeroPop[0] = 0;
    expect(codeOf(() => directlyStandardisedRate(column(COUNTS), column(zeroPop)))).toBe("#DIV/0!");
    expect(
      codeOf(() =>
        directlyStandardisedRate(
          [
            [1, 2],
            [3, 4],
          ],
          [
            [1, 2],
            [3, 4],
          ],
          [
            [1, 2],
            [3, 4],
          ]
        )
      )
    ).toBe("#VALUE!");
    expect(codeOf(() => directlyStandardisedRate(row([5, 6]), row([10, 10]), row([0, 0])))).toBe(
      "#DIV/0!"
    );
    expect(
      codeOf(() => dsrConfidenceInterval(column(COUNTS), column(POPULATIONS), null, 0.5))
    ).toBe("#NUM!");
  });

  const band = fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 100000 }));
  const bands = fc
    .array(band, { minLength: 19, maxLength: 19 })
    .filter((b) => b.reduce((s, [x]) => s + x, 0) >= 10);
  const level = fc.double({ min: 0.9, max: 0.999, noNaN: true });

  it("keeps lower ≤ DSR ≤ upper and widens with confidence", () => {
    fc.assert(
      fc.property(bands, level, level, (b, c1, c2) => {
        const x = column(b.map(([xi]) => xi));
        const n = column(b.map(([, ni]) => ni));
        const [lo, hi] = c1 <= c2 ? [c1, c2] : [c2, c1];
        const value = directlyStandardisedRate(x, n);
        const [l1, u1] = dsrConfidenceInterval(x, n, null, lo);
        const [l2, u2] = dsrConfidenceInterval(x, n, null, hi);
        return l1 <= value && value <= u1 && l2 <= l1 && u2 >= u1;
      })
    );
  });
});
