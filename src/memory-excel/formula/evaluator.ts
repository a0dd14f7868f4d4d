/** Works out a parsed formula in the context of its cell. */
import { isExcelError } from "../../core/workbook";
import { parseBox, MAX_COLUMNS, MAX_ROWS, type CellBox } from "../address";
import { rangeValueAt, toScalar, type FormulaContext } from "./context";
import { AGGREGATE_FUNCTIONS, type FunctionArgs } from "./functions/aggregate";
import { CRITERIA_FUNCTIONS } from "./functions/criteria";
import { SCALAR_FUNCTIONS } from "./functions/scalar";
import type { FormulaNode } from "./parser";
import { resolveStructured } from "./structured";
import {
  compareScalars,
  DIV0,
  ErrorValue,
  isArrayValue,
  isError,
  isRange,
  NAME,
  NUM,
  REF,
  toBoolean,
  toNumber,
  toText,
  VALUE,
  type ArrayValue,
  type FormulaValue,
  type RangeRef,
  type Scalar,
} from "./values";
import { boxColumns, boxRows } from "../address";

type FormulaFunction = (args: FunctionArgs, ctx: FormulaContext) => FormulaValue;

const BUILT_IN: Record<string, FormulaFunction> = {
  ...AGGREGATE_FUNCTIONS,
  ...CRITERIA_FUNCTIONS,
  ...SCALAR_FUNCTIONS,
};

/** Names of the worksheet functions the memory workbook evaluates (besides IF, IFERROR, IFNA and custom ones). */
export const BUILT_IN_FUNCTIONS = Object.keys(BUILT_IN);

export function evaluate(node: FormulaNode, ctx: FormulaContext): FormulaValue {
  switch (node.kind) {
    case "number":
    case "string":
    case "boolean":
      return node.value;
    case "error":
      return ErrorValue.of(node.code);
    case "missing":
      return null;
    case "ref":
      return reference(node.sheet, node.text, ctx);
    case "structured":
      return resolveStructured(ctx.model, node.table, node.spec, ctx);
    case "name": {
      // A table's name on its own means its data rows.
      const table = ctx.model.findTable(node.name);
      return table ? resolveStructured(ctx.model, table.name, "", ctx) : NAME;
    }
    case "unary": {
      const n = toNumber(toScalar(evaluate(node.operand, ctx), ctx));
      if (isError(n)) return n;
      return node.op === "-" ? -n : n;
    }
    case "percent": {
      const n = toNumber(toScalar(evaluate(node.operand, ctx), ctx));
      return isError(n) ? n : n / 100;
    }
    case "binary":
      return binary(
        node.op,
        toScalar(evaluate(node.left, ctx), ctx),
        toScalar(evaluate(node.right, ctx), ctx)
      );
    case "call":
      return call(node.name, node.args, ctx);
  }
}

/** Parsed addresses by text: the same few reference texts recur in thousands of formulas. */
const boxes = new Map<string, CellBox | undefined>();

function reference(
  sheetName: string | undefined,
  text: string,
  ctx: FormulaContext
): RangeRef | ErrorValue {
  const sheet = sheetName === undefined ? ctx.sheet : ctx.model.findSheet(sheetName);
  if (!sheet) return REF;
  let box = boxes.get(text);
  if (box === undefined && !boxes.has(text)) {
    if (boxes.size > 500000) boxes.clear();
    box = parseBox(text);
    boxes.set(text, box);
  }
  if (!box || box.lastRow >= MAX_ROWS || box.lastCol >= MAX_COLUMNS) return REF;
  return { kind: "range", sheet, box };
}

function binary(op: string, left: Scalar, right: Scalar): Scalar {
  if (isError(left)) return left;
  if (isError(right)) return right;
  if (op === "&") {
    return (toText(left) as string) + (toText(right) as string);
  }
  if (["=", "<>", "<", ">", "<=", ">="].includes(op)) {
    const order = compareScalars(left, right);
    switch (op) {
      case "=":
        return order === 0;
      case "<>":
        return order !== 0;
      case "<":
        return order < 0;
      case ">":
        return order > 0;
      case "<=":
        return order <= 0;
      default:
        return order >= 0;
    }
  }
  const a = toNumber(left);
  if (isError(a)) return a;
  const b = toNumber(right);
  if (isError(b)) return b;
  let result: number;
  switch (op) {
    case "+":
      result = a + b;
      break;
    case "-":
      result = a - b;
      break;
    case "*":
      result = a * b;
      break;
    case "/":
      if (b === 0) return DIV0;
      result = a / b;
      break;
    case "^":
      if (a === 0 && b === 0) return NUM;
      result = a ** b;
      break;
    default:
      return VALUE;
  }
  return Number.isFinite(result) ? result : NUM;
}

