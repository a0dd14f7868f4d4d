/**
 * Finds the totals in a sheet and the lines each one closes, however the sheet is laid out:
 * - a total row ("Total", "Total Funding", "Subtotal", "Grand total" in any column) closes, in each
 *   column to the right of its label, the lines above it back to the column's heading, a blank line
 *   or the previous total row;
 * - a total column (headed "Total (£)", "Totals" …) closes, in each row below its heading, the
 *   amount columns to its left back to a label column, a blank or percentage column or the previous
 *   total column.
 * A grand total closes the subtotals above it (not the lines they close); a plain "Total" that meets
 * a "Subtotal" is read the same way, since it then sits under subtotalled sections.
 */
import {
  ERROR,
  NUMBER,
  SheetGrid,
  TEXT,
  TEXT_NUMBER,
  TotalKind,
  differsByAPenny,
  gridOf,
  isCurrencyFormat,
  isPercentFormat,
} from "./grid";
import { SheetSnapshot } from "../workbook";
import { MONEY_HEADINGS, matchHeading } from "../vocabulary";

export interface Cell {
  r: number;
  c: number;
}

/**
 * Cells of a block as row and column lists: the lines of a 200,000-line table's total are two typed
 * arrays, not 200,000 objects kept for the whole run. `cells()` gives them as objects for messages.
 */
export class CellList {
  static readonly EMPTY = new CellList([], []);
  private readonly rows: Int32Array;
  private readonly cols: Int32Array;

  constructor(rows: ArrayLike<number>, cols: ArrayLike<number>) {
    this.rows = Int32Array.from(rows);
    this.cols = Int32Array.from(cols);
  }

  static of(cells: readonly Cell[]): CellList {
    return cells.length === 0
      ? CellList.EMPTY
      : new CellList(
          cells.map((x) => x.r),
          cells.map((x) => x.c)
        );
  }

  get length(): number {
    return this.rows.length;
  }

  r(k: number): number {
    return this.rows[k];
  }

  c(k: number): number {
    return this.cols[k];
  }

  cells(): Cell[] {
    const out: Cell[] = [];
    for (let k = 0; k < this.rows.length; k++) out.push({ r: this.rows[k], c: this.cols[k] });
    return out;
  }
}

export interface TotalBlock {
  orientation: "row" | "column";
  /** The label that makes this a total ("Total Funding"), and where it is. */
  label: string;
  labelAt: Cell;
  kind: TotalKind;
  /** The total cell. */
  total: Cell;
  /** Lines the total adds (numbers, or amounts stored as text). */
  lines: CellList;
  /** Subtotals a grand total adds instead of their lines. */
  subtotals: Cell[];
  /** Lines already closed by those subtotals: adding them again would count them twice. */
  closed: CellList;
  /** Cells in the block showing an Excel error value. */
  errors: Cell[];
  /** The total's figures are money (a £ format or a £ in the heading or label). */
  isMoney: boolean;
  /**
   * Where the total is also the other way's total (the corner of a row total column and a total
   * row), the cells that other total adds: a formula adding those instead is just as right.
   */
  other?: Cell[];
  /** The total is at such a corner (even when the other way has no lines to add). */
  corner?: boolean;
}

/** Every total of a sheet, how many total figures were compared, and totals Excel has not calculated. */
export interface SheetTotals {
  blocks: TotalBlock[];
  /** Total figures compared with their lines (a total row's cells, a total column's rows). */
  checked: number;
  /** Sum formulas in total positions with no calculated value (a file saved by another program). */
  uncalculated: Cell[];
}

function cellKey(r: number, c: number): string {
  return `${r},${c}`;
}
export { cellKey };

/** Strips structured references ([@[NHS (£)]], Table[[#Totals],[x]]) so their text is not read as operators. */
function withoutStructuredRefs(formula: string): string {
  let f = formula;
  let prev = "";
  while (prev !== f) {
    prev = f;
    f = f.replace(/\[[^[\]]*\]/g, "");
  }
  return f;
}

/**
 * Only a total that claims to be a sum is checked: a typed figure, SUM, SUBTOTAL(9|109), or
 * references added with +. AVERAGE, MAX, =B5*12, =B2-B3 … are something else.
 */
const sumFormulaCache = new Map<string, boolean>();

export function isSumFormula(formula: string): boolean {
  if (!formula) return true;
  // A table column repeats one formula text thousands of times: decide once.
  let known = sumFormulaCache.get(formula);
  if (known === undefined) {
    known = decideSumFormula(formula);
    if (sumFormulaCache.size > 10_000) sumFormulaCache.clear();
    sumFormulaCache.set(formula, known);
  }
  return known;
}

