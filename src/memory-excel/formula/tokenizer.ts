/**
 * Splits formula text (without the leading "=") into tokens. Each token keeps its place in the text so
 * references can be rewritten in place (rewriteTokens: filling a formula, renaming a sheet or table).
 */
import { EXCEL_ERROR_VALUES } from "../../core/workbook";

export type Token =
  | { type: "number"; value: number; start: number; end: number }
  | { type: "string"; value: string; start: number; end: number }
  | { type: "boolean"; value: boolean; start: number; end: number }
  | { type: "error"; value: string; start: number; end: number }
  /** A cell or range reference: text like "$A$1:B2" or "A:C", with its sheet when one is named. */
  | {
      type: "ref";
      sheet?: string;
      text: string;
      refStart: number;
      start: number;
      end: number;
    }
  /** Table[spec] or, inside a table, [spec]; spec is the text between the outer brackets. */
  | {
      type: "structured";
      table?: string;
      spec: string;
      start: number;
      end: number;
    }
  | { type: "name"; value: string; start: number; end: number }
  | { type: "function"; value: string; start: number; end: number }
  | { type: "op"; value: string; start: number; end: number }
  | { type: "paren"; value: "(" | ")"; start: number; end: number }
  | { type: "comma"; start: number; end: number };

export class FormulaSyntaxError extends Error {}

const CELL = /^\$?[A-Za-z]{1,3}\$?\d{1,7}$/;
const COLUMN = /^\$?[A-Za-z]{1,3}$/;
const WORD_CHAR = /[A-Za-z0-9_.$\\]/;
const OPERATORS = ["<>", "<=", ">=", "+", "-", "*", "/", "^", "&", "=", "<", ">", "%"];

export function isCellText(text: string): boolean {
  return CELL.test(text);
}

