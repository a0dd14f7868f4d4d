/**
 * "New BCF plan": the six sheets of a plan workbook (plus a hidden sheet of drop-down lists), laid out
 * as plain grids of values and formulas so the Office.js code only writes them.
 */
import type { PlanOptions } from "./options";
import { a1 } from "../workbook";
import {
  FUNDING_SOURCES,
  type FundingSourceId,
  fundingSourcesFor,
  matchFundingSource,
} from "../vocabulary";
import { EXPENDITURE_FORMATS, EXPENDITURE_FORMULAS, EXPENDITURE_TOTALS } from "./expenditure";
import {
  asText,
  COUNT_FORMAT,
  EXPENDITURE_COLUMNS,
  EXPENDITURE_TABLE,
  GBP_FORMAT,
  GENERAL_FORMAT,
  listsSheetCells,
  PERCENT_FORMAT,
  METRIC_COLUMNS,
  METRICS_TABLE,
  PLAN_SHEETS,
  type PlanCell,
  type PlanSheetKey,
  sheetRef,
  TARGET_COLUMNS,
  TARGETS_TABLE,
  VALIDATION_LISTS,
  validationSource,
} from "./layout";
import {
  type BandBlock,
  bandBlockCells,
  metricsForYear,
  planMetricFormats,
  planMetricRow,
} from "./metrics";
import { TARGET_FORMATS } from "./targets";

export interface TableSpec {
  name: string;
  /** Header row and data rows on the sheet, e.g. "A1:M2" (the totals row, if any, goes below). */
  address: string;
  showTotals: boolean;
  /** The totals row's entries, column by column. */
  totals?: PlanCell[];
}

export interface ValidationSpec {
  address: string;
  /** A list: "a,b,c", or a reference "='BCF Lists'!$A$2:$A$20". */
  source: string;
}

export interface ChartSpec {
  name: string;
  type: "ColumnClustered";
  sourceAddress: string;
  seriesBy: "Columns";
  title: string;
  topLeft: string;
  bottomRight: string;
}

export interface SheetLayout {
  key: PlanSheetKey;
  name: string;
  /** Where `formulas` goes, always from A1. */
  address: string;
  formulas: PlanCell[][];
  numberFormats: string[][];
  /** Ranges shown in bold (headings). */
  bold: string[];
  table?: TableSpec;
  validations: ValidationSpec[];
  chart?: ChartSpec;
  hidden?: boolean;
}

export interface PlanLayout {
  sheets: SheetLayout[];
}

export type PlanTableKey = "expenditure" | "targets" | "metrics";

export interface SkeletonOptions extends PlanOptions {
  /** Names to use instead of the standard ones, where a sheet of that name already exists. */
  sheetNames?: Partial<Record<PlanSheetKey, string>>;
  /** Names to use instead of BCF_Expenditure, BCF_Targets, BCF_Metrics where those are taken. */
  tableNames?: Partial<Record<PlanTableKey, string>>;
}

/** The A1 address of a rows × cols block starting at A1 (or at `row`, `col`). */
export function blockAddress(rows: number, cols: number, row = 0, col = 0): string {
  return `${a1(row, col)}:${a1(row + rows - 1, col + cols - 1)}`;
}

/** Pads ragged rows to a rectangle with blanks: Office.js needs every row the same length. */
function rectangle(rows: PlanCell[][]): PlanCell[][] {
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<PlanCell>(width - r.length).fill("")]);
}

function formatsLike(grid: PlanCell[][], format: (r: number, c: number) => string): string[][] {
  return grid.map((row, r) => row.map((_, c) => format(r, c)));
}

function sheetLayout(
  key: PlanSheetKey,
  name: string,
  rows: PlanCell[][],
  format: (r: number, c: number) => string,
  rest: Partial<SheetLayout> = {}
): SheetLayout {
  const formulas = rectangle(rows);
  return {
    key,
    name,
    address: blockAddress(formulas.length, formulas[0].length),
    formulas,
    numberFormats: formatsLike(formulas, format),
    bold: [],
    validations: [],
    ...rest,
  };
}

/** The national template's minimum-spend table, headed as the template heads it so the checks know it. */
export const MINIMUM_SPEND_COLUMNS = [
  "Requirement",
  "Minimum Required Spend",
  "Planned Spend",
  "Under Spend",
] as const;

export const MINIMUM_SPEND_REQUIREMENTS = {
  outOfHospital: "NHS commissioned out of hospital spend from the minimum ICB allocation",
  socialCare: "Adult social care services spend from the minimum ICB allocations",
} as const;