function decideSumFormula(formula: string): boolean {
  const f = withoutStructuredRefs(formula.slice(1)).toUpperCase();
  if (/[-*/^&<>=]/.test(f.replace(/^\s*-/, "").replace(/\d[.]?\d*E-\d+/g, ""))) return false;
  const functions = f.match(/[A-Z][A-Z0-9._]*\s*\(/g) ?? [];
  for (const fn of functions) {
    const name = fn.replace(/\s*\($/, "");
    if (name !== "SUM" && name !== "SUBTOTAL") return false;
  }
  if (/SUBTOTAL\s*\(/.test(f) && !/SUBTOTAL\s*\(\s*(9|109)\s*,/.test(f)) return false;
  return true;
}

function moneyText(text: string): boolean {
  return text.includes("£");
}

/** Text of the nearest heading above a cell (for percentage and money tests). */
function headingAbove(grid: SheetGrid, r: number, c: number): string {
  for (let rr = r - 1; rr >= 0 && rr >= r - 50000; rr--) {
    if (grid.k(rr, c) === TEXT && !grid.rowHasNumber[rr]) return grid.text(rr, c);
  }
  return "";
}

/** A sum formula whose cell holds no value: Excel would show a figure, so nothing was calculated. */
function uncalculatedSum(grid: SheetGrid, r: number, c: number): boolean {
  if (grid.value(r, c) !== "") return false;
  const formula = grid.formula(r, c);
  return formula !== "" && isSumFormula(formula);
}

function rowBlocks(grid: SheetGrid, out: SheetTotals): void {
  const { cols } = grid;
  for (const [index, kind] of grid.totalLabels) {
    const t = Math.floor(index / cols);
    const labelCol = index % cols;
    // Only the leftmost total label of a row makes it a total row.
    const leftmost = grid.rowTotalLabel(t);
    if (!leftmost || leftmost.col !== labelCol) continue;
    for (let c = labelCol + 1; c < cols; c++)
      if (uncalculatedSum(grid, t, c)) out.uncalculated.push({ r: t, c });
    if (!grid.rowHasNumber[t] && !rowHasError(grid, t)) continue;
    const label = grid.text(t, labelCol);
    for (let c = labelCol + 1; c < cols; c++) {
      const k = grid.k(t, c);
      if (k !== NUMBER && k !== TEXT_NUMBER && k !== ERROR) continue;
      if (isPercentFormat(grid.format(t, c))) continue;
      if (!isSumFormula(grid.formula(t, c))) continue;
      const block = walkUp(grid, t, c, kind);
      if (!block) continue;
      const heading = block.heading;
      if (heading.includes("%") || /percent|\brate\b|average/i.test(heading)) continue;
      const isMoney =
        isCurrencyFormat(grid.format(t, c)) ||
        moneyText(heading) ||
        moneyText(label) ||
        someLineIsMoney(grid, block.lines);
      out.checked++;
      out.blocks.push({
        orientation: "row",
        label,
        labelAt: { r: t, c: labelCol },
        kind,
        total: { r: t, c },
        lines: block.lines,
        subtotals: block.subtotals,
        closed: block.closed,
        errors: block.errors,
        isMoney,
      });
    }
  }
}

function someLineIsMoney(grid: SheetGrid, lines: CellList): boolean {
  for (let k = 0; k < lines.length; k++) {
    const r = lines.r(k);
    const c = lines.c(k);
    if (isCurrencyFormat(grid.format(r, c)) || grid.text(r, c).includes("£")) return true;
  }
  return false;
}

function rowHasError(grid: SheetGrid, r: number): boolean {
  for (let c = 0; c < grid.cols; c++) if (grid.k(r, c) === ERROR) return true;
  return false;
}

function walkUp(
  grid: SheetGrid,
  t: number,
  c: number,
  kind: TotalKind
):
  | { lines: CellList; subtotals: Cell[]; closed: CellList; errors: Cell[]; heading: string }
  | undefined {
  // An explicit grand total closes every lower total above it; a plain total that meets a
  // subtotal closes the subtotals; a subtotal closes only lines.
  // A plain total straight under another total row ("Total ICR", "Total HTR", then "Total") closes
  // the totals above it as a grand total does.
  let mode: "lines" | "explicitGrand" | "promotedGrand" | "stackedGrand" =
    kind === "grand" ? "explicitGrand" : "lines";
  let seenSubtotal = false;
  let started = false;
  let skippedBlank = false;
  // Lines and the lines subtotals close are all in column c: their rows, bottom up.
  const lines: number[] = [];
  const subtotals: Cell[] = [];
  const closed: number[] = [];
  const errors: Cell[] = [];
  let heading = "";
  for (let r = t - 1; r >= 0; r--) {
    if (grid.rowBlank[r]) {
      if (!started) skippedBlank = true;
      if (!started || mode !== "lines") continue;
      break;
    }
    const labCol = grid.rowTotalCol[r];
    const lab = labCol >= 0 && labCol < c ? grid.rowTotalLabel(r, c) : undefined;
    if (lab) {
      if (mode === "lines") {
        if (lab.kind === "sub" && kind !== "sub") mode = "promotedGrand";
        else if (!started && !skippedBlank && kind === "plain" && lab.kind === "plain")
          mode = "stackedGrand";
        else break;
      } else if (mode === "explicitGrand" || mode === "stackedGrand") {
        if (lab.kind === "grand") break;
      } else if (lab.kind !== "sub") break;
      seenSubtotal = true;
      started = true;
      const k = grid.k(r, c);
      if (k === NUMBER || k === TEXT_NUMBER) subtotals.push({ r, c });
      else if (k === ERROR) errors.push({ r, c });
      continue;
    }
    if (grid.isHeaderCell(r, c)) {
      heading = grid.text(r, c);
      break;
    }
    started = true;
    const k = grid.k(r, c);
    if (k === NUMBER || k === TEXT_NUMBER) (seenSubtotal ? closed : lines).push(r);
    else if (k === ERROR && !seenSubtotal) errors.push({ r, c });
  }
  if (lines.length + subtotals.length + errors.length === 0) return undefined;
  if (!heading)
    heading = headingAbove(
      grid,
      lines.length ? lines[lines.length - 1] : (subtotals[subtotals.length - 1] ?? { r: t }).r,
      c
    );
  return {
    lines: inColumn(lines.reverse(), c),
    subtotals: subtotals.reverse(),
    closed: inColumn(closed.reverse(), c),
    errors,
    heading,
  };
}

function inColumn(rows: number[], c: number): CellList {
  return rows.length === 0
    ? CellList.EMPTY
    : new CellList(rows, new Int32Array(rows.length).fill(c));
}

function columnBlocks(grid: SheetGrid, out: SheetTotals, corners: Map<string, Cell[]>): void {
  const { cols } = grid;
  for (const [index, kind] of grid.totalLabels) {
    const h = Math.floor(index / cols);
    const c = index % cols;
    // A heading row carries no figures; a total label in a row of figures labels that row instead.
    if (grid.rowHasNumber[h]) continue;
    const label = grid.text(h, c);
    if (label.includes("%")) continue;
    // The rows under the heading, down to a blank line or the next heading in this column.
    let end = h + 1;
    while (
      end < grid.rows &&
      !grid.rowBlank[end] &&
      !(grid.k(end, c) === TEXT && !grid.rowHasNumber[end])
    )
      end++;
    if (end === h + 1) continue;
    const totalIsMoney = moneyText(label) || columnHasCurrency(grid, h + 1, end, c);
    const parts: number[] = [];
    for (let k = c - 1; k >= 0; k--) {
      const heading = grid.text(h, k);
      if (grid.totalLabels.has(h * cols + k)) break;
      // Percentages, rates and averages sit beside amounts but are not parts of their total.
      if (heading.includes("%") || /percent|\brate\b|average/i.test(heading)) continue;
      let numbers = 0;
      let percents = 0;
      let currency = false;
      for (let r = h + 1; r < end; r++) {
        const kk = grid.k(r, k);
        if (kk === NUMBER || kk === TEXT_NUMBER) {
          numbers++;
          const fmt = grid.format(r, k);
          if (isPercentFormat(fmt)) percents++;
          if (isCurrencyFormat(fmt) || grid.text(r, k).includes("£")) currency = true;
        }
      }
      if (numbers === 0) break;
      if (percents > 0) continue;
      if (totalIsMoney && !currency && !headingIsMoney(grid, h, k)) break;
      parts.push(k);
    }
    if (parts.length === 0) continue;
    parts.reverse();
    const labelAt = { r: h, c };
    for (let r = h + 1; r < end; r++) {
      const k = grid.k(r, c);
      if (k !== NUMBER && k !== TEXT_NUMBER && k !== ERROR) {
        if (uncalculatedSum(grid, r, c)) out.uncalculated.push({ r, c });
        continue;
      }
      const formula = grid.formula(r, c);
      if (!isSumFormula(formula)) continue;
      // Most rows of a long table reconcile: settle those without building a block.
      let sum = 0;
      let filled = 0;
      let broken = k === ERROR;
      for (const p of parts) {
        const kp = grid.k(r, p);
        if (kp === NUMBER || kp === TEXT_NUMBER) {
          sum += grid.n(r, p);
          filled++;
        } else if (kp === ERROR) broken = true;
      }
      // A row with a total but none of its parts filled in has nothing to reconcile.
      if (filled === 0 && !broken) continue;
      out.checked++;
      const corner = grid.rowTotalLabel(r, c) !== undefined;
      if (corner) {
        const partCells: Cell[] = [];
        for (const p of parts) if (grid.isNumeric(r, p)) partCells.push({ r, c: p });
        corners.set(cellKey(r, c), partCells);
      }
      const plainRefs = formula !== "" && !formula.includes("[") && !formula.includes("!");
      if (!broken && !plainRefs && !differsByAPenny(sum, grid.n(r, c))) continue;
      const lines: Cell[] = [];
      const errors: Cell[] = [];
      for (const p of parts) {
        const kp = grid.k(r, p);
        if (kp === NUMBER || kp === TEXT_NUMBER) lines.push({ r, c: p });
        else if (kp === ERROR) errors.push({ r, c: p });
      }
      out.blocks.push({
        orientation: "column",
        label,
        labelAt,
        kind,
        total: { r, c },
        lines: CellList.of(lines),
        subtotals: NONE,
        closed: CellList.EMPTY,
        errors: errors.length ? errors : NONE,
        isMoney: totalIsMoney,
        ...(corner ? { corner } : {}),
      });
    }
  }
}

/** A heading that names money ("Amount", "Planned spend", "(£)") or a year typed above amounts. */
function headingIsMoney(grid: SheetGrid, h: number, c: number): boolean {
  if (grid.k(h, c) === NUMBER) return !grid.rowHasNumber[h];
  const text = grid.text(h, c);
  if (moneyText(text)) return true;
  const id = matchHeading(text);
  return id !== undefined && MONEY_HEADINGS.has(id);
}

function columnHasCurrency(grid: SheetGrid, r0: number, r1: number, c: number): boolean {
  for (let r = r0; r < r1; r++) {
    const k = grid.k(r, c);
    if (
      (k === NUMBER || k === TEXT_NUMBER) &&
      (isCurrencyFormat(grid.format(r, c)) || grid.text(r, c).includes("£"))
    ) {
      return true;
    }
  }
  return false;
}

/** Shared by blocks with no subtotals or errors (never modified), to spare 10,000 empty arrays. */
const NONE: Cell[] = Object.freeze([]) as unknown as Cell[];

const blockCache = new WeakMap<SheetSnapshot, SheetTotals>();

/**
 * Every total in a sheet with the lines it closes, computed once per snapshot. Rows of a total column
 * that reconcile, have no error value and no plain-reference formula to diagnose are left out: there
 * is nothing to report about them, and a 10,000-line table would otherwise mean 10,000 blocks.
 */
export function sheetTotals(sheet: SheetSnapshot): SheetTotals {
  let totals = blockCache.get(sheet);
  if (!totals) {
    const grid = gridOf(sheet);
    totals = { blocks: [], checked: 0, uncalculated: [] };
    const corners = new Map<string, Cell[]>();
    rowBlocks(grid, totals);
    const rowCount = totals.blocks.length;
    columnBlocks(grid, totals, corners);
    if (corners.size) {
      // The corner of a total row and a total column: each way's total may add the other's cells.
      const rowByCell = new Map<string, TotalBlock>();
      for (const b of totals.blocks.slice(0, rowCount))
        rowByCell.set(cellKey(b.total.r, b.total.c), b);
      for (const b of totals.blocks.slice(rowCount)) {
        const key = cellKey(b.total.r, b.total.c);
        const row = rowByCell.get(key);
        if (row) b.other = [...row.lines.cells(), ...row.subtotals];
      }
      for (const [key, parts] of corners) {
        const row = rowByCell.get(key);
        if (row) {
          row.other = parts;
          row.corner = true;
        }
      }
    }
    blockCache.set(sheet, totals);
  }
  return totals;
}

export function totalBlocks(sheet: SheetSnapshot): TotalBlock[] {
  return sheetTotals(sheet).blocks;
}
