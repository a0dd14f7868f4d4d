import fc from "fast-check";
import {
  largestRemainder,
  largestRemainderSafe,
  poolSplit,
} from "../../../src/core/statistics/poolSplit";
import { codeOf } from "./formulaErrors";

const pence = (v: number) => Math.round(v * 100);

describe("poolSplit", () => {
  it("splits seed 001's £936,000 into its two schemes", () => {
    expect(poolSplit(936000, [[240000], [696000]])).toEqual([[240000], [696000]]);
    expect(poolSplit(240000, [[125000, 115000]])).toEqual([[125000, 115000]]);
  });

  it("treats weights, fractions and percentages alike", () => {
    expect(poolSplit(936000, [[60, 40]])).toEqual([[561600, 374400]]);
    expect(poolSplit(936000, [[0.6, 0.4]])).toEqual([[561600, 374400]]);
    expect(poolSplit(100, [[0.1], [0.2], [0.7]])).toEqual([[10], [20], [70]]);
  });

  it("gives the odd pennies to the largest remainders, the earlier share on a tie", () => {
    expect(poolSplit(100, [[1, 1, 1]])).toEqual([[33.34, 33.33, 33.33]]);
    expect(poolSplit(0.02, [[1, 1, 1]])).toEqual([[0.01, 0.01, 0]]);
    expect(poolSplit(0.05, [[0.1, 0.3, 0.6]])).toEqual([[0.01, 0.01, 0.03]]);
    // 10.00 in 1:2 is 3.333… and 6.666…: the larger remainder (0.67 pence) takes the penny.
    expect(poolSplit(10, [[1, 2]])).toEqual([[3.33, 6.67]]);
    expect(poolSplit(1, [[0, 1, 0, 1]])).toEqual([[0, 0.5, 0, 0.5]]);
  });

  it("rounds to other decimal places, 0 to 4", () => {
    expect(poolSplit(100, [[1, 1, 1]], 0)).toEqual([[34, 33, 33]]);
    expect(poolSplit(1, [[1, 1, 1]], 4)).toEqual([[0.3334, 0.3333, 0.3333]]);
    expect(poolSplit(1, [[1, 1, 1]], 1)).toEqual([[0.4, 0.3, 0.3]]);
  });

  it("rounds the total to the decimals first, half away from zero, as Excel's ROUND would", () => {
    expect(poolSplit(1.005, [[1]])).toEqual([[1.01]]); // 1.005 as Excel shows it, not 1.00499999…
    expect(poolSplit(0.1 + 0.2, [[1, 1]])).toEqual([[0.15, 0.15]]);
    expect(poolSplit(0.125, [[1]])).toEqual([[0.13]]);
    expect(poolSplit(-0.125, [[1]])).toEqual([[-0.13]]);
    expect(poolSplit(2.5, [[1]], 0)).toEqual([[3]]);
    expect(poolSplit(-2.5, [[1]], 0)).toEqual([[-3]]);
    expect(poolSplit(0.49999, [[1]], 0)).toEqual([[0]]);
  });

  it("does not let float noise move a penny: 792,199.59 in 14 : 4 : 20 : 11", () => {
    // By hand, in pence: 79,219,959 × share ÷ 49.
    //   14: 1,109,079,426 ÷ 49 = 22,634,274 exactly (remainder 0)
    //    4:   316,879,836 ÷ 49 =  6,466,935 remainder 21
    //   20: 1,584,399,180 ÷ 49 = 32,334,677 remainder 7
    //   11:   871,419,549 ÷ 49 = 17,784,072 remainder 21
    // The whole pence add up to 79,219,958: one penny left, and the 4 and the 11 tie on 21/49 exactly,
    // so it goes to the earlier share, the 4. (In floats the 11's remainder came out larger.)
    expect(poolSplit(792199.59, [[14], [4], [20], [11]])).toEqual([
      [226342.74],
      [64669.36],
      [323346.77],
      [177840.72],
    ]);
    expect(226342.74 * 100 + 64669.36 * 100 + 323346.77 * 100 + 177840.72 * 100).toBeCloseTo(
      79219959,
      6
    );
    expect(poolSplit(-792199.59, [[14, 4, 20, 11]])).toEqual([
      [-226342.74, -64669.36, -323346.77, -177840.72],
    ]);
  });

  it("takes shares as typed, so decimal shares that tie do tie", () => {
    // 10p in 0.1 : 0.3 = 1 : 3 is 2.5p and 7.5p: the two halves tie and the earlier share gets the penny.
    expect(poolSplit(0.1, [[0.1, 0.3]])).toEqual([[0.03, 0.07]]);
    // 2p in 0.1 : 0.3 is 0.5p and 1.5p: a tie again, the first share's half penny goes up.
    expect(poolSplit(0.02, [[0.1, 0.3]])).toEqual([[0.01, 0.01]]);
    // 2p in four equal shares of a block: the first two in reading order (along the first row).
    expect(
      poolSplit(0.02, [
        [1, 1],
        [1, 1],
      ])
    ).toEqual([
      [0.01, 0.01],
      [0, 0],
    ]);
    expect(poolSplit(0.02, [[1], [1], [1], [1]])).toEqual([[0.01], [0.01], [0], [0]]);
    // Shares worked out by formula: =1/3 three times are the same number, so they tie.
    expect(poolSplit(0.05, [[1 / 3, 1 / 3, 1 / 3]])).toEqual([[0.02, 0.02, 0.01]]);
  });

  it("splits a negative total into negative parts that add up to it", () => {
    expect(poolSplit(-100, [[1, 1, 1]])).toEqual([[-33.34, -33.33, -33.33]]);
    expect(Object.is(poolSplit(-0.01, [[1, 1]])[0][1], 0)).toBe(true);
  });

  it("gives Excel's errors for bad input", () => {
    expect(codeOf(() => poolSplit(100, [[1, -1]]))).toBe("#NUM!");
    expect(codeOf(() => poolSplit(100, [[0, 0]]))).toBe("#DIV/0!");
    expect(codeOf(() => poolSplit(100, [[1, null]]))).toBe("#VALUE!");
    expect(codeOf(() => poolSplit(100, [[1, "2"]]))).toBe("#VALUE!");
    expect(codeOf(() => poolSplit(100, [[1, true]]))).toBe("#VALUE!");
    expect(codeOf(() => poolSplit(100, [[1, 2], [3]]))).toBe("#VALUE!");
    expect(codeOf(() => poolSplit(100, []))).toBe("#VALUE!");
    expect(codeOf(() => poolSplit("100", [[1]]))).toBe("#VALUE!");
    expect(codeOf(() => poolSplit(100, [[1]], 1.5))).toBe("#NUM!");
    expect(codeOf(() => poolSplit(100, [[1]], 5))).toBe("#NUM!");
    expect(codeOf(() => poolSplit(100, [[1]], -1))).toBe("#NUM!");
    expect(codeOf(() => poolSplit(100, [[1]], -3))).toBe("#NUM!");
    expect(codeOf(() => poolSplit(100, [[1]], "2"))).toBe("#VALUE!");
    expect(codeOf(() => poolSplit(100, [[-0.01, 5]]))).toBe("#NUM!");
    expect(codeOf(() => poolSplit(100, [[0]]))).toBe("#DIV/0!");
    expect(codeOf(() => poolSplit(1e20, [[1]]))).toBe("#NUM!");
  });

  const total = fc.oneof(
    fc.integer({ min: -1e9, max: 1e11 }).map((p) => p / 100),
    fc.double({ min: -1e9, max: 1e9, noNaN: true })
  );
  const share = fc.oneof(
    fc.integer({ min: 0, max: 1000 }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 0, max: 1e9, noNaN: true })
  );
  const shares = fc
    .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
    .chain(([rows, cols]) =>
      fc.array(fc.array(share, { minLength: cols, maxLength: cols }), {
        minLength: rows,
        maxLength: rows,
      })
    )
    .filter((m) => m.flat().some((s) => s > 0));

  it("parts add up to the total to the penny, none negative-signed against it, shape kept", () => {
    fc.assert(
      fc.property(total, shares, (t, s) => {
        const parts = poolSplit(t, s);
        expect(parts.length).toBe(s.length);
        parts.forEach((r, i) => expect(r.length).toBe(s[i].length));
        const flat = parts.flat();
        const expectedPence =
          Math.round(Number((Math.abs(t) * 100).toPrecision(15))) * (t < 0 ? -1 : 1) + 0; // + 0 turns -0 into 0
        expect(flat.reduce((a, p) => a + pence(p), 0)).toBe(expectedPence);
        for (const p of flat) {
          expect(Number.isFinite(p)).toBe(true);
          expect(pence(p) / 100).toBe(p); // a whole number of pence
          if (t >= 0) expect(p).toBeGreaterThanOrEqual(0);
          else expect(p).toBeLessThanOrEqual(0);
        }
      })
    );
  });

  const places = fc.integer({ min: 0, max: 4 });
  const anyTotal = fc.oneof(
    total,
    fc.double({ min: -1e11, max: 1e11, noNaN: true }),
    fc.integer({ min: -1e9, max: 1e9 }).map((u) => u / 1000 + 0.0005) // a half at the 3rd place
  );

  it("parts add up exactly to the total rounded to the decimals, for any shares", () => {
    fc.assert(
      fc.property(anyTotal, shares, places, (t, s, d) => {
        const unit = 10 ** d;
        const rounded = poolSplit(t, [[1]], d)[0][0];
        // The rounded total is the total to within half a unit (plus the total's own float error).
        expect(Math.abs(rounded - t)).toBeLessThanOrEqual(0.5 / unit + Math.abs(t) * 1e-15);
        const units = poolSplit(t, s, d)
          .flat()
          .map((p) => {
            // A whole number of units: the part is the double nearest that many units.
            expect(Math.round(p * unit) / unit + 0).toBe(p + 0);
            return BigInt(Math.round(p * unit));
          });
        expect(units.reduce((a, b) => a + b, 0n)).toBe(BigInt(Math.round(rounded * unit)));
      })
    );
  });

  it("leaves a total already at the decimals as it is", () => {
    fc.assert(
      fc.property(fc.integer({ min: -9e11, max: 9e11 }), places, (n, d) => {
        const v = n / 10 ** d;
        expect(poolSplit(v, [[1]], d)[0][0]).toBe(v + 0);
        expect(poolSplit(v, [[1]], 4)[0][0]).toBe(v + 0);
      })
    );
  });

  it("gives the left-over units to the largest exact remainders, ties to the earlier share", () => {
    const whole = fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        whole.filter((w) => w.some((x) => x > 0)),
        (pence, w) => {
          // Exact reference in integers: each share's whole pence and its remainder (over Σw).
          const sum = BigInt(w.reduce((a, b) => a + b, 0));
          const floor = w.map((x) => (BigInt(pence) * BigInt(x)) / sum);
          const rem = w.map((x) => (BigInt(pence) * BigInt(x)) % sum);
          const got = poolSplit(pence / 100, [w])
            .flat()
            .map((p) => BigInt(Math.round(p * 100)));
          const extra = got.map((g, i) => g - floor[i]);
          extra.forEach((e, i) => {
            expect(e === 0n || e === 1n).toBe(true);
            if (w[i] === 0) expect(e).toBe(0n);
          });
          // No share that missed out has a larger remainder, or an equal one and an earlier place.
          for (let i = 0; i < w.length; i++) {
            if (extra[i] !== 1n) continue;
            for (let j = 0; j < w.length; j++) {
              if (extra[j] !== 0n || w[j] === 0) continue;
              expect(rem[j] < rem[i] || (rem[j] === rem[i] && j > i)).toBe(true);
            }
          }
        }
      )
    );
  });

  it("each part is within a penny of its exact share, and a zero share gets nothing", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e10 }), shares, (units, s) => {
        const t = units / 100;
        const flat = s.flat();
        const sum = flat.reduce((a, b) => a + b, 0);
        poolSplit(t, s)
          .flat()
          .forEach((p, i) => {
            expect(Math.abs(pence(p) - (units * flat[i]) / sum)).toBeLessThan(1 + 1e-6);
            if (flat[i] === 0) expect(p).toBe(0);
          });
      })
    );
  });
});

