/**
 * Snapshots for the checks tests: the plan workbook the add-in builds (the layout in src/core/plan/layout.ts),
 * filled with consistent figures, with values as Excel would show them after calculation.
 */
import { EXPENDITURE_COLUMNS } from "../../../src/core/plan/layout";
import { AREAS_OF_SPEND, FUNDING_SOURCES } from "../../../src/core/vocabulary";
import {
  CellValue,
  SheetSnapshot,
  WorkbookSnapshot,
  sheetFromRows,
} from "../../../src/core/workbook";

type Entry = CellValue | null | { formula: string; value: CellValue; format?: string };

export const GBP = "£#,##0.00";
export const PCT = "0%";

export function f(formula: string, value: CellValue, format?: string): Entry {
  return { formula, value, format };
}

/** A typed number with a number format (Office.js gives the constant itself as its "formula"). */
export function typed(value: number, format: string): Entry {
  return { formula: value as unknown as string, value, format };
}

export interface ExpenditureLine {
  id: string;
  name: string;
  type: string;
  subType: string;
  area: string;
  commissioner: string;
  provider: string;
  source: string;
  nhs: number;
  council: number;
}

/** Deterministic pseudo-random lines (a small LCG, so the fixture is the same on every run). */
export function expenditureLines(count: number, seed = 7): ExpenditureLine[] {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const commissioners = ["Local Authority", "CCG/ICB", "Joint"];
  const lines: ExpenditureLine[] = [];
  for (let i = 0; i < count; i++) {
    const commissioner = commissioners[Math.floor(next() * commissioners.length)];
    const nhs = commissioner === "Local Authority" ? 0 : Math.round(next() * 50000000) / 100;
    const council = commissioner === "CCG/ICB" ? 0 : Math.round(next() * 50000000) / 100;
    lines.push({
      id: `S${String(i + 1).padStart(5, "0")}`,
      name: `Scheme ${i + 1}`,
      type: "Community Based Schemes",
      subType: "Integrated neighbourhood services",
      area: AREAS_OF_SPEND[Math.floor(next() * AREAS_OF_SPEND.length)],
      commissioner,
      provider: "NHS Community Provider",
      source: FUNDING_SOURCES[Math.floor(next() * FUNDING_SOURCES.length)],
      nhs,
      council,
    });
  }
  return lines;
}

export function expenditureSheet(
  lines: ExpenditureLine[],
  totalsOverride?: { nhs?: number; total?: number }
): SheetSnapshot {
  const rows: Entry[][] = [[...EXPENDITURE_COLUMNS]];
  let nhsSum = 0;
  let councilSum = 0;
  for (const l of lines) {
    const total = l.nhs + l.council;
    nhsSum += l.nhs;
    councilSum += l.council;
    rows.push([
      l.id,
      l.name,
      l.type,
      l.subType,
      l.area,
      l.commissioner,
      l.provider,
      l.source,
      f(
        "=IF([@[Total (£)]]=0,0,[@[NHS (£)]]/[@[Total (£)]])",
        total === 0 ? 0 : l.nhs / total,
        PCT
      ),
      f(
        "=IF([@[Total (£)]]=0,0,[@[Council (£)]]/[@[Total (£)]])",
        total === 0 ? 0 : l.council / total,
        PCT
      ),
      typed(l.nhs, GBP),
      typed(l.council, GBP),
      f("=[@[NHS (£)]]+[@[Council (£)]]", total, GBP),
    ]);
  }
  rows.push([
    "Total",
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    f("=SUBTOTAL(109,[NHS (£)])", totalsOverride?.nhs ?? nhsSum, GBP),
    f("=SUBTOTAL(109,[Council (£)])", councilSum, GBP),
    f("=SUBTOTAL(109,[Total (£)])", totalsOverride?.total ?? nhsSum + councilSum, GBP),
  ]);
  return sheetFromRows("Expenditure", rows);
}

export function spendBySource(lines: ExpenditureLine[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const s of FUNDING_SOURCES) m.set(s, 0);
  for (const l of lines) m.set(l.source, (m.get(l.source) ?? 0) + l.nhs + l.council);
  return m;
}

export interface PlanOptions {
  lines?: ExpenditureLine[];
  /** Income per source; defaults to planned spend per source (balanced). */
  income?: Map<string, number>;
  minimumSocialCare?: number;
}

