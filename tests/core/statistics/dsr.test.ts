import fc from "fast-check";
import {
  directlyStandardisedRate,
  dsrConfidenceInterval,
  ESP2013,
} from "../../../src/core/statistics/dsr";
import { codeOf } from "./formulaErrors";
import { FormulaInputError } from "../../../src/core/formulaError";
import { byarsLimits, expectClose, Z } from "./reference";

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
    const blank: unknown[][] = column(POPULATIONS);
    blank[4] = [null];
    expect(codeOf(() => directlyStandardisedRate(column(COUNTS), blank))).toBe("#VALUE!");
    blank[4] = [""];
    expect(codeOf(() => directlyStandardisedRate(column(COUNTS), blank))).toBe("#VALUE!");
    const text: unknown[][] = column(COUNTS);
    text[4] = ["12"];
    expect(codeOf(() => directlyStandardisedRate(text, column(POPULATIONS)))).toBe("#VALUE!");
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
  const level = fc.double({ min: 0.9, max: 0.9999, noNaN: true });

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

// The falls metric's age group: people aged 65+, the six ESP2013 bands 65–69 … 90+.
const FALLS_65 = COUNTS.slice(13); // 6, 12, 19, 27, 33, 29: 126 admissions
const POPULATIONS_65 = POPULATIONS.slice(13); // 2,100, 2,200, 1,760, 1,300, 780, 400: 8,540 people
const ESP_65 = [5500, 5000, 4000, 2500, 1500, 1000]; // 19,500 in all

describe("standard given by name: ESP2013 and ESP2013 N+", () => {
  it("gives the falls metric's 65+ DSR on the worked example: 1,405.40 per 100,000", () => {
    // By hand, Σ xᵢ wᵢ / nᵢ over the six bands:
    //   6 × 5,500 / 2,100 = 15.714286    12 × 5,000 / 2,200 = 27.272727
    //  19 × 4,000 / 1,760 = 43.181818    27 × 2,500 / 1,300 = 51.923077
    //  33 × 1,500 /   780 = 63.461538    29 × 1,000 /   400 = 72.500000
    // Σ = 274.053446; ÷ 19,500 × 100,000 = 1,405.40 (the 19-band rate of the whole area is 312.21).
    expect(ESP_65.reduce((a, b) => a + b, 0)).toBe(19500);
    const value = directlyStandardisedRate(column(FALLS_65), column(POPULATIONS_65), "ESP2013 65+");
    expect(value).toBeCloseTo(1405.402, 3);
    const [expected] = referenceDsr(FALLS_65, POPULATIONS_65, ESP_65, Z["0.95"], 100000);
    expectClose(value, expected);
    expectClose(
      directlyStandardisedRate(column(FALLS_65), column(POPULATIONS_65), row(ESP_65)),
      expected
    );
  });

  it("matches Dobson's limits for ESP2013 65+ at 95%, 99.8% and 99.99%", () => {
    for (const level of ["0.95", "0.998", "0.9999"]) {
      const [, lower, upper] = referenceDsr(FALLS_65, POPULATIONS_65, ESP_65, Z[level], 100000);
      const [l, u] = dsrConfidenceInterval(
        column(FALLS_65),
        column(POPULATIONS_65),
        "ESP2013 65+",
        Number(level)
      );
      expectClose(l, lower);
      expectClose(u, upper);
    }
  });

  it('reads "ESP2013" as all 19 bands, in any case, as text or a one-cell range', () => {
    const [expected] = referenceDsr(COUNTS, POPULATIONS, ESP, Z["0.95"], 100000);
    for (const name of ["ESP2013", "esp2013", " ESP2013 0+ ", "Esp 2013", [["ESP2013"]]]) {
      expectClose(directlyStandardisedRate(column(COUNTS), column(POPULATIONS), name), expected);
    }
    const [, lower] = referenceDsr(COUNTS, POPULATIONS, ESP, Z["0.95"], 100000);
    expectClose(
      dsrConfidenceInterval(column(COUNTS), column(POPULATIONS), [["ESP2013"]])[0],
      lower
    );
    expectClose(
      directlyStandardisedRate(column(FALLS_65), column(POPULATIONS_65), [["esp2013 65+"]]),
      referenceDsr(FALLS_65, POPULATIONS_65, ESP_65, Z["0.95"], 100000)[0]
    );
  });

  it("takes the ESP2013 bands from N up for every N = 0, 5, …, 90", () => {
    for (let n = 0; n <= 90; n += 5) {
      const bands = 19 - n / 5;
      const x = COUNTS.slice(n / 5).map((c) => c + 10); // at least 10 events in every band
      const pops = POPULATIONS.slice(n / 5);
      const [expected] = referenceDsr(x, pops, ESP.slice(n / 5), Z["0.95"], 100000);
      expect(pops).toHaveLength(bands);
      expectClose(directlyStandardisedRate(column(x), column(pops), `ESP2013 ${n}+`), expected);
    }
  });

  it("gives #VALUE! for any other text", () => {
    for (const name of [
      "ESP2013 67+",
      "ESP2013 95+",
      "ESP2013 -5+",
      "ESP2013 65",
      "ESP2013 65-69",
      "ESP2011",
      "ESP",
      "European",
      "65+",
      "",
    ]) {
      expect(
        codeOf(() => directlyStandardisedRate(column(FALLS_65), column(POPULATIONS_65), name))
      ).toBe("#VALUE!");
    }
  });

  it("names the number of bands expected when counts or populations have another", () => {
    const messageOf = (fn: () => unknown): string => {
      expect(codeOf(fn)).toBe("#VALUE!");
      try {
        fn();
      } catch (err) {
        return (err as FormulaInputError).message;
      }
      return "";
    };
    const tooMany = messageOf(() =>
      directlyStandardisedRate(column(COUNTS), column(POPULATIONS), "ESP2013 65+")
    );
    expect(tooMany).toContain("counts has 19 cells");
    expect(tooMany).toContain("6 age bands (65–69 … 90+)");
    expect(tooMany).toContain("give 6 counts and 6 populations");
    expect(
      messageOf(() =>
        directlyStandardisedRate(column(FALLS_65), column(POPULATIONS), "ESP2013 65+")
      )
    ).toContain("populations has 19 cells");
    expect(
      messageOf(() => directlyStandardisedRate(column(FALLS_65), column(POPULATIONS_65)))
    ).toContain("19 age bands (0–4 … 90+); give 19 counts");
  });
});

