/** One worksheet's content: cells keyed by position, validation rules, column widths. */
import type { CellValue } from "../../../core/workbook";
import { MAX_COLUMNS, type CellBox } from "../address";

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
}

export type ValidationRule = Record<string, unknown>;

export interface ValidationEntry {
  box: CellBox;
  rule: ValidationRule;
}

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

export const DEFAULT_COLUMN_WIDTH = 48;

export function cellKey(row: number, col: number): number {
  return row * MAX_COLUMNS + col;
}

export function keyRow(key: number): number {
  return Math.floor(key / MAX_COLUMNS);
}

export function keyCol(key: number): number {
  return key % MAX_COLUMNS;
}

export function isBlankCell(cell: Cell | undefined): boolean {
  return !cell || (cell.formula === undefined && cell.value === "");
}

export class SheetModel {
  name: string;
  visibility: SheetVisibility = "Visible";
  protected = false;
  readonly cells = new Map<number, Cell>();
  /** Replaced on change (never mutated) so a transaction can keep the old array. */
  validations: ValidationEntry[] = [];
  /** Replaced on change, like `validations`. */
  columnWidths: ReadonlyMap<number, number> = new Map();
  /** Upper bounds of rows and columns ever used: ranges are scanned no further than these. */
  maxRow = -1;
  maxCol = -1;

  constructor(
    readonly id: number,
    name: string,
  ) {
    this.name = name;
  }

  cell(row: number, col: number): Cell | undefined {
    return this.cells.get(cellKey(row, col));
  }

  /** Cells inside a box, found by scanning whichever is smaller: the box or the sheet's cells. */
  *cellsIn(box: CellBox): Generator<[number, number, Cell]> {
    const lastRow = Math.min(box.lastRow, this.maxRow);
    const lastCol = Math.min(box.lastCol, this.maxCol);
    if (lastRow < box.row || lastCol < box.col) return;
    const area = (lastRow - box.row + 1) * (lastCol - box.col + 1);
    if (area <= this.cells.size) {
      for (let r = box.row; r <= lastRow; r++) {
        for (let c = box.col; c <= lastCol; c++) {
          const cell = this.cells.get(cellKey(r, c));
          if (cell) yield [r, c, cell];
        }
      }
      return;
    }
    for (const [key, cell] of this.cells) {
      const r = keyRow(key);
      const c = keyCol(key);
      if (r >= box.row && r <= lastRow && c >= box.col && c <= lastCol) yield [r, c, cell];
    }
  }

  /** Smallest box holding every cell with content (or, unless valuesOnly, any format). */
  usedBox(valuesOnly: boolean): CellBox | undefined {
    let row = Infinity;
    let col = Infinity;
    let lastRow = -1;
    let lastCol = -1;
    for (const [key, cell] of this.cells) {
      if (valuesOnly ? isBlankCell(cell) : isBlankCell(cell) && !cell.numberFormat && !cell.bold) continue;
      const r = keyRow(key);
      const c = keyCol(key);
      if (r < row) row = r;
      if (c < col) col = c;
      if (r > lastRow) lastRow = r;
      if (c > lastCol) lastCol = c;
    }
    return lastRow < 0 ? undefined : { row, col, lastRow, lastCol };
  }

  columnWidth(col: number): number {
    return this.columnWidths.get(col) ?? DEFAULT_COLUMN_WIDTH;
  }
}
