import quantileNormal from "@stdlib/stats-base-dists-normal-quantile";
import { FormulaInputError, requireNumber } from "../formulaError";

/** The confidence level when the argument is left out. */
export const DEFAULT_CONFIDENCE = 0.95;

/**
 * A confidence level as a fraction. Analysts type either 0.95 or 95 (and 0.998 or 99.8 for the
 * 99.8% limits on funnel plots, up to 0.9999 or 99.99 for four-nines limits); anything outside
 * 0.9–0.9999 / 90–99.99 is far more likely a slip (0.05 meant as alpha, 9.5 meant as 95) than a real
 * request, so it is #NUM! rather than guessed at.
 */
export function confidenceLevel(confidence: unknown): number {
  if (confidence === null || confidence === undefined) return DEFAULT_CONFIDENCE;
  const c = requireNumber(confidence, "confidence");
  if (c >= 0.9 && c <= 0.9999) return c;
  // 99.99 / 100 is 0.99989999…; at 15 digits it is the 0.9999 the user meant, as 0.9999 typed is.
  if (c >= 90 && c <= 99.99) return Number((c / 100).toPrecision(15));
  throw new FormulaInputError(
    "#NUM!",
    "confidence must be a fraction from 0.9 to 0.9999 or a percentage from 90 to 99.99 (e.g. 0.95 or 95)."
  );
}

/**
 * Everything that depends only on the confidence level, worked out once per level: the normal
 * quantile for Byar's and Wilson, and (filled lazily) the exact Poisson limits for counts 0–9,
 * whose chi-squared quantiles are far too slow to recompute on every cell.
 */
export interface ConfidenceConstants {
  readonly level: number;
  /** Two-sided alpha, 1 − level. */
  readonly alpha: number;
  /** z = Φ⁻¹(1 − α/2). */
  readonly z: number;
  /** Exact Poisson lower / upper limits on the count for x = 0..9; NaN until first needed. */
  readonly exactLower: Float64Array;
  readonly exactUpper: Float64Array;
}

const MAX_CACHED_LEVELS = 64;
const cache = new Map<number, ConfidenceConstants>();
let last: ConfidenceConstants | undefined;
let previous: ConfidenceConstants | undefined;

export function confidenceConstants(level: number): ConfidenceConstants {
  // Sheets often alternate two levels (95% and 99.8% limits side by side): check both before the Map.
  if (last !== undefined && last.level === level) return last;
  if (previous !== undefined && previous.level === level) {
    const swap = previous;
    previous = last;
    last = swap;
    return swap;
  }
  let found = cache.get(level);
  if (found === undefined) {
    // A sheet uses one or two levels; a bounded cache stops odd inputs growing it without limit.
    if (cache.size >= MAX_CACHED_LEVELS) cache.clear();
    const alpha = 1 - level;
    found = {
      level,
      alpha,
      z: quantileNormal(1 - alpha / 2, 0, 1),
      exactLower: new Float64Array(10).fill(Number.NaN),
      exactUpper: new Float64Array(10).fill(Number.NaN),
    };
    cache.set(level, found);
  }
  previous = last;
  last = found;
  return found;
}
