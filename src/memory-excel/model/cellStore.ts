/**
 * Cells by row, then column. Two small-integer keys instead of one row × 16,384 + column key: past
 * row 65,536 such a key no longer fits a small integer, and a 100,000-line sheet became many times
 * slower to fill and read.
 */
import type { Cell } from "./cell";

export class CellStore {
  private readonly rows = new Map<number, Map<number, Cell>>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  get rowCount(): number {
    return this.rows.size;
  }

  get(row: number, col: number): Cell | undefined {
    return this.rows.get(row)?.get(col);
  }

  set(row: number, col: number, cell: Cell): void {
    let line = this.rows.get(row);
    if (!line) this.rows.set(row, (line = new Map()));
    if (!line.has(col)) this.count++;
    line.set(col, cell);
  }

  delete(row: number, col: number): void {
    const line = this.rows.get(row);
    if (line?.delete(col)) {
      this.count--;
      if (line.size === 0) this.rows.delete(row);
    }
  }

  row(row: number): ReadonlyMap<number, Cell> | undefined {
    return this.rows.get(row);
  }

  /** Row numbers that have cells, in no particular order. */
  rowNumbers(): IterableIterator<number> {
    return this.rows.keys();
  }

  /** Every cell, in no particular order. */
  *entries(): Generator<[number, number, Cell]> {
    for (const [row, line] of this.rows) for (const [col, cell] of line) yield [row, col, cell];
  }

  /** Every cell row by row, left to right. */
  *sortedEntries(): Generator<[number, number, Cell]> {
    const rows = [...this.rows.keys()].sort((a, b) => a - b);
    for (const row of rows) {
      const line = this.rows.get(row) as Map<number, Cell>;
      const cols = [...line.keys()].sort((a, b) => a - b);
      for (const col of cols) yield [row, col, line.get(col) as Cell];
    }
  }
}
