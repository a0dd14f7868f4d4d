/**
 * The decisions of a template insert that need no workbook: whether the rows start in the blank row an
 * empty table keeps, and how the result and a repeat are put into words.
 */
import { byCount, listInWords, plural } from "../wording";
import { cellReference } from "../sheetAddress";
import { a1 } from "../workbook";
import { PLAN_SHEETS } from "./layout";
import { blockAddress } from "./skeleton";

const blank = (cell: unknown) => cell === "" || cell === null;

/**
 * Why a new table cannot go on `sheet`: the first cell of `area` (the block from A1 the table, its
 * header and totals would cover) that holds anything, in words; undefined when every cell is empty.
 */
export function cellInTheWay(
  sheet: string,
  tableName: string,
  area: readonly (readonly unknown[])[]
): string | undefined {
  for (let r = 0; r < area.length; r++) {
    const c = area[r].findIndex((entry) => !blank(entry));
    if (c < 0) continue;
    const cell = cellReference(sheet, a1(r, c));
    const block = cellReference(sheet, blockAddress(area.length, area[r].length));
    return `Cell ${cell} already holds "${String(area[r][c])}", and the ${tableName} table would cover it, so nothing was inserted. Move or clear the cells in ${block}, or rename the sheet, and try again.`;
  }
  return undefined;
}

/**
 * Whether inserted rows go into the table's first data row rather than below it: only when that is its
 * one row and blank where a person types (the ID and the name or measure) — the row Excel keeps in an
 * empty table. Calculated columns may hold formulas there.
 */
export function reusesBlankRow(bodyRowCount: number, firstRow: readonly unknown[]): boolean {
  return bodyRowCount === 1 && firstRow.slice(0, 2).every(blank);
}

export interface InsertionSummary {
  /** The names of the templates inserted, in order. */
  templates: readonly string[];
  /** Expenditure rows written, and the sheet they are on. */
  rows: number;
  sheet: string;
  /** The scheme IDs given, one per template, in order. */
  schemeIds: readonly string[];
  /** Activity targets written, and their sheet (absent or 0 when none). */
  targets?: { count: number; sheet: string };
  /** Amounts split between NHS and council that the plan did not split itself. */
  splitNotes: number;
}

/**
 * 'Inserted "Falls" as 2 rows of Expenditure (S003) and 1 target to Targets.', followed, when amounts
 * were split for the plan, by a sentence asking to check them.
 */
export function insertionMessage(s: InsertionSummary): string {
  const schemes =
    s.templates.length === 1 ? `"${s.templates[0]}"` : plural(s.templates.length, "scheme");
  const ids =
    s.schemeIds.length > 1
      ? `${s.schemeIds[0]}–${s.schemeIds[s.schemeIds.length - 1]}`
      : s.schemeIds[0];
  let message = `Inserted ${schemes} as ${plural(s.rows, "row")} of ${s.sheet} (${ids})`;
  if (s.targets && s.targets.count > 0) {
    message += ` and ${plural(s.targets.count, "target")} to ${s.targets.sheet}`;
  }
  message += ".";
  const n = s.splitNotes;
  if (n > 0) {
    message += ` ${byCount(n, "One amount", `${n} amounts`)} the plan did not split between NHS and council ${byCount(n, "was", "were")} split as the notes say: check ${byCount(n, "it", "them")}.`;
  }
  return message;
}

/** '“Falls” is already in the Expenditure table.' for the schemes an insert found there (labels as shown). */
export function alreadyInExpenditure(labels: readonly string[]): string {
  return `${listInWords(labels)} ${byCount(labels.length, "is", "are")} already in the ${PLAN_SHEETS.expenditure} table.`;
}
