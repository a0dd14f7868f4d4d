/**
 * A fast-check generator of hand-laid-out BCF tables, for the checks' property tests: headings from
 * the vocabulary (or years typed as numbers), 1 to many lines, amounts that include year-like values,
 * zero, pence, credits and blanks, with or without a £ format, totals typed or as SUM or + formulas,
 * row totals beside column totals, sections closed by subtotals, several tables on a sheet. Amounts are
 * whole pennies, so every expected total is exact.
 */
import fc from "fast-check";
import { CellValue, SheetSnapshot, a1, sheetFromRows } from "../../../src/core/workbook";

export const GBP = "£#,##0.00";

type Entry = CellValue | null | { formula: string; value: CellValue; format?: string };

export type TotalStyle = "typed" | "sum" | "plus";

export interface TableSpec {
  labelHeading: string;
  /** Text headings, or years typed as numbers (consecutive, one per amount column). */
  amountHeadings: Array<string | number>;
  /** Line amounts in pennies per amount column; null is a blank cell. */
  lines: Array<{ label: string; amounts: Array<number | null> }>;
  money: boolean;
  /** A "Total (£)" column adding each line's amounts (only with two or more amount columns). */
  rowTotals: TotalStyle | undefined;
  /** The total row under the lines, or none. */
  totalRow: TotalStyle | undefined;
  totalLabel: string;
  /** Lines per section when the table is cut into sections each closed by a subtotal. */
  sectionSize: number | undefined;
}

/** Where each figure of a rendered table stands, for injecting slips and stating what is expected. */
export interface RenderedTable {
  spec: TableSpec;
  /** Sheet rows (0-based) of the heading, each line, each subtotal and the total row. */
  headingRow: number;
  lineRows: number[];
  subtotalRows: number[];
  totalRowAt: number | undefined;
  /** Columns (0-based) of the label, the amounts and the row total. */
  amountCols: number[];
  rowTotalCol: number | undefined;
}

const LABELS = [
  "Reablement",
  "Crisis response",
  "Home adaptations",
  "Carers' breaks",
  "Step-down beds",
  "Falls service",
  "Handyperson",
  "Care navigation",
  "Hospice at home",
  "Equipment store",
];
const LABEL_HEADINGS = ["Scheme", "Scheme name", "Scheme Name", "Description", "Service", "Line"];
const AMOUNT_HEADINGS = [
  "Amount",
  "Amount (£)",
  "Planned Expenditure",
  "Planned spend (£)",
  "Planned spend 2025-26",
  "Expenditure",
  "Cost (£)",
  "NHS (£)",
  "LA (£)",
  "Value",
];
const TOTAL_LABELS = ["Total", "TOTAL", "Totals", "Grand total", "Total (£)", "Total spend"];

/** An amount in pennies: mostly ordinary, often a year-like whole pound figure, zero, pence or a credit. */
const amountPennies = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 5_000_000 }).map((p) => p * 100) },
  { weight: 2, arbitrary: fc.integer({ min: 1900, max: 2100 }).map((y) => y * 100) },
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 99_999_999 }) },
  { weight: 1, arbitrary: fc.integer({ min: -500_000, max: -1 }).map((p) => p * 100) }
);

const amountCell = fc.oneof(
  { weight: 12, arbitrary: amountPennies },
  { weight: 1, arbitrary: fc.constant(null) }
);

const totalStyle = fc.constantFrom<TotalStyle>("typed", "sum", "plus");