export function planSnapshot(options: PlanOptions = {}): WorkbookSnapshot {
  const lines = options.lines ?? expenditureLines(12);
  const spend = spendBySource(lines);
  const income = options.income ?? spend;

  const cover = sheetFromRows("Cover", [
    ["BCF plan"],
    ["Area", "Rutland"],
    ["Health and Wellbeing Board", "Rutland Health and Wellbeing Board"],
    ["Financial year", "2024-25"],
  ]);

  const incomeRows: Entry[][] = [["Funding source", "Amount (£)"]];
  let incomeTotal = 0;
  for (const s of FUNDING_SOURCES) {
    const v = income.get(s) ?? 0;
    incomeTotal += v;
    incomeRows.push([s, typed(v, GBP)]);
  }
  const n = FUNDING_SOURCES.length;
  incomeRows.push(["Total", f(`=SUM(B2:B${n + 1})`, incomeTotal, GBP)]);
  const incomeSheet = sheetFromRows("Income", incomeRows);

  const targets = sheetFromRows("Targets", [
    [
      "Scheme ID",
      "Measure",
      "Baseline per month",
      "Baseline per year",
      "Target per month",
      "Target per year",
      "Uplift",
    ],
    [
      "S00001",
      "Admissions to intermediate care",
      50,
      f('=BCF.PERIOD(C2,"month","year")', 600),
      60,
      f('=BCF.PERIOD(E2,"month","year")', 720),
      f("=BCF.UPLIFT(D2,F2)", 0.2, PCT),
    ],
    [
      "S00002",
      "Urgent care at home cases",
      65,
      f('=BCF.PERIOD(C3,"month","year")', 780),
      80,
      f('=BCF.PERIOD(E3,"month","year")', 960),
      f("=BCF.UPLIFT(D3,F3)", 960 / 780 - 1, PCT),
    ],
    [
      "S00003",
      "Step up patients",
      f('=BCF.PERIOD(D4,"year","month")', 1000 / 12),
      1000,
      12,
      f('=BCF.PERIOD(E4,"month","year")', 144),
      f("=BCF.UPLIFT(D4,F4)", 144 / 1000 - 1, PCT),
    ],
  ]);

  const metrics = sheetFromRows("Metrics", [
    ["Metric", "Numerator", "Denominator", "Per", "Value", "Lower 95% CI", "Upper 95% CI"],
    [
      "Emergency admissions due to falls",
      180,
      8540,
      100000,
      f("=BCF.RATE(B2,C2,D2)", (180 / 8540) * 100000),
      f("=INDEX(BCF.RATE.CI(B2,C2,D2),1)", 1811.2),
      f("=INDEX(BCF.RATE.CI(B2,C2,D2),2)", 2439.6),
    ],
    [
      "Still at home 91 days after reablement",
      70,
      85,
      100,
      f("=BCF.PROPORTION(B3,C3,D3)", (70 / 85) * 100),
      f("=INDEX(BCF.PROPORTION.CI(B3,C3,D3),1)", 72.9),
      f("=INDEX(BCF.PROPORTION.CI(B3,C3,D3),2)", 89.0),
    ],
  ]);

  const summaryRows: Entry[][] = [
    ["Funding source", "Income (£)", "Planned spend (£)", "Balance (£)"],
  ];
  let incSum = 0;
  let spendSum = 0;
  FUNDING_SOURCES.forEach((s, i) => {
    const r = i + 2;
    const inc = income.get(s) ?? 0;
    const sp = spend.get(s) ?? 0;
    incSum += inc;
    spendSum += sp;
    summaryRows.push([
      s,
      f(`=IFERROR(INDEX(Income!B:B,MATCH(A${r},Income!A:A,0)),0)`, inc, GBP),
      f(`=SUMIFS(BCF_Expenditure[Total (£)],BCF_Expenditure[Source of Funding],A${r})`, sp, GBP),
      f(`=B${r}-C${r}`, inc - sp, GBP),
    ]);
  });
  const last = n + 1;
  summaryRows.push([
    "Total",
    f(`=SUM(B2:B${last})`, incSum, GBP),
    f(`=SUM(C2:C${last})`, spendSum, GBP),
    f(`=SUM(D2:D${last})`, incSum - spendSum, GBP),
  ]);
  // The condition counts social-care lines funded from the NHS minimum contribution, whole amounts.
  const socialCareFromMinimum = lines
    .filter((l) => l.area === "Social Care" && l.source === "NHS minimum contribution")
    .reduce((a, l) => a + l.nhs + l.council, 0);
  const minimum = options.minimumSocialCare ?? Math.floor(socialCareFromMinimum * 0.9);
  const row = summaryRows.length + 4; // 1-based: after a blank row, the heading and the table header
  summaryRows.push([]);
  summaryRows.push(["National conditions"]);
  summaryRows.push(["Requirement", "Minimum Required Spend", "Planned Spend", "Under Spend"]);
  summaryRows.push([
    "Adult social care services spend from the minimum ICB allocations",
    typed(minimum, GBP),
    f(
      '=SUMIFS(BCF_Expenditure[Total (£)],BCF_Expenditure[Source of Funding],"NHS minimum contribution",BCF_Expenditure[Area of Spend],"Social Care")',
      socialCareFromMinimum,
      GBP
    ),
    f(
      `=IF(B${row}="","",MAX(0,B${row}-C${row}))`,
      Math.max(0, minimum - socialCareFromMinimum),
      GBP
    ),
  ]);
  const summary = sheetFromRows("Summary", summaryRows);

  return { sheets: [cover, incomeSheet, expenditureSheet(lines), targets, metrics, summary] };
}