/**
 * The funding sources of a plan for `year`, as the template lists them that year: from 2025-26 the NHS
 * minimum contribution, the Local Authority Better Care Grant, the DFG and the additional contributions;
 * for 2022-25 iBCF and the Discharge Fund's council and ICB parts as well. Each is named as the scheme
 * templates name it where they do ("DFG", "iBCF"), so the Summary's SUMIFS finds their lines. A year that
 * cannot be read gets every source.
 */
export function planFundingSources(year: string): string[] {
  const templateNames = new Map<FundingSourceId | undefined, string>(
    FUNDING_SOURCES.map((name) => [matchFundingSource(name), name])
  );
  const forYear = fundingSourcesFor(year);
  if (forYear.length === 0) return [...FUNDING_SOURCES];
  return forYear.map((d) => templateNames.get(d.id) ?? d.name);
}

/** The Cover's contact and sign-off lines, below area, Health and Wellbeing Board and year, as the national template asks. */
export const COVER_CONTACT_LABELS = [
  "Completed by",
  "Email",
  "Contact number",
  "Signed off by (for the Health and Wellbeing Board)",
  "Date of sign-off",
] as const;

/** The Income sheet: planned income per source first (the Summary adds it up), then the published allocation. */
export const INCOME_COLUMNS = [
  "Funding source",
  "Planned income (£)",
  "Published allocation (£)",
] as const;

/**
 * Published uplifts of the minimum NHS contribution to adult social care over the year before, by the
 * year they apply to: only to fill in the input cell of a new plan; the checks read the cell.
 */
export const PUBLISHED_SOCIAL_CARE_UPLIFTS: Readonly<Record<string, number>> = {
  "2025-26": 0.039,
};

export const SOCIAL_CARE_UPLIFT_LABELS = {
  previous: "Previous year's minimum NHS contribution to adult social care (£)",
  uplift: "Required uplift on the previous year",
  uplifted: "Previous year's minimum with the uplift (£)",
} as const;

/**
 * The uplift block from row `firstRow` (1-based): last year's minimum and the required uplift, both
 * typed, and last year's minimum uplifted, which this year's minimum must reach.
 */
export function socialCareUpliftRows(year: string, firstRow: number): PlanCell[][] {
  const prev = `B${firstRow}`;
  const uplift = `B${firstRow + 1}`;
  return [
    [SOCIAL_CARE_UPLIFT_LABELS.previous, ""],
    [SOCIAL_CARE_UPLIFT_LABELS.uplift, PUBLISHED_SOCIAL_CARE_UPLIFTS[year] ?? ""],
    [
      SOCIAL_CARE_UPLIFT_LABELS.uplifted,
      `=IF(OR(${prev}="",${uplift}=""),"",ROUND(${prev}*(1+${uplift}),2))`,
    ],
  ];
}

/** How the expenditure table names the NHS minimum contribution as a line's source of funding. */
export const NHS_MINIMUM_SOURCE = "NHS minimum contribution";

/**
 * The two requirements of the minimum-spend table from row `firstRow` (1-based). Planned spend counts
 * only lines funded from the NHS minimum contribution: adult social care is every such line whose area
 * of spend is Social Care; out-of-hospital is what the NHS commissions (the whole line for the CCG/ICB or
 * NHS England, the NHS share of a joint line) in any area but Acute. The minimum is the officer's to type.
 */
export function minimumSpendRows(table: string, firstRow: number): PlanCell[][] {
  const col = (c: string) => `${table}[${c}]`;
  const fromMinimum = `${col("Source of Funding")},"${NHS_MINIMUM_SOURCE}"`;
  const notAcute = `${col("Area of Spend")},"<>Acute"`;
  const commissionedBy = (who: string, amount: string) =>
    `SUMIFS(${col(amount)},${fromMinimum},${col("Commissioner")},"${who}",${notAcute})`;
  const outOfHospital =
    `=${commissionedBy("CCG/ICB", "Total (£)")}+${commissionedBy("NHS England", "Total (£)")}` +
    `+${commissionedBy("Joint", "NHS (£)")}`;
  const socialCare = `=SUMIFS(${col("Total (£)")},${fromMinimum},${col("Area of Spend")},"Social Care")`;
  const underSpend = (row: number) => `=IF(B${row}="","",MAX(0,B${row}-C${row}))`;
  return [
    [MINIMUM_SPEND_REQUIREMENTS.outOfHospital, "", outOfHospital, underSpend(firstRow)],
    [MINIMUM_SPEND_REQUIREMENTS.socialCare, "", socialCare, underSpend(firstRow + 1)],
  ];
}

