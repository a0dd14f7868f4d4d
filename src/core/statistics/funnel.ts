import quantileNormal from "@stdlib/stats-base-dists-normal-quantile";
import { FormulaInputError, requireNumber } from "../formulaError";
import { shapeWhereLowerIs, shapeWhereUpperIs } from "./incompleteGamma";
import { finiteResult, multiplier } from "./rate";

/**
 * Funnel plot control limits at one denominator, as PHEindicatormethods' calculate_funnel_limits
 * draws them: 95% ("2 sigma") and 99.8% ("3 sigma") limits around the average of all areas.
 */

/** The largest expected count (average ÷ per × denominator) a rate funnel is worked out for. */
export const MAX_EXPECTED_EVENTS = 1e9;

export type FunnelStatistic = "proportion" | "rate";

/** The funnels PHE draws: 95% and 99.8%. */
export const FUNNEL_LEVELS = [0.95, 0.998] as const;
export type FunnelLevel = (typeof FUNNEL_LEVELS)[number];

export function funnelStatistic(value: unknown): FunnelStatistic {
  if (value === null || value === undefined || value === "") return "proportion";
  if (typeof value === "string") {
    const v = value.trim().toLowerCase();
    if (v === "proportion" || v === "rate") return v;
  }
  throw new FormulaInputError("#VALUE!", 'statistic must be "proportion" or "rate".');
}

/** 0.95 or 0.998 (or 95 / 99.8): the two levels funnel plots use; 99.8% when left out. */
export function funnelLevel(value: unknown): FunnelLevel {
  if (value === null || value === undefined) return 0.998;
  const c = requireNumber(value, "confidence");
  if (c === 0.95 || c === 95) return 0.95;
  if (c === 0.998 || c === 99.8) return 0.998;
  throw new FormulaInputError(
    "#NUM!",
    "confidence must be 0.95 or 0.998 (or 95 or 99.8): the two limits of a funnel plot."
  );
}

/** One tail's probability: 0.025 for 95% limits, 0.001 for 99.8%, written exactly. */
function tail(level: FunnelLevel): number {
  return level === 0.95 ? 0.025 : 0.001;
}

let zCache: Record<FunnelLevel, number> | undefined;
function zOf(level: FunnelLevel): number {
  zCache ??= {
    0.95: quantileNormal(0.975, 0, 1),
    0.998: quantileNormal(0.999, 0, 1),
  };
  return zCache[level];
}

/**
 * Proportion limits: the observed proportions whose Wilson score interval just reaches the
 * average. PHE writes the solution as a long quadratic formula; it simplifies to
 * average ± z √(average (1 − average) / n), which is what is computed here.
 */
export function proportionFunnel(p: number, n: number, level: FunnelLevel): [number, number] {
  const half = zOf(level) * Math.sqrt((p * (1 - p)) / n);
  return [Math.max(0, p - half), Math.min(1, p + half)];
}

/**
 * Rate limits on the count at expected count μ, on PHE's exact-Poisson curve made continuous:
 * upper U where P(U, μ) = α, lower L where Q(L + 1, μ) = α (0 when e^−μ ≥ α). At the whole
 * counts PHE tabulates these are PHE's points.
 */
export function poissonFunnelCounts(mu: number, level: FunnelLevel): [number, number] {
  if (mu === 0) return [0, 0];
  const a = tail(level);
  const upper = shapeWhereLowerIs(a, mu);
  const lower = Math.exp(-mu) >= a ? 0 : shapeWhereUpperIs(a, mu, 1) - 1;
  return [lower, upper];
}

/** =BCF.FUNNEL: [lower, upper] control limit at one denominator, per `per`. */
export function funnelLimits(
  average: unknown,
  denominator: unknown,
  statistic: unknown = null,
  confidence: unknown = null,
  per: unknown = null
): [number, number] {
  const avg = requireNumber(average, "average");
  const n = requireNumber(denominator, "denominator");
  const kind = funnelStatistic(statistic);
  const level = funnelLevel(confidence);
  const scale = multiplier(per, kind === "rate" ? 100000 : 1);
  if (n <= 0) throw new FormulaInputError("#NUM!", "denominator must be greater than zero.");
  if (avg < 0) throw new FormulaInputError("#NUM!", "average cannot be negative.");
  if (kind === "proportion") {
    if (avg > scale) {
      throw new FormulaInputError(
        "#NUM!",
        `average is a proportion, so it cannot be more than ${scale} (per).`
      );
    }
    const [lower, upper] = proportionFunnel(avg / scale, n, level);
    return [finiteResult(lower * scale), finiteResult(upper * scale)];
  }
  const mu = (avg / scale) * n;
  // Beyond a thousand million expected events the exact limits take too long to work out on
  // every recalculation, and no area has so many.
  if (!(mu <= MAX_EXPECTED_EVENTS)) {
    throw new FormulaInputError(
      "#NUM!",
      "average × denominator gives more than 1,000 million expected events; check the inputs."
    );
  }
  const [lower, upper] = poissonFunnelCounts(mu, level);
  return [finiteResult((lower * scale) / n), finiteResult((upper * scale) / n)];
}
