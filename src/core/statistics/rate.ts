import { FormulaInputError, requireNumber } from "../formulaError";

/** An optional multiplier: null/undefined gives the default; otherwise a positive number. */
export function multiplier(per: unknown, fallback: number): number {
  if (per === null || per === undefined) return fallback;
  const m = requireNumber(per, "per");
  if (m <= 0) throw new FormulaInputError("#NUM!", "per must be greater than zero.");
  return m;
}

/** Guards every result: a cell must never show NaN or Infinity, which would look like a number. */
export function finiteResult(value: number): number {
  if (!Number.isFinite(value)) {
    throw new FormulaInputError(
      "#NUM!",
      "The result is too large or too small to show; check the inputs."
    );
  }
  return value;
}

/** Crude rate: count / population × per (per 100,000 by default). */
export function crudeRate(count: unknown, population: unknown, per: unknown = null): number {
  const x = requireNumber(count, "count");
  const n = requireNumber(population, "population");
  const m = multiplier(per, 100000);
  if (x < 0) throw new FormulaInputError("#NUM!", "count cannot be negative.");
  if (n < 0) throw new FormulaInputError("#NUM!", "population cannot be negative.");
  if (n === 0) throw new FormulaInputError("#DIV/0!", "population is zero, so there is no rate.");
  return finiteResult((x / n) * m);
}
