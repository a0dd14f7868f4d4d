/* global CustomFunctions */
/**
 * The =BCF.* worksheet functions. Each is a thin, JSDoc-tagged wrapper over src/core: the JSDoc is
 * what Excel shows in autocomplete (dist/functions.json is generated from it), the core does the maths
 * and the input checks. Only src/core and the @stdlib normal quantile may be imported here, to keep
 * the functions bundle small.
 */
import { FormulaInputError } from "../core/formulaError";
import { crudeRate } from "../core/statistics/rate";
import { rateConfidenceInterval } from "../core/statistics/rateInterval";
import {
  proportion as proportionOf,
  proportionConfidenceInterval,
} from "../core/statistics/proportion";
import { directlyStandardisedRate, dsrConfidenceInterval } from "../core/statistics/dsr";
import { targetFromUplift, uplift as upliftOf } from "../core/statistics/targets";
import { convertPeriod } from "../core/statistics/period";
import { poolSplit } from "../core/statistics/poolSplit";
import { spcAssurance as spcAssuranceOf, spcTable } from "../core/statistics/spc";
import { funnelLimits } from "../core/statistics/funnel";

const ERROR_CODES = {
  "#VALUE!": "invalidValue",
  "#NUM!": "invalidNumber",
  "#DIV/0!": "divisionByZero",
  "#N/A": "notAvailable",
} as const;

/** Bad input becomes Excel's own error value with our message; anything unforeseen becomes #VALUE!. */
function toExcelError(e: unknown): CustomFunctions.Error {
  if (e instanceof FormulaInputError) {
    return new CustomFunctions.Error(CustomFunctions.ErrorCode[ERROR_CODES[e.code]], e.message);
  }
  return new CustomFunctions.Error(
    CustomFunctions.ErrorCode.invalidValue,
    "The inputs could not be used."
  );
}

/**
 * Crude rate per 100,000 (or per any multiplier): count ÷ population × per.
 * @customfunction RATE
 * @helpurl https://localhost:3000/help/functions.html#rate
 * @param count Number of events, e.g. admissions in the year.
 * @param population Population the events come from.
 * @param [per] Multiplier: 100000 by default (rate per 100,000).
 * @returns The rate per `per`.
 */
