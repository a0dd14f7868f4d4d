/**
 * Names, columns and number formats of the plan workbook the add-in writes (tables, sheets, lists).
 * The checks and the Office.js writer both rely on these exact strings.
 */
import { quoteSheetName } from "../sheetAddress";
import {
  AREAS_OF_SPEND,
  COMMISSIONERS,
  FUNDING_SOURCES,
  PROVIDERS,
  SCHEME_TYPES,
} from "../vocabulary";

/** A cell as the add-in writes it: a number, text, or a formula (text beginning "="); "" leaves it blank. */
export type PlanCell = string | number;

export const GBP_FORMAT = "£#,##0.00";
export const PERCENT_FORMAT = "0.0%";
export const COUNT_FORMAT = "#,##0";
/** Activity figures: a stated 8 a month shows as 8.0, a computed 104 ÷ 12 as 8.7. */
export const ACTIVITY_FORMAT = "#,##0.0";
export const RATE_FORMAT = "#,##0.0";
export const GENERAL_FORMAT = "General";

export const EXPENDITURE_TABLE = "BCF_Expenditure";
export const TARGETS_TABLE = "BCF_Targets";
export const METRICS_TABLE = "BCF_Metrics";

export const PLAN_SHEETS = {
  cover: "Cover",
  income: "Income",
  expenditure: "Expenditure",
  metrics: "Metrics",
  targets: "Targets",
  summary: "Summary",
  /** Hidden sheet holding drop-down lists too long for a typed-in list (Excel caps those at 255 characters). */
  lists: "BCF Lists",
} as const;
export type PlanSheetKey = keyof typeof PLAN_SHEETS;

/**
 * The first row the add-in writes on each plan sheet without a table (Cover, Income, Summary): written by
 * the skeleton and read back to recognise those sheets in a workbook.
 */
export const COVER_TITLE = "BCF plan";
/** The Income sheet: planned income per source first (the Summary adds it up), then the published allocation. */
export const INCOME_COLUMNS = [
  "Funding source",
  "Planned income (£)",
  "Published allocation (£)",
] as const;
export const SUMMARY_COLUMNS = [
  "Funding source",
  "Income (£)",
  "Planned spend (£)",
  "Balance (£)",
] as const;

export const EXPENDITURE_COLUMNS = [
  "Scheme ID",
  "Scheme Name",
  "Scheme Type",
  "Sub-type",
  "Area of Spend",
  "Commissioner",
  "Provider",
  "Source of Funding",
  "% NHS",
  "% LA",
  "NHS (£)",
  "Council (£)",
  "Total (£)",
] as const;
export type ExpenditureColumn = (typeof EXPENDITURE_COLUMNS)[number];

export const TARGET_COLUMNS = [
  "Scheme ID",
  "Measure",
  "Baseline per month",
  "Baseline per year",
  "Target per month",
  "Target per year",
  "Uplift",
  /** The plan's own wording of the figures: the checks read it, so a slip the columns cannot hold (a week
   * figure, the same figure stated twice) still reaches them. Last, so the numeric columns stay together. */
  "As stated in the plan",
] as const;

export const METRIC_COLUMNS = [
  "Metric",
  "Numerator",
  "Denominator",
  "Per",
  "Value",
  "Lower 95% CI",
  "Upper 95% CI",
  /** The plan's goal for the year, in the value's own units. */
  "Goal",
  /** Whether the metric is current for the plan's year, and what it measures. */
  "About",
] as const;

/**
 * Text from a template or the user, written so Excel keeps it as typed: a leading apostrophe where Excel
 * would otherwise read a formula ("=…", "+…", "-…", "@…"), a number, a percentage or TRUE/FALSE. A template
 * pack is a file from outside: its names must never become formulas.
 */
export function asText(text: string | undefined): string {
  if (!text) return "";
  const t = text.trim();
  const looksLikeInput =
    /^[=+\-@']/.test(text) ||
    /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?%?$/.test(t) ||
    /^(true|false)$/i.test(t) ||
    /^#/.test(t);
  return looksLikeInput ? `'${text}` : text;
}

/** `[@[Column]]`: this row's cell in a table column (the form Excel writes for names with spaces or symbols). */
export function thisRow(column: string): string {
  return `[@[${column}]]`;
}

/** A sheet name as it must appear in a formula. */
export const sheetRef = quoteSheetName;

/** Excel refuses a typed-in validation list longer than 255 characters. */
export const MAX_LIST_SOURCE_LENGTH = 255;

/** The drop-down lists of the expenditure table, in the column of the lists sheet that holds each. */
export const VALIDATION_LISTS: ReadonlyArray<{
  column: ExpenditureColumn;
  heading: string;
  items: readonly string[];
}> = [
  { column: "Scheme Type", heading: "Scheme types", items: SCHEME_TYPES },
  { column: "Area of Spend", heading: "Areas of spend", items: AREAS_OF_SPEND },
  { column: "Commissioner", heading: "Commissioners", items: COMMISSIONERS },
  {
    column: "Source of Funding",
    heading: "Funding sources",
    items: FUNDING_SOURCES,
  },
];

/** The lists sheet's content: one column per list, heading in row 1 (column E: providers, for reference). */
export function listsSheetCells(): PlanCell[][] {
  const columns = [
    ...VALIDATION_LISTS.map((l) => [l.heading, ...l.items]),
    ["Providers", ...PROVIDERS],
  ];
  const height = Math.max(...columns.map((c) => c.length));
  const grid: PlanCell[][] = [];
  for (let r = 0; r < height; r++) grid.push(columns.map((c) => c[r] ?? ""));
  return grid;
}

/** Whether the data validation of `column` needs the lists sheet (its typed-in list would be too long). */
export function listNeedsSheet(column: ExpenditureColumn): boolean {
  const list = VALIDATION_LISTS.find((l) => l.column === column);
  if (!list) return false;
  return (
    list.items.join(",").length > MAX_LIST_SOURCE_LENGTH || list.items.some((i) => i.includes(","))
  );
}

/**
 * The `source` of a list validation: the items typed in ("a,b,c") where Excel allows it, otherwise an
 * absolute reference to the column of the lists sheet that holds them.
 */
export function validationSource(
  column: ExpenditureColumn,
  listsSheetName: string = PLAN_SHEETS.lists
): string {
  const index = VALIDATION_LISTS.findIndex((l) => l.column === column);
  if (index < 0) throw new Error(`No drop-down list for column ${column}.`);
  const list = VALIDATION_LISTS[index];
  if (!listNeedsSheet(column)) return list.items.join(",");
  const letter = String.fromCharCode(65 + index);
  return `=${sheetRef(listsSheetName)}!$${letter}$2:$${letter}$${list.items.length + 1}`;
}

/** Any validation of the expenditure table refers to the lists sheet. */
export function expenditureNeedsListsSheet(): boolean {
  return VALIDATION_LISTS.some((l) => listNeedsSheet(l.column));
}
