import { FormulaInputError, requireNumber } from "../formulaError";
import { numberMatrix } from "./range";

export const DEFAULT_SPLIT_DECIMALS = 2;
const MIN_DECIMALS = -9;
const MAX_DECIMALS = 9;

/** Excel shows 15 significant digits; rounding there first makes 1.005 → 1.01 as ROUND does, not 1.00. */
function toUnits(amount: number, decimals: number): number {
  const scaled = decimals >= 0 ? amount * 10 ** decimals : amount / 10 ** -decimals;
  const fraction = scaled - Math.floor(scaled);
  // Only a value within float noise of a half needs the (slower) 15-digit view to round the way Excel does.
  if (Math.abs(fraction - 0.5) > 1e-6) return Math.round(scaled);
  return Math.round(Number(scaled.toPrecision(15)));
}

function fromUnits(units: number, decimals: number): number {
  return decimals >= 0 ? units / 10 ** decimals : units * 10 ** -decimals;
}

function splitDecimals(decimals: unknown): number {
  if (decimals === null || decimals === undefined) return DEFAULT_SPLIT_DECIMALS;
  const d = requireNumber(decimals, "decimals");
  if (!Number.isInteger(d) || d < MIN_DECIMALS || d > MAX_DECIMALS) {
    throw new FormulaInputError(
      "#NUM!",
      `decimals must be a whole number from ${MIN_DECIMALS} to ${MAX_DECIMALS} (2 for pence, 0 for whole pounds, -3 for thousands).`
    );
  }
  return d;
}

/**
 * Splits a pooled budget in proportion to `shares`, rounded to `decimals` places (pence by default)
 * so that the parts add back to the total exactly: seed 001's £936,000 with shares 240 : 696 gives
 * £240,000 and £696,000.
 *
 * Method: work in whole units of 10^-decimals (pence) so no float drift creeps in; give each share
 * the floor of its exact portion, then hand the units left over one each to the largest remainders,
 * the earlier share winning a tie (largest-remainder / Hamilton method).
 * - Shares may be weights (125000, 115000), fractions (0.6, 0.4) or percentages (60, 40): only their
 *   proportions matter. A zero share gets nothing; a negative share is #NUM!; all zero is #DIV/0!.
 * - The total is first rounded to `decimals` (the parts add up to that rounded total).
 * - A negative total (a clawback or an underspend to hand back) is split exactly as its size would
 *   be, with every part negative, so the parts still add up to it.
 * - The result has the same shape as `shares`.
 */
export function poolSplit(total: unknown, shares: unknown, decimals: unknown = null): number[][] {
  const t = requireNumber(total, "total");
  const d = splitDecimals(decimals);
  const matrix = numberMatrix(shares, "shares");
  const rows = matrix.length;
  const cols = matrix[0].length;
  const count = rows * cols;

  let sumShares = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const s = matrix[r][c];
      if (s < 0)
        throw new FormulaInputError(
          "#NUM!",
          `shares cannot be negative (row ${r + 1}, column ${c + 1}).`
        );
      sumShares += s;
    }
  }
  if (sumShares === 0)
    throw new FormulaInputError(
      "#DIV/0!",
      "shares add up to zero, so there is nothing to split by."
    );
  if (!Number.isFinite(sumShares))
    throw new FormulaInputError("#NUM!", "shares are too large to add up.");

  const sign = t < 0 ? -1 : 1;
  const totalUnits = toUnits(Math.abs(t), d);
  if (!Number.isSafeInteger(totalUnits)) {
    throw new FormulaInputError(
      "#NUM!",
      "total is too large to split exactly to that many decimal places."
    );
  }

  const units = new Float64Array(count);
  const remainders = new Float64Array(count);
  let allocated = 0;
  let candidates = 0;
  for (let i = 0; i < count; i++) {
    const s = matrix[(i / cols) | 0][i % cols];
    if (s === 0) {
      remainders[i] = -1; // never receives a leftover unit
      continue;
    }
    candidates++;
    const exact = totalUnits * (s / sumShares); // s / sum ≤ 1 first, so huge weights cannot overflow
    let whole = Math.floor(exact);
    let rem = exact - whole;
    // A portion that is a whole number in exact arithmetic can come out as n.9999999999 in floats.
    if (rem > 1 - 1e-9) {
      whole += 1;
      rem = 0;
    }
    units[i] = whole;
    // Remainders are compared at 1e-9 so that shares meant to tie (1:1:1) do tie despite float noise.
    remainders[i] = Math.round(rem * 1e9);
    allocated += whole;
  }

  let leftover = totalUnits - allocated;
  if (!(Math.abs(leftover) <= count)) {
    // Cannot happen with finite inputs; a guard so that no input can ever loop or give a wrong total.
    throw new FormulaInputError(
      "#NUM!",
      "shares are too far apart in size to split exactly; check them."
    );
  }
  if (leftover !== 0 && candidates > 0) {
    const order: number[] = [];
    for (let i = 0; i < count; i++) if (remainders[i] >= 0) order.push(i);
    order.sort((a, b) => remainders[b] - remainders[a] || a - b);
    // leftover is below the number of shares in exact arithmetic; the loops only guard float edge cases.
    for (let k = 0; leftover > 0; k = (k + 1) % order.length, leftover--) units[order[k]] += 1;
    for (let k = order.length - 1; leftover < 0; k = k > 0 ? k - 1 : order.length - 1) {
      if (units[order[k]] > 0) {
        units[order[k]] -= 1;
        leftover++;
      }
    }
  }

  const out: number[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const row: number[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      const u = units[r * cols + c];
      row[c] = u === 0 ? 0 : sign * fromUnits(u, d);
    }
    out[r] = row;
  }
  return out;
}
