import fc from "fast-check";
import { poolSplit } from "../../../src/core/statistics/poolSplit";
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

  it("rounds to other decimal places", () => {
    expect(poolSplit(100, [[1, 1, 1]], 0)).toEqual([[34, 33, 33]]);
    expect(poolSplit(936000, [[1, 1, 1, 1, 1, 1, 1]], -3)).toEqual([
      [134000, 134000, 134000, 134000, 134000, 133000, 133000],
    ]);
    expect(poolSplit(1, [[1, 1, 1]], 4)).toEqual([[0.3334, 0.3333, 0.3333]]);
  });

  it("rounds the total to the decimals first, as Excel's ROUND would", () => {
    expect(poolSplit(1.005, [[1]])).toEqual([[1.01]]);
    expect(poolSplit(0.1 + 0.2, [[1, 1]])).toEqual([[0.15, 0.15]]);
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
    expect(codeOf(() => poolSplit(100, [[1]], 10))).toBe("#NUM!");
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
  it("splits by weights of very different sizes without overflowing", () => {
    expect(poolSplit(1e9, [[1e300, 1e-300]])).toEqual([[1e9, 0]]);
    expect(codeOf(() => poolSplit(1e9, [[1e308, 1e308]]))).toBe("#NUM!");
  });
});
