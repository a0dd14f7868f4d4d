/** Rounding, ABS, logic, IS… tests and lookups (VLOOKUP, MATCH, INDEX). */
import { boxColumns, boxRows } from "../../address";
import { rangeCells, rangeValueAt, toScalar, type FormulaContext } from "../context";
import {
  compareScalars,
  isArrayValue,
  isError,
  isRange,
  NA,
  REF,
  toBoolean,
  toNumber,
  VALUE,
  type ArrayValue,
  type ErrorValue,
  type FormulaValue,
  type RangeRef,
  type Scalar,
} from "../values";
import type { FunctionArgs } from "./aggregate";
import { makeCriterion } from "./criteria";

/** Excel rounds the decimal it shows, half away from zero: ROUND(2.675, 2) is 2.68, not JavaScript's 2.67. */
export function excelRound(x: number, digits: number, mode: "nearest" | "up" | "down"): number {
  const d = Math.trunc(digits);
  const factor = 10 ** Math.abs(d);
  const scaled = d >= 0 ? Math.abs(x) * factor : Math.abs(x) / factor;
  const clean = Number(scaled.toPrecision(15));
  const whole =
    mode === "nearest" ? Math.round(clean) : mode === "up" ? Math.ceil(clean) : Math.floor(clean);
  const result = d >= 0 ? whole / factor : whole * factor;
  return x < 0 ? -result : result;
}

function numberArg(
  arg: FormulaValue | undefined,
  ctx: FormulaContext,
  fallback?: number
): number | ErrorValue {
  if (arg === undefined) return fallback ?? VALUE;
  return toNumber(toScalar(arg, ctx));
}

function rounding(mode: "nearest" | "up" | "down") {
  return (args: FunctionArgs, ctx: FormulaContext): Scalar => {
    if (args.length < 1 || args.length > 2) return VALUE;
    const x = numberArg(args[0], ctx);
    if (typeof x !== "number") return x;
    const digits = numberArg(args[1], ctx, 0);
    if (typeof digits !== "number") return digits;
    return excelRound(x, digits, mode);
  };
}

/** AND/OR look at booleans and numbers; text in a range is skipped, typed text is #VALUE!. */
function logicValues(args: FunctionArgs, ctx: FormulaContext): boolean[] | Scalar {
  const values: boolean[] = [];
  for (const arg of args) {
    if (arg === undefined || arg === null) continue;
    if (isRange(arg)) {
      for (const { value } of rangeCells(arg, ctx)) {
        if (isError(value)) return value;
        if (typeof value === "boolean") values.push(value);
        else if (typeof value === "number") values.push(value !== 0);
      }
      continue;
    }
    const b = toBoolean(toScalar(arg, ctx));
    if (isError(b)) return b;
    values.push(b);
  }
  return values.length === 0 ? VALUE : values;
}

const AND = (args: FunctionArgs, ctx: FormulaContext): Scalar => {
  const values = logicValues(args, ctx);
  return Array.isArray(values) ? values.every(Boolean) : values;
};

const OR = (args: FunctionArgs, ctx: FormulaContext): Scalar => {
  const values = logicValues(args, ctx);
  return Array.isArray(values) ? values.some(Boolean) : values;
};

const NOT = (args: FunctionArgs, ctx: FormulaContext): Scalar => {
  if (args.length !== 1 || args[0] === undefined) return VALUE;
  const b = toBoolean(toScalar(args[0], ctx));
  return isError(b) ? b : !b;
};

const ABS = (args: FunctionArgs, ctx: FormulaContext): Scalar => {
  if (args.length !== 1) return VALUE;
  const x = numberArg(args[0], ctx);
  return typeof x === "number" ? Math.abs(x) : x;
};

function isTest(test: (value: Scalar) => boolean) {
  return (args: FunctionArgs, ctx: FormulaContext): Scalar => {
    if (args.length !== 1 || args[0] === undefined) return VALUE;
    return test(toScalar(args[0], ctx));
  };
}

/** Position (0-based) of a value in a list of values, as MATCH and VLOOKUP find it. */
function findPosition(values: Scalar[], lookup: Scalar, type: number): number {
  if (type === 0) {
    if (typeof lookup === "string") {
      const test = makeCriterion(`=${lookup}`);
      return isError(test) ? -1 : values.findIndex((v) => typeof v === "string" && test(v));
    }
    return values.findIndex(
      (v) =>
        v !== null &&
        !isError(v) &&
        !isError(lookup) &&
        compareScalars(v, lookup as Exclude<Scalar, typeof NA>) === 0
    );
  }
  // Approximate: the values are taken to be sorted; the last one not past the lookup value.
  let found = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || isError(v) || isError(lookup) || typeof v !== typeof lookup) continue;
    const order = compareScalars(v, lookup as Exclude<Scalar, typeof NA>);
    if (type > 0 ? order <= 0 : order >= 0) found = i;
    else break;
  }
  return found;
}

function columnValues(range: RangeRef, col: number, ctx: FormulaContext): Scalar[] {
  const rows = Math.min(boxRows(range.box), Math.max(0, range.sheet.maxRow - range.box.row + 1));
  const values: Scalar[] = [];
  for (let r = 0; r < rows; r++) values.push(rangeValueAt(range, r, col, ctx));
  return values;
}

