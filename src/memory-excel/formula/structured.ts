/**
 * Structured references: BCF_Expenditure[Total (£)], BCF_Expenditure[[#Totals],[NHS (£)]],
 * [@[NHS (£)]] (this row of the table the formula is in), Table[#All], Table[[Col1]:[Col2]].
 */
import { boxContains, type CellBox } from "../address";
import type { SheetModel } from "../model/sheet";
import { bodyBox, columnPosition, tableBox, type TableModel } from "../model/table";
import type { WorkbookState } from "../model/workbookState";
import { ErrorValue, REF, VALUE, type RangeRef } from "./values";

interface StructuredSpec {
  areas: Set<string>;
  firstColumn?: string;
  lastColumn?: string;
}

/** Excel escapes [ ] # ' inside column names with a leading apostrophe. */
function unescapeName(text: string): string {
  return text.replace(/'(.)/g, "$1").trim();
}

function stripBrackets(text: string): string {
  const t = text.trim();
  return t.startsWith("[") && t.endsWith("]") ? t.slice(1, -1) : t;
}

/** Splits on commas and on ":" between bracketed parts, outside brackets. */
function splitTopLevel(spec: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (let i = 0; i < spec.length; i++) {
    const ch = spec[i];
    if (ch === "'") {
      current += ch + (spec[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === "[") depth++;
    if (ch === "]") depth--;
    if (ch === separator && depth === 0) {
      parts.push(current);
      current = "";
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts;
}

function readColumns(part: string, spec: StructuredSpec): void {
  const range = splitTopLevel(part, ":");
  spec.firstColumn = unescapeName(stripBrackets(range[0]));
  spec.lastColumn = unescapeName(stripBrackets(range[range.length - 1]));
}

const specCache = new Map<string, StructuredSpec>();

export function parseStructuredSpec(text: string): StructuredSpec {
  const cached = specCache.get(text);
  if (cached) return cached;
  const spec: StructuredSpec = { areas: new Set() };
  const trimmed = text.trim();
  if (trimmed.startsWith("@")) {
    spec.areas.add("#THIS ROW");
    const rest = trimmed.slice(1).trim();
    if (rest) readColumns(rest, spec);
  } else if (trimmed !== "") {
    const parts = trimmed.startsWith("[") ? splitTopLevel(trimmed, ",") : [`[${trimmed}]`];
    for (const part of parts) {
      const inner = stripBrackets(part).trim();
      if (inner.startsWith("#")) spec.areas.add(inner.toUpperCase().replace(/\s+/g, " "));
      else if (inner.startsWith("@")) {
        spec.areas.add("#THIS ROW");
        const rest = inner.slice(1).trim();
        if (rest) readColumns(rest, spec);
      } else
        readColumns(
          part.trim().startsWith("[") && part.includes("]:[") ? part : `[${inner}]`,
          spec
        );
    }
  }
  if (spec.areas.size === 0) spec.areas.add("#DATA");
  specCache.set(text, spec);
  return spec;
}

export function tableContaining(
  model: WorkbookState,
  sheet: SheetModel,
  row: number,
  col: number
): TableModel | undefined {
  return model.tables.find((t) => t.sheet === sheet && boxContains(tableBox(t), row, col));
}

export function resolveStructured(
  model: WorkbookState,
  tableName: string | undefined,
  specText: string,
  at: { sheet: SheetModel; row: number; col: number }
): RangeRef | ErrorValue {
  const table = tableName
    ? model.findTable(tableName)
    : tableContaining(model, at.sheet, at.row, at.col);
  if (!table) return REF;
  const spec = parseStructuredSpec(specText);
  const whole = tableBox(table);
  const body = bodyBox(table);
  let firstRow = Infinity;
  let lastRow = -Infinity;
  const include = (from: number, to: number): void => {
    firstRow = Math.min(firstRow, from);
    lastRow = Math.max(lastRow, to);
  };
  for (const area of spec.areas) {
    if (area === "#ALL") include(whole.row, whole.lastRow);
    else if (area === "#DATA") include(body.row, body.lastRow);
    else if (area === "#HEADERS") include(whole.row, whole.row);
    else if (area === "#TOTALS") {
      if (!table.showTotals) return REF;
      include(whole.lastRow, whole.lastRow);
    } else if (area === "#THIS ROW") {
      if (at.sheet !== table.sheet || at.row < body.row || at.row > body.lastRow) return VALUE;
      include(at.row, at.row);
    } else return REF;
  }
  let firstCol = whole.col;
  let lastCol = whole.lastCol;
  if (spec.firstColumn !== undefined) {
    const first = columnPosition(table, spec.firstColumn);
    const last = columnPosition(table, spec.lastColumn ?? spec.firstColumn);
    if (first < 0 || last < 0) return REF;
    firstCol = table.left + Math.min(first, last);
    lastCol = table.left + Math.max(first, last);
  }
  const box: CellBox = { row: firstRow, col: firstCol, lastRow, lastCol };
  return { kind: "range", sheet: table.sheet, box };
}
