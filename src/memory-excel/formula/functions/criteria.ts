/** SUMIFS, SUMIF, COUNTIFS, COUNTIF and the criteria they share ("Social Care", ">0", "<>", "N*"). */
import { boxColumns, boxRows } from "../../address";
import { rangeValueAt, toScalar, type FormulaContext } from "../context";
import {
  compareScalars,
  isError,
  isRange,
  numberFromText,
  roundTo15,
  VALUE,
  type ErrorValue,
  type RangeRef,
  type Scalar,
} from "../values";
import type { FunctionArgs } from "./aggregate";

type Criterion = (value: Scalar) => boolean;

function wildcardPattern(text: string): RegExp {
  let source = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "~" && i + 1 < text.length)
      source += text[++i].replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    else if (ch === "*") source += ".*";
    else if (ch === "?") source += ".";
    else source += ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`, "is");
}

/** Excel's criteria: a number or text matches equal cells (text ignoring case, with * ? ~ wildcards); a leading =, <>, <, >, <=, >= compares. */
export function makeCriterion(criterion: Scalar): Criterion | ErrorValue {
  if (isError(criterion)) return criterion;
  if (criterion === null) criterion = "";
  if (typeof criterion === "number") {
    const n = roundTo15(criterion);
    return (v) =>
      typeof v === "number"
        ? roundTo15(v) === n
        : typeof v === "string" && numberFromText(v) === criterion;
  }
  if (typeof criterion === "boolean") return (v) => v === criterion;
  const m = /^(<=|>=|<>|=|<|>)?([\s\S]*)$/.exec(criterion) as RegExpExecArray;
  const op = m[1] ?? "=";
  const operand = m[2];
  const number = numberFromText(operand);
  const bool = /^(TRUE|FALSE)$/i.test(operand) ? operand.toUpperCase() === "TRUE" : undefined;
  if (op === "=" || op === "<>") {
    let equals: Criterion;
    if (operand === "") equals = (v) => v === null || v === "";
    else if (number !== undefined)
      equals = (v) => typeof v === "number" && roundTo15(v) === roundTo15(number);
    else if (bool !== undefined) equals = (v) => v === bool;
    else {
      const pattern = /[*?~]/.test(operand) ? wildcardPattern(operand) : undefined;
      const upper = operand.toUpperCase();
      equals = (v) =>
        typeof v === "string" && (pattern ? pattern.test(v) : v.toUpperCase() === upper);
    }
    // "<>x" also matches empty cells, as in Excel.
    return op === "=" ? equals : (v) => !equals(v);
  }
  const target: number | string | boolean = number ?? bool ?? operand;
  const test = (order: number): boolean =>
    op === "<" ? order < 0 : op === ">" ? order > 0 : op === "<=" ? order <= 0 : order >= 0;
  return (v) => {
    if (v === null || isError(v) || typeof v !== typeof target) return false;
    return test(compareScalars(v, target));
  };
}

interface CriteriaPair {
  range: RangeRef;
  test: Criterion;
}

function readPairs(args: FunctionArgs, ctx: FormulaContext): CriteriaPair[] | ErrorValue {
  const pairs: CriteriaPair[] = [];
  for (let i = 0; i + 1 < args.length; i += 2) {
    const range = args[i];
    if (!range || !isRange(range)) return VALUE;
    const criterionArg = args[i + 1];
    const test = makeCriterion(criterionArg === undefined ? null : toScalar(criterionArg, ctx));
    if (isError(test)) return test;
    pairs.push({ range, test });
  }
  return pairs;
}

function sameShape(a: RangeRef, b: RangeRef): boolean {
  return boxRows(a.box) === boxRows(b.box) && boxColumns(a.box) === boxColumns(b.box);
}

function matchesAll(pairs: CriteriaPair[], r: number, c: number, ctx: FormulaContext): boolean {
  return pairs.every((p) => p.test(rangeValueAt(p.range, r, c, ctx)));
}

function sumWhere(sumRange: RangeRef, pairs: CriteriaPair[], ctx: FormulaContext): Scalar {
  let total = 0;
  // Only numbers in the sum range add anything, so only its non-empty cells need visiting.
  const cells = [...sumRange.sheet.cellsIn(sumRange.box)].sort(
    (a, b) => a[0] - b[0] || a[1] - b[1]
  );
  for (const [row, col] of cells) {
    const r = row - sumRange.box.row;
    const c = col - sumRange.box.col;
    if (!matchesAll(pairs, r, c, ctx)) continue;
    const value = rangeValueAt(sumRange, r, c, ctx);
    if (isError(value)) return value;
    if (typeof value === "number") total += value;
  }
  return total;
}

const SUMIFS = (args: FunctionArgs, ctx: FormulaContext): Scalar => {
  const sumRange = args[0];
  if (!sumRange || !isRange(sumRange) || args.length < 3 || args.length % 2 === 0) return VALUE;
  const pairs = readPairs(args.slice(1), ctx);
  if (isError(pairs)) return pairs;
  if (pairs.some((p) => !sameShape(p.range, sumRange))) return VALUE;
  return sumWhere(sumRange, pairs, ctx);
};

const SUMIF = (args: FunctionArgs, ctx: FormulaContext): Scalar => {
  const [range, criterion, sumArg] = args;
  if (!range || !isRange(range) || args.length < 2 || args.length > 3) return VALUE;
  const pairs = readPairs([range, criterion], ctx);
  if (isError(pairs)) return pairs;
  // Excel sizes SUMIF's sum range to match the criteria range, starting at its top-left cell.
  const sumRange: RangeRef =
    sumArg && isRange(sumArg)
      ? {
          kind: "range",
          sheet: sumArg.sheet,
          box: {
            row: sumArg.box.row,
            col: sumArg.box.col,
            lastRow: sumArg.box.row + boxRows(range.box) - 1,
            lastCol: sumArg.box.col + boxColumns(range.box) - 1,
          },
        }
      : range;
  if (sumArg !== undefined && !isRange(sumArg)) return VALUE;
  return sumWhere(sumRange, pairs, ctx);
};

function countWhere(pairs: CriteriaPair[], ctx: FormulaContext): Scalar {
  if (pairs.length === 0 || pairs.some((p) => !sameShape(p.range, pairs[0].range))) return VALUE;
  const rows = boxRows(pairs[0].range.box);
  const cols = boxColumns(pairs[0].range.box);
  let count = 0;
  // Cells past the sheet's last used row or column are empty: count them all at once.
  const first = pairs[0].range;
  const usedRows = Math.max(0, Math.min(rows, first.sheet.maxRow - first.box.row + 1));
  const usedCols = Math.max(0, Math.min(cols, first.sheet.maxCol - first.box.col + 1));
  for (let r = 0; r < usedRows; r++)
    for (let c = 0; c < usedCols; c++) if (matchesAll(pairs, r, c, ctx)) count++;
  const emptyCells = rows * cols - usedRows * usedCols;
  if (
    emptyCells > 0 &&
    pairs.every((p) => p.test(null)) &&
    pairs.every((p) => p.range.sheet === first.sheet && p.range.box.row === first.box.row)
  ) {
    count += emptyCells;
  }
  return count;
}

const COUNTIFS = (args: FunctionArgs, ctx: FormulaContext): Scalar => {
  if (args.length < 2 || args.length % 2 === 1) return VALUE;
  const pairs = readPairs(args, ctx);
  return isError(pairs) ? pairs : countWhere(pairs, ctx);
};

const COUNTIF = (args: FunctionArgs, ctx: FormulaContext): Scalar =>
  args.length === 2 ? COUNTIFS(args, ctx) : VALUE;

export const CRITERIA_FUNCTIONS: Record<
  string,
  (args: FunctionArgs, ctx: FormulaContext) => Scalar
> = {
  SUMIFS,
  SUMIF,
  COUNTIFS,
  COUNTIF,
};
