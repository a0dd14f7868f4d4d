import { FormulaInputError, requireNumber } from "../formulaError";
import { numbersFromRange } from "./range";

/**
 * Statistical process control the NHS "Making Data Count" way: an XmR chart (individuals with
 * moving ranges) with the special-cause rules and assurance exactly as NHSRplotthedots computes
 * them with its defaults (outliers screened from the moving ranges, no rebasing).
 */

/** Which way is better for the measure; "neutral" when neither is. */
export type ImprovementDirection = "increase" | "decrease" | "neutral";

export type SpcPointType =
  | "common cause"
  | "special cause improvement"
  | "special cause concern"
  | "special cause high"
  | "special cause low";

export type AssuranceResult =
  "consistently passes target" | "consistently fails target" | "hit and miss";

/** Process limits sit 2.66 mean moving ranges from the mean (3σ for the individuals chart). */
const LIMIT = 2.66;
/** "Close to a limit" is beyond two-thirds of the way from the mean to it (computed as R does). */
const LIMIT_CLOSE = 2 * (LIMIT / 3);
/** Moving ranges at or above this many mean moving ranges are outliers and left out of the mean. */
const SCREEN = 3.267;
/** Seven points make a shift (one side of the mean) or a trend (rising or falling). */
const RUN = 7;

export interface SpcLimits {
  mean: number;
  /** Mean moving range after screening. */
  movingRange: number;
  lower: number;
  upper: number;
}

export interface SpcResult extends SpcLimits {
  pointTypes: SpcPointType[];
}

/** The improvement argument: "increase", "decrease" or "neutral" in any case; neutral when left out. */
export function improvementDirection(value: unknown): ImprovementDirection {
  if (value === null || value === undefined || value === "") return "neutral";
  if (typeof value === "string") {
    const v = value.trim().toLowerCase();
    if (v === "increase" || v === "decrease" || v === "neutral") return v;
  }
  throw new FormulaInputError(
    "#VALUE!",
    'improvement must be "increase" (higher is better), "decrease" (lower is better) or "neutral".'
  );
}

/** The series: one row or one column of at least two numbers, in time order. */
export function spcValues(value: unknown): number[] {
  const values = numbersFromRange(value, "values", true);
  if (values.length < 2) {
    throw new FormulaInputError("#NUM!", "values needs at least 2 numbers to draw limits from.");
  }
  return values;
}

/** How many of the first points set the mean and limits: all of them when left out. */
export function baselinePoints(value: unknown, n: number): number {
  if (value === null || value === undefined) return n;
  const k = requireNumber(value, "baseline_points");
  if (!Number.isInteger(k) || k < 2 || k > n) {
    throw new FormulaInputError(
      "#NUM!",
      `baseline_points must be a whole number from 2 to ${n} (the number of values).`
    );
  }
  return k;
}

/** Mean and process limits from the first k values; they apply to every point. */
export function spcLimits(values: ArrayLike<number>, k: number): SpcLimits {
  let sum = 0;
  for (let i = 0; i < k; i++) sum += values[i];
  const mean = sum / k;
  let mrSum = 0;
  for (let i = 1; i < k; i++) mrSum += Math.abs(values[i] - values[i - 1]);
  const firstMean = mrSum / (k - 1);
  const cutoff = SCREEN * firstMean;
  let kept = 0;
  let keptSum = 0;
  for (let i = 1; i < k; i++) {
    const mr = Math.abs(values[i] - values[i - 1]);
    if (mr < cutoff) {
      kept++;
      keptSum += mr;
    }
  }
  // Only a flat baseline (every moving range 0) screens out every range; its spread is then 0,
  // where NHSRplotthedots would give no limits at all.
  const movingRange = kept > 0 ? keptSum / kept : 0;
  return {
    mean,
    movingRange,
    lower: mean - LIMIT * movingRange,
    upper: mean + LIMIT * movingRange,
  };
}

/**
 * For each point, +1 when it is part of a special cause signalling "higher" (above the upper
 * limit, a rising trend, two-in-three or seven on the high side), −1 for "lower", 0 for none.
 * The rules and their precedence (limits, then trend, then two-in-three, then shift) are
 * NHSRplotthedots' ptd_special_cause_type, including its quirks: a point shared by two trends
 * takes the direction of the step after it, and points beyond a limit do not count as "close".
 */
