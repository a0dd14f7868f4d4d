import { FormulaInputError, requireNumber } from "../formulaError";
import { ConfidenceConstants, confidenceConstants, confidenceLevel } from "./confidence";
import { finiteResult, multiplier } from "./rate";
import { gammaTailQuantile } from "./incompleteGamma";

/** Below this many events the limits are exact Poisson; from it, Byar's approximation (PHE/OHID method). */
export const EXACT_POISSON_BELOW = 10;

/**
 * The exact limits are half the chi-squared quantiles at α/2 on 2x and 1 − α/2 on 2x + 2 degrees
 * of freedom, that is the gamma quantiles with shape x and x + 1, solved for on the small tail.
 */
function exactLower(x: number, c: ConfidenceConstants): number {
  // For a vanishing fractional count the limit underflows to 0.
  if (x < 1e-6) return 0;
  return gammaTailQuantile(c.alpha / 2, x, "lower");
}

function exactUpper(x: number, c: ConfidenceConstants): number {
  return gammaTailQuantile(c.alpha / 2, x + 1, "upper");
}

/** Lower confidence limit on a Poisson count x ≥ 0 (exact below 10, Byar's from 10). */
export function poissonLowerLimit(x: number, c: ConfidenceConstants): number {
  if (x < EXACT_POISSON_BELOW) {
    const i = x | 0;
    if (i !== x) return exactLower(x, c); // a fractional count (e.g. an average) is not cached
    let v = c.exactLower[i];
    if (v !== v) v = c.exactLower[i] = exactLower(x, c);
    return v;
  }
  const t = 1 - 1 / (9 * x) - c.z / (3 * Math.sqrt(x));
  return x * t * t * t;
}

/** Upper confidence limit on a Poisson count x ≥ 0 (exact below 10, Byar's from 10). */
export function poissonUpperLimit(x: number, c: ConfidenceConstants): number {
  if (x < EXACT_POISSON_BELOW) {
    const i = x | 0;
    if (i !== x) return exactUpper(x, c);
    let v = c.exactUpper[i];
    if (v !== v) v = c.exactUpper[i] = exactUpper(x, c);
    return v;
  }
  const y = x + 1;
  const t = 1 - 1 / (9 * y) + c.z / (3 * Math.sqrt(y));
  return y * t * t * t;
}

export interface RateWithInterval {
  rate: number;
  lower: number;
  upper: number;
}

/** The count and population checks shared by the rate functions (kept tuple-free: this is the hot path). */
function checkedCount(count: unknown): number {
  const x = requireNumber(count, "count");
  if (x < 0) throw new FormulaInputError("#NUM!", "count cannot be negative.");
  return x;
}

function checkedPopulation(population: unknown): number {
  const n = requireNumber(population, "population");
  if (n < 0) throw new FormulaInputError("#NUM!", "population cannot be negative.");
  if (n === 0) throw new FormulaInputError("#DIV/0!", "population is zero, so there is no rate.");
  return n;
}

/**
 * Confidence limits of a crude rate, as [lower, upper] per `per` (100,000 by default).
 * Kept allocation-light: it is what =BCF.RATE.CI runs on every recalculation.
 */
export function rateConfidenceInterval(
  count: unknown,
  population: unknown,
  confidence: unknown = null,
  per: unknown = null
): [number, number] {
  const x = checkedCount(count);
  const n = checkedPopulation(population);
  const c = confidenceConstants(confidenceLevel(confidence));
  const scale = multiplier(per, 100000) / n;
  return [
    finiteResult(poissonLowerLimit(x, c) * scale),
    finiteResult(poissonUpperLimit(x, c) * scale),
  ];
}

/** Crude rate with its confidence limits (exact Poisson below 10 events, Byar's from 10). */
export function rateWithInterval(
  count: unknown,
  population: unknown,
  confidence: unknown = null,
  per: unknown = null
): RateWithInterval {
  const [lower, upper] = rateConfidenceInterval(count, population, confidence, per);
  const rate = finiteResult(
    (checkedCount(count) / checkedPopulation(population)) * multiplier(per, 100000)
  );
  return { rate, lower, upper };
}
