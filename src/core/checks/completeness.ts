/**
 * Completeness, as the national template's checklist asks before submission. Every finding is
 * information: a gap is for the officer to fill before submitting, not a wrong figure, and a plan being
 * written is expected to have gaps.
 * - a Cover sheet with the area, the Health and Wellbeing Board, the financial year, a contact (name,
 *   email, telephone) and the sign-off (who, and when): each item blank or missing;
 * - every expenditure line with scheme ID, name, type, area of spend, commissioner, provider, source of
 *   funding and amount: blanks are listed once per column (information), a missing column once.
 * % NHS and % LA are asked for only on jointly commissioned lines; the national-conditions rule checks them.
 */
import { WorkbookSnapshot } from "../workbook";
import { Finding, RuleOutcome } from "./finding";
import { SheetGrid, TEXT, gridOf } from "./grid";
import { listCells } from "./format";
import {
  ExpenditureTable,
  LineField,
  expenditureTables,
  lineFigure,
  lineText,
} from "./expenditureLines";

export const COMPLETENESS_RULE = "completeness";

/** Cover items in checklist order; the first label that matches an item is its row. */
const COVER_ITEMS: ReadonlyArray<{ what: string; label: RegExp }> = [
  { what: "the area", label: /^area\b|^local authority\b/i },
  { what: "the Health and Wellbeing Board", label: /health\s+and\s+wellbeing\s+board|\bhwb\b/i },
  { what: "the financial year", label: /financial\s+year|^plan\s+year|^year\b/i },
  { what: "who completed the plan", label: /completed\s+by|^contact(\s+name)?$|^name\b/i },
  { what: "a contact email", label: /e-?mail/i },
  { what: "a contact telephone number", label: /contact\s+number|telephone|\bphone\b/i },
  { what: "the date of sign-off", label: /date.*sign|sign.*date/i },
  { what: "who signed the plan off", label: /sign(ed)?[\s-]*off|approved\s+by/i },
];

/** "a, b and c" */
function andList(items: string[]): string {
  return items.length === 1
    ? items[0]
    : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function isBlankValue(grid: SheetGrid, r: number, c: number): boolean {
  const v = grid.value(r, c);
  return v === "" || (typeof v === "string" && v.trim() === "");
}

function checkCover(grid: SheetGrid, findings: Finding[]): number {
  const labels: Array<{ r: number; c: number; text: string }> = [];
  for (let r = 0; r < grid.rows; r++) {
    for (let c = 0; c < grid.cols; c++) {
      if (grid.k(r, c) !== TEXT) continue;
      labels.push({ r, c, text: grid.text(r, c) });
      break;
    }
  }
  const used = new Set<number>();
  const missing: string[] = [];
  let checked = 0;
  for (const item of COVER_ITEMS) {
    checked++;
    const label = labels.find(
      (l) => !used.has(l.r) && l.text.length <= 80 && item.label.test(l.text)
    );
    if (!label) {
      missing.push(item.what);
      continue;
    }
    used.add(label.r);
    let filled = false;
    for (let c = label.c + 1; c < grid.cols && !filled; c++)
      filled = !isBlankValue(grid, label.r, c);
    if (!filled) {
      findings.push({
        rule: COMPLETENESS_RULE,
        severity: "info",
        sheet: grid.name,
        cell: grid.addr(label.r, label.c + 1),
        message: `"${label.text}" is blank: fill in ${item.what} before the plan is submitted.`,
      });
    }
  }
  if (missing.length) {
    findings.push({
      rule: COMPLETENESS_RULE,
      severity: "info",
      sheet: grid.name,
      cell: grid.addr(0, 0),
      message: `The cover does not give ${andList(missing)}; the national template asks for ${missing.length === 1 ? "it" : "them"} before submission.`,
    });
  }
  return checked;
}

const LINE_FIELDS: ReadonlyArray<{ field: LineField; what: string }> = [
  { field: "schemeId", what: "Scheme ID" },
  { field: "name", what: "Scheme name" },
  { field: "type", what: "Scheme type" },
  { field: "area", what: "Area of spend" },
  { field: "commissioner", what: "Commissioner" },
  { field: "provider", what: "Provider" },
  { field: "source", what: "Source of funding" },
  { field: "amount", what: "Amount" },
];

function present(table: ExpenditureTable, r: number, f: LineField) {
  if (f !== "amount") return lineText(table, r, f) !== undefined;
  const amount = lineFigure(table, r, "amount");
  const nhs = lineFigure(table, r, "nhs");
  const council = lineFigure(table, r, "council");
  // A total formula shows £0 until a figure is typed beside it: the line has no amount yet.
  if (amount === undefined) return nhs !== undefined || council !== undefined;
  return (
    amount !== 0 || nhs !== undefined || council !== undefined || table.columns.nhs === undefined
  );
}

function checkLines(table: ExpenditureTable, findings: Finding[]): number {
  const { grid, columns } = table;
  let checked = 0;
  const missing: string[] = [];
  for (const { field, what } of LINE_FIELDS) {
    const c = columns[field] ?? (field === "amount" ? (columns.nhs ?? columns.council) : undefined);
    if (c === undefined) {
      missing.push(`"${what}"`);
      continue;
    }
    const blanks: string[] = [];
    for (const r of table.lines) {
      checked++;
      if (!present(table, r, field)) blanks.push(grid.addr(r, c));
    }
    if (blanks.length === 0) continue;
    findings.push({
      rule: COMPLETENESS_RULE,
      severity: "info",
      sheet: grid.name,
      cell: blanks[0],
      message:
        `${what} is blank on ${blanks.length} line${blanks.length === 1 ? "" : "s"} (${listCells(blanks)}); ` +
        `the national template asks for it on every line.`,
    });
  }
  if (missing.length) {
    findings.push({
      rule: COMPLETENESS_RULE,
      severity: "info",
      sheet: grid.name,
      cell: grid.addr(table.header, 0),
      message: `The expenditure table has no ${andList(missing)} column${missing.length === 1 ? "" : "s"}; the national template asks for ${missing.length === 1 ? "it" : "each"} on every line.`,
    });
  }
  return checked;
}

export function checkCompleteness(snapshot: WorkbookSnapshot): RuleOutcome {
  const findings: Finding[] = [];
  let checked = 0;
  const notes: string[] = [];
  const covers = snapshot.sheets.filter((s) => /cover/i.test(s.name));
  for (const sheet of covers) checked += checkCover(gridOf(sheet), findings);
  if (covers.length === 0) notes.push("no Cover sheet");
  const tables = expenditureTables(snapshot).filter((t) => t.lines.length > 0);
  for (const table of tables) checked += checkLines(table, findings);
  if (tables.length === 0) notes.push("no expenditure lines");
  return {
    findings,
    coverage: {
      rule: COMPLETENESS_RULE,
      checked,
      ...(checked === 0 ? { note: notes.join("; ") } : {}),
    },
  };
}
