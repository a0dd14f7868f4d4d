/** One worksheet's content: cells keyed by position, validation rules, column widths. */
import type { CellBox } from "../address";
import { isBlankCell, type Cell } from "./cell";
import { CellStore } from "./cellStore";

export type ValidationRule = Record<string, unknown>;

export interface ValidationEntry {
  box: CellBox;
  rule: ValidationRule;
}

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

export const DEFAULT_COLUMN_WIDTH = 48;

export class SheetModel {
  name: string;
  visibility: SheetVisibility = "Visible";
  protected = false;
  readonly cells = new CellStore();
  /** Replaced on change (never mutated) so a transaction can keep the old array. */
  validations: ValidationEntry[] = [];
  /** Replaced on change, like `validations`. */
  columnWidths: ReadonlyMap<number, number> = new Map();
  /** Upper bounds of rows and columns ever used: ranges are scanned no further than these. */
  maxRow = -1;
  maxCol = -1;

  constructor(
    readonly id: number,
    name: string
  ) {
    this.name = name;
  }

  cell(row: number, col: number): Cell | undefined {
    return this.cells.get(row, col);
  }

  /** Cells inside a box, found by scanning whichever is smaller: the box or the sheet's cells. */
  *cellsIn(box: CellBox): Generator<[number, number, Cell]> {
    const lastRow = Math.min(box.lastRow, this.maxRow);
    const lastCol = Math.min(box.lastCol, this.maxCol);
    if (lastRow < box.row || lastCol < box.col) return;
    const width = lastCol - box.col + 1;
    const visitRow = function* (
      row: number,
      line: ReadonlyMap<number, Cell>
    ): Generator<[number, number, Cell]> {
      if (width <= line.size) {
        for (let c = box.col; c <= lastCol; c++) {
          const cell = line.get(c);
          if (cell) yield [row, c, cell];
        }
      } else {
        for (const [c, cell] of line) if (c >= box.col && c <= lastCol) yield [row, c, cell];
      }
    };
    if (lastRow - box.row + 1 <= this.cells.rowCount) {
      for (let r = box.row; r <= lastRow; r++) {
        const line = this.cells.row(r);
        if (line) yield* visitRow(r, line);
      }
      return;
    }
    for (const r of this.cells.rowNumbers()) {
      if (r < box.row || r > lastRow) continue;
      yield* visitRow(r, this.cells.row(r) as ReadonlyMap<number, Cell>);
    }
  }

  /** Smallest box holding every cell with content (or, unless valuesOnly, any format). */
  usedBox(valuesOnly: boolean): CellBox | undefined {
    let row = Infinity;
    let col = Infinity;
    let lastRow = -1;
    let lastCol = -1;
    for (const [r, c, cell] of this.cells.entries()) {
      if (valuesOnly ? isBlankCell(cell) : isBlankCell(cell) && !cell.numberFormat && !cell.bold)
        continue;
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
