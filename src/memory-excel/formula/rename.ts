/**
 * Renaming a sheet or a table rewrites the formulas that name it, as Excel does: ='Old name'!B2
 * becomes ='New name'!B2 and Old_Table[Total (£)] becomes New_Table[Total (£)].
 */
import { quoteSheetName } from "../../core/sheetAddress";
import { sameName } from "../address";
import type { Rename } from "../model/workbookState";
import { tokenize } from "./tokenizer";

/** The formula with the renamed sheet or table; the same string when it doesn't name it. */
export function renameInFormula(formula: string, rename: Rename): string {
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  if (
    !body
      .toUpperCase()
      .includes(
        rename.kind === "sheet"
          ? rename.from.toUpperCase().replace(/'/g, "''")
          : rename.from.toUpperCase()
      )
  ) {
    return formula;
  }
  let tokens;
  try {
    tokens = tokenize(body);
  } catch {
    return formula;
  }
  let out = "";
  let at = 0;
  for (const token of tokens) {
    if (
      rename.kind === "sheet" &&
      token.type === "ref" &&
      token.sheet !== undefined &&
      sameName(token.sheet, rename.from)
    ) {
      out += body.slice(at, token.start) + `${quoteSheetName(rename.to)}!`;
      at = token.refStart;
    } else if (
      rename.kind === "table" &&
      token.type === "structured" &&
      token.table !== undefined &&
      sameName(token.table, rename.from)
    ) {
      out += body.slice(at, token.start) + rename.to;
      at = token.start + token.table.length;
    }
  }
  if (at === 0) return formula;
  return formula.slice(0, formula.length - body.length) + out + body.slice(at);
}
