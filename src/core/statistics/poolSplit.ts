import { FormulaInputError, requireNumber } from "../formulaError";
import { numberMatrix } from "./range";

export const DEFAULT_SPLIT_DECIMALS = 2;
const MIN_DECIMALS = 0;
const MAX_DECIMALS = 4;

/** A decimal number held exactly: mantissa × 10^exponent. */
interface Decimal {
  mantissa: bigint;
  exponent: number;
}

/**
 * A cell's number as Excel shows and compares it, to 15 significant digits, held exactly. So 0.1 is
 * one tenth, not the binary fraction near it, and 1.005 is 1.005 (which ROUND takes up to 1.01).
 */
function decimalOf(value: number): Decimal {
  const [digits, power] = Math.abs(value).toPrecision(15).split("e");
  const point = digits.indexOf(".");
  const fraction = point < 0 ? 0 : digits.length - point - 1;
  let mantissa = BigInt(digits.replace(".", ""));
  let exponent = (power === undefined ? 0 : Number(power)) - fraction;
  // Trailing zeros only make the integers longer.
  while (mantissa !== 0n && mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent++;
  }
  return { mantissa, exponent };
}

/** |total| in whole units of 10^-decimals, rounded half away from zero. */
function totalUnits(total: number, decimals: number): bigint {
  const { mantissa, exponent } = decimalOf(total);
  const shift = exponent + decimals;
  if (shift >= 0) return mantissa * 10n ** BigInt(shift);
  const divisor = 10n ** BigInt(-shift);
  const whole = mantissa / divisor;
  return 2n * (mantissa % divisor) >= divisor ? whole + 1n : whole;
}

function splitDecimals(decimals: unknown): number {
  if (decimals === null || decimals === undefined) return DEFAULT_SPLIT_DECIMALS;
  const d = requireNumber(decimals, "decimals");
  if (!Number.isInteger(d) || d < MIN_DECIMALS || d > MAX_DECIMALS) {
    throw new FormulaInputError(
      "#NUM!",
      `decimals must be a whole number from ${MIN_DECIMALS} to ${MAX_DECIMALS} (2 for pence, 0 for whole pounds).`
    );
  }
  return d;
}

/**
 * Splits a pooled budget in proportion to `shares`, rounded to `decimals` places (pence by default)
 * so that the parts add back to the total exactly: seed 001's £936,000 with shares 240 : 696 gives
 * £240,000 and £696,000.
 *
 * Method (largest remainder, or Hamilton's method), in exact integer arithmetic so that no float
 * noise can decide who gets a penny:
 * - the total is rounded to `decimals` half away from zero and counted in whole units (pence);
 * - each share is taken as Excel shows it (15 significant digits), scaled to a whole number;
 * - each part gets the whole units of total × share ÷ Σshares, and the units left over (fewer than
 *   the number of shares) go one each to the largest remainders, the earlier share in reading order
 *   (row by row) winning an exact tie.
 * Shares may be weights (125000, 115000), fractions (0.6, 0.4) or percentages (60, 40): only their
 * proportions matter. A zero share gets nothing; a negative share is #NUM!; all zero is #DIV/0!.
 * A negative total (a clawback or an underspend to hand back) is the split of its size, negated.
 * The result has the same shape as `shares`.
 */
export function poolSplit(total: unknown, shares: unknown, decimals: unknown = null): number[][] {
  const t = requireNumber(total, "total");
  const d = splitDecimals(decimals);
  const matrix = numberMatrix(shares, "shares");
  const rows = matrix.length;
  const cols = matrix[0].length;
  const count = rows * cols;

  const exact: Decimal[] = new Array(count);
  let lowestExponent = Infinity;
  let anyPositive = false;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const s = matrix[r][c];
      if (s < 0)
        throw new FormulaInputError(
          "#NUM!",
          `shares cannot be negative (row ${r + 1}, column ${c + 1}).`
        );
      const e = decimalOf(s);
      exact[r * cols + c] = e;
      if (e.mantissa !== 0n) {
        anyPositive = true;
        if (e.exponent < lowestExponent) lowestExponent = e.exponent;
      }
    }
  }
  if (!anyPositive)
    throw new FormulaInputError(
      "#DIV/0!",
      "shares add up to zero, so there is nothing to split by."
    );

  const units = totalUnits(t, d);
  if (units > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new FormulaInputError(
      "#NUM!",
      "total is too large to split exactly to that many decimal places."
    );
  }

  // Every share as a whole number on one scale, so the proportions are exact integer ratios.
  const scaled: bigint[] = new Array(count);
  let sum = 0n;
  for (let i = 0; i < count; i++) {
    const { mantissa, exponent } = exact[i];
    scaled[i] = mantissa === 0n ? 0n : mantissa * 10n ** BigInt(exponent - lowestExponent);
    sum += scaled[i];
  }

  const parts: bigint[] = new Array(count);
  const remainders: bigint[] = new Array(count);
  let left = units;
  for (let i = 0; i < count; i++) {
    const product = units * scaled[i];
    parts[i] = product / sum;
    remainders[i] = product % sum;
    left -= parts[i];
  }
  if (left > 0n) {
    const order: number[] = [];
    for (let i = 0; i < count; i++) if (scaled[i] !== 0n) order.push(i);
    // Largest remainder first; an exact tie keeps reading order (Array.prototype.sort is stable).
    order.sort((a, b) =>
      remainders[b] > remainders[a] ? 1 : remainders[b] < remainders[a] ? -1 : 0
    );
    // left < number of non-zero shares: each remainder is below 1 unit and they add up to `left`.
    for (let k = 0; left > 0n; k++, left--) parts[order[k]] += 1n;
  }

  const sign = t < 0 ? -1 : 1;
  const scale = 10 ** d;
  const out: number[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const row: number[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      const u = parts[r * cols + c];
      // units/10^d of a safe integer is the double nearest the exact decimal; 0 stays +0, not −0.
      row[c] = u === 0n ? 0 : (sign * Number(u)) / scale;
    }
    out[r] = row;
  }
  return out;
}
