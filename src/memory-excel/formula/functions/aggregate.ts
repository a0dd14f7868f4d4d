/** SUM, AVERAGE, MIN, MAX, COUNT, COUNTA and SUBTOTAL, with Excel's rules for what each one counts. */
import { rangeCells, type FormulaContext } from "../context";
import {
  DIV0,
  isArrayValue,
  isError,
  isRange,
  toNumber,
  VALUE,
  type ErrorValue,
  type FormulaValue,
  type Scalar,
} from "../values";

export type FunctionArgs = Array<FormulaValue | undefined>;

/**
 * The numbers an aggregate sees. In a range, only numbers count (text, booleans and empty cells are
 * skipped); typed directly as an argument, TRUE is 1 and "12" is 12, and other text is #VALUE!.
 * Errors anywhere are returned at once.
 */
export function collectNumbers(
  args: FunctionArgs,
  ctx: FormulaContext,
  skip?: (formula: string | undefined) => boolean
): number[] | ErrorValue {
  const numbers: number[] = [];
  for (const arg of args) {
    if (arg === undefined) continue;
    if (isRange(arg)) {
      for (const { value, formula } of rangeCells(arg, ctx)) {
        if (skip?.(formula)) continue;
        if (isError(value)) return value;
        if (typeof value === "number") numbers.push(value);
      }
      continue;
    }
    if (isArrayValue(arg)) {
      for (const value of arg.rows.flat()) {
        if (isError(value)) return value;
        if (typeof value === "number") numbers.push(value);
      }
      continue;
    }
    if (arg === null) continue;
    const n = toNumber(arg);
    if (isError(n)) return n;
    numbers.push(n);
  }
  return numbers;
}

function countNonEmpty(
  args: FunctionArgs,
  ctx: FormulaContext,
  skip?: (formula: string | undefined) => boolean
): number {
  let count = 0;
  for (const arg of args) {
    if (arg === undefined) continue;
    if (isRange(arg)) {
      for (const { formula } of rangeCells(arg, ctx)) if (!skip?.(formula)) count++;
    } else if (isArrayValue(arg)) count += arg.rows.flat().filter((v) => v !== null).length;
    else count++;
  }
  return count;
}

function countNumbers(
  args: FunctionArgs,
  ctx: FormulaContext,
  skip?: (formula: string | undefined) => boolean
): number {
  let count = 0;
  for (const arg of args) {
    if (arg === undefined || arg === null) continue;
    if (isRange(arg)) {
      for (const { value, formula } of rangeCells(arg, ctx))
        if (!skip?.(formula) && typeof value === "number") count++;
    } else if (isArrayValue(arg))
      count += arg.rows.flat().filter((v) => typeof v === "number").length;
    else if (!isError(arg) && !isError(toNumber(arg))) count++;
  }
  return count;
}

const sum = (numbers: number[]): number => numbers.reduce((a, b) => a + b, 0);

type Aggregate = (
  args: FunctionArgs,
  ctx: FormulaContext,
  skip?: (formula: string | undefined) => boolean
) => Scalar;

const SUM: Aggregate = (args, ctx, skip) => {
  const numbers = collectNumbers(args, ctx, skip);
  return isError(numbers) ? numbers : sum(numbers);
};

const AVERAGE: Aggregate = (args, ctx, skip) => {
  const numbers = collectNumbers(args, ctx, skip);
  if (isError(numbers)) return numbers;
  return numbers.length === 0 ? DIV0 : sum(numbers) / numbers.length;
};

const MIN: Aggregate = (args, ctx, skip) => {
  const numbers = collectNumbers(args, ctx, skip);
  if (isError(numbers)) return numbers;
  return numbers.length === 0 ? 0 : numbers.reduce((a, b) => (b < a ? b : a));
};

const MAX: Aggregate = (args, ctx, skip) => {
  const numbers = collectNumbers(args, ctx, skip);
  if (isError(numbers)) return numbers;
  return numbers.length === 0 ? 0 : numbers.reduce((a, b) => (b > a ? b : a));
};

const COUNT: Aggregate = (args, ctx, skip) => countNumbers(args, ctx, skip);
const COUNTA: Aggregate = (args, ctx, skip) => countNonEmpty(args, ctx, skip);

const SUBTOTAL_FUNCTIONS: Record<number, Aggregate> = {
  1: AVERAGE,
  2: COUNT,
  3: COUNTA,
  4: MAX,
  5: MIN,
  9: SUM,
};

/** SUBTOTAL leaves out cells that are themselves subtotals, so a column of them isn't counted twice. */
const isSubtotal = (formula: string | undefined): boolean =>
  formula !== undefined && /\bSUBTOTAL\s*\(/i.test(formula);

const SUBTOTAL = (args: FunctionArgs, ctx: FormulaContext): Scalar => {
  const [which, ...refs] = args;
  if (which === undefined || isRange(which) || isArrayValue(which)) return VALUE;
  const n = toNumber(which);
  if (isError(n)) return n;
  // 101–111 also skip hidden rows; the memory workbook hides none.
  const code = Math.trunc(n) > 100 ? Math.trunc(n) - 100 : Math.trunc(n);
  const aggregate = SUBTOTAL_FUNCTIONS[code];
  if (!aggregate) return VALUE;
  if (refs.length === 0 || refs.some((r) => r !== undefined && !isRange(r))) return VALUE;
  return aggregate(refs, ctx, isSubtotal);
};

export const AGGREGATE_FUNCTIONS: Record<
  string,
  (args: FunctionArgs, ctx: FormulaContext) => Scalar
> = {
  SUM: (args, ctx) => SUM(args, ctx),
  AVERAGE: (args, ctx) => AVERAGE(args, ctx),
  MIN: (args, ctx) => MIN(args, ctx),
  MAX: (args, ctx) => MAX(args, ctx),
  COUNT: (args, ctx) => COUNT(args, ctx),
  COUNTA: (args, ctx) => COUNTA(args, ctx),
  SUBTOTAL,
};
