/** What an insertion added (the record, from src/core/undo) and what it tells the pane. */
import type { InsertionRecord } from "../core/undo";

export type { InsertionRecord, RowFilled, RowsMade, SheetMade, TableMade } from "../core/undo";

export interface InsertionResult {
  record: InsertionRecord;
  /** One plain-English sentence or two for the pane. */
  message: string;
  rowsAdded: number;
  sheetsAdded: string[];
  /** Figures placed by inference (e.g. a total-only cost line put on the NHS side). */
  notes: string[];
}

export { splitSheetAddress } from "../core/sheetAddress";

/** `base`, or "base (2)", "base (3)" … whichever no sheet has yet (Excel compares names case-insensitively). */
export function uniqueSheetName(base: string, taken: Iterable<string>): string {
  const names = new Set([...taken].map((n) => n.toLowerCase()));
  if (!names.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!names.has(name.toLowerCase())) return name;
  }
}
