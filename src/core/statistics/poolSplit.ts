import { FormulaInputError, requireNumber } from "../formulaError";
import { numberMatrix } from "./range";

export const DEFAULT_SPLIT_DECIMALS = 2;
const MIN_DECIMALS = 0;
const MAX_DECIMALS = 4;

/** A decimal number held exactly: mantissa × 10^exponent, the mantissa a whole number below 10^15. */
interface Decimal {
  mantissa: number;
  exponent: number;
}

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k); // exact up to 10^22

function stripped(mantissa: number, exponent: number): Decimal {
  // Trailing zeros only make the integers longer.
  while (mantissa !== 0 && mantissa % 10 === 0) {
    mantissa /= 10;
    exponent++;
  }
  return { mantissa, exponent };
}

/**
 * A cell's number as Excel shows and compares it, to 15 significant digits, held exactly. So 0.1 is
 * one tenth, not the binary fraction near it, and 1.005 is 1.005 (which ROUND takes up to 1.01).
 */
function decimalOf(value: number): Decimal {
  const v = Math.abs(value);
  // Most amounts and shares have a few decimals: if v × 10^k is a whole number M below 10^15, M is
  // within 2^-53 of v × 10^k in relative terms, far less than half the 15th digit, so M × 10^-k is
  // exactly v's 15-digit decimal, without the slower trip through text.
  if (v < 1e15) {
    for (let k = 0; k <= 15; k++) {
      const scaled = v * POWERS_OF_TEN[k];
      if (Number.isInteger(scaled)) {
        if (scaled < 1e15) return stripped(scaled, -k);
        break;
      }
    }
  }
  const [digits, power] = v.toPrecision(15).split("e");
  const point = digits.indexOf(".");
  const fraction = point < 0 ? 0 : digits.length - point - 1;
  return stripped(
    Number(digits.replace(".", "")),
    (power === undefined ? 0 : Number(power)) - fraction
  );
}

/** |total| in whole units of 10^-decimals, rounded half away from zero; undefined when not a safe integer. */
function totalUnits(total: number, decimals: number): number | undefined {
  const { mantissa, exponent } = decimalOf(total);
  const shift = exponent + decimals;
  if (shift >= 0) {
    const units = shift < POWERS_OF_TEN.length ? mantissa * POWERS_OF_TEN[shift] : Infinity;
    return units <= Number.MAX_SAFE_INTEGER ? units : undefined;
  }
  // mantissa < 10^15, so from 10^16 down the total is under a tenth of a unit.
  if (-shift > 16) return 0;
  const divisor = POWERS_OF_TEN[-shift];
  const whole = Math.floor(mantissa / divisor);
  const rest = mantissa - whole * divisor; // exact: both below 2^53
  return 2 * rest >= divisor ? whole + 1 : whole;
}

/**
 * Largest remainder in whole numbers: `units` × share ÷ Σshares, rounded down, then one more unit
 * each to the largest remainders until the parts add up to `units`; an exact tie goes to the earlier
 * share (the sort is stable). BigInt, so any shares and totals are exact.
 */
export function largestRemainder(units: bigint, shares: readonly bigint[]): bigint[] {
  let sum = 0n;
  for (const s of shares) sum += s;
  const parts: bigint[] = new Array(shares.length);
  const remainders: bigint[] = new Array(shares.length);
  let left = units;
  for (let i = 0; i < shares.length; i++) {
    const product = units * shares[i];
    parts[i] = product / sum;
    remainders[i] = product % sum;
    left -= parts[i];
  }
  if (left > 0n) {
    const order: number[] = [];
    for (let i = 0; i < shares.length; i++) if (shares[i] !== 0n) order.push(i);
    order.sort((a, b) =>
      remainders[b] > remainders[a] ? 1 : remainders[b] < remainders[a] ? -1 : 0
    );
    // left < number of non-zero shares: each remainder is below one unit and they add up to `left`.
    for (let k = 0; left > 0n; k++, left--) parts[order[k]] += 1n;
  }
  return parts;
}

/**
 * The same in ordinary numbers, for the usual case where units × every share and Σshares stay below
 * 2^53, so every product, quotient and remainder below is a whole number held exactly.
 */
export function largestRemainderSafe(units: number, shares: readonly number[]): number[] {
  let sum = 0;
  for (const s of shares) sum += s;
  const parts: number[] = new Array(shares.length);
  const remainders: number[] = new Array(shares.length);
  let left = units;
  for (let i = 0; i < shares.length; i++) {
    const product = units * shares[i];
    let q = Math.floor(product / sum);
    let r = product - q * sum;
    // The division is rounded; the exact remainder puts the quotient right if it landed one off.
    if (r < 0) {
      q--;
      r += sum;
    } else if (r >= sum) {
      q++;
      r -= sum;
    }
    parts[i] = q;
    remainders[i] = r;
    left -= q;
  }
  if (left > 0) {
    const order: number[] = [];
    for (let i = 0; i < shares.length; i++) if (shares[i] !== 0) order.push(i);
    order.sort((a, b) => remainders[b] - remainders[a]);
    for (let k = 0; left > 0; k++, left--) parts[order[k]] += 1;
  }
  return parts;
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
  let highestExponent = -Infinity;
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
      if (e.mantissa !== 0) {
        lowestExponent = Math.min(lowestExponent, e.exponent);
        highestExponent = Math.max(highestExponent, e.exponent);
      }
    }
  }
  if (lowestExponent === Infinity)
    throw new FormulaInputError(
      "#DIV/0!",
      "shares add up to zero, so there is nothing to split by."
    );

  const units = totalUnits(t, d);
  if (units === undefined) {
    throw new FormulaInputError(
      "#NUM!",
      "total is too large to split exactly to that many decimal places."
    );
  }

  // Every share as a whole number on one scale, so the proportions are exact integer ratios.
  let parts: ArrayLike<number | bigint>;
  const spread = highestExponent - lowestExponent;
  const safe: number[] = new Array(count);
  let sum = 0;
  let largest = 0;
  if (spread < POWERS_OF_TEN.length) {
    for (let i = 0; i < count; i++) {
      const { mantissa, exponent } = exact[i];
      safe[i] = mantissa === 0 ? 0 : mantissa * POWERS_OF_TEN[exponent - lowestExponent];
      sum += safe[i];
      if (safe[i] > largest) largest = safe[i];
    }
  }
  if (
    spread < POWERS_OF_TEN.length &&
    // product + Σshares bounds every intermediate of the quotient's correction below.
    units * largest + sum <= Number.MAX_SAFE_INTEGER
  ) {
    parts = largestRemainderSafe(units, safe);
  } else {
    parts = largestRemainder(
      BigInt(units),
      exact.map(({ mantissa, exponent }) =>
        mantissa === 0 ? 0n : BigInt(mantissa) * 10n ** BigInt(exponent - lowestExponent)
      )
    );
  }

  const sign = t < 0 ? -1 : 1;
  const scale = 10 ** d;
  const out: number[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const row: number[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      const u = Number(parts[r * cols + c]);
      // units/10^d of a safe integer is the double nearest the exact decimal; 0 stays +0, not −0.
      row[c] = u === 0 ? 0 : (sign * u) / scale;
    }
    out[r] = row;
  }
  return out;
}