function call(name: string, argNodes: FormulaNode[], ctx: FormulaContext): FormulaValue {
  // IF, IFERROR and IFNA work out only the branch they need, as Excel does.
  if (name === "IF") {
    if (argNodes.length < 1 || argNodes.length > 3) return VALUE;
    const test = toBoolean(toScalar(evaluate(argNodes[0], ctx), ctx));
    if (isError(test)) return test;
    const branch = test ? argNodes[1] : argNodes[2];
    if (branch === undefined) return test ? true : false;
    return branch.kind === "missing" ? 0 : evaluate(branch, ctx);
  }
  if (name === "IFERROR" || name === "IFNA") {
    if (argNodes.length !== 2) return VALUE;
    const value = evaluate(argNodes[0], ctx);
    const scalar = isRange(value) ? toScalar(value, ctx) : value;
    const caught = isError(scalar) && (name === "IFERROR" || scalar.code === "#N/A");
    if (!caught) return value;
    return argNodes[1].kind === "missing" ? 0 : evaluate(argNodes[1], ctx);
  }
  const args: FunctionArgs = argNodes.map((n) =>
    n.kind === "missing" ? undefined : evaluate(n, ctx)
  );
  const builtIn = BUILT_IN[name];
  if (builtIn) return builtIn(args, ctx);
  const custom = findCustomFunction(ctx, name);
  if (custom) return callCustom(custom, args, ctx);
  return NAME;
}

function findCustomFunction(
  ctx: FormulaContext,
  name: string
): ((...args: unknown[]) => unknown) | undefined {
  const registry = ctx.model.customFunctions;
  if (registry[name]) return registry[name];
  const key = Object.keys(registry).find((k) => k.toUpperCase() === name);
  return key ? registry[key] : undefined;
}

/** A cell's value as a custom function receives it: errors stay errors, an empty cell is 0 in a single reference. */
function customArgument(value: FormulaValue | undefined, ctx: FormulaContext): unknown {
  if (value === undefined) return null;
  if (isArrayValue(value))
    return value.rows.map((r) => r.map((v) => (v === null ? "" : isError(v) ? v.code : v)));
  if (!isRange(value)) return value;
  const rows = boxRows(value.box);
  const cols = boxColumns(value.box);
  if (rows === 1 && cols === 1) return rangeValueAt(value, 0, 0, ctx) ?? 0;
  const grid: unknown[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: unknown[] = [];
    for (let c = 0; c < cols; c++) {
      const v = rangeValueAt(value, r, c, ctx);
      line.push(v === null ? "" : isError(v) ? v.code : v);
    }
    grid.push(line);
  }
  return grid;
}

/**
 * Calls an =BCF.* function. Excel doesn't call a custom function with an error value in a single-cell
 * argument: it shows that error. A thrown error with an Excel error `code` (FormulaInputError,
 * CustomFunctions.Error) becomes that error value; anything else thrown is #VALUE!.
 */
function callCustom(
  fn: (...args: unknown[]) => unknown,
  args: FunctionArgs,
  ctx: FormulaContext
): Scalar | ArrayValue {
  const values = args.map((a) => customArgument(a, ctx));
  const firstError = values.find((v) => isError(v));
  if (firstError) return firstError as ErrorValue;
  let result: unknown;
  try {
    result = fn(...values);
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    return typeof code === "string" && isExcelError(code) ? ErrorValue.of(code) : VALUE;
  }
  // A grid (or one row given as a plain list) stays an array: INDEX can pick from it; a cell shows its first value.
  if (Array.isArray(result)) {
    const rows = (
      result.length > 0 && result.every((r) => Array.isArray(r)) ? result : [result]
    ) as unknown[][];
    return { kind: "array", rows: rows.map((r) => r.map(customScalar)) };
  }
  return customScalar(result);
}

function customScalar(result: unknown): Scalar {
  if (result === null || result === undefined) return 0;
  if (typeof result === "number") return Number.isFinite(result) ? result : NUM;
  if (typeof result === "string") return isExcelError(result) ? ErrorValue.of(result) : result;
  if (typeof result === "boolean") return result;
  if (result instanceof ErrorValue) return result;
  return VALUE;
}