describe("blank cells", () => {
  it("counts a blank count cell as no events, as PHE/OHID's tools do", () => {
    // Bands 0–4, 10–14 and 20–24 have 0 admissions; left blank they give the same rate.
    const withBlanks: unknown[][] = column(COUNTS);
    withBlanks[0] = [null];
    withBlanks[2] = [""];
    withBlanks[4] = [undefined];
    expect(directlyStandardisedRate(withBlanks, column(POPULATIONS))).toBe(
      directlyStandardisedRate(column(COUNTS), column(POPULATIONS))
    );
    expect(dsrConfidenceInterval(withBlanks, column(POPULATIONS))).toEqual(
      dsrConfidenceInterval(column(COUNTS), column(POPULATIONS))
    );
  });

  it("gives #VALUE! for a blank population or standard weight: no rate can be worked from it", () => {
    const pops: unknown[][] = column(POPULATIONS_65);
    pops[5] = [null];
    expect(codeOf(() => directlyStandardisedRate(column(FALLS_65), pops, "ESP2013 65+"))).toBe(
      "#VALUE!"
    );
    const weights: unknown[][] = column(ESP_65);
    weights[1] = [""];
    expect(
      codeOf(() => directlyStandardisedRate(column(FALLS_65), column(POPULATIONS_65), weights))
    ).toBe("#VALUE!");
  });
});

describe("named standards: properties", () => {
  const start = fc.integer({ min: 0, max: 18 }).map((k) => k * 5);
  it('"ESP2013 N+" is the same as giving the ESP2013 weights from N up', () => {
    fc.assert(
      fc.property(
        start,
        fc.array(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 1e5 })), {
          minLength: 19,
          maxLength: 19,
        }),
        (n, b) => {
          const bands = b.slice(n / 5);
          fc.pre(bands.reduce((s, [x]) => s + x, 0) >= 10);
          const x = column(bands.map(([xi]) => xi));
          const pops = column(bands.map(([, ni]) => ni));
          const w = column(ESP.slice(n / 5));
          expect(directlyStandardisedRate(x, pops, `ESP2013 ${n}+`)).toBe(
            directlyStandardisedRate(x, pops, w)
          );
          expect(dsrConfidenceInterval(x, pops, `ESP2013 ${n}+`, 0.9999)).toEqual(
            dsrConfidenceInterval(x, pops, w, 0.9999)
          );
        }
      )
    );
  });
});
