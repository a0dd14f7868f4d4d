import { FormulaInputError } from "../formulaError";
import { confidenceConstants, confidenceLevel } from "./confidence";
import { finiteResult, multiplier } from "./rate";
import { poissonLowerLimit, poissonUpperLimit } from "./rateInterval";
import { numbersFromRange } from "./range";

/**
 * The 2013 European Standard Population, 19 five-year bands 0–4, 5–9, …, 85–89, 90+ (total 100,000).
 * The standard PHE/OHID use for directly standardised rates; an indicator for an age group uses the
 * bands of that group (the falls metric, people aged 65+, the six bands 65–69 … 90+, 19,500 in all).
 */
export const ESP2013: readonly number[] = Object.freeze([
  5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000,
  2500, 1500, 1000,
]);

/** The standard by name: "ESP2013" is all 19 bands, "ESP2013 65+" the bands from 65–69 up. */
const NAMED_STANDARD = /^\s*esp\s*2013(?:\s+(\d{1,3})\s*\+)?\s*$/i;

/** PHE/OHID do not publish a DSR on fewer than 10 events: it is too unstable to compare. */
export const DSR_MINIMUM_COUNT = 10;

interface DsrParts {
  /** Σ xᵢ wᵢ / nᵢ / Σw, before the multiplier. */
  dsr: number;
  /** Σ xᵢ (wᵢ / nᵢ)² / (Σw)². */
  variance: number;
  /** Total observed count, Σ xᵢ. */
  observed: number;
}

interface Standard {
  weights: readonly number[];
  /** How a message names a published standard, e.g. `"ESP2013 65+" has 6 age bands (65–69 … 90+)`; none for weights given as a range. */
  bands?: string;
}

function bandName(start: number): string {
  return start >= 90 ? "90+" : `${start}–${start + 4}`;
}

/** The ESP2013 bands from `startAge` up (a multiple of 5 from 0 to 90). */
export function esp2013From(startAge: number): readonly number[] {
  return ESP2013.slice(startAge / 5);
}

function namedBands(label: string, startAge: number, count: number): string {
  return `${label} has ${count} age band${count === 1 ? "" : "s"} (${bandName(startAge)}${count > 1 ? ` … ${bandName(90)}` : ""})`;
}

/** The text a standard was given as: a text argument, or a range of one cell holding text. */
function standardText(standard: unknown): string | undefined {
  if (typeof standard === "string") return standard;
  if (
    Array.isArray(standard) &&
    standard.length === 1 &&
    Array.isArray(standard[0]) &&
    standard[0].length === 1 &&
    typeof standard[0][0] === "string" &&
    standard[0][0] !== ""
  )
    return standard[0][0];
  return undefined;
}

function standardOf(standard: unknown): Standard {
  if (standard === null || standard === undefined) {
    return {
      weights: ESP2013,
      bands: namedBands("the 2013 European Standard Population", 0, ESP2013.length),
    };
  }
  const text = standardText(standard);
  if (text === undefined) return { weights: numbersFromRange(standard, "standard", true) };
  const m = NAMED_STANDARD.exec(text);
  const start = m === null ? Number.NaN : m[1] === undefined ? 0 : Number(m[1]);
  if (!(start >= 0 && start <= 90 && start % 5 === 0)) {
    throw new FormulaInputError(
      "#VALUE!",
      `standard "${text}" is not a standard population; use "ESP2013" (19 bands, 0–4 … 90+), ` +
        `"ESP2013 N+" with N a multiple of 5 from 0 to 90 (e.g. "ESP2013 65+"), or a range of weights.`
    );
  }
  const weights = esp2013From(start);
  return { weights, bands: namedBands(`"${text.trim()}"`, start, weights.length) };
}

function bandCountError(what: string, given: number, std: Standard & { bands: string }): never {
  const n = std.weights.length;
  throw new FormulaInputError(
    "#VALUE!",
    `${what} has ${given} cell${given === 1 ? "" : "s"} but ${std.bands}; give ${n} counts and ${n} populations, one per band, youngest first.`
  );
}

function dsrParts(counts: unknown, populations: unknown, standard: unknown): DsrParts {
  // A blank count is no events in that band, as PHE/OHID's tools take it; a blank population is a
  // missing figure that no rate can be worked from.
  const x = numbersFromRange(counts, "counts", true, true);
  const n = numbersFromRange(populations, "populations", true);
  const std = standardOf(standard);
  const w = std.weights;
  if (std.bands !== undefined) {
    const named = { ...std, bands: std.bands };
    if (x.length !== w.length) bandCountError("counts", x.length, named);
    if (n.length !== w.length) bandCountError("populations", n.length, named);
  }
  if (x.length !== n.length) {
    throw new FormulaInputError(
      "#VALUE!",
      `counts has ${x.length} cells but populations has ${n.length}; give one count and one population per age band.`
    );
  }
  if (x.length !== w.length) {
    throw new FormulaInputError(
      "#VALUE!",
      `counts has ${x.length} cells but standard has ${w.length}; they must cover the same age bands.`
    );
  }
  let sumW = 0;
  let weighted = 0;
  let variance = 0;
  let observed = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i];
    const ni = n[i];
    const wi = w[i];
    if (xi < 0) throw new FormulaInputError("#NUM!", `counts cannot be negative (cell ${i + 1}).`);
    if (ni < 0)
      throw new FormulaInputError("#NUM!", `populations cannot be negative (cell ${i + 1}).`);
    if (wi < 0)
      throw new FormulaInputError("#NUM!", `standard weights cannot be negative (cell ${i + 1}).`);
    if (ni === 0) {
      throw new FormulaInputError(
        "#DIV/0!",
        `population is zero in age band ${i + 1}, so its rate cannot be weighted.`
      );
    }
    const r = wi / ni;
    sumW += wi;
    weighted += xi * r;
    variance += xi * r * r;
    observed += xi;
  }
  if (sumW === 0)
    throw new FormulaInputError("#DIV/0!", "the standard population weights add up to zero.");
  if (observed < DSR_MINIMUM_COUNT) {
    throw new FormulaInputError(
      "#N/A",
      `only ${observed} events in total; a standardised rate is not published on fewer than ${DSR_MINIMUM_COUNT}.`
    );
  }
  return { dsr: weighted / sumW, variance: variance / (sumW * sumW), observed };
}

/**
 * Directly standardised rate per `per` (100,000 by default) against `standard`: ESP2013 by default,
 * the text "ESP2013" or "ESP2013 N+" (the bands from age N up), or a range of weights.
 */
export function directlyStandardisedRate(
  counts: unknown,
  populations: unknown,
  standard: unknown = null,
  per: unknown = null
): number {
  const m = multiplier(per, 100000);
  return finiteResult(dsrParts(counts, populations, standard).dsr * m);
}

/**
 * Dobson's confidence limits of a DSR: DSR + √(var / O) × (L(O) − O), where L(O) is the Poisson
 * limit of the total count O (Byar's, as O ≥ 10 whenever a DSR is published).
 */
export function dsrConfidenceInterval(
  counts: unknown,
  populations: unknown,
  standard: unknown = null,
  confidence: unknown = null,
  per: unknown = null
): [number, number] {
  const parts = dsrParts(counts, populations, standard);
  const c = confidenceConstants(confidenceLevel(confidence));
  const m = multiplier(per, 100000);
  const O = parts.observed;
  const k = Math.sqrt(parts.variance / O);
  const lower = parts.dsr + k * (poissonLowerLimit(O, c) - O);
  const upper = parts.dsr + k * (poissonUpperLimit(O, c) - O);
  return [finiteResult(lower * m), finiteResult(upper * m)];
}
