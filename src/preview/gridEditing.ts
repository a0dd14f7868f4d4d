/**
 * What the preview grid needs to behave like Excel when a person types or pastes: reading typed text the
 * way Excel does in a UK locale, the clipboard's tab-separated blocks, and the entry that puts a cell back
 * as it was (for undo).
 */
import type { CellValue } from "../core/workbook";

/** "£936,000", "-£1,250.50", "1,234": amounts Excel reads as numbers when typed (the £ sets a format). */
const AMOUNT = /^(-)?(£)?(-)?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/** What typing `text` into a cell writes: null empties it; £ amounts and grouped numbers become numbers. */
export function entryFromTyping(text: string): CellValue | null {
  if (text === "") return null;
  const trimmed = text.trim();
  const amount = AMOUNT.exec(trimmed);
  if (amount && !(amount[1] && amount[3]) && (amount[2] || amount[5])) {
    const digits = `${amount[4].replace(/,/g, "")}${amount[6] ?? ""}`;
    const n = Number(digits);
    return amount[1] || amount[3] ? -n : n;
  }
  return text;
}

/**
 * A block copied from Excel (or any spreadsheet): rows end with CR LF or LF, cells are separated by tabs,
 * a cell holding a tab, a line break or a quote is wrapped in quotes with quotes doubled. The final line
 * break Excel adds makes no extra row.
 */
export function parseClipboardTable(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let i = 0;
  let atCellStart = true;
  while (i < text.length) {
    const ch = text[i];
    if (atCellStart && ch === '"') {
      // A quoted cell runs to the next quote not doubled.
      let j = i + 1;
      let quoted = "";
      let closed = false;
      while (j < text.length) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            quoted += '"';
            j += 2;
            continue;
          }
          closed = true;
          j += 1;
          break;
        }
        quoted += text[j];
        j += 1;
      }
      const next = text[j];
      if (closed && (next === undefined || next === "\t" || next === "\n" || next === "\r")) {
        cell = quoted;
        i = j;
        atCellStart = false;
        continue;
      }
      // Not a well-formed quoted cell: the quote is just a character.
    }
    atCellStart = false;
    if (ch === "\t") {
      row.push(cell);
      cell = "";
      atCellStart = true;
    } else if (ch === "\r" || ch === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      atCellStart = true;
      if (ch === "\r" && text[i + 1] === "\n") i += 1;
    } else {
      cell += ch;
    }
    i += 1;
  }
  if (!atCellStart || cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** One cell's text for the clipboard, quoted as Excel quotes it when it holds a tab, line break or quote. */
export function clipboardCell(text: string): string {
  return /[\t\r\n"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The entry that writes a cell back as it was, from what Range.formulas showed: a formula as it is, an
 * empty cell as null, text behind an apostrophe so "12" stays text (a text-formatted "@" cell keeps
 * text anyway, and would keep the apostrophe).
 */
export function restoringEntry(formula: CellValue, numberFormat: string): CellValue | null {
  if (formula === "") return null;
  if (typeof formula !== "string" || formula.startsWith("=")) return formula;
  return numberFormat === "@" ? formula : `'${formula}`;
}
