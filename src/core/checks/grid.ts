/**
 * A sheet snapshot indexed once for the rules: what kind of entry each cell holds, its number (typed
 * or stored as text), which rows are blank or header-like and which text cells label totals. Every
 * rule works on this so a 10,000-line sheet is classified once, not six times.
 */
import { CellValue, SheetSnapshot, a1, isExcelError } from "../workbook";

export const BLANK = 0;
export const NUMBER = 1;
export const TEXT = 2;
export const ERROR = 3;
export const BOOL = 4;
/** A number shown as a date or time: never an amount. */
export const DATE = 5;
/** Text that reads as an amount ("£340,000", "12,500"): Excel's SUM skips it, people do not. */
export const TEXT_NUMBER = 6;

export type TotalKind = "plain" | "sub" | "grand";

/** Words that mean a cell is not filled in yet; they are read as blanks, never as headers. */
const PLACEHOLDERS = new Set(["tbc", "tbd", "n/a", "na", "nil", "none", "-", "–", "—", "?", "..."]);

const TEXT_NUMBER_PATTERN =
  /^\s*(-)?\s*([£$€])?\s*(-)?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(%)?\s*$/;

/** Reads "£340,000", "12,500", "-£5.50", "45%" as numbers; undefined for anything else. */
export function parseTextNumber(text: string): { value: number; amountLike: boolean } | undefined {
  const m = TEXT_NUMBER_PATTERN.exec(text);
  if (!m) return undefined;
  const digits = m[4].replace(/,/g, "") + (m[5] ?? "");
  let value = Number(digits);
  if (!Number.isFinite(value)) return undefined;
  if (m[1] || m[3]) value = -value;
  if (m[6]) value /= 100;
  // Plain digits that could be a year, an ID or a code are not treated as amounts.
  const amountLike = Boolean(m[2] || m[4].includes(",") || m[5] || m[6]);
  if (!amountLike && (/^0\d/.test(m[4]) || (value >= 1900 && value <= 2100 && !m[5])))
    return undefined;
  return { value, amountLike };
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 160;
}

/** Cheap test before the regex: a text number starts with a digit, a sign or a currency symbol. */
function mayBeNumber(text: string): boolean {
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  const ch = text.charCodeAt(i);
  return (ch >= 48 && ch <= 57) || ch === 45 || ch === 163 || ch === 36 || ch === 8364;
}

/** Format text with quoted literals and [..] sections removed, so only the format codes remain. */
function formatCodes(format: string): string {
  return format
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "");
}

const percentCache = new Map<string, boolean>();
export function isPercentFormat(format: string): boolean {
  let v = percentCache.get(format);
  if (v === undefined) {
    v = formatCodes(format).includes("%");
    percentCache.set(format, v);
  }
  return v;
}

const dateCache = new Map<string, boolean>();
export function isDateFormat(format: string): boolean {
  let v = dateCache.get(format);
  if (v === undefined) {
    const codes = formatCodes(format);
    v = format !== "General" && /[dmyhs]/i.test(codes) && !/^general$/i.test(codes.trim());
    dateCache.set(format, v);
  }
  return v;
}

export function isCurrencyFormat(format: string): boolean {
  return format.includes("£") || format.includes("$") || format.includes("€");
}

// A label is a total when it starts or ends with total(s): "Total", "TOTALS", "Total Funding",
// "Grand total", "Sub-total", "Scheme total (£)". Longer sentences and figures that are not sums
// ("Total population", "Total % NHS") are left alone.
const TOTAL_WORD = /total/i;
/** Text naming a period ("per month", "a year", "weekly"): what the periods rule reads. */
export const PERIOD_HINT =
  /week|month|quarter|year|annum|daily|p\.a|\bwk|\bmth|\bqtr|\byr\b|\bday/i;
const TOTAL_OR_PERIOD =
  /total|week|month|quarter|year|annum|daily|p\.a|\bwk|\bmth|\bqtr|\byr\b|\bday/i;
const BCF_CALL_HINT = /bcf\./i;
const BCF_CALL = /(^|[^A-Z0-9_.])BCF\.[A-Z]/i;
const TOTAL_START = /^(grand\s+|sub[-\s]?)?totals?\b/i;
const TOTAL_END = /\b(grand\s+|sub[-\s]?)?totals?\s*(\([^)]*\))?\s*:?\s*$/i;
const NOT_A_SUM =
  /population|\brate\b|average|mean|median|%|percent|\bper\b|\bratio\b|\bnumber of\b|\bcount\b/i;

