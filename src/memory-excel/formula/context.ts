/** What a formula needs from the workbook while it is worked out. */
import type { SheetModel } from "../model/sheet";
import type { WorkbookState } from "../model/workbookState";
import {
  isArrayValue,
  isRange,
  scalarFromCell,
  VALUE,
  type FormulaValue,
  type RangeRef,
  type Scalar,
} from "./values";

export interface FormulaContext {
  model: WorkbookState;
  /** The value of a cell, working out its formula first if need be. */
  valueOf(sheet: SheetModel, row: number, col: number): Scalar;
  /** The cell the formula is in. */
  sheet: SheetModel;
  row: number;
  col: number;
}

/**
 * Every non-empty cell of a range with its value, row by row; empty cells are skipped (they add
 * nothing to SUM, COUNT, AVERAGE, MIN, MAX).
 */
export function* rangeCells(
  range: RangeRef,
  ctx: FormulaContext
): Generator<{ value: Scalar; row: number; col: number; formula?: string }> {
  const cells = [...range.sheet.cellsIn(range.box)];
  cells.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [row, col, cell] of cells) {
    const value = cell.formula
      ? ctx.valueOf(range.sheet, row, col)
      : scalarFromCell(cell.value, false);
    if (value === null) continue;
    yield { value, row, col, formula: cell.formula };
  }
}

/** The value at (r, c) of a range, 0-based within it. */
export function rangeValueAt(range: RangeRef, r: number, c: number, ctx: FormulaContext): Scalar {
  const row = range.box.row + r;
  const col = range.box.col + c;
  const cell = range.sheet.cell(row, col);
  if (!cell) return null;
  return cell.formula ? ctx.valueOf(range.sheet, row, col) : scalarFromCell(cell.value, false);
}

/**
 * A range used where one value is wanted: a single cell gives its value; otherwise Excel's implicit
 * intersection picks the cell in the formula's own row (or column); anything else is #VALUE!.
 */
export function toScalar(value: FormulaValue, ctx: FormulaContext): Scalar {
  // An array where one value is wanted gives its first value (Excel would spill it where it can).
  if (isArrayValue(value)) return value.rows[0]?.[0] ?? VALUE;
  if (!isRange(value)) return value;
  const { box, sheet } = value;
  if (box.row === box.lastRow && box.col === box.lastCol) return rangeValueAt(value, 0, 0, ctx);
  if (
    box.col === box.lastCol &&
    sheet === ctx.sheet &&
    ctx.row >= box.row &&
    ctx.row <= box.lastRow
  ) {
    return rangeValueAt(value, ctx.row - box.row, 0, ctx);
  }
  if (
    box.row === box.lastRow &&
    sheet === ctx.sheet &&
    ctx.col >= box.col &&
    ctx.col <= box.lastCol
  ) {
    return rangeValueAt(value, 0, ctx.col - box.col, ctx);
  }
  return VALUE;
}