export function tableSpec(maxLines: number): fc.Arbitrary<TableSpec> {
  return fc
    .record({
      labelHeading: fc.constantFrom(...LABEL_HEADINGS),
      columns: fc.integer({ min: 1, max: 3 }),
      yearHeadings: fc.boolean(),
      firstYear: fc.integer({ min: 2015, max: 2026 }),
      headings: fc.array(fc.constantFrom(...AMOUNT_HEADINGS), { minLength: 3, maxLength: 3 }),
      lineCount: fc.oneof(
        { weight: 6, arbitrary: fc.integer({ min: 1, max: 12 }) },
        { weight: 2, arbitrary: fc.integer({ min: 1, max: Math.min(200, maxLines) }) },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: maxLines }) }
      ),
      money: fc.boolean(),
      rowTotals: fc.option(totalStyle, { nil: undefined }),
      totalRow: fc.option(totalStyle, { freq: 4, nil: undefined }),
      totalLabel: fc.constantFrom(...TOTAL_LABELS),
      sectionSize: fc.option(fc.integer({ min: 2, max: 5 }), { freq: 3, nil: undefined }),
      seed: fc.integer(),
    })
    .chain((r) =>
      fc
        .array(
          fc.record({
            label: fc.constantFrom(...LABELS),
            amounts: fc.array(amountCell, { minLength: r.columns, maxLength: r.columns }),
          }),
          { minLength: r.lineCount, maxLength: r.lineCount }
        )
        .map((lines) => {
          // Distinct headings: two columns both called "Amount" read as one heading twice.
          const heads = [...new Set(r.headings)];
          while (heads.length < r.columns) heads.push(`Column ${heads.length + 1}`);
          const spec: TableSpec = {
            labelHeading: r.labelHeading,
            amountHeadings: r.yearHeadings
              ? Array.from({ length: r.columns }, (_, i) => r.firstYear + i)
              : heads.slice(0, r.columns),
            lines,
            money: r.money,
            rowTotals: r.columns >= 2 ? r.rowTotals : undefined,
            totalRow: r.totalRow,
            totalLabel: r.totalLabel,
            // Sections need a total row to close them and lines enough to cut.
            sectionSize:
              r.totalRow && r.sectionSize && lines.length > r.sectionSize
                ? r.sectionSize
                : undefined,
          };
          // A long + formula is unusual and slow to read: long tables add with SUM.
          if (spec.lines.length > 30 && spec.totalRow === "plus") spec.totalRow = "sum";
          return spec;
        })
    );
}

function sumFormula(style: TotalStyle, cells: string[], ranges: string[]): string | undefined {
  if (style === "typed") return undefined;
  if (style === "plus") return `=${cells.join("+")}`;
  return `=SUM(${ranges.join(",")})`;
}

function money(pennies: number): number {
  return pennies / 100;
}

/** A contiguous run of rows in one column as A1 ranges. */
function runRanges(rows: number[], col: number): string[] {
  const ranges: string[] = [];
  let start = rows[0];
  let prev = rows[0];
  for (const r of [...rows.slice(1), -2]) {
    if (r === prev + 1) {
      prev = r;
      continue;
    }
    ranges.push(start === prev ? a1(start, col) : `${a1(start, col)}:${a1(prev, col)}`);
    start = prev = r;
  }
  return ranges;
}