export function rate(count: number, population: number, per?: number): number {
  try {
    return crudeRate(count, population, per ?? null);
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Confidence interval of a crude rate: exact Poisson limits below 10 events, Byar's method from 10 (PHE/OHID methods).
 * @customfunction RATE.CI
 * @helpurl https://localhost:3000/help/functions.html#rate-ci
 * @param count Number of events, e.g. admissions in the year.
 * @param population Population the events come from.
 * @param [confidence] Confidence level: 0.95 by default; a fraction (0.9 to 0.9999) or a percentage (90 to 99.99).
 * @param [per] Multiplier: 100000 by default (rate per 100,000).
 * @returns One row of two cells: lower and upper limit.
 */
export function rateCI(
  count: number,
  population: number,
  confidence?: number,
  per?: number
): number[][] {
  try {
    return [rateConfidenceInterval(count, population, confidence ?? null, per ?? null)];
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Proportion: numerator ÷ denominator (format as %), or × per.
 * @customfunction PROPORTION
 * @helpurl https://localhost:3000/help/functions.html#proportion
 * @param numerator Number with the outcome, e.g. people still at home 91 days after discharge.
 * @param denominator Number it is out of, e.g. people discharged into reablement.
 * @param [per] Multiplier: 1 by default (format the cell as %); 100 gives percentage points.
 * @returns The proportion times `per`.
 */
export function proportion(numerator: number, denominator: number, per?: number): number {
  try {
    return proportionOf(numerator, denominator, per ?? null);
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Confidence interval of a proportion by the Wilson score method.
 * @customfunction PROPORTION.CI
 * @helpurl https://localhost:3000/help/functions.html#proportion-ci
 * @param numerator Number with the outcome.
 * @param denominator Number it is out of.
 * @param [confidence] Confidence level: 0.95 by default; a fraction (0.9 to 0.9999) or a percentage (90 to 99.99).
 * @param [per] Multiplier: 1 by default (format as %); 100 gives percentage points.
 * @returns One row of two cells: lower and upper limit.
 */
export function proportionCI(
  numerator: number,
  denominator: number,
  confidence?: number,
  per?: number
): number[][] {
  try {
    return [proportionConfidenceInterval(numerator, denominator, confidence ?? null, per ?? null)];
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Directly age-standardised rate per 100,000 against the 2013 European Standard Population: all 19 bands (0-4 to 90+) by default, or "ESP2013 65+" for the bands from 65 up (the BCF falls metric).
 * @customfunction DSR
 * @helpurl https://localhost:3000/help/functions.html#dsr
 * @param counts Events in each age band (a row or a column, youngest first); a blank cell counts as 0.
 * @param populations Population in each age band, in the same order.
 * @param [standard] Standard: "ESP2013" (19 bands, the default), "ESP2013 N+" (the bands from age N up, e.g. "ESP2013 65+", 6 bands) or a range of weights.
 * @param [per] Multiplier: 100000 by default.
 * @returns The standardised rate; #N/A when there are fewer than 10 events in total.
 */
export function dsr(
  counts: number[][],
  populations: number[][],
  standard?: unknown[][],
  per?: number
): number {
  try {
    return directlyStandardisedRate(counts, populations, standard ?? null, per ?? null);
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Confidence interval of a directly standardised rate by Dobson's method.
 * @customfunction DSR.CI
 * @helpurl https://localhost:3000/help/functions.html#dsr-ci
 * @param counts Events in each age band (a row or a column, youngest first); a blank cell counts as 0.
 * @param populations Population in each age band, in the same order.
 * @param [standard] Standard: "ESP2013" (19 bands, the default), "ESP2013 N+" (the bands from age N up, e.g. "ESP2013 65+", 6 bands) or a range of weights.
 * @param [confidence] Confidence level: 0.95 by default; a fraction (0.9 to 0.9999) or a percentage (90 to 99.99).
 * @param [per] Multiplier: 100000 by default.
 * @returns One row of two cells: lower and upper limit; #N/A when there are fewer than 10 events in total.
 */
export function dsrCI(
  counts: number[][],
  populations: number[][],
  standard?: unknown[][],
  confidence?: number,
  per?: number
): number[][] {
  try {
    return [
      dsrConfidenceInterval(counts, populations, standard ?? null, confidence ?? null, per ?? null),
    ];
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Fractional change from baseline to target, (target - baseline) ÷ baseline: 0.2 is a 20% uplift, -0.1 a 10% reduction.
 * @customfunction UPLIFT
 * @helpurl https://localhost:3000/help/functions.html#uplift
 * @param baseline Baseline activity, e.g. 600 admissions a year.
 * @param target Target activity for the same period, e.g. 720 a year.
 * @returns The change as a fraction of the baseline (format as %).
 */
export function uplift(baseline: number, target: number): number {
  try {
    return upliftOf(baseline, target);
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Target from a baseline and an uplift: baseline × (1 + uplift).
 * @customfunction TARGET
 * @helpurl https://localhost:3000/help/functions.html#target
 * @param baseline Baseline activity, e.g. 600 admissions a year.
 * @param uplift Change as a fraction, e.g. 0.2 (or 20%) for a 20% increase, -0.1 for a 10% reduction.
 * @returns The target activity.
 */
export function target(baseline: number, uplift: number): number {
  try {
    return targetFromUplift(baseline, uplift);
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Converts a figure per one period into the same activity per another: a week is 7 days; a year is 365 days, 52 weeks, 12 months or 4 quarters.
 * @customfunction PERIOD
 * @helpurl https://localhost:3000/help/functions.html#period
 * @param value The figure per `from`, e.g. 50 admissions a month.
 * @param from Period the figure is per, e.g. "month", "per month", "monthly", "a week", "per annum", "daily", "qtr" (any capitals).
 * @param to Period wanted, in the same words.
 * @param [weeks_per_year] Weeks in a year, from 52 to 53: 52 by default (52.143 or 365/7 are also used).
 * @returns The figure per `to`.
 */
export function period(value: number, from: string, to: string, weeks_per_year?: number): number {
  try {
    return convertPeriod(value, from, to, weeks_per_year ?? null);
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Splits a total in proportion to shares, rounded to pence so the parts add up to the rounded total exactly (largest remainder, exact ties to the earlier share).
 * @customfunction SPLIT
 * @helpurl https://localhost:3000/help/functions.html#split
 * @param total Amount to split, e.g. 936000; first rounded to `decimals`. A negative total is split into negative parts.
 * @param shares Shares as weights, fractions or percentages, each 0 or more (a row, a column or a block).
 * @param [decimals] Decimal places, a whole number from 0 to 4: 2 by default (pence); 0 for whole pounds.
 * @returns The parts, in the same shape as `shares`.
 */
export function split(total: number, shares: number[][], decimals?: number): number[][] {
  try {
    return poolSplit(total, shares, decimals ?? null);
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Statistical process control (Making Data Count XmR chart): mean, process limits and each point's type, as NHSRplotthedots computes them.
 * @customfunction SPC
 * @helpurl https://localhost:3000/help/functions.html#spc
 * @param values Monthly (or weekly) figures in time order: one column or one row of at least 2 numbers.
 * @param [improvement] Which way is better: "increase", "decrease" or "neutral" (the default).
 * @param [baseline_points] How many of the first points set the mean and limits: all of them by default.
 * @returns One row per point: mean, lower process limit, upper process limit, point type ("common cause", "special cause improvement", ...).
 */
export function spc(values: number[][], improvement?: string, baseline_points?: number): any[][] {
  try {
    return spcTable(values, improvement ?? null, baseline_points ?? null);
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Whether a target will be met given the variation: "consistently passes target", "consistently fails target" or "hit and miss".
 * @customfunction SPC.ASSURANCE
 * @helpurl https://localhost:3000/help/functions.html#spc-assurance
 * @param values Monthly (or weekly) figures in time order: one column or one row of at least 2 numbers.
 * @param target The target each month, e.g. 60 falls admissions.
 * @param improvement Which way is better: "increase" or "decrease" ("neutral" gives #N/A).
 * @param [baseline_points] How many of the first points set the mean and limits: all of them by default.
 * @returns The assurance in words.
 */
export function spcAssurance(
  values: number[][],
  target: number,
  improvement: string,
  baseline_points?: number
): string {
  try {
    return spcAssuranceOf(values, target, improvement, baseline_points ?? null);
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Funnel plot control limits at one denominator, as PHE (PHEindicatormethods) draws them: 95% or 99.8% around the average of all areas.
 * @customfunction FUNNEL
 * @helpurl https://localhost:3000/help/functions.html#funnel
 * @param average Average of all areas: a proportion (per `per`) or a rate per `per` a year.
 * @param denominator The denominator to draw the limits at, e.g. an area's population.
 * @param [statistic] "proportion" (the default) or "rate".
 * @param [confidence] 0.998 (the default) or 0.95; 99.8 and 95 also work.
 * @param [per] Multiplier: 1 by default for a proportion, 100000 for a rate.
 * @returns One row of two cells: lower and upper control limit.
 */
export function funnel(
  average: number,
  denominator: number,
  statistic?: string,
  confidence?: number,
  per?: number
): number[][] {
  try {
    return [funnelLimits(average, denominator, statistic ?? null, confidence ?? null, per ?? null)];
  } catch (e) {
    throw toExcelError(e);
  }
}

/** Defined inside a webpack bundle only (webpack evaluates `typeof __webpack_require__` at build time). */
declare const __webpack_require__: unknown;

// In the webpack build, custom-functions-metadata-plugin appends a CustomFunctions.associate call for
// every @customfunction above, so registering here too would associate each function twice. Anywhere
// else (jest, the in-memory preview's tests, tsx) nothing is appended, so the functions register here.
if (typeof __webpack_require__ !== "function") {
  CustomFunctions.associate("RATE", rate);
  CustomFunctions.associate("RATE.CI", rateCI);
  CustomFunctions.associate("PROPORTION", proportion);
  CustomFunctions.associate("PROPORTION.CI", proportionCI);
  CustomFunctions.associate("DSR", dsr);
  CustomFunctions.associate("DSR.CI", dsrCI);
  CustomFunctions.associate("UPLIFT", uplift);
  CustomFunctions.associate("TARGET", target);
  CustomFunctions.associate("PERIOD", period);
  CustomFunctions.associate("SPLIT", split);
  CustomFunctions.associate("SPC", spc);
  CustomFunctions.associate("SPC.ASSURANCE", spcAssurance);
  CustomFunctions.associate("FUNNEL", funnel);
}