export function totalLabelKind(text: string): TotalKind | undefined {
  if (text.length > 60 || !TOTAL_WORD.test(text)) return undefined;
  const t = text.trim();
  const m = TOTAL_START.exec(t) ?? TOTAL_END.exec(t);
  if (!m) return undefined;
  if (NOT_A_SUM.test(t)) return undefined;
  const prefix = (m[1] ?? "").toLowerCase();
  if (prefix.startsWith("grand")) return "grand";
  if (prefix.startsWith("sub")) return "sub";
  return "plain";
}

export interface FormulaCoverage {
  /** Cells the formula adds, as grid positions "r,c"; undefined if the formula is not a plain sum. */
  cells: Set<string>;
  /** SUBTOTAL skips other SUBTOTAL cells, so it cannot count a subtotal twice. */
  subtotal: boolean;
}

const REF = /(\$?[A-Z]{1,3}\$?\d{1,7})(?::(\$?[A-Z]{1,3}\$?\d{1,7}))?/g;

export class SheetGrid {
  readonly sheet: SheetSnapshot;
  readonly name: string;
  readonly rows: number;
  readonly cols: number;
  readonly kind: Uint8Array;
  readonly rowBlank: Uint8Array;
  /** Rows holding at least one real number (not a date, not a year in a header). */
  readonly rowHasNumber: Uint8Array;
  /** Text cells that label a total, by grid position r * cols + c. */
  readonly totalLabels = new Map<number, TotalKind>();
  /** The leftmost total label's column in each row, or -1. */
  readonly rowTotalCol: Int32Array;
  /** Positions (r * cols + c) of text cells naming a period, amounts stored as text, error values, =BCF.* formulas. */
  readonly periodCells: number[] = [];
  readonly textNumberCells: number[] = [];
  /** The amount each of textNumberCells reads as. Typed numbers are read from the sheet itself. */
  private readonly textNumbers: number[] = [];
  readonly errorCells: number[] = [];
  readonly bcfCells: number[] = [];
  private readonly coverageCache = new Map<number, FormulaCoverage | null>();

