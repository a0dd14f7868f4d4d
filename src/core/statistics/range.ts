import { FormulaInputError } from "../formulaError";

/** Whether a value is what Excel passes for a range: a non-empty rectangular 2-D array. */
function isMatrix(value: unknown): value is unknown[][] {
  if (!Array.isArray(value) || value.length === 0) return false;
  const width = Array.isArray(value[0]) ? value[0].length : -1;
  if (width <= 0) return false;
  for (const row of value) if (!Array.isArray(row) || row.length !== width) return false;
  return true;
}

/** True for what Excel passes for an empty cell. */
export function isBlank(cell: unknown): boolean {
  return cell === null || cell === undefined || cell === "";
}

/**
 * The cells of a range argument as a 2-D array of numbers. Excel passes ranges as 2-D arrays; a
 * single number is taken as a one-cell range. Text, booleans and empty cells are #VALUE!: a blank
 * inside a list of age bands or shares is almost always a missing figure, not a zero. `blankIsZero`
 * is for the few arguments where a blank really means none (a count of events left empty).
 */
export function numberMatrix(value: unknown, what: string, blankIsZero = false): number[][] {
  if (typeof value === "number") return [[checkedCell(value, what, 0, 0, blankIsZero)]];
  if (!isMatrix(value)) throw new FormulaInputError("#VALUE!", `${what} must be a range of cells.`);
  const out: number[][] = new Array(value.length);
  for (let r = 0; r < value.length; r++) {
    const row = value[r];
    const outRow: number[] = new Array(row.length);
    for (let c = 0; c < row.length; c++) outRow[c] = checkedCell(row[c], what, r, c, blankIsZero);
    out[r] = outRow;
  }
  return out;
}

function checkedCell(
  cell: unknown,
  what: string,
  r: number,
  c: number,
  blankIsZero: boolean
): number {
  if (typeof cell === "number" && Number.isFinite(cell)) return cell;
  if (isBlank(cell)) {
    if (blankIsZero) return 0;
    throw new FormulaInputError(
      "#VALUE!",
      `row ${r + 1}, column ${c + 1} of ${what} is empty; fill in every cell (use 0 for none).`
    );
  }
  throw new FormulaInputError(
    "#VALUE!",
    `row ${r + 1}, column ${c + 1} of ${what} is not a number.`
  );
}

/**
 * The cells of a range that must be one row or one column (age bands), in order.
 * `lineOnly` rejects a block of several rows and columns, which has no single band order.
 */
export function numbersFromRange(
  value: unknown,
  what: string,
  lineOnly: boolean,
  blankIsZero = false
): number[] {
  const m = numberMatrix(value, what, blankIsZero);
  if (lineOnly && m.length > 1 && m[0].length > 1) {
    throw new FormulaInputError("#VALUE!", `${what} must be a single row or a single column.`);
  }
  if (m.length === 1) return m[0];
  const out: number[] = [];
  for (const row of m) for (const cell of row) out.push(cell);
  return out;
}
