/**
 * Where a JSON text stops being valid, found by walking the grammar, so every browser gives the
 * same line and column and the same words for what was expected. The walk is a loop over the text
 * with an explicit stack of open lists and objects: work and memory grow with the file's length,
 * never with how deeply it nests, so a file of 12,000 unclosed brackets is one plain line too.
 */
export interface JsonErrorLocation {
  offset: number;
  line: number;
  column: number;
  expected: string;
}

class Stop {
  constructor(readonly expected: string) {}
}

const OBJECT = 1;
const ARRAY = 2;

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

/** undefined when the text is valid JSON. */
export function locateJsonError(text: string): JsonErrorLocation | undefined {
  let at = 0;
  const n = text.length;
  const open: number[] = [];

  const skipSpace = () => {
    for (;;) {
      const ch = text.charCodeAt(at);
      if (ch === 32 || ch === 9 || ch === 10 || ch === 13) at++;
      else return;
    }
  };
  const literal = (word: string) => {
    for (let i = 0; i < word.length; i++, at++)
      if (text[at] !== word[i]) throw new Stop(`'${word}'`);
  };
  const string = () => {
    at++; // opening quote
    for (;;) {
      if (at >= n) throw new Stop("a closing '\"' to end the text");
      const ch = text[at];
      if (ch === '"') {
        at++;
        return;
      }
      if (ch < " ")
        throw new Stop("a closing '\"' before the end of the line (text cannot span lines)");
      if (ch === "\\") {
        const next = text[at + 1];
        if (next === "u") {
          HEX4.lastIndex = at + 2;
          if (!HEX4.test(text)) {
            at += 2;
            throw new Stop("four hexadecimal digits after \\u");
          }
          at += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) {
          at += 2;
        } else {
          at++;
          throw new Stop("a valid escape after '\\' (write \\\\ for a backslash)");
        }
      } else at++;
    }
  };
  const number = () => {
    NUMBER.lastIndex = at;
    const match = NUMBER.exec(text);
    if (!match) throw new Stop("a number");
    at += match[0].length;
  };

  /** Reads one value's start: a scalar whole, or the opening of a list or object (pushed on `open`). */
  const valueStart = (): "complete" | "opened" => {
    skipSpace();
    const ch = text[at];
    if (ch === "{") {
      at++;
      skipSpace();
      if (text[at] === "}") {
        at++;
        return "complete";
      }
      open.push(OBJECT);
      return "opened";
    }
    if (ch === "[") {
      at++;
      skipSpace();
      if (text[at] === "]") {
        at++;
        return "complete";
      }
      open.push(ARRAY);
      return "opened";
    }
    if (ch === '"') string();
    else if (ch === "t") literal("true");
    else if (ch === "f") literal("false");
    else if (ch === "n") literal("null");
    else if (ch === "-" || (ch !== undefined && ch >= "0" && ch <= "9")) number();
    else throw new Stop("a value (text in double quotes, a number, a list or an object)");
    return "complete";
  };
  const fieldName = () => {
    skipSpace();
    if (text[at] !== '"') throw new Stop("a field name in double quotes");
    string();
    skipSpace();
    if (text[at] !== ":") throw new Stop("':' after the field name");
    at++;
  };

  try {
    // Each turn reads a value where one is due, then closes what it completes.
    let needValue = true;
    let needField = false;
    for (;;) {
      if (needField) {
        fieldName();
        needField = false;
        needValue = true;
      }
      if (needValue) {
        const read = valueStart();
        needValue = false;
        if (read === "opened") {
          if (open[open.length - 1] === OBJECT) needField = true;
          else needValue = true;
          continue;
        }
      }
      // After a complete value: the end of the text, or a ',' or the close of the list/object it is in.
      if (open.length === 0) {
        skipSpace();
        if (at < n) throw new Stop("the end of the file after the pack's closing '}'");
        return undefined;
      }
      skipSpace();
      const inObject = open[open.length - 1] === OBJECT;
      if (text[at] === ",") {
        at++;
        if (inObject) needField = true;
        else needValue = true;
      } else if (text[at] === (inObject ? "}" : "]")) {
        at++;
        open.pop();
      } else throw new Stop(inObject ? "',' or '}' after a value" : "',' or ']' after a value");
    }
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < at && i < n; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) {
        line++;
        lineStart = i + 1;
      }
    }
    return { offset: at, line, column: at - lineStart + 1, expected: e.expected };
  }
}
