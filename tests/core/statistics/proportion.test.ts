import fc from "fast-check";
import { proportion, proportionConfidenceInterval } from "../../../src/core/statistics/proportion";
import { codeOf } from "./formulaErrors";
import { expectClose, wilson, Z } from "./reference";

describe("proportion", () => {
  it("is a fraction by default and percentage points with per = 100", () => {
    // ASCOF 2B style: 83 of 100 older people still at home 91 days after discharge.
    expectClose(proportion(83, 100), 0.83);
    expectClose(proportion(8540, 37600, 100), (8540 / 37600) * 100); // Rutland's share aged 65+ (seed 001)
  });

  it("gives Excel's errors for bad input", () => {
    expect(codeOf(() => proportion(101, 100))).toBe("#NUM!");
    expect(codeOf(() => proportion(-1, 100))).toBe("#NUM!");
    expect(codeOf(() => proportion(1, -100))).toBe("#NUM!");
    expect(codeOf(() => proportion(0, 0))).toBe("#DIV/0!");
    expect(codeOf(() => proportion("1", 10))).toBe("#VALUE!");
    expect(codeOf(() => proportion(1, true))).toBe("#VALUE!");
  });
});

describe("proportion confidence interval (Wilson score)", () => {
  it.each([
    [0, 10],
    [1, 10],
    [5, 10],
    [10, 10],
    [83, 100],
    [8540, 37600],
  ])("%d of %d matches the Wilson formula at 95%%, 99.8%% and 99.99%%", (x, n) => {
    for (const level of ["0.95", "0.998", "0.9999"]) {
      const [lower, upper] = wilson(x, n, Z[level]);
      const [l, u] = proportionConfidenceInterval(x, n, Number(level));
      expectClose(l, lower);
      expectClose(u, upper);
    }
  });

  it("scales by per and takes the confidence as a percentage", () => {
    const [lower, upper] = wilson(83, 100, Z["0.95"]);
    const [l, u] = proportionConfidenceInterval(83, 100, 95, 100);
    expectClose(l, lower * 100);
    expectClose(u, upper * 100);
    const [lower4, upper4] = wilson(83, 100, Z["0.9999"]);
    const [l4, u4] = proportionConfidenceInterval(83, 100, 99.99, 100);
    expectClose(l4, lower4 * 100);
    expectClose(u4, upper4 * 100);
  });

  it("gives #NUM! for a numerator above the denominator or a bad confidence", () => {
    expect(codeOf(() => proportionConfidenceInterval(11, 10))).toBe("#NUM!");
    expect(codeOf(() => proportionConfidenceInterval(1, 10, 0.05))).toBe("#NUM!");
    expect(codeOf(() => proportionConfidenceInterval(1, 10, 0.99995))).toBe("#NUM!");
    expect(codeOf(() => proportionConfidenceInterval(1, 10, 99.995))).toBe("#NUM!");
    expect(codeOf(() => proportionConfidenceInterval(1, 0))).toBe("#DIV/0!");
  });

  const pair = fc
    .tuple(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 1e-3, max: 1e7, noNaN: true })
    )
    .map(([p, n]) => [Math.min(n, p * n), n] as const);
  const level = fc.double({ min: 0.9, max: 0.9999, noNaN: true });

  it("keeps lower ≤ proportion ≤ upper within 0 to 1", () => {
    fc.assert(
      fc.property(pair, level, ([x, n], c) => {
        const [l, u] = proportionConfidenceInterval(x, n, c);
        const p = proportion(x, n);
        return 0 <= l && l <= p + 1e-15 && p <= u + 1e-15 && u <= 1;
      })
    );
  });

  it("widens as the confidence level rises", () => {
    fc.assert(
      fc.property(pair, level, level, ([x, n], c1, c2) => {
        const [lo, hi] = c1 <= c2 ? [c1, c2] : [c2, c1];
        const [l1, u1] = proportionConfidenceInterval(x, n, lo);
        const [l2, u2] = proportionConfidenceInterval(x, n, hi);
        return l2 <= l1 + 1e-15 && u2 >= u1 - 1e-15;
      })
    );
  });
});