/**
 * The Metrics sheet of a plan for `year`: the table of that year's metrics and, when the falls metric
 * is one of them, its six ESP2013 age bands one column clear of the table.
 */
export function metricsSheet(name: string, tableName: string, year: string): SheetLayout {
  const yearMetrics = metricsForYear(year);
  const width = METRIC_COLUMNS.length;
  const bands: BandBlock | undefined = yearMetrics.some((m) => m.form === "dsr-65-plus")
    ? { col: width + 1, row: 0 }
    : undefined;
  const rows: PlanCell[][] = [
    [...METRIC_COLUMNS],
    ...yearMetrics.map((m) => planMetricRow(m, year, bands)),
  ];
  const formats: string[][] = [
    METRIC_COLUMNS.map(() => GENERAL_FORMAT),
    ...yearMetrics.map(planMetricFormats),
  ];
  const block = bands ? bandBlockCells() : [];
  if (bands) {
    for (let r = 0; r < block.length; r++) {
      rows[r] ??= [];
      formats[r] ??= [];
      while (rows[r].length < bands.col) rows[r].push("");
      while (formats[r].length < bands.col) formats[r].push(GENERAL_FORMAT);
      rows[r].push(...block[r]);
      formats[r].push(...block[r].map((_, c) => (r >= 2 && c > 0 ? COUNT_FORMAT : GENERAL_FORMAT)));
    }
  }
  const layout = sheetLayout("metrics", name, rows, (r, c) => formats[r]?.[c] ?? GENERAL_FORMAT, {
    table: {
      name: tableName,
      address: blockAddress(yearMetrics.length + 1, width),
      showTotals: false,
    },
  });
  if (bands) {
    layout.bold.push(
      blockAddress(1, 1, bands.row, bands.col),
      blockAddress(1, block[1].length, bands.row + 1, bands.col)
    );
  }
  return layout;
}

/** What every sheet of one plan shares: the sheet and table names and the year's funding sources. */
interface PlanFrame {
  names: Record<PlanSheetKey, string>;
  tables: Record<PlanTableKey, string>;
  year: string;
  sources: string[];
  /** 1-based row of the last funding source on Income and Summary (row 1 is the header). */
  lastSourceRow: number;
}

function coverSheet(name: string, options: PlanOptions): SheetLayout {
  const cover = sheetLayout(
    "cover",
    name,
    [
      ["BCF plan", ""],
      ["Area", asText(options.area)],
      ["Health and Wellbeing Board", asText(options.healthAndWellbeingBoard)],
      ["Financial year", options.year],
      ...COVER_CONTACT_LABELS.map((label) => [label, ""]),
    ],
    () => GENERAL_FORMAT,
    { bold: ["A1"] }
  );
  // The year is text ("2024-25"); a year typed as digits only must not turn into a number. So is a
  // telephone number (its leading 0); the sign-off date shows as a date.
  cover.numberFormats[3][1] = "@";
  cover.numberFormats[6][1] = "@";
  cover.numberFormats[8][1] = "dd/mm/yyyy";
  return cover;
}

function incomeSheet({ names, sources, lastSourceRow }: PlanFrame): SheetLayout {
  return sheetLayout(
    "income",
    names.income,
    [
      [...INCOME_COLUMNS],
      ...sources.map((s) => [s, "", ""]),
      ["Total", `=SUM(B2:B${lastSourceRow})`, `=SUM(C2:C${lastSourceRow})`],
    ],
    (r, c) => (r > 0 && c > 0 ? GBP_FORMAT : GENERAL_FORMAT),
    { bold: ["A1:C1", `A${lastSourceRow + 1}:C${lastSourceRow + 1}`] }
  );
}

function expenditureSheet({ names, tables, sources }: PlanFrame): SheetLayout {
  const blank: PlanCell[] = EXPENDITURE_COLUMNS.map((c) =>
    c === "% NHS"
      ? EXPENDITURE_FORMULAS.percentNhs
      : c === "% LA"
        ? EXPENDITURE_FORMULAS.percentLa
        : c === "Total (£)"
          ? EXPENDITURE_FORMULAS.total
          : ""
  );
  return sheetLayout(
    "expenditure",
    names.expenditure,
    [[...EXPENDITURE_COLUMNS], blank],
    (r, c) => (r === 0 ? GENERAL_FORMAT : EXPENDITURE_FORMATS[c]),
    {
      table: {
        name: tables.expenditure,
        address: blockAddress(2, EXPENDITURE_COLUMNS.length),
        showTotals: true,
        totals: [...EXPENDITURE_TOTALS],
      },
      validations: VALIDATION_LISTS.map((l) => {
        const col = EXPENDITURE_COLUMNS.indexOf(l.column);
        return {
          address: a1(1, col),
          // The year's sources, typed in: the lists sheet may be shared with a plan for another year.
          source:
            l.column === "Source of Funding"
              ? sources.join(",")
              : validationSource(l.column, names.lists),
        };
      }),
    }
  );
}

