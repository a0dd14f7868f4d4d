/**
 * The cells of one worksheet as they are read from the file, kept column-wise (row, column and
 * style in typed arrays) so a sheet costs a few bytes per used cell and nothing per empty one; then
 * laid out as the snapshot's grids, one block per stretch of content.
 */
import { CellValue, SheetSnapshot, parseA1 } from "../core/workbook";

/** Typed arrays grow by half again, not double: a 2.6-million-cell sheet would waste 60% at 2x. */
function grown(length: number, size: number): number {
  return Math.max(size, Math.ceil(length * 1.5));
}

/** Excel's last style index is 63,999; a larger one in a damaged file reads as General. */
const MAX_STYLE = 0xffff;

export class SheetCells {
  size = 0;
  private rowOf = new Int32Array(256);
  /** Columns go to 16,383 (checked by the reader), so 16 bits hold them. */
  private colOf = new Uint16Array(256);
  private styleOf = new Uint16Array(256);
  private values: CellValue[] = [];
  /**
   * Formulas are kept for the cells that have one (about a quarter of a plan's): the cell indexes in
   * the order added, and the formula of each.
   */
  private formulaCell = new Int32Array(64);
  private formulaCount = 0;
  private formulas: CellValue[] = [];
  /** Merged areas ("B6:C6"): only their first cell shows a value, as in Office.js. */
  readonly merges: string[] = [];

  add(row: number, col: number, style: number, value: CellValue, formula: CellValue): void {
    const i = this.size;
    if (i === this.rowOf.length) {
      const n = grown(i, i + 1);
      const rows = new Int32Array(n);
      rows.set(this.rowOf);
      this.rowOf = rows;
      const cols = new Uint16Array(n);
      cols.set(this.colOf);
      this.colOf = cols;
      const styles = new Uint16Array(n);
      styles.set(this.styleOf);
      this.styleOf = styles;
    }
    this.rowOf[i] = row;
    this.colOf[i] = col;
    this.styleOf[i] = style > MAX_STYLE || style < 0 ? MAX_STYLE : style;
    this.values.push(value);
    if (formula !== value) {
      const k = this.formulaCount;
      if (k === this.formulaCell.length) {
        const cells = new Int32Array(grown(k, k + 1));
        cells.set(this.formulaCell);
        this.formulaCell = cells;
      }
      this.formulaCell[k] = i;
      this.formulas.push(formula);
      this.formulaCount = k + 1;
    }
    this.size = i + 1;
  }

