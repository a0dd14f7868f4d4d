/**
 * Independent reference calculations for the statistics tests, written straight from the published
 * formulas (PHE/OHID technical guidance) without using the code or the @stdlib packages under test.
 */

/** Normal quantiles Φ⁻¹(1 − α/2) for the common confidence levels (published constants). */
export const Z: Record<string, number> = {
  "0.9": 1.6448536269514722,
  "0.95": 1.959963984540054,
  "0.99": 2.5758293035489004,
  "0.998": 3.090232306167813,
  // √2 · erfinv(0.9999), worked to 30 digits with mpmath: 3.890591886413093967…
  "0.9999": 3.890591886413094,
};

/** P(X ≥ x) for X ~ Poisson(λ), summing the upper tail term by term. */
function poissonUpperTail(x: number, lambda: number): number {
  let term = Math.exp(-lambda);
  for (let k = 1; k <= x; k++) term *= lambda / k;
  let sum = 0;
  for (let k = x; k < x + 2000; k++) {
    sum += term;
    term *= lambda / (k + 1);
    if (term < 1e-300 || term < sum * 1e-18) break;
  }
  return sum;
}

/** P(X ≤ x) for X ~ Poisson(λ). */
function poissonCdf(x: number, lambda: number): number {
  let term = Math.exp(-lambda);
  let sum = term;
  for (let k = 1; k <= x; k++) {
    term *= lambda / k;
    sum += term;
  }
  return sum;
}

function bisect(f: (l: number) => number, lo: number, hi: number): number {
  for (let i = 0; i < 300; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > 0) hi = mid;
    else lo = mid;
    if (hi - lo <= 1e-15 * hi) break;
  }
  return (lo + hi) / 2;
}

/**
 * Exact (Garwood) Poisson limits on a whole count x: the λ with P(X ≥ x | λ) = α/2 (lower) and
 * P(X ≤ x | λ) = α/2 (upper), found by bisection.
 */
export function exactPoissonLimits(x: number, level: number): [number, number] {
  const half = (1 - level) / 2;
  const lower = x === 0 ? 0 : bisect((l) => poissonUpperTail(x, l) - half, 0, x + 100);
  const upper = bisect((l) => half - poissonCdf(x, l), x, x + 100);
  return [lower, upper];
}

/** Byar's approximation to the Poisson limits on a count x (used from 10 events). */
export function byarsLimits(x: number, z: number): [number, number] {
  const lower = x * Math.pow(1 - 1 / (9 * x) - z / (3 * Math.sqrt(x)), 3);
  const upper = (x + 1) * Math.pow(1 - 1 / (9 * (x + 1)) + z / (3 * Math.sqrt(x + 1)), 3);
  return [lower, upper];
}

/** Wilson score interval for x out of n. */
export function wilson(x: number, n: number, z: number): [number, number] {
  const a = 2 * x + z * z;
  const b = z * Math.sqrt(z * z + 4 * x * (1 - x / n));
  const c = 2 * (n + z * z);
  return [(a - b) / c, (a + b) / c];
}

/** Relative closeness, with an absolute floor for values at or near zero. */
export function expectClose(actual: number, expected: number, rel = 1e-9): void {
  const tolerance = Math.max(Math.abs(expected) * rel, 1e-12);
  if (!(Math.abs(actual - expected) <= tolerance)) {
    throw new Error(
      `expected ${expected}, got ${actual} (difference ${actual - expected}, tolerance ${tolerance})`
    );
  }
}