  constructor(sheet: SheetSnapshot) {
    this.sheet = sheet;
    this.name = sheet.name;
    this.rows = sheet.values.length;
    let cols = 0;
    for (const row of sheet.values) if (row.length > cols) cols = row.length;
    this.cols = cols;
    const n = this.rows * cols;
    this.kind = new Uint8Array(n);
    this.rowBlank = new Uint8Array(this.rows);
    this.rowHasNumber = new Uint8Array(this.rows);
    this.rowTotalCol = new Int32Array(this.rows).fill(-1);
    /** Whole numbers 1900-2100 in rows with no other figure: a heading or an amount, by position. */
    const yearCandidates: number[][] = [];
    let lastFormat = "General";
    let lastIsDate = false;
    for (let r = 0; r < this.rows; r++) {
      const values = sheet.values[r];
      const formats = sheet.numberFormats[r];
      let blank = true;
      let hasNumber = false;
      const yearLike: number[] = [];
      for (let c = 0; c < values.length; c++) {
        const v: CellValue = values[c];
        const i = r * cols + c;
        if (typeof v === "number") {
          blank = false;
          const fmt = formats?.[c] ?? "General";
          if (fmt !== lastFormat) {
            lastFormat = fmt;
            lastIsDate = fmt !== "General" && isDateFormat(fmt);
          }
          if (lastIsDate) {
            this.kind[i] = DATE;
          } else {
            this.kind[i] = NUMBER;
            // A whole number that could be a year is decided by its place in the layout, below.
            if (Number.isInteger(v) && v >= 1900 && v <= 2100) yearLike.push(i);
            else hasNumber = true;
          }
        } else if (typeof v === "boolean") {
          blank = false;
          this.kind[i] = BOOL;
        } else if (typeof v === "string") {
          if (v === "") continue;
          if (v.length <= 8 && PLACEHOLDERS.has(v.trim().toLowerCase())) {
            blank = false;
            continue;
          }
          if (isSpace(v.charCodeAt(0)) && v.trim() === "") continue;
          blank = false;
          if (v.charCodeAt(0) === 35 && isExcelError(v)) {
            this.kind[i] = ERROR;
            continue;
          }
          const parsed = v.length <= 24 && mayBeNumber(v) ? parseTextNumber(v) : undefined;
          if (parsed) {
            this.kind[i] = TEXT_NUMBER;
            this.textNumberCells.push(i);
            this.textNumbers.push(parsed.value);
            hasNumber = true;
          } else {
            this.kind[i] = TEXT;
            // One scan rules out most text (names, types, providers) for both readers below.
            if (v.length >= 5 && TOTAL_OR_PERIOD.test(v)) {
              if (PERIOD_HINT.test(v)) this.periodCells.push(i);
              const total = totalLabelKind(v);
              if (total) {
                this.totalLabels.set(i, total);
                if (this.rowTotalCol[r] < 0) this.rowTotalCol[r] = c;
              }
            }
          }
        }
      }
      this.rowBlank[r] = blank ? 1 : 0;
      this.rowHasNumber[r] = hasNumber ? 1 : 0;
      if (yearLike.length) {
        if (hasNumber) this.rowHasNumber[r] = 1;
        else yearCandidates.push(yearLike);
      }
      const formulas = sheet.formulas[r];
      if (formulas) {
        for (let c = 0; c < formulas.length; c++) {
          const f = formulas[c];
          // =BCF.* calls (text in quotes is not a call).
          if (
            typeof f === "string" &&
            f.length > 5 &&
            f.charCodeAt(0) === 61 &&
            f.includes(".") &&
            BCF_CALL_HINT.test(f)
          ) {
            if (BCF_CALL.test(f.replace(/"[^"]*"/g, '""'))) this.bcfCells.push(r * cols + c);
          }
        }
      }
    }
    for (const cells of yearCandidates) {
      if (!this.yearsAreHeadings(cells)) this.rowHasNumber[Math.floor(cells[0] / cols)] = 1;
    }
    for (let i = 0; i < n; i++) {
      if (this.kind[i] === ERROR) this.errorCells.push(i);
    }
  }

  /**
   * Whether the year-like whole numbers of a row otherwise made of labels are headings (2024 | 2025
   * above two money columns) or amounts (£2,000 between £240,000 and £696,000). A column has one
   * heading: a number straight under a figure, or under a text heading, is an amount; years are
   * headings when at least one of them has nothing straight above it (the top of the sheet, a blank
   * line, or a heading that spans them from another column). "Straight above" stops at a blank line.
   */
  private yearsAreHeadings(cells: number[]): boolean {
    const { cols } = this;
    const r = Math.floor(cells[0] / cols);
    let headed = 0;
    for (const i of cells) {
      const c = i % cols;
      for (let above = r - 1; above >= 0 && !this.rowBlank[above]; above--) {
        const k = this.kind[above * cols + c];
        if (k === BLANK) continue;
        if (k === NUMBER || k === TEXT_NUMBER) return false;
        headed++;
        break;
      }
    }
    return headed < cells.length;
  }

  /** The row and column of a grid position (r * cols + c), as the index lists hold them. */
  cellAt(i: number): { r: number; c: number } {
    return { r: Math.floor(i / this.cols), c: i % this.cols };
  }

  k(r: number, c: number): number {
    return this.kind[r * this.cols + c];
  }

  /** The number a cell holds (typed, or read from text for TEXT_NUMBER); NaN otherwise. */
  n(r: number, c: number): number {
    const k = this.kind[r * this.cols + c];
    if (k === NUMBER) return this.sheet.values[r][c] as number;
    if (k === TEXT_NUMBER) return this.textNumberAt(r * this.cols + c);
    return NaN;
  }

  /** textNumberCells is in ascending order (rows scanned top to bottom, cells left to right). */
  private textNumberAt(i: number): number {
    const cells = this.textNumberCells;
    let lo = 0;
    let hi = cells.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cells[mid] < i) lo = mid + 1;
      else hi = mid;
    }
    return this.textNumbers[lo];
  }

  value(r: number, c: number): CellValue {
    return this.sheet.values[r]?.[c] ?? "";
  }

  text(r: number, c: number): string {
    const v = this.sheet.values[r]?.[c];
    if (typeof v !== "string" || v === "") return "";
    return isSpace(v.charCodeAt(0)) || isSpace(v.charCodeAt(v.length - 1)) ? v.trim() : v;
  }

  formula(r: number, c: number): string {
    const f = this.sheet.formulas[r]?.[c];
    return typeof f === "string" && f.startsWith("=") ? f : "";
  }

