/**
 * The sample plan the browser preview opens: sheets laid out the way a finance officer lays out a plan by
 * hand, from the seed figures (Rutland's crisis response and reablement costs, Wiltshire's commissioning
 * intentions, Rutland's population), with three slips for the checks to find:
 *   1. "Pooled budget" D6: the typed Total Funding reads £963,000; the lines add to £936,000.
 *   2. "Schemes" G3: Hospital Transfer & Reablement's total is typed £669,000; £135,000 + £561,000 = £696,000.
 *   3. "Intentions" C5: seed 004's "8 patients a month / 104 patients a year" (8 × 12 = 96).
 * Numerators of the outcome measures are illustrative; denominators are Rutland's (37,600 people, 8,540 aged 65+).
 * Two sheets for the Charts tab: 24 months of falls admissions (an SPC chart: mean 67, limits 54.39 to
 * 79.61, seven months of concern then twelve of improvement) and six areas' falls against their
 * populations aged 65+ (a funnel plot); both illustrative.
 */
import type { CellValue } from "../core/workbook";

export const GBP = "£#,##0";
export const PERCENT = "0.0%";
export const COUNT = "#,##0";
export const RATE = "#,##0.0";

/** The sample 24 months of falls admissions, April 2023 to March 2025 (illustrative). */
export const SAMPLE_FALLS = [
  72, 68, 75, 70, 66, 74, 79, 83, 77, 71, 69, 73, 64, 62, 65, 61, 60, 63, 58, 66, 59, 57, 61, 55,
];
const SAMPLE_MONTHS = Array.from({ length: 24 }, (_, i) => {
  const names = [
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
    "Jan",
    "Feb",
    "Mar",
  ];
  return `${names[i % 12]} ${2023 + Math.floor((i + 3) / 12)}`;
});

/** Falls admissions of people aged 65+ and populations aged 65+ by area (Rutland's 8,540; the rest illustrative). */
export const SAMPLE_AREAS: Array<[string, number, number]> = [
  ["Rutland", 220, 8540],
  ["Melton", 255, 12400],
  ["Harborough", 540, 21800],
  ["Charnwood", 780, 36400],
  ["North West Leicestershire", 730, 22900],
  ["Oadby and Wigston", 240, 13100],
];

export interface SampleBlock {
  /** Top-left cell of the block. */
  at: string;
  /** Entries by row: numbers, text, "=formulas"; null leaves a cell empty. */
  rows: Array<Array<CellValue | null>>;
  numberFormat?: string;
  bold?: boolean;
}

export interface SampleSheet {
  name: string;
  blocks: SampleBlock[];
  /** Column widths in points, from column A. */
  widths: number[];
}

/**
 * Where each deliberate slip is, and what the checks should say about it. The split in Schemes G3 is
 * reported once, by the totals rule (a "Total (£)" closing its parts), which runs before the splits rule.
 */
export const SAMPLE_SLIPS = [
  {
    sheet: "Pooled budget",
    cell: "D6",
    rule: "totals",
    expected: 936000,
    actual: 963000,
  },
  {
    sheet: "Schemes",
    cell: "G3",
    rule: "totals",
    expected: 696000,
    actual: 669000,
  },
  {
    sheet: "Intentions",
    cell: "C5",
    rule: "periods",
    expected: 96,
    actual: 104,
  },
] as const;

