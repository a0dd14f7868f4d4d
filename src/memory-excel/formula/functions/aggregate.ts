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

type Skip = (formula: string | undefined) => boolean;

/**
 * Every value the arguments hold, in order: a range's non-empty cells (less those `skip` leaves out),
 * an array's items, and an argument typed directly (`typed`), which aggregates read differently.
 */
function* argumentValues(
  args: FunctionArgs,
  ctx: FormulaContext,
  skip?: Skip
): Generator<{ value: Scalar; typed: boolean }> {
  for (const arg of args) {
    if (arg === undefined) continue;
    if (isRange(arg)) {
      for (const { value, formula } of rangeCells(arg, ctx))
        if (!skip?.(formula)) yield { value, typed: false };
    } else if (isArrayValue(arg)) {
      for (const value of arg.rows.flat()) yield { value, typed: false };
    } else yield { value: arg, typed: true };
  }
}

/**
 * The numbers an aggregate sees. In a range, only numbers count (text, booleans and empty cells are
 * skipped); typed directly as an argument, TRUE is 1 and "12" is 12, and other text is #VALUE!.
 * Errors anywhere are returned at once.
 */
function collectNumbers(
  args: FunctionArgs,
  ctx: FormulaContext,
  skip?: Skip
): number[] | ErrorValue {
  const numbers: number[] = [];
  for (const { value, typed } of argumentValues(args, ctx, skip)) {
    if (typed) {
      if (value === null) continue;
      const n = toNumber(value);
      if (isError(n)) return n;
      numbers.push(n);
    } else {
      if (isError(value)) return value;
      if (typeof value === "number") numbers.push(value);
    }
  }
  return numbers;
}

const sum = (numbers: number[]): number => numbers.reduce((a, b) => a + b, 0);

type Aggregate = (args: FunctionArgs, ctx: FormulaContext, skip?: Skip) => Scalar;

/** An aggregate of the numbers the arguments hold; the first error among them instead. */
const ofNumbers =
  (aggregate: (numbers: number[]) => Scalar): Aggregate =>
  (args, ctx, skip) => {
    const numbers = collectNumbers(args, ctx, skip);
    return isError(numbers) ? numbers : aggregate(numbers);
  };

const SUM = ofNumbers(sum);
const AVERAGE = ofNumbers((numbers) =>
  numbers.length === 0 ? DIV0 : sum(numbers) / numbers.length
);
const MIN = ofNumbers((numbers) =>
  numbers.length === 0 ? 0 : numbers.reduce((a, b) => (b < a ? b : a))
);
const MAX = ofNumbers((numbers) =>
  numbers.length === 0 ? 0 : numbers.reduce((a, b) => (b > a ? b : a))
);

/** COUNT: numbers in ranges and arrays; typed arguments that read as numbers ("12", TRUE). */
const COUNT: Aggregate = (args, ctx, skip) => {
  let count = 0;
  for (const { value, typed } of argumentValues(args, ctx, skip)) {
    if (typed ? value !== null && !isError(toNumber(value)) : typeof value === "number") count++;
  }
  return count;
};

/** COUNTA: everything that isn't empty; every argument typed directly counts. */
const COUNTA: Aggregate = (args, ctx, skip) => {
  let count = 0;
  for (const { value, typed } of argumentValues(args, ctx, skip))
    if (typed || value !== null) count++;
  return count;
};
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
