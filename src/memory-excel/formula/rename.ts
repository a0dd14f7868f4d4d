/**
 * Renaming a sheet or a table rewrites the formulas that name it, as Excel does: ='Old name'!B2
 * becomes ='New name'!B2 and Old_Table[Total (£)] becomes New_Table[Total (£)].
 */
import { quoteSheetName } from "../../core/sheetAddress";
import { sameName } from "../address";
import type { Rename } from "../model/workbookState";
import { rewriteTokens } from "./tokenizer";

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
  return rewriteTokens(formula, (token) => {
    if (
      rename.kind === "sheet" &&
      token.type === "ref" &&
      token.sheet !== undefined &&
      sameName(token.sheet, rename.from)
    ) {
      return { from: token.start, to: token.refStart, text: `${quoteSheetName(rename.to)}!` };
    }
    if (
      rename.kind === "table" &&
      token.type === "structured" &&
      token.table !== undefined &&
      sameName(token.table, rename.from)
    ) {
      return { from: token.start, to: token.start + token.table.length, text: rename.to };
    }
    return undefined;
  });
}