export const SAMPLE_PLAN: SampleSheet[] = [
  {
    name: "Pooled budget",
    widths: [230, 90, 90, 90],
    blocks: [
      {
        at: "A1",
        rows: [["Rutland BCF: Crisis Response, Discharge and Reablement, 2016-17"]],
        bold: true,
      },
      {
        at: "A3",
        rows: [["Scheme", "CCG (£)", "Council (£)", "Total (£)"]],
        bold: true,
      },
      {
        at: "A4",
        rows: [
          ["Integrated Crisis Response (ICR)", 125000, 115000, "=B4+C4"],
          ["Hospital Transfer & Reablement (HTR)", 135000, 561000, "=B5+C5"],
        ],
      },
      // Slip 1: the total typed from the plan with two digits swapped.
      {
        at: "A6",
        rows: [["Total Funding", "=SUM(B4:B5)", "=SUM(C4:C5)", 963000]],
        bold: true,
      },
      {
        at: "B4",
        rows: [
          [null, null, null],
          [null, null, null],
          [null, null, null],
        ],
        numberFormat: GBP,
      },
      {
        at: "A8",
        rows: [["Figures from Rutland's business case (seed 001), typed in by hand."]],
      },
    ],
  },
  {
    name: "Schemes",
    widths: [185, 160, 70, 120, 70, 70, 70],
    blocks: [
      {
        at: "A1",
        rows: [
          [
            "Scheme",
            "Scheme type",
            "Commissioner",
            "Provider",
            "NHS (£)",
            "Council (£)",
            "Total (£)",
          ],
        ],
        bold: true,
      },
      {
        at: "A2",
        rows: [
          [
            "Integrated Crisis Response (ICR)",
            "Urgent Community Response",
            "Joint",
            "NHS Community Provider",
            125000,
            115000,
            240000,
          ],
          // Slip 2: the parts add to £696,000.
          [
            "Hospital Transfer & Reablement (HTR)",
            "Home-based intermediate care services",
            "Joint",
            "Local Authority",
            135000,
            561000,
            669000,
          ],
        ],
      },
      {
        at: "E2",
        rows: [
          [null, null, null],
          [null, null, null],
        ],
        numberFormat: GBP,
      },
    ],
  },
  {
    name: "Intentions",
    widths: [300, 80, 200, 200, 80, 80],
    blocks: [
      {
        at: "A1",
        rows: [["Wiltshire Better Care Plan 2017/18: commissioning intentions"]],
        bold: true,
      },
      {
        at: "A3",
        rows: [["Description", "Provider", "Baseline", "Target 2017/18"]],
        bold: true,
      },
      {
        at: "A4",
        rows: [
          [
            "County-wide intermediate care (70 beds), step up and step down",
            "WCC/WHC",
            "50 admissions per month  600 admissions per annum",
            "60 admissions a month  720 admissions per annum",
          ],
          // Slip 3: as seed 004 states it.
          [
            "Step up intermediate care in South Wiltshire (care home based)",
            "WHC/GPs",
            "8 patients a month / 104 patients a year",
            "12 patients a month / 144 patients a year",
          ],
        ],
      },
      {
        at: "A7",
        rows: [
          [
            "Measure",
            "Baseline per month",
            "Baseline per year",
            "Target per month",
            "Target per year",
            "Uplift",
          ],
        ],
        bold: true,
      },
      {
        at: "A8",
        rows: [
          [
            "Admissions to intermediate care",
            50,
            '=BCF.PERIOD(B8,"month","year")',
            60,
            '=BCF.PERIOD(D8,"month","year")',
            "=BCF.UPLIFT(C8,E8)",
          ],
          [
            "Urgent care at home cases",
            65,
            '=BCF.PERIOD(B9,"month","year")',
            80,
            '=BCF.PERIOD(D9,"month","year")',
            "=BCF.UPLIFT(C9,E9)",
          ],
        ],
      },
      {
        at: "B8",
        rows: [
          [null, null, null, null],
          [null, null, null, null],
        ],
        numberFormat: COUNT,
      },
      { at: "F8", rows: [[null], [null]], numberFormat: PERCENT },
    ],
  },
  {
    name: "Outcomes",
    widths: [250, 65, 75, 60, 65, 75, 75],
    blocks: [
      {
        at: "A1",
        rows: [
          ["Measure", "Numerator", "Denominator", "Per", "Value", "Lower 95% CI", "Upper 95% CI"],
        ],
        bold: true,
      },
      {
        at: "A2",
        rows: [
          [
            "Emergency admissions due to falls, 65+ (Rutland, illustrative count)",
            180,
            8540,
            100000,
            "=BCF.RATE(B2,C2,D2)",
            "=INDEX(BCF.RATE.CI(B2,C2,0.95,D2),1,1)",
            "=INDEX(BCF.RATE.CI(B2,C2,0.95,D2),1,2)",
          ],
          [
            "Non-elective admissions, all ages (Rutland, illustrative count)",
            3100,
            37600,
            100000,
            "=BCF.RATE(B3,C3,D3)",
            "=INDEX(BCF.RATE.CI(B3,C3,0.95,D3),1,1)",
            "=INDEX(BCF.RATE.CI(B3,C3,0.95,D3),1,2)",
          ],
          [
            "Still at home 91 days after reablement (illustrative)",
            70,
            85,
            1,
            "=BCF.PROPORTION(B4,C4,D4)",
            "=INDEX(BCF.PROPORTION.CI(B4,C4,0.95,D4),1,1)",
            "=INDEX(BCF.PROPORTION.CI(B4,C4,0.95,D4),1,2)",
          ],
        ],
      },
      {
        at: "B2",
        rows: [
          [null, null, null],
          [null, null, null],
          [null, null, null],
        ],
        numberFormat: COUNT,
      },
      {
        at: "E2",
        rows: [
          [null, null, null],
          [null, null, null],
        ],
        numberFormat: RATE,
      },
      { at: "E4", rows: [[null, null, null]], numberFormat: PERCENT },
    ],
  },
  {
    name: "Falls by month",
    widths: [80, 150],
    blocks: [
      { at: "A1", rows: [["Month", "Falls admissions (65+)"]], bold: true },
      { at: "A2", rows: SAMPLE_MONTHS.map((m, i) => [m, SAMPLE_FALLS[i]]) },
      { at: "B2", rows: SAMPLE_FALLS.map(() => [null]), numberFormat: COUNT },
    ],
  },
  {
    name: "Area comparison",
    widths: [190, 150, 120],
    blocks: [
      { at: "A1", rows: [["Area", "Falls admissions (65+)", "Population 65+"]], bold: true },
      { at: "A2", rows: SAMPLE_AREAS.map((row) => [...row]) },
      { at: "B2", rows: SAMPLE_AREAS.map(() => [null, null]), numberFormat: COUNT },
    ],
  },
];