function targetsSheet({ names, tables }: PlanFrame): SheetLayout {
  return sheetLayout(
    "targets",
    names.targets,
    [[...TARGET_COLUMNS], TARGET_COLUMNS.map(() => "")],
    (r, c) => (r === 0 ? GENERAL_FORMAT : TARGET_FORMATS[c]),
    {
      table: {
        name: tables.targets,
        address: blockAddress(2, TARGET_COLUMNS.length),
        showTotals: false,
      },
      // Measure with the baseline and target columns only (not the uplift % or the plan's wording): Excel
      // grows the chart with the table. Placed a column clear of the table's last column.
      chart: {
        name: "Baseline against target",
        type: "ColumnClustered",
        sourceAddress: "B1:F2",
        seriesBy: "Columns",
        title: "Baseline against target",
        topLeft: "J2",
        bottomRight: "Q18",
      },
    }
  );
}

/**
 * Income against planned spend per source, then the national conditions' minimum spend and the social
 * care uplift below it.
 */
function summarySheet({ names, tables, year, sources, lastSourceRow }: PlanFrame): SheetLayout {
  const incomeAmounts = `${sheetRef(names.income)}!$B$2:$B$${lastSourceRow}`;
  const incomeSources = `${sheetRef(names.income)}!$A$2:$A$${lastSourceRow}`;
  const rows: PlanCell[][] = [
    ["Funding source", "Income (£)", "Planned spend (£)", "Balance (£)"],
    ...sources.map((source, i) => {
      const row = i + 2;
      return [
        source,
        `=SUMIFS(${incomeAmounts},${incomeSources},A${row})`,
        `=SUMIFS(${tables.expenditure}[Total (£)],${tables.expenditure}[Source of Funding],A${row})`,
        `=B${row}-C${row}`,
      ];
    }),
    ["Total", ...["B", "C", "D"].map((col) => `=SUM(${col}2:${col}${lastSourceRow})`)],
    [],
    ["National conditions"],
    [...MINIMUM_SPEND_COLUMNS],
    ...minimumSpendRows(tables.expenditure, lastSourceRow + 5),
    [],
    ...socialCareUpliftRows(year, lastSourceRow + 8),
  ];
  const conditionsRow = lastSourceRow + 3; // 1-based row of the "National conditions" heading
  const upliftRow = lastSourceRow + 9; // 1-based row of the required uplift
  const summary = sheetLayout(
    "summary",
    names.summary,
    rows,
    (r, c) =>
      c > 0 && ((r > 0 && r <= sources.length + 1) || r >= conditionsRow)
        ? GBP_FORMAT
        : GENERAL_FORMAT,
    {
      bold: [
        "A1:D1",
        `A${lastSourceRow + 1}:D${lastSourceRow + 1}`,
        `A${conditionsRow}`,
        `A${conditionsRow + 1}:D${conditionsRow + 1}`,
      ],
    }
  );
  summary.numberFormats[upliftRow - 1][1] = PERCENT_FORMAT;
  return summary;
}

function listsSheet(name: string): SheetLayout {
  return sheetLayout("lists", name, listsSheetCells(), () => GENERAL_FORMAT, {
    bold: ["A1:E1"],
    hidden: true,
  });
}

export function planSkeleton(options: SkeletonOptions): PlanLayout {
  const sources = planFundingSources(options.year);
  const frame: PlanFrame = {
    names: { ...PLAN_SHEETS, ...options.sheetNames },
    tables: {
      expenditure: options.tableNames?.expenditure ?? EXPENDITURE_TABLE,
      targets: options.tableNames?.targets ?? TARGETS_TABLE,
      metrics: options.tableNames?.metrics ?? METRICS_TABLE,
    },
    year: options.year,
    sources,
    lastSourceRow: sources.length + 1,
  };
  return {
    sheets: [
      coverSheet(frame.names.cover, options),
      incomeSheet(frame),
      expenditureSheet(frame),
      targetsSheet(frame),
      metricsSheet(frame.names.metrics, frame.tables.metrics, frame.year),
      summarySheet(frame),
      listsSheet(frame.names.lists),
    ],
  };
}