  format(r: number, c: number): string {
    return this.sheet.numberFormats[r]?.[c] ?? "General";
  }

  /** A1 address of a grid position, as the user sees it in Excel. */
  addr(r: number, c: number): string {
    return a1(this.sheet.rowOffset + r, this.sheet.colOffset + c);
  }

  isNumeric(r: number, c: number): boolean {
    const k = this.kind[r * this.cols + c];
    return k === NUMBER || k === TEXT_NUMBER;
  }

  /** A heading row: text in this column and no figures anywhere in the row. */
  isHeaderCell(r: number, c: number): boolean {
    const k = this.kind[r * this.cols + c];
    if (k === DATE) return true;
    if (this.rowHasNumber[r]) return false;
    return k === TEXT || k === NUMBER;
  }

  /** The total label of a row (the leftmost one before column `before`), if any. */
  rowTotalLabel(r: number, before = this.cols): { col: number; kind: TotalKind } | undefined {
    const c = this.rowTotalCol[r];
    if (c < 0 || c >= before) return undefined;
    return { col: c, kind: this.totalLabels.get(r * this.cols + c)! };
  }

  /**
   * Which cells a formula adds, for plain sums only: =SUM(B2:B9), =B2+B3+B4, =SUM(B2:B5,B7),
   * =SUBTOTAL(9|109,B2:B9). References to other sheets, other functions or other operators give
   * null: the value is still checked, only the diagnosis of which lines are missing is skipped.
   */
  coverage(r: number, c: number): FormulaCoverage | null {
    const key = r * this.cols + c;
    const cached = this.coverageCache.get(key);
    if (cached !== undefined) return cached;
    const result = this.parseCoverage(this.formula(r, c));
    this.coverageCache.set(key, result);
    return result;
  }

  private parseCoverage(formula: string): FormulaCoverage | null {
    if (!formula) return null;
    let body = formula.slice(1).replace(/\s+/g, "").toUpperCase();
    let subtotal = false;
    const sub = /^SUBTOTAL\((9|109),(.*)\)$/.exec(body);
    if (sub) {
      subtotal = true;
      body = sub[2];
    }
    if (body.includes("!") || body.includes("[")) return null;
    const cells = new Set<string>();
    let tooBig = false;
    const rest = body.replace(REF, (_m, from: string, to?: string) => {
      const p = parseRef(from);
      const q = to ? parseRef(to) : p;
      const r0 = Math.min(p.row, q.row) - this.sheet.rowOffset;
      const r1 = Math.max(p.row, q.row) - this.sheet.rowOffset;
      const c0 = Math.min(p.col, q.col) - this.sheet.colOffset;
      const c1 = Math.max(p.col, q.col) - this.sheet.colOffset;
      if ((r1 - r0 + 1) * (c1 - c0 + 1) > 2_000_000) tooBig = true;
      else
        for (let rr = r0; rr <= r1; rr++)
          for (let cc = c0; cc <= c1; cc++) cells.add(`${rr},${cc}`);
      return "#";
    });
    if (tooBig) return null;
    // What is left must be SUM( … ), references, commas and plus signs.
    const skeleton = rest.replace(/SUM\(/g, "(").replace(/[#,+()]/g, "");
    if (skeleton !== "") return null;
    return { cells, subtotal };
  }
}

function parseRef(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Grids are built once per sheet snapshot and shared by every rule in one run. */
const gridCache = new WeakMap<SheetSnapshot, SheetGrid>();
/** The figure in a cell (a number, or an amount stored as text); undefined for anything else. */
export function numberAt(grid: SheetGrid, r: number, c: number | undefined): number | undefined {
  if (c === undefined) return undefined;
  const k = grid.k(r, c);
  return k === NUMBER || k === TEXT_NUMBER ? grid.n(r, c) : undefined;
}

export function gridOf(sheet: SheetSnapshot): SheetGrid {
  let g = gridCache.get(sheet);
  if (!g) {
    g = new SheetGrid(sheet);
    gridCache.set(sheet, g);
  }
  return g;
}

/** Amounts are compared to the penny; half a penny absorbs floating-point noise in long sums. */
export const PENNY_TOLERANCE = 0.005;

export function differsByAPenny(a: number, b: number): boolean {
  return Math.abs(a - b) >= PENNY_TOLERANCE;
}
