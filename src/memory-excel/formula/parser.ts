/**
 * Formula text to a syntax tree, with Excel's operator precedence (lowest first): comparison, &,
 * + −, × ÷, ^ (left to right, as Excel does), postfix %, then unary minus, which binds tighter than ^
 * (so =-2^2 is 4 in Excel).
 */
import { FormulaSyntaxError, tokenize, type Token } from "./tokenizer";

export type FormulaNode =
  | { kind: "number"; value: number }
  | { kind: "string"; value: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "error"; code: string }
  | { kind: "ref"; sheet?: string; text: string }
  | { kind: "structured"; table?: string; spec: string }
  | { kind: "name"; name: string }
  | { kind: "call"; name: string; args: FormulaNode[] }
  | { kind: "unary"; op: "-" | "+"; operand: FormulaNode }
  | { kind: "percent"; operand: FormulaNode }
  | { kind: "binary"; op: string; left: FormulaNode; right: FormulaNode }
  | { kind: "missing" };

const BINARY_PRECEDENCE: Record<string, number> = {
  "=": 1,
  "<>": 1,
  "<": 1,
  ">": 1,
  "<=": 1,
  ">=": 1,
  "&": 2,
  "+": 3,
  "-": 3,
  "*": 4,
  "/": 4,
  "^": 5,
};

export function parseFormula(formula: string): FormulaNode {
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  const tokens = tokenize(body);
  let pos = 0;

  const peek = (): Token | undefined => tokens[pos];

  const parseExpression = (minPrecedence: number): FormulaNode => {
    let left = parseUnary();
    for (;;) {
      const token = peek();
      if (!token || token.type !== "op") break;
      if (token.value === "%") {
        pos++;
        left = { kind: "percent", operand: left };
        continue;
      }
      const precedence = BINARY_PRECEDENCE[token.value];
      if (precedence === undefined || precedence < minPrecedence) break;
      pos++;
      const right = parseExpression(precedence + 1);
      left = { kind: "binary", op: token.value, left, right };
    }
    return left;
  };

  const parseUnary = (): FormulaNode => {
    const token = peek();
    if (token?.type === "op" && (token.value === "-" || token.value === "+")) {
      pos++;
      const operand = parseUnary();
      return { kind: "unary", op: token.value, operand };
    }
    return parsePostfix(parsePrimary());
  };

  const parsePostfix = (node: FormulaNode): FormulaNode => {
    let result = node;
    while (peek()?.type === "op" && (peek() as { value: string }).value === "%") {
      pos++;
      result = { kind: "percent", operand: result };
    }
    return result;
  };

  const parsePrimary = (): FormulaNode => {
    const token = tokens[pos++];
    if (!token) throw new FormulaSyntaxError("The formula ends too early.");
    switch (token.type) {
      case "number":
        return { kind: "number", value: token.value };
      case "string":
        return { kind: "string", value: token.value };
      case "boolean":
        return { kind: "boolean", value: token.value };
      case "error":
        return { kind: "error", code: token.value };
      case "ref":
        return { kind: "ref", sheet: token.sheet, text: token.text };
      case "structured":
        return { kind: "structured", table: token.table, spec: token.spec };
      case "name":
        return { kind: "name", name: token.value };
      case "function":
        return parseCall(token.value);
      case "paren":
        if (token.value === "(") {
          const inner = parseExpression(1);
          expect(")");
          return inner;
        }
        break;
      default:
        break;
    }
    throw new FormulaSyntaxError(
      `Unexpected "${body.slice(token.start, token.end)}" in the formula.`
    );
  };

  const expect = (paren: "(" | ")"): void => {
    const token = tokens[pos++];
    if (!token || token.type !== "paren" || token.value !== paren) {
      throw new FormulaSyntaxError(`Expected "${paren}" in the formula.`);
    }
  };

  const parseCall = (name: string): FormulaNode => {
    expect("(");
    const args: FormulaNode[] = [];
    if (peek()?.type === "paren" && (peek() as { value: string }).value === ")") {
      pos++;
      return { kind: "call", name, args };
    }
    for (;;) {
      const next = peek();
      if (next?.type === "comma" || (next?.type === "paren" && next.value === ")")) {
        args.push({ kind: "missing" });
      } else {
        args.push(parseExpression(1));
      }
      const separator = tokens[pos++];
      if (separator?.type === "comma") continue;
      if (separator?.type === "paren" && separator.value === ")") break;
      throw new FormulaSyntaxError(`Expected "," or ")" in the arguments of ${name}.`);
    }
    return { kind: "call", name, args };
  };

  const tree = parseExpression(1);
  if (pos < tokens.length) {
    const token = tokens[pos];
    throw new FormulaSyntaxError(
      `Unexpected "${body.slice(token.start, token.end)}" in the formula.`
    );
  }
  return tree;
}

const cache = new Map<string, FormulaNode | FormulaSyntaxError>();

/** Parsed once per distinct formula text; a syntax error is remembered too. */
export function parseCached(formula: string): FormulaNode | FormulaSyntaxError {
  let tree = cache.get(formula);
  if (!tree) {
    try {
      tree = parseFormula(formula);
    } catch (e) {
      if (!(e instanceof FormulaSyntaxError)) throw e;
      tree = e;
    }
    if (cache.size > 500000) cache.clear();
    cache.set(formula, tree);
  }
  return tree;
}