/**
 * Writes the sample plan into a workbook through the same Excel API subset the add-in uses, in one sync.
 * The sheets must already exist (create the memory workbook with `SAMPLE_PLAN.map((s) => s.name)`).
 * Blocks whose entries are all null only set the number format of cells written by earlier blocks.
 */
export async function loadSamplePlan(context: Excel.RequestContext): Promise<void> {
  for (const sheet of SAMPLE_PLAN) {
    const worksheet = context.workbook.worksheets.getItem(sheet.name);
    for (const block of sheet.blocks) {
      const rowCount = block.rows.length;
      const columnCount = Math.max(...block.rows.map((r) => r.length));
      const range = worksheet.getRange(block.at).getResizedRange(rowCount - 1, columnCount - 1);
      const formatOnly = block.rows.every((r) => r.every((e) => e === null));
      if (!formatOnly) {
        range.formulas = block.rows.map((r) =>
          Array.from({ length: columnCount }, (_, c) =>
            r[c] === null || r[c] === undefined ? "" : r[c]
          )
        ) as unknown as Excel.Range["formulas"];
      }
      if (block.numberFormat) {
        range.numberFormat = block.rows.map(() =>
          Array.from({ length: columnCount }, () => block.numberFormat as string)
        );
      }
      if (block.bold) range.format.font.bold = true;
    }
    sheet.widths.forEach((width, col) => {
      worksheet.getRangeByIndexes(0, col, 1, 1).format.columnWidth = width;
    });
  }
  await context.sync();
}
