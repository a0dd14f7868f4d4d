import { FormulaInputError } from "../formulaError";
import { confidenceConstants, confidenceLevel } from "./confidence";
import { finiteResult, multiplier } from "./rate";
import { poissonLowerLimit, poissonUpperLimit } from "./rateInterval";
import { numbersFromRange } from "./range";

/**
 * The 2013 European Standard Population, 19 five-year bands 0–4, 5–9, …, 85–89, 90+ (total 100,000).
 * The standard PHE/OHID use for directly standardised rates.
 */
export const ESP2013: readonly number[] = Object.freeze([
  5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000,
  2500, 1500, 1000,
]);

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

function dsrParts(counts: unknown, populations: unknown, standard: unknown): DsrParts {
  const x = numbersFromRange(counts, "counts", true);
  const n = numbersFromRange(populations, "populations", true);
  const w =
    standard === null || standard === undefined
      ? ESP2013
      : numbersFromRange(standard, "standard", true);
  if (x.length !== n.length) {
    throw new FormulaInputError(
      "#VALUE!",
      `counts has ${x.length} cells but populations has ${n.length}; give one count and one population per age band.`
    );
  }
  if (x.length !== w.length) {
    throw new FormulaInputError(
      "#VALUE!",
      w === ESP2013
        ? `counts has ${x.length} cells but the 2013 European Standard Population has 19 age bands (0–4 … 90+).`
        : `counts has ${x.length} cells but standard has ${w.length}; they must cover the same age bands.`
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

/** Directly standardised rate per `per` (100,000 by default) against `standard` (ESP2013 by default). */
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
