/** The values a formula works with, and Excel's rules for turning one kind into another. */
import { isExcelError, type CellValue } from "../../core/workbook";
import type { CellBox } from "../address";
import type { SheetModel } from "../model/sheet";

/** An Excel error value (#DIV/0!, #VALUE! …) while a formula is being worked out. */
export class ErrorValue {
  private static readonly known = new Map<string, ErrorValue>();

  private constructor(readonly code: string) {}

  static of(code: string): ErrorValue {
    let error = ErrorValue.known.get(code);
    if (!error) ErrorValue.known.set(code, (error = new ErrorValue(code)));
    return error;
  }
}

export const DIV0 = ErrorValue.of("#DIV/0!");
export const VALUE = ErrorValue.of("#VALUE!");
export const REF = ErrorValue.of("#REF!");
export const NAME = ErrorValue.of("#NAME?");
export const NUM = ErrorValue.of("#NUM!");
export const NA = ErrorValue.of("#N/A");

/** null is an empty cell. */
export type Scalar = number | string | boolean | ErrorValue | null;

export interface RangeRef {
  kind: "range";
  sheet: SheetModel;
  box: CellBox;
}

/** A grid of values that is not on a sheet: what a custom function such as BCF.RATE.CI returns. */
export interface ArrayValue {
  kind: "array";
  rows: Scalar[][];
}

export type FormulaValue = Scalar | RangeRef | ArrayValue;

export function isRange(value: FormulaValue | undefined): value is RangeRef {
  return typeof value === "object" && value !== null && (value as RangeRef).kind === "range";
}

export function isArrayValue(value: FormulaValue | undefined): value is ArrayValue {
  return typeof value === "object" && value !== null && (value as ArrayValue).kind === "array";
}

export function isError(value: unknown): value is ErrorValue {
  return value instanceof ErrorValue;
}

/** A stored cell value as a formula sees it: error text becomes an error, "" an empty cell. */
export function scalarFromCell(value: CellValue | undefined, isFormula: boolean): Scalar {
  if (value === undefined) return null;
  if (typeof value === "string") {
    if (isExcelError(value)) return ErrorValue.of(value);
    if (value === "" && !isFormula) return null;
  }
  return value;
}

/** A formula's result as Range.values shows it. */
export function toCellValue(value: Scalar): CellValue {
  if (value === null) return 0;
  if (value instanceof ErrorValue) return value.code;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return NUM.code;
    return value === 0 ? 0 : value;
  }
  return value;
}

const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Text Excel would read as a number in arithmetic ("12", " 1,234.5 ", "15%"); undefined if not. */
export function numberFromText(text: string): number | undefined {
  const t = text.trim().replace(/,(?=\d{3}(\D|$))/g, "");
  if (NUMERIC_TEXT.test(t)) return Number(t);
  if (t.endsWith("%") && NUMERIC_TEXT.test(t.slice(0, -1))) return Number(t.slice(0, -1)) / 100;
  return undefined;
}

export function toNumber(value: Scalar): number | ErrorValue {
  if (value === null) return 0;
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof ErrorValue) return value;
  const n = numberFromText(value);
  return n === undefined ? VALUE : n;
}

/** Numbers as Excel's General format shows them in text: at most 15 significant digits. */
export function numberToText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const precise = Number(n.toPrecision(15));
  const text = String(precise);
  if (!text.includes("e")) return text;
  const [mantissa, exponent] = precise.toExponential().split("e");
  const exp = Number(exponent);
  return `${mantissa.toUpperCase()}E${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
}

export function toText(value: Scalar): string | ErrorValue {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof ErrorValue) return value;
  return numberToText(value);
}

export function toBoolean(value: Scalar): boolean | ErrorValue {
  if (value === null) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  if (value instanceof ErrorValue) return value;
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  return VALUE;
}

/** Excel compares numbers to 15 significant digits, so =0.1+0.2=0.3 is TRUE. */
export function roundTo15(n: number): number {
  if (n === 0) return 0;
  // Whole numbers below 10^15 already have at most 15 significant digits.
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return n;
  return Number(n.toPrecision(15));
}

/**
 * Excel's ordering for comparisons: numbers < text < booleans; text ignores case; an empty cell
 * counts as 0, "" or FALSE to match the other side. Returns −1, 0 or 1.
 */
export function compareScalars(
  a: Exclude<Scalar, ErrorValue>,
  b: Exclude<Scalar, ErrorValue>
): number {
  let left = a;
  let right = b;
  if (left === null) left = typeof right === "string" ? "" : typeof right === "boolean" ? false : 0;
  if (right === null) right = typeof left === "string" ? "" : typeof left === "boolean" ? false : 0;
  const rank = (v: number | string | boolean): number =>
    typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2;
  if (rank(left) !== rank(right)) return Math.sign(rank(left) - rank(right));
  if (typeof left === "number" && typeof right === "number") {
    const x = roundTo15(left);
    const y = roundTo15(right);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof left === "string" && typeof right === "string") {
    const x = left.toUpperCase();
    const y = right.toUpperCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return left === right ? 0 : left ? 1 : -1;
}