  /** The formula of cell i if it has one (the cells with formulas are in ascending order). */
  private formulaOf(i: number): CellValue | undefined {
    let lo = 0;
    let hi = this.formulaCount;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.formulaCell[mid] < i) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.formulaCount && this.formulaCell[lo] === i ? this.formulas[lo] : undefined;
  }

  /** Cell indexes in row then column order; a cell given twice keeps its last entry. */
  private ordered(): Int32Array {
    const n = this.size;
    const order = new Int32Array(n);
    let sorted = true;
    for (let i = 0; i < n; i++) {
      order[i] = i;
      if (
        i > 0 &&
        (this.rowOf[i] < this.rowOf[i - 1] ||
          (this.rowOf[i] === this.rowOf[i - 1] && this.colOf[i] <= this.colOf[i - 1]))
      )
        sorted = false;
    }
    if (sorted) return order;
    const byPosition = Array.from(order).sort(
      (a, b) => this.rowOf[a] - this.rowOf[b] || this.colOf[a] - this.colOf[b] || a - b
    );
    const kept: number[] = [];
    for (let k = 0; k < byPosition.length; k++) {
      const i = byPosition[k];
      const next = byPosition[k + 1];
      if (
        next !== undefined &&
        this.rowOf[next] === this.rowOf[i] &&
        this.colOf[next] === this.colOf[i]
      )
        continue;
      kept.push(i);
    }
    return Int32Array.from(kept);
  }

  /** Drops the cells a merged area covers other than its first. */
  private withoutMergedCells(order: Int32Array): Int32Array {
    if (this.merges.length === 0 || order.length === 0) return order;
    const drop = new Uint8Array(order.length);
    const firstAtOrAfter = (r: number) => {
      let lo = 0;
      let hi = order.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.rowOf[order[mid]] < r) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    let dropped = 0;
    for (const ref of this.merges) {
      const [from, to = from] = ref.split(":");
      const a = parseA1(from);
      const b = parseA1(to);
      if (!a || !b) continue;
      for (let k = firstAtOrAfter(a.row); k < order.length; k++) {
        const i = order[k];
        const r = this.rowOf[i];
        if (r > b.row) break;
        const c = this.colOf[i];
        if (c < a.col || c > b.col || (r === a.row && c === a.col) || drop[k]) continue;
        drop[k] = 1;
        dropped++;
      }
    }
    if (dropped === 0) return order;
    return order.filter((_, k) => !drop[k]);
  }

  /**
   * The snapshot blocks. A new block starts after more than `gap` empty rows, so a stray cell far
   * away is a block of its own, not a million empty rows. Inside a block, empty rows share one
   * array, a row without formulas shares its values array as its formulas, and a row formatted
   * like the one before shares its formats. `spend` is told the blank cells each block adds.
   */
  toBlocks(
    name: string,
    formats: readonly string[],
    gap: number,
    spend: (cells: number) => void
  ): SheetSnapshot[] {
    const order = this.withoutMergedCells(this.ordered());
    const blocks: SheetSnapshot[] = [];
    let start = 0;
    while (start < order.length) {
      let end = start + 1;
      let minC = this.colOf[order[start]];
      let maxC = minC;
      while (end < order.length) {
        const gapRows = this.rowOf[order[end]] - this.rowOf[order[end - 1]] - 1;
        if (gapRows > gap) break;
        end++;
      }
      for (let k = start; k < end; k++) {
        const c = this.colOf[order[k]];
        if (c < minC) minC = c;
        if (c > maxC) maxC = c;
      }
      const r0 = this.rowOf[order[start]];
      const height = this.rowOf[order[end - 1]] - r0 + 1;
      const width = maxC - minC + 1;
      spend(height * width - (end - start));
      blocks.push(this.block(name, formats, order, start, end, r0, height, minC, width));
      start = end;
    }
    if (blocks.length === 0) {
      blocks.push({
        name,
        rowOffset: 0,
        colOffset: 0,
        values: [],
        formulas: [],
        numberFormats: [],
      });
    }
    return blocks;
  }

  private block(
    name: string,
    formats: readonly string[],
    order: Int32Array,
    start: number,
    end: number,
    r0: number,
    height: number,
    c0: number,
    width: number
  ): SheetSnapshot {
    const emptyValues = new Array<CellValue>(width).fill("");
    const emptyFormats = new Array<string>(width).fill("General");
    const values = new Array<CellValue[]>(height).fill(emptyValues);
    const formulas = new Array<CellValue[]>(height).fill(emptyValues);
    const numberFormats = new Array<string[]>(height).fill(emptyFormats);
    let previousFormats = emptyFormats;
    let k = start;
    while (k < end) {
      const r = this.rowOf[order[k]];
      let rowEnd = k;
      while (rowEnd < end && this.rowOf[order[rowEnd]] === r) rowEnd++;
      const v = new Array<CellValue>(width).fill("");
      const nf = new Array<string>(width).fill("General");
      let f = v;
      for (let j = k; j < rowEnd; j++) {
        const i = order[j];
        const c = this.colOf[i] - c0;
        v[c] = this.values[i];
        nf[c] = formats[this.styleOf[i]] ?? "General";
      }
      if (this.formulaCount > 0) {
        for (let j = k; j < rowEnd; j++) {
          const i = order[j];
          const formula = this.formulaOf(i);
          if (formula === undefined) continue;
          if (f === v) f = v.slice();
          f[this.colOf[i] - c0] = formula;
        }
      }
      values[r - r0] = v;
      formulas[r - r0] = f;
      let same = nf.length === previousFormats.length;
      for (let c = 0; same && c < width; c++) same = nf[c] === previousFormats[c];
      numberFormats[r - r0] = same ? previousFormats : (previousFormats = nf);
      k = rowEnd;
    }
    return { name, rowOffset: r0, colOffset: c0, values, formulas, numberFormats };
  }
}
