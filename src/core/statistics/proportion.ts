import { FormulaInputError, requireNumber } from "../formulaError";
import { confidenceConstants, confidenceLevel } from "./confidence";
import { finiteResult, multiplier } from "./rate";

function checkedProportionInputs(numerator: unknown, denominator: unknown): [number, number] {
  const x = requireNumber(numerator, "numerator");
  const n = requireNumber(denominator, "denominator");
  if (x < 0) throw new FormulaInputError("#NUM!", "numerator cannot be negative.");
  if (n < 0) throw new FormulaInputError("#NUM!", "denominator cannot be negative.");
  if (n === 0)
    throw new FormulaInputError("#DIV/0!", "denominator is zero, so there is no proportion.");
  if (x > n) {
    throw new FormulaInputError(
      "#NUM!",
      "numerator is larger than denominator; a proportion cannot exceed the whole."
    );
  }
  return [x, n];
}

/** Proportion numerator / denominator × per (per 1 by default, so it can be formatted as %). */
export function proportion(numerator: unknown, denominator: unknown, per: unknown = null): number {
  const [x, n] = checkedProportionInputs(numerator, denominator);
  return finiteResult((x / n) * multiplier(per, 1));
}

/**
 * Wilson score interval for a proportion, as [lower, upper] × per:
 * (2x + z² ∓ z√(z² + 4x(1 − x/n))) / (2(n + z²)).
 */
export function proportionConfidenceInterval(
  numerator: unknown,
  denominator: unknown,
  confidence: unknown = null,
  per: unknown = null
): [number, number] {
  const [x, n] = checkedProportionInputs(numerator, denominator);
  const z = confidenceConstants(confidenceLevel(confidence)).z;
  const m = multiplier(per, 1);
  const z2 = z * z;
  // max(0, …) only absorbs rounding when x = n; mathematically the term is never negative.
  const spread = z * Math.sqrt(z2 + Math.max(0, 4 * x * (1 - x / n)));
  const denom = 2 * (n + z2);
  let lower = (2 * x + z2 - spread) / denom;
  let upper = (2 * x + z2 + spread) / denom;
  // Rounding can push a limit a hair past 0 or 1 at x = 0 or x = n; the true limits never do.
  if (lower < 0) lower = 0;
  if (upper > 1) upper = 1;
  return [finiteResult(lower * m), finiteResult(upper * m)];
}
