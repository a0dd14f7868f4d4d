/**
 * Expenditure lines wherever a sheet lays them out: a heading row naming the source of funding, an
 * amount (a total, or NHS and council £) and at least one more of the national template's columns
 * (scheme ID, name, type, area of spend, commissioner, provider), then one line per row down to a
 * blank row or a total.
 * The national-conditions and completeness rules read the lines from here, so both see the same lines.
 */
import { WorkbookSnapshot } from "../workbook";
import { type HeadingId, matchHeading } from "../vocabulary";
import { NUMBER, SheetGrid, TEXT, TEXT_NUMBER, gridOf, isPercentFormat } from "./grid";

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

export interface ExpenditureTable {
  grid: SheetGrid;
  header: number;
  columns: Partial<Record<LineField, number>>;
  lines: ExpenditureLine[];
}

export interface ExpenditureLine {
  /** Grid row of the line. */
  r: number;
  text: Partial<Record<LineField, string>>;
  /** Figures the line holds (amount, NHS and council £, percentages as fractions). */
  figures: Partial<Record<LineField, number>>;
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
const FIGURE_FIELDS: LineField[] = ["pctNhs", "pctLa", "nhs", "council", "amount"];

function numberAt(grid: SheetGrid, r: number, c: number): number | undefined {
  const k = grid.k(r, c);
  return k === NUMBER || k === TEXT_NUMBER ? grid.n(r, c) : undefined;
}

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

function readLines(
  grid: SheetGrid,
  header: number,
  columns: Partial<Record<LineField, number>>
): ExpenditureLine[] {
  const lines: ExpenditureLine[] = [];
  for (let r = header + 1; r < grid.rows; r++) {
    if (grid.rowBlank[r]) break;
    if (grid.rowTotalLabel(r)) break;
    const text: Partial<Record<LineField, string>> = {};
    const figures: Partial<Record<LineField, number>> = {};
    let filled = false;
    for (const f of TEXT_FIELDS) {
      const c = columns[f];
      if (c === undefined) continue;
      const v = grid.value(r, c);
      const t = typeof v === "number" ? String(v) : grid.text(r, c);
      if (t) {
        text[f] = t;
        filled = true;
      }
    }
    for (const f of FIGURE_FIELDS) {
      const c = columns[f];
      if (c === undefined) continue;
      let v = numberAt(grid, r, c);
      if (v === undefined) continue;
      // Percentages typed as 60 rather than 60%.
      if ((f === "pctNhs" || f === "pctLa") && !isPercentFormat(grid.format(r, c)) && v > 1)
        v /= 100;
      figures[f] = v;
      if ((f === "amount" || f === "nhs" || f === "council") && v !== 0) filled = true;
    }
    // The table's empty row (formulas showing 0, nothing typed) is not a line.
    if (filled) lines.push({ r, text, figures });
  }
  return lines;
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
      const lines = readLines(grid, h, columns);
      tables.push({ grid, header: h, columns, lines });
      h += lines.length;
    }
  }
  tableCache.set(snapshot, tables);
  return tables;
}

/** The line's whole amount: its amount column, or NHS + council where only the parts are given. */
export function lineAmount(line: ExpenditureLine): number | undefined {
  const { amount, nhs, council } = line.figures;
  if (amount !== undefined) return amount;
  if (nhs === undefined && council === undefined) return undefined;
  return (nhs ?? 0) + (council ?? 0);
}

/** "S001" or the line's name, or its row, for messages. */
export function lineName(table: ExpenditureTable, line: ExpenditureLine): string {
  const id = line.text.schemeId;
  const name = line.text.name;
  if (id && name) return `${id} ${name}`;
  return id ?? name ?? `row ${line.r + 1 + table.grid.sheet.rowOffset}`;
}