/** Lays the tables out one under another, a blank line between, starting in column `col0`. */
export function renderSheet(
  name: string,
  specs: TableSpec[],
  col0 = 0
): { sheet: SheetSnapshot; tables: RenderedTable[] } {
  const rows: Entry[][] = [];
  const tables: RenderedTable[] = [];
  const put = (r: number, c: number, e: Entry) => {
    while (rows.length <= r) rows.push([]);
    rows[r][c] = e;
  };
  for (const spec of specs) {
    if (rows.length) rows.push([]);
    const fmt = spec.money ? GBP : undefined;
    const cell = (pennies: number, formula?: string): Entry =>
      formula
        ? { formula, value: money(pennies), format: fmt }
        : { formula: money(pennies) as unknown as string, value: money(pennies), format: fmt };
    const headingRow = rows.length;
    const labelCol = col0;
    const amountCols = spec.amountHeadings.map((_, i) => col0 + 1 + i);
    const rowTotalCol = spec.rowTotals ? col0 + 1 + amountCols.length : undefined;
    put(headingRow, labelCol, spec.labelHeading);
    spec.amountHeadings.forEach((h, i) => put(headingRow, amountCols[i], h));
    if (rowTotalCol !== undefined) put(headingRow, rowTotalCol, "Total (£)");

    const lineRows: number[] = [];
    const subtotalRows: number[] = [];
    let r = headingRow + 1;
    const section: number[] = [];
    const closeSection = () => {
      subtotalRows.push(r);
      put(r, labelCol, "Subtotal");
      const cols = rowTotalCol !== undefined ? [...amountCols, rowTotalCol] : amountCols;
      for (const c of cols) {
        let sum = 0;
        for (const lr of section) sum += lineValue(spec, lineRows, lr, c, amountCols, rowTotalCol);
        put(r, c, cell(sum, `=SUM(${runRanges(section, c).join(",")})`));
      }
      section.length = 0;
      r++;
    };
    spec.lines.forEach((line, k) => {
      lineRows.push(r);
      section.push(r);
      put(r, labelCol, `${line.label} ${k + 1}`);
      line.amounts.forEach((p, i) => {
        if (p !== null) put(r, amountCols[i], cell(p));
      });
      if (rowTotalCol !== undefined && spec.rowTotals) {
        const filled = line.amounts.some((p) => p !== null);
        if (filled) {
          const sum = line.amounts.reduce<number>((s, p) => s + (p ?? 0), 0);
          const refs = amountCols.map((c) => a1(r, c));
          put(
            r,
            rowTotalCol,
            cell(sum, sumFormula(spec.rowTotals, refs, [`${refs[0]}:${refs[refs.length - 1]}`]))
          );
        }
      }
      r++;
      if (spec.sectionSize && section.length === spec.sectionSize && k < spec.lines.length - 1)
        closeSection();
    });
    if (spec.sectionSize && section.length) closeSection();
    let totalRowAt: number | undefined;
    if (spec.totalRow) {
      totalRowAt = r;
      put(r, labelCol, spec.totalLabel);
      const cols = rowTotalCol !== undefined ? [...amountCols, rowTotalCol] : amountCols;
      for (const c of cols) {
        let sum = 0;
        for (const lr of lineRows) sum += lineValue(spec, lineRows, lr, c, amountCols, rowTotalCol);
        // Under sections the total adds the subtotals; otherwise the lines.
        const parts = spec.sectionSize ? subtotalRows : lineRows;
        const refs = parts.map((pr) => a1(pr, c));
        const formula =
          spec.sectionSize && spec.totalRow === "sum"
            ? `=SUBTOTAL(9,${a1(headingRow + 1, c)}:${a1(r - 1, c)})`
            : sumFormula(spec.totalRow, refs, runRanges(parts, c));
        put(r, c, cell(sum, formula));
      }
      r++;
    }
    tables.push({
      spec,
      headingRow,
      lineRows,
      subtotalRows,
      totalRowAt,
      amountCols,
      rowTotalCol,
    });
  }
  return { sheet: sheetFromRows(name, rows), tables };
}

/** A line's figure in a column, in pennies (a row total is its amounts' sum; a blank is 0). */
function lineValue(
  spec: TableSpec,
  lineRows: number[],
  r: number,
  c: number,
  amountCols: number[],
  rowTotalCol: number | undefined
): number {
  const line = spec.lines[lineRows.indexOf(r)];
  if (c === rowTotalCol) return line.amounts.reduce<number>((s, p) => s + (p ?? 0), 0);
  return line.amounts[amountCols.indexOf(c)] ?? 0;
}

/** The value a sheet cell holds as a number (0 for a blank). */
export function numberIn(sheet: SheetSnapshot, r: number, c: number): number {
  const v = sheet.values[r]?.[c];
  return typeof v === "number" ? v : 0;
}

/** Replaces one cell's value (and its formula, when given), as a slip typed into the workbook would. */
export function setCell(
  sheet: SheetSnapshot,
  r: number,
  c: number,
  value: number,
  formula?: string
): void {
  sheet.values[r][c] = value;
  sheet.formulas[r][c] = formula ?? value;
}
