/**
 * Expenditure lines wherever a sheet lays them out: a heading row naming the source of funding, an
 * amount (a total, or NHS and council £) and at least one more of the national template's columns
 * (scheme ID, name, type, area of spend, commissioner, provider), then one line per row down to a
 * blank row or a total.
 * The national-conditions and completeness rules read the lines from here, so both see the same lines.
 */
import { WorkbookSnapshot } from "../workbook";
import { type HeadingId, matchHeading } from "../vocabulary";
import { SheetGrid, TEXT, gridOf, isPercentFormat, numberAt } from "./grid";

export type LineField =
  | "schemeId"
  | "name"
  | "type"
  | "area"
  | "commissioner"
  | "provider"
  | "source"
  | "pctNhs"
  | "pctLa"
  | "nhs"
  | "council"
  | "amount";

const NHS = /\b(nhs|ccg|icb)\b/i;
const COUNCIL = /\b(la|council|local authority)\b/i;

const FIELD_OF_HEADING: Partial<Record<HeadingId, LineField>> = {
  "source-of-funding": "source",
  "area-of-spend": "area",
  "scheme-id": "schemeId",
  "scheme-name": "name",
  "scheme-type": "type",
  commissioner: "commissioner",
  provider: "provider",
  "percent-nhs": "pctNhs",
  "percent-la": "pctLa",
  "planned-spend": "amount",
  amount: "amount",
};

/** Which column of the national template a heading names. */
function fieldOf(heading: string): LineField | undefined {
  // "Sub-type" is not the scheme type.
  if (/sub[-\s]?type/i.test(heading)) return undefined;
  const id = matchHeading(heading);
  if (id) return FIELD_OF_HEADING[id];
  // The plan's own money columns: "Total (£)", "NHS (£)", "Council (£)".
  if (/^\s*total\b/i.test(heading)) return "amount";
  if (/£/.test(heading) && !/%/.test(heading)) {
    if (NHS.test(heading) && !COUNCIL.test(heading)) return "nhs";
    if (COUNCIL.test(heading) && !NHS.test(heading)) return "council";
  }
  return undefined;
}

/**
 * One table of lines. A plan may have 200,000 lines, so a line is its grid row alone: its text and
 * figures are read from the grid when asked for (lineText, lineFigure), not copied into objects.
 */
export interface ExpenditureTable {
  grid: SheetGrid;
  header: number;
  columns: Partial<Record<LineField, number>>;
  /** Grid rows of the lines, top to bottom. */
  lines: Int32Array;
}

const TEXT_FIELDS: LineField[] = [
  "schemeId",
  "name",
  "type",
  "area",
  "commissioner",
  "provider",
  "source",
];
const MONEY_FIELDS: LineField[] = ["nhs", "council", "amount"];

function headerColumns(grid: SheetGrid, h: number): Partial<Record<LineField, number>> | undefined {
  const columns: Partial<Record<LineField, number>> = {};
  let amountIsTotal = false;
  for (let c = 0; c < grid.cols; c++) {
    if (grid.k(h, c) !== TEXT) continue;
    const heading = grid.text(h, c);
    if (heading.length > 60) continue;
    const field = fieldOf(heading);
    if (!field) continue;
    // "Total (£)" wins over the first "Expenditure"/"Amount" column: it is the line's whole amount.
    if (field === "amount") {
      const isTotal = /\btotal\b/i.test(heading);
      if (columns.amount === undefined || (isTotal && !amountIsTotal)) {
        columns.amount = c;
        amountIsTotal = isTotal;
      }
      continue;
    }
    if (columns[field] === undefined) columns[field] = c;
  }
  if (columns.source === undefined) return undefined;
  // Lines of spend carry money: a sheet of drop-down lists headed like the table's columns does not.
  const money = [columns.amount, columns.nhs, columns.council].some((c) => c !== undefined);
  const others = TEXT_FIELDS.filter((f) => f !== "source" && columns[f] !== undefined).length;
  return money && others >= 1 ? columns : undefined;
}

/** The text of a line's field ("" or undefined when blank); a number typed there reads as its digits. */
export function lineText(table: ExpenditureTable, r: number, field: LineField): string | undefined {
  const c = table.columns[field];
  if (c === undefined) return undefined;
  const v = table.grid.value(r, c);
  const t = typeof v === "number" ? String(v) : table.grid.text(r, c);
  return t ? t : undefined;
}

/** A figure of a line (amount, NHS and council £, percentages as fractions), if it holds one. */
export function lineFigure(
  table: ExpenditureTable,
  r: number,
  field: LineField
): number | undefined {
  const c = table.columns[field];
  if (c === undefined) return undefined;
  const { grid } = table;
  const v = numberAt(grid, r, c);
  // Percentages typed as 60 rather than 60%.
  if (v !== undefined && (field === "pctNhs" || field === "pctLa") && v > 1)
    return isPercentFormat(grid.format(r, c)) ? v : v / 100;
  return v;
}

function readLines(table: ExpenditureTable): Int32Array {
  const { grid, header, columns } = table;
  const rows: number[] = [];
  for (let r = header + 1; r < grid.rows; r++) {
    if (grid.rowBlank[r]) break;
    if (grid.rowTotalLabel(r)) break;
    let filled = false;
    for (const f of TEXT_FIELDS) {
      if (lineText(table, r, f) !== undefined) {
        filled = true;
        break;
      }
    }
    for (const f of MONEY_FIELDS) {
      if (filled) break;
      const v = columns[f] === undefined ? undefined : numberAt(grid, r, columns[f]);
      if (v !== undefined && v !== 0) filled = true;
    }
    // The table's empty row (formulas showing 0, nothing typed) is not a line.
    if (filled) rows.push(r);
  }
  return Int32Array.from(rows);
}

const tableCache = new WeakMap<WorkbookSnapshot, ExpenditureTable[]>();

/** Every expenditure table of a workbook, read once per snapshot. */
export function expenditureTables(snapshot: WorkbookSnapshot): ExpenditureTable[] {
  const cached = tableCache.get(snapshot);
  if (cached) return cached;
  const tables: ExpenditureTable[] = [];
  for (const sheet of snapshot.sheets) {
    const grid = gridOf(sheet);
    for (let h = 0; h < grid.rows; h++) {
      if (grid.rowHasNumber[h] || grid.rowBlank[h]) continue;
      const columns = headerColumns(grid, h);
      if (!columns) continue;
      const table: ExpenditureTable = { grid, header: h, columns, lines: new Int32Array(0) };
      table.lines = readLines(table);
      tables.push(table);
      h += table.lines.length;
    }
  }
  tableCache.set(snapshot, tables);
  return tables;
}

/** The line's whole amount: its amount column, or NHS + council where only the parts are given. */
export function lineAmount(table: ExpenditureTable, r: number): number | undefined {
  const amount = lineFigure(table, r, "amount");
  if (amount !== undefined) return amount;
  const nhs = lineFigure(table, r, "nhs");
  const council = lineFigure(table, r, "council");
  if (nhs === undefined && council === undefined) return undefined;
  return (nhs ?? 0) + (council ?? 0);
}

/** "S001" or the line's name, or its row, for messages. */
export function lineName(table: ExpenditureTable, r: number): string {
  const id = lineText(table, r, "schemeId");
  const name = lineText(table, r, "name");
  if (id && name) return `${id} ${name}`;
  return id ?? name ?? `row ${r + 1 + table.grid.sheet.rowOffset}`;
}
