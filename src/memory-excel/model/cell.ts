/** One cell of a sheet, as the model stores it. */
import type { CellValue } from "../../core/workbook";

/**
 * A cell. Replaced, never edited in place, so a transaction can keep the old object to restore it;
 * the one exception is `value` of a formula cell, which recalculation refreshes.
 */
export interface Cell {
  /** The constant, or the formula's last calculated result ("" for empty). */
  value: CellValue;
  /** "=…" when the cell holds a formula. */
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
  /**
   * A formula whose result is an array (BCF.RATE.CI's lower and upper): the whole result, which Excel
   * would spill into the cells to the right and below. `value` keeps its first value. Set by recalculation.
   */
  spill?: CellValue[][];
}

export function isBlankCell(cell: Cell | undefined): boolean {
  return !cell || (cell.formula === undefined && cell.value === "");
}