export function tokenize(formula: string): Token[] {
  const text = formula;
  const tokens: Token[] = [];
  let i = 0;

  const readWord = (from: number): number => {
    let j = from;
    while (j < text.length && WORD_CHAR.test(text[j])) j++;
    return j;
  };

  // A reference after an optional sheet prefix: "A1", "A1:B2", "A:C".
  const readReference = (from: number): { text: string; end: number } | undefined => {
    const end1 = readWord(from);
    const first = text.slice(from, end1);
    if (text[end1] === ":") {
      const end2 = readWord(end1 + 1);
      const second = text.slice(end1 + 1, end2);
      if (
        (isCellText(first) && isCellText(second)) ||
        (COLUMN.test(first) && COLUMN.test(second))
      ) {
        return { text: `${first}:${second}`, end: end2 };
      }
    }
    if (isCellText(first)) return { text: first, end: end1 };
    return undefined;
  };

  // The bracketed part of a structured reference, with Excel's ' escapes and nested brackets.
  const readBrackets = (from: number): number => {
    let depth = 0;
    let j = from;
    while (j < text.length) {
      const ch = text[j];
      if (ch === "'") {
        j += 2;
        continue;
      }
      if (ch === "[") depth++;
      if (ch === "]") {
        depth--;
        if (depth === 0) return j + 1;
      }
      j++;
    }
    throw new FormulaSyntaxError("A structured reference is missing its closing bracket.");
  };

  while (i < text.length) {
    const ch = text[i];
    const start = i;
    if (ch === " " || ch === "\n" || ch === "\t" || ch === "\r") {
      i++;
      continue;
    }
    if (ch === '"') {
      let value = "";
      i++;
      for (;;) {
        if (i >= text.length)
          throw new FormulaSyntaxError("A text value is missing its closing quote.");
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
      tokens.push({ type: "string", value, start, end: i });
      continue;
    }
    if (ch === "#") {
      const error = EXCEL_ERROR_VALUES.find((e) => text.slice(i, i + e.length).toUpperCase() === e);
      if (!error)
        throw new FormulaSyntaxError(`"${text.slice(i, i + 8)}" isn't an Excel error value.`);
      i += error.length;
      tokens.push({ type: "error", value: error, start, end: i });
      continue;
    }
    if (ch === "'") {
      // 'Sheet name'!A1
      let j = i + 1;
      let name = "";
      for (;;) {
        if (j >= text.length)
          throw new FormulaSyntaxError("A quoted sheet name is missing its closing quote.");
        if (text[j] === "'") {
          if (text[j + 1] === "'") {
            name += "'";
            j += 2;
            continue;
          }
          j++;
          break;
        }
        name += text[j++];
      }
      if (text[j] !== "!")
        throw new FormulaSyntaxError(`A quoted sheet name ('${name}') must be followed by "!".`);
      const ref = readReference(j + 1);
      if (!ref)
        throw new FormulaSyntaxError(`The reference after '${name}'! isn't a cell or range.`);
      tokens.push({
        type: "ref",
        sheet: name,
        text: ref.text,
        refStart: j + 1,
        start,
        end: ref.end,
      });
      i = ref.end;
      continue;
    }
    if (ch === "[") {
      const end = readBrackets(i);
      tokens.push({
        type: "structured",
        spec: text.slice(i + 1, end - 1),
        start,
        end,
      });
      i = end;
      continue;
    }
    if (/[0-9.]/.test(ch)) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i));
      if (!m) throw new FormulaSyntaxError(`Unexpected "${ch}".`);
      i += m[0].length;
      tokens.push({ type: "number", value: Number(m[0]), start, end: i });
      continue;
    }
    if (WORD_CHAR.test(ch)) {
      const end = readWord(i);
      const word = text.slice(i, end);
      if (text[end] === "!") {
        const ref = readReference(end + 1);
        if (!ref)
          throw new FormulaSyntaxError(`The reference after ${word}! isn't a cell or range.`);
        tokens.push({
          type: "ref",
          sheet: word,
          text: ref.text,
          refStart: end + 1,
          start,
          end: ref.end,
        });
        i = ref.end;
        continue;
      }
      if (text[end] === "(") {
        tokens.push({
          type: "function",
          value: word.toUpperCase(),
          start,
          end,
        });
        i = end;
        continue;
      }
      if (text[end] === "[") {
        const close = readBrackets(end);
        tokens.push({
          type: "structured",
          table: word,
          spec: text.slice(end + 1, close - 1),
          start,
          end: close,
        });
        i = close;
        continue;
      }
      const ref = readReference(i);
      if (ref) {
        tokens.push({
          type: "ref",
          text: ref.text,
          refStart: i,
          start,
          end: ref.end,
        });
        i = ref.end;
        continue;
      }
      if (/^(TRUE|FALSE)$/i.test(word)) {
        tokens.push({
          type: "boolean",
          value: word.toUpperCase() === "TRUE",
          start,
          end,
        });
      } else {
        tokens.push({ type: "name", value: word, start, end });
      }
      i = end;
      continue;
    }
    if (ch === "(" || ch === ")") {
      tokens.push({ type: "paren", value: ch, start, end: i + 1 });
      i++;
      continue;
    }
    if (ch === ",") {
      tokens.push({ type: "comma", start, end: i + 1 });
      i++;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op) {
      tokens.push({ type: "op", value: op, start, end: i + op.length });
      i += op.length;
      continue;
    }
    throw new FormulaSyntaxError(`Unexpected "${ch}" in the formula.`);
  }
  return tokens;
}

/** Text to put in place of the formula body's characters from `from` up to (not including) `to`. */
export interface Replacement {
  from: number;
  to: number;
  text: string;
}

/**
 * The formula with the replacements `replace` gives for some of its tokens (positions in the text after
 * the "="), the rest kept to the letter; the formula itself when it can't be read or nothing changes.
 */
export function rewriteTokens(
  formula: string,
  replace: (token: Token) => Replacement | undefined
): string {
  const prefix = formula.startsWith("=") ? 1 : 0;
  const body = formula.slice(prefix);
  let tokens: Token[];
  try {
    tokens = tokenize(body);
  } catch {
    return formula;
  }
  let out = "";
  let at = 0;
  for (const token of tokens) {
    const replacement = replace(token);
    if (!replacement) continue;
    out += body.slice(at, replacement.from) + replacement.text;
    at = replacement.to;
  }
  return at === 0 ? formula : formula.slice(0, prefix) + out + body.slice(at);
}
