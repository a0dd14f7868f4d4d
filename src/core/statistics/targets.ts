import { FormulaInputError, requireNumber } from "../formulaError";
import { finiteResult } from "./rate";

/**
 * Fractional change from a baseline to a target, (target − baseline) / baseline: 50 → 60 is 0.2
 * (+20%), 50 → 40 is −0.2 (a reduction). Baselines and targets are activity counts, so negatives are
 * #NUM!; a zero baseline has no fractional change (#DIV/0!).
 */
export function uplift(baseline: unknown, target: unknown): number {
  const b = requireNumber(baseline, "baseline");
  const t = requireNumber(target, "target");
  if (b < 0) throw new FormulaInputError("#NUM!", "baseline cannot be negative.");
  if (t < 0) throw new FormulaInputError("#NUM!", "target cannot be negative.");
  if (b === 0)
    throw new FormulaInputError("#DIV/0!", "baseline is zero, so there is no percentage change.");
  return finiteResult((t - b) / b);
}

/**
 * Target from a baseline and an uplift, baseline × (1 + uplift): 600 a year with 0.2 is 720.
 * An uplift below −1 (a fall of more than 100%) would give a negative target, so it is #NUM!.
 */
export function targetFromUplift(baseline: unknown, upliftFraction: unknown): number {
  const b = requireNumber(baseline, "baseline");
  const u = requireNumber(upliftFraction, "uplift");
  if (b < 0) throw new FormulaInputError("#NUM!", "baseline cannot be negative.");
  if (u < -1)
    throw new FormulaInputError("#NUM!", "uplift cannot be below −1 (a fall of more than 100%).");
  return finiteResult(b * (1 + u));
}
