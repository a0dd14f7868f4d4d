import quantileChisquare from "@stdlib/stats-base-dists-chisquare-quantile";
import { gammaTailQuantile, incompleteGamma } from "../../../src/core/statistics/incompleteGamma";
import { rateConfidenceInterval } from "../../../src/core/statistics/rateInterval";

/**
 * The exact Poisson limits were half of @stdlib's chi-squared quantiles; they are now solved for on
 * the incomplete gamma function here. @stdlib stays as the reference: across the confidence levels
 * the functions accept and the counts that use exact limits (whole and fractional, 0–10), the two
 * agree to 1e-12 relative.
 */
const ALPHAS = [0.1, 0.05, 0.02, 0.01, 0.002, 0.001, 0.0002, 0.0001];
const COUNTS: number[] = [];
for (let x = 0; x <= 10; x++) COUNTS.push(x);
for (let x = 0.01; x < 10; x += 0.0731) COUNTS.push(x);
COUNTS.push(1e-5, 1e-3, 0.05, 0.5, 2.5, 9.999);

function relative(actual: number, expected: number): number {
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}

describe("gamma tail quantile (half the chi-squared quantile)", () => {
  it.each(ALPHAS)("agrees with @stdlib's chi-squared quantile to 1e-12 at α = %s", (alpha) => {
    let worst = 0;
    let at = "";
    for (const x of COUNTS) {
      const checks: Array<[number, number, string]> = [
        [
          gammaTailQuantile(alpha / 2, x + 1, "upper"),
          quantileChisquare(1 - alpha / 2, 2 * x + 2) / 2,
          "upper",
        ],
      ];
      if (x > 0)
        checks.push([
          gammaTailQuantile(alpha / 2, x, "lower"),
          quantileChisquare(alpha / 2, 2 * x) / 2,
          "lower",
        ]);
      for (const [mine, reference, which] of checks) {
        const r = relative(mine, reference);
        if (!(r <= worst)) {
          worst = r;
          at = `${which} x = ${x}: ${mine} vs ${reference}`;
        }
      }
    }
    if (!(worst < 1e-12)) throw new Error(`relative difference ${worst} at ${at}`);
  });

  it("gives x where the tail holds the chance asked for", () => {
    for (const s of [0.3, 1, 4, 9.5, 40]) {
      for (const tail of [1e-6, 0.001, 0.025, 0.4]) {
        const lower = gammaTailQuantile(tail, s, "lower");
        const upper = gammaTailQuantile(tail, s, "upper");
        expect(relative(incompleteGamma(s, lower).lower, tail)).toBeLessThan(1e-12);
        expect(relative(incompleteGamma(s, upper).upper, tail)).toBeLessThan(1e-12);
      }
    }
  });

  it("finds a lower limit far below the double range's everyday numbers", () => {
    // P(s, x) ≈ x^s / Γ(s + 1) for tiny x: with s = 0.01 and a 2.5% tail, x is about 1e-160.
    const x = gammaTailQuantile(0.025, 0.01, "lower");
    expect(x).toBeGreaterThan(0);
    expect(x).toBeLessThan(1e-150);
    expect(relative(x, quantileChisquare(0.025, 0.02) / 2)).toBeLessThan(1e-12);
  });

  it("never narrows as the confidence level rises, even between levels an ulp apart", () => {
    expect(rateConfidenceInterval(4, 1, 0.9000000000000001)[1]).toBeGreaterThanOrEqual(
      rateConfidenceInterval(4, 1, 0.9)[1]
    );
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let t = 0; t < 3000; t++) {
      const x = t % 2 ? Math.floor(next() * 10) : 1e-3 + next() * 10;
      const low = 0.9 + next() * 0.0999;
      let high = low;
      for (let k = 0; k <= t % 4; k++) high += high * 1.1e-16; // one to four ulps up
      const [a1, a2] = [1 - low, 1 - high];
      const lower = [a1, a2].map((a) => gammaTailQuantile(a / 2, x, "lower"));
      const upper = [a1, a2].map((a) => gammaTailQuantile(a / 2, x + 1, "upper"));
      if (!(lower[1] <= lower[0] && upper[1] >= upper[0]))
        throw new Error(`x = ${x}, levels ${low} and ${high}: ${lower} / ${upper}`);
    }
  });

  it("keeps the published 95% limits for 0–9 events", () => {
    expect(rateConfidenceInterval(0, 1, null, 1)[1]).toBeCloseTo(3.6889, 4);
    expect(rateConfidenceInterval(9, 1, null, 1)[0]).toBeCloseTo(4.1154, 4);
  });
});