describe("poolSplit with extreme shares", () => {
  it("splits by weights of any size exactly, without overflowing", () => {
    expect(poolSplit(1e9, [[1e300, 1e-300]])).toEqual([[1e9, 0]]);
    expect(poolSplit(1e9, [[1e308, 1e308]])).toEqual([[5e8, 5e8]]);
    expect(poolSplit(0.03, [[5e-324, 5e-324, 5e-324]])).toEqual([[0.01, 0.01, 0.01]]);
    // The largest totals keep every penny: 900,719,925,474,099p in halves is …049.5p each.
    expect(poolSplit(9007199254740.99, [[1, 1]])).toEqual([[4503599627370.5, 4503599627370.49]]);
  });
});

describe("largest remainder in whole numbers", () => {
  it("works the 792,199.59 example by hand: 79,219,959p in 14 : 4 : 20 : 11", () => {
    const expected = [22634274, 6466936, 32334677, 17784072];
    expect(largestRemainderSafe(79219959, [14, 4, 20, 11])).toEqual(expected);
    expect(largestRemainder(79219959n, [14n, 4n, 20n, 11n])).toEqual(expected.map(BigInt));
  });

  it("gives the same parts in ordinary numbers as in BigInt wherever both are exact", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 10 }),
        (units, shares) => {
          fc.pre(shares.some((s) => s > 0));
          expect(largestRemainderSafe(units, shares).map(BigInt)).toEqual(
            largestRemainder(BigInt(units), shares.map(BigInt))
          );
        }
      )
    );
  });
});