export function specialCauseSides(values: ArrayLike<number>, limits: SpcLimits): Int8Array {
  const n = values.length;
  const { mean, movingRange } = limits;
  const nearLower = mean - LIMIT_CLOSE * movingRange;
  const nearUpper = mean + LIMIT_CLOSE * movingRange;
  const side = new Int8Array(n); // sign(y − mean)
  const outside = new Uint8Array(n);
  const close = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const y = values[i];
    side[i] = y > mean ? 1 : y < mean ? -1 : 0;
    outside[i] = y > limits.upper || y < limits.lower ? 1 : 0;
    close[i] = !outside[i] && (y < nearLower || y > nearUpper) ? 1 : 0;
  }

  // Ends of runs: trendEnd[i] is ±1 when points i−6..i rise (fall) strictly; shiftEnd[i] when
  // points i−6..i sit on one side of the mean.
  const trendEnd = new Int8Array(n);
  const shiftEnd = new Uint8Array(n);
  let rising = 0;
  let falling = 0;
  let sameSide = side[0] !== 0 ? 1 : 0;
  for (let i = 1; i < n; i++) {
    const d = values[i] - values[i - 1];
    rising = d > 0 ? rising + 1 : 0;
    falling = d < 0 ? falling + 1 : 0;
    if (rising >= RUN - 1) trendEnd[i] = 1;
    else if (falling >= RUN - 1) trendEnd[i] = -1;
    sameSide = side[i] !== 0 ? (side[i] === side[i - 1] ? sameSide + 1 : 1) : 0;
    if (sameSide >= RUN) shiftEnd[i] = 1;
  }

  // A point is part of a run when a run ends at it or within the next six points.
  const inTrend = new Uint8Array(n);
  const inShift = new Uint8Array(n);
  let trendUntil = -1;
  let shiftUntil = -1;
  for (let i = n - 1; i >= 0; i--) {
    if (trendEnd[i] !== 0) trendUntil = i;
    if (shiftEnd[i]) shiftUntil = i;
    if (trendUntil >= 0 && trendUntil - i < RUN) inTrend[i] = 1;
    if (shiftUntil >= 0 && shiftUntil - i < RUN) inShift[i] = 1;
  }

  const out = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    if (outside[i]) {
      out[i] = side[i] === 1 ? 1 : -1;
    } else if (inTrend[i]) {
      const step =
        i + 1 < n && inTrend[i + 1]
          ? values[i + 1] - values[i]
          : i > 0
            ? values[i] - values[i - 1]
            : 0;
      out[i] = step > 0 ? 1 : -1;
    } else if (close[i] && twoInThree(close, side, i, n)) {
      out[i] = side[i] > 0 ? 1 : -1;
    } else if (inShift[i]) {
      out[i] = side[i] > 0 ? 1 : -1;
    }
  }
  return out;
}

/** Whether some window of three consecutive points holding point i has two or more close to a
 * limit with all three on the same side of the mean. */
function twoInThree(close: Uint8Array, side: Int8Array, i: number, n: number): boolean {
  for (let start = i - 2; start <= i; start++) {
    if (start < 0 || start + 2 >= n) continue;
    const s = side[start] + side[start + 1] + side[start + 2];
    if ((s === 3 || s === -3) && close[start] + close[start + 1] + close[start + 2] >= 2)
      return true;
  }
  return false;
}

const NEUTRAL_TYPES: readonly SpcPointType[] = [
  "special cause low",
  "common cause",
  "special cause high",
];
const ORIENTED_TYPES: readonly SpcPointType[] = [
  "special cause concern",
  "common cause",
  "special cause improvement",
];

/** The point type of a special-cause side (+1 higher, −1 lower, 0 none) for the improvement direction. */
export function pointTypeOf(side: number, improvement: ImprovementDirection): SpcPointType {
  if (improvement === "neutral") return NEUTRAL_TYPES[side + 1];
  return ORIENTED_TYPES[(improvement === "increase" ? side : -side) + 1];
}

/** Mean, limits and point types of a checked series. */
export function spcOfSeries(
  values: ArrayLike<number>,
  improvement: ImprovementDirection,
  k: number = values.length
): SpcResult {
  const limits = spcLimits(values, k);
  const sides = specialCauseSides(values, limits);
  const pointTypes: SpcPointType[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) pointTypes[i] = pointTypeOf(sides[i], improvement);
  return { ...limits, pointTypes };
}

/** =BCF.SPC: one row per point of [mean, lower limit, upper limit, point type]. */
export function spcTable(
  values: unknown,
  improvement: unknown = null,
  baseline: unknown = null
): (number | string)[][] {
  const series = spcValues(values);
  const direction = improvementDirection(improvement);
  const k = baselinePoints(baseline, series.length);
  const limits = spcLimits(series, k);
  if (![limits.mean, limits.lower, limits.upper].every(Number.isFinite)) {
    throw new FormulaInputError(
      "#NUM!",
      "The values are too large to work limits from; check the inputs."
    );
  }
  const sides = specialCauseSides(series, limits);
  const rows: (number | string)[][] = new Array(series.length);
  for (let i = 0; i < series.length; i++) {
    rows[i] = [limits.mean, limits.lower, limits.upper, pointTypeOf(sides[i], direction)];
  }
  return rows;
}

/**
 * Whether the process will meet a target, from where the target sits against the process
 * limits: beyond the limit on the good side, every point passes; beyond the other, every point fails.
 */
export function assuranceOf(
  target: number,
  limits: Pick<SpcLimits, "lower" | "upper">,
  improvement: Exclude<ImprovementDirection, "neutral">
): AssuranceResult {
  const increasing = improvement === "increase";
  if (target > limits.upper)
    return increasing ? "consistently fails target" : "consistently passes target";
  if (target < limits.lower)
    return increasing ? "consistently passes target" : "consistently fails target";
  return "hit and miss";
}

/** =BCF.SPC.ASSURANCE. */
export function spcAssurance(
  values: unknown,
  target: unknown,
  improvement: unknown,
  baseline: unknown = null
): AssuranceResult {
  const series = spcValues(values);
  const goal = requireNumber(target, "target");
  const direction = improvementDirection(improvement);
  const k = baselinePoints(baseline, series.length);
  if (direction === "neutral") {
    throw new FormulaInputError(
      "#N/A",
      'Assurance needs a direction: set improvement to "increase" or "decrease".'
    );
  }
  return assuranceOf(goal, spcLimits(series, k), direction);
}