const VLOOKUP = (args: FunctionArgs, ctx: FormulaContext): Scalar => {
  const [lookupArg, table, colArg, approxArg] = args;
  if (lookupArg === undefined || !table || !isRange(table) || colArg === undefined) return VALUE;
  const lookup = toScalar(lookupArg, ctx);
  if (isError(lookup)) return lookup;
  const col = numberArg(colArg, ctx);
  if (typeof col !== "number") return col;
  if (col < 1) return VALUE;
  if (col > boxColumns(table.box)) return REF;
  const approx = approxArg === undefined ? true : toBoolean(toScalar(approxArg, ctx));
  if (isError(approx)) return approx;
  const position = findPosition(columnValues(table, 0, ctx), lookup, approx ? 1 : 0);
  if (position < 0) return NA;
  const value = rangeValueAt(table, position, Math.trunc(col) - 1, ctx);
  return value === null ? 0 : value;
};

const MATCH = (args: FunctionArgs, ctx: FormulaContext): Scalar => {
  const [lookupArg, range, typeArg] = args;
  if (lookupArg === undefined || !range || !isRange(range)) return VALUE;
  const lookup = toScalar(lookupArg, ctx);
  if (isError(lookup)) return lookup;
  const type = numberArg(typeArg, ctx, 1);
  if (typeof type !== "number") return type;
  let values: Scalar[];
  if (boxColumns(range.box) === 1) values = columnValues(range, 0, ctx);
  else if (boxRows(range.box) === 1) {
    values = [];
    for (
      let c = 0;
      c < Math.min(boxColumns(range.box), range.sheet.maxCol - range.box.col + 1);
      c++
    ) {
      values.push(rangeValueAt(range, 0, c, ctx));
    }
  } else return NA;
  const position = findPosition(values, lookup, Math.sign(type));
  return position < 0 ? NA : position + 1;
};

/** INDEX's row and column numbers, whole (0 where left out), or the error one of them gives. */
function indexPosition(
  rowArg: FormulaValue | undefined,
  colArg: FormulaValue | undefined,
  ctx: FormulaContext
): { row: number; col: number } | ErrorValue {
  const row = numberArg(rowArg, ctx, 0);
  const col = numberArg(colArg, ctx, 0);
  if (typeof row !== "number") return row;
  if (typeof col !== "number") return col;
  return { row: Math.trunc(row), col: Math.trunc(col) };
}

/** INDEX over an array (e.g. INDEX(BCF.RATE.CI(…),1,2)): one value of it. */
function indexArray(
  array: ArrayValue,
  position: { row: number; col: number },
  noColumn: boolean
): FormulaValue {
  const rows = array.rows.length;
  const cols = array.rows[0]?.length ?? 0;
  let { row, col } = position;
  if (noColumn && rows === 1) {
    col = row;
    row = 1;
  }
  if (row === 0 && rows === 1) row = 1;
  if (col === 0 && cols === 1) col = 1;
  if (row < 1 || col < 1) return VALUE;
  if (row > rows || col > cols) return REF;
  return array.rows[row - 1][col - 1];
}

/** INDEX over a range gives a reference, so INDEX(...) can feed SUM or another reference. */
function indexRange(
  range: RangeRef,
  position: { row: number; col: number },
  noColumn: boolean
): FormulaValue {
  const rows = boxRows(range.box);
  const cols = boxColumns(range.box);
  let { row, col } = position;
  // INDEX(one column or row, n) picks the nth cell whichever way the range runs.
  if (noColumn && rows === 1 && cols > 1) {
    col = row;
    row = 1;
  }
  if (row < 0 || col < 0) return VALUE;
  if (row > rows || col > cols || (col === 0 && cols > 1 && !noColumn && row === 0)) return REF;
  const box = {
    row: row === 0 ? range.box.row : range.box.row + row - 1,
    lastRow: row === 0 ? range.box.lastRow : range.box.row + row - 1,
    col: col === 0 ? range.box.col : range.box.col + col - 1,
    lastCol: col === 0 ? range.box.lastCol : range.box.col + col - 1,
  };
  return { kind: "range", sheet: range.sheet, box };
}

const INDEX = (args: FunctionArgs, ctx: FormulaContext): FormulaValue => {
  const [source, rowArg, colArg] = args;
  if (!isArrayValue(source) && !isRange(source))
    return source === undefined ? VALUE : (toScalar(source, ctx) as Scalar);
  const position = indexPosition(rowArg, colArg, ctx);
  if (isError(position)) return position;
  return isArrayValue(source)
    ? indexArray(source, position, colArg === undefined)
    : indexRange(source, position, colArg === undefined);
};

export const SCALAR_FUNCTIONS: Record<
  string,
  (args: FunctionArgs, ctx: FormulaContext) => FormulaValue
> = {
  ROUND: rounding("nearest"),
  ROUNDUP: rounding("up"),
  ROUNDDOWN: rounding("down"),
  ABS,
  AND,
  OR,
  NOT,
  ISNUMBER: isTest((v) => typeof v === "number"),
  ISTEXT: isTest((v) => typeof v === "string"),
  ISBLANK: isTest((v) => v === null),
  ISERROR: isTest((v) => isError(v)),
  VLOOKUP,
  MATCH,
  INDEX,
};
