/**
 * The checks on the plan workbook exactly as the add-in builds it: "New BCF plan" and "Insert
 * templates" run against the in-memory workbook (which evaluates SUMIFS, SUBTOTAL, structured
 * references and =BCF.*), read back with the pane's reader, then checked. A filled-in plan must get
 * no error and no warning; one wrong figure must be caught where it is.
 */
import { countBySeverity, runChecks } from "../../../src/core/checks";
import { convertPeriod } from "../../../src/core/statistics/period";
import { proportion, proportionConfidenceInterval } from "../../../src/core/statistics/proportion";
import { crudeRate } from "../../../src/core/statistics/rate";
import { rateConfidenceInterval } from "../../../src/core/statistics/rateInterval";
import { uplift } from "../../../src/core/statistics/targets";
import type { SchemeTemplate } from "../../../src/core/templates/types";
import { FUNDING_SOURCES } from "../../../src/core/vocabulary";
import { buildPlanSkeleton, insertTemplates, readWorkbookSnapshot } from "../../../src/excel";
import { createMemoryWorkbook } from "../../../src/memory-excel";

const BCF_FUNCTIONS = {
  "BCF.RATE": crudeRate,
  "BCF.RATE.CI": rateConfidenceInterval,
  "BCF.PROPORTION": proportion,
  "BCF.PROPORTION.CI": proportionConfidenceInterval,
  "BCF.PERIOD": convertPeriod,
  "BCF.UPLIFT": uplift,
} as Record<string, (...args: never[]) => unknown>;

function template(
  t: Partial<SchemeTemplate> & Pick<SchemeTemplate, "id" | "name" | "costs">
): SchemeTemplate {
  return {
    source: { area: "Test", plan: "Test plan", year: "2024-25" },
    description: "",
    schemeType: "Other",
    areaOfSpend: "Community Health",
    outcomes: [],
    metrics: [],
    risks: [],
    targets: [],
    ...t,
  };
}

// Seed 001's two schemes (NHS and council posts) and seed 004's intermediate care targets.
const TEMPLATES: SchemeTemplate[] = [
  template({
    id: "icr",
    name: "Integrated Crisis Response",
    schemeType: "Urgent Community Response",
    commissioner: "Joint",
    percentNhs: 52,
    costs: [
      {
        description: "CCG and RCC posts",
        fundingSource: "NHS minimum contribution",
        nhs: 125000,
        council: 115000,
        total: 240000,
      },
    ],
  }),
  template({
    id: "htr",
    name: "Hospital Transfer & Reablement",
    areaOfSpend: "Social Care",
    commissioner: "Joint",
    costs: [
      {
        description: "CCG and RCC posts",
        fundingSource: "NHS minimum contribution",
        nhs: 135000,
        council: 561000,
        total: 696000,
      },
    ],
  }),
  template({
    id: "intermediate-care",
    name: "Intermediate care (70 beds)",
    areaOfSpend: "Social Care",
    commissioner: "Local Authority",
    costs: [
      { description: "Beds", fundingSource: "iBCF", council: 400000, total: 400000 },
      { description: "Adaptations", fundingSource: "DFG", total: 125000.5 },
    ],
    targets: [
      {
        measure: "Admissions to intermediate care",
        baselinePerMonth: 50,
        baselinePerYear: 600,
        targetPerMonth: 60,
        targetPerYear: 720,
        // Seed 004's wording, written to the "As stated in the plan" column: it reconciles, so no finding.
        statedFigures: [
          { kind: "baseline", value: 50, per: "month", wording: "50 admissions per month" },
          { kind: "baseline", value: 600, per: "year", wording: "600 admissions per annum" },
          { kind: "target", value: 60, per: "month", wording: "60 admissions a month" },
          { kind: "target", value: 720, per: "year", wording: "720 admissions per annum" },
        ],
      },
      { measure: "Urgent care at home cases", baselinePerMonth: 65, targetPerYear: 960 },
    ],
  }),
];

/** Planned spend per funding source, as the templates state it. */
function spendBySource(): Map<string, number> {
  const m = new Map<string, number>(FUNDING_SOURCES.map((s) => [s, 0]));
  for (const t of TEMPLATES)
    for (const c of t.costs) m.set(c.fundingSource, (m.get(c.fundingSource) ?? 0) + c.total);
  return m;
}

async function builtPlan(
  options: {
    minimum?: number;
    edit?: (context: Excel.RequestContext) => void;
    templates?: SchemeTemplate[];
  } = {}
) {
  const { context } = createMemoryWorkbook({ customFunctions: BCF_FUNCTIONS });
  await buildPlanSkeleton(context, {
    area: "Rutland",
    healthAndWellbeingBoard: "Rutland Health and Wellbeing Board",
    year: "2024-25",
  });
  await insertTemplates(context, options.templates ?? TEMPLATES);
  const income = spendBySource();
  context.workbook.worksheets
    .getItem("Income")
    .getRange(`B2:B${FUNDING_SOURCES.length + 1}`).values = FUNDING_SOURCES.map((s) => [
    income.get(s) ?? 0,
  ]);
  // The minimum NHS contribution to adult social care: below HTR's £696,000, the one social-care line
  // funded from the NHS minimum (intermediate care is social care too, but iBCF and DFG).
  const summary = context.workbook.worksheets.getItem("Summary");
  const used = summary.getUsedRange();
  used.load("values");
  await context.sync();
  const minRow = (used.values as unknown[][]).findIndex((row) =>
    String(row[0]).startsWith("Adult social care services spend")
  );
  expect(minRow).toBeGreaterThan(0);
  summary.getRange(`B${minRow + 1}`).values = [[options.minimum ?? 690000]];
  options.edit?.(context);
  await context.sync();
  return readWorkbookSnapshot(context);
}

test("a filled-in plan built by the add-in gets no error and no warning", async () => {
  const findings = runChecks(await builtPlan());
  const counts = countBySeverity(findings);
  expect(findings.filter((f) => f.severity !== "info")).toEqual([]);
  expect(counts.info).toBeGreaterThan(0); // the =BCF.* notes
  // The =BCF.* notes, and what the new plan leaves to fill in (the Cover's contact and sign-off, providers).
  expect(findings.every((f) => f.rule === "hygiene" || f.rule === "completeness")).toBe(true);
});

test("iBCF income a penny short is caught on the Summary, for iBCF and in total", async () => {
  const findings = runChecks(
    await builtPlan({
      edit: (context) => {
        const row = FUNDING_SOURCES.indexOf("iBCF") + 2;
        context.workbook.worksheets.getItem("Income").getRange(`B${row}`).values = [[399999.99]];
      },
    })
  );
  const errors = findings.filter((f) => f.severity === "error");
  expect(errors.map((f) => [f.rule, f.sheet, f.cell, f.actual])).toEqual([
    ["funding-balance", "Summary", `D${FUNDING_SOURCES.indexOf("iBCF") + 2}`, -0.01],
    ["funding-balance", "Summary", `D${FUNDING_SOURCES.length + 2}`, -0.01],
  ]);
});

test("a minimum NHS contribution to social care a penny above social-care spend from the NHS minimum is caught", async () => {
  // Social care from the NHS minimum: HTR's whole £696,000 (ICR is community health; intermediate care,
  // social care, is funded from iBCF and DFG and does not count).
  expect(
    runChecks(await builtPlan({ minimum: 696000 })).filter((f) => f.severity === "error")
  ).toEqual([]);
  const errors = runChecks(await builtPlan({ minimum: 696000.01 })).filter(
    (f) => f.severity === "error"
  );
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatchObject({
    rule: "national-conditions",
    sheet: "Summary",
    cell: `C${FUNDING_SOURCES.length + 7}`,
    expected: 696000.01,
    actual: 696000,
  });
});

test("a typed annual target that does not match its monthly figure is caught on Targets", async () => {
  const snapshot = await builtPlan();
  const targets = snapshot.sheets.find((s) => s.name === "Targets")!;
  const header = targets.values[0].map(String);
  const perYear = header.indexOf("Baseline per year");
  const row = targets.values.findIndex((r) => r[1] === "Admissions to intermediate care");
  expect(targets.values[row][perYear]).toBe(600);
  targets.values[row][perYear] = 601;
  targets.formulas[row][perYear] = 601;
  const errors = runChecks(snapshot).filter((f) => f.severity === "error");
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatchObject({
    rule: "periods",
    sheet: "Targets",
    expected: 600,
    actual: 601,
  });
});

test("a weekly figure the plan states beside an annual one that does not follow from it is caught in the plan's wording", async () => {
  // Seed 004, Wiltshire rehab support workers: "21 discharges a week … 1091 discharges per annum". The week
  // has no column: the slip reaches the checks through "As stated in the plan".
  const rehab = template({
    id: "rehab",
    name: "Rehab support workers",
    costs: [],
    targets: [
      {
        measure: "Discharges supported by rehab support workers",
        targetPerWeek: 21,
        targetPerYear: 1091,
        statedFigures: [
          { kind: "target", value: 21, per: "week", wording: "21 discharges a week" },
          { kind: "target", value: 1091, per: "year", wording: "1091 discharges per annum" },
        ],
      },
    ],
  });
  const snapshot = await builtPlan({ templates: [...TEMPLATES, rehab] });
  const targets = snapshot.sheets.find((s) => s.name === "Targets")!;
  const header = targets.values[0].map(String);
  const row = targets.values.findIndex(
    (r) => r[1] === "Discharges supported by rehab support workers"
  );
  const column = header.indexOf("As stated in the plan");
  expect(column).toBe(header.length - 1);
  expect(targets.values[row][column]).toBe("21 discharges a week  1091 discharges per annum");
  const errors = runChecks(snapshot).filter((f) => f.severity !== "info");
  expect(errors).toHaveLength(1);
  // 21 × 52 = 1,092 a year (21 × 365/7 = 1,095).
  expect(errors[0]).toMatchObject({
    rule: "periods",
    severity: "error",
    sheet: "Targets",
    cell: `${String.fromCharCode(65 + column)}${row + 1}`,
    expected: 21 * 52,
    actual: 1091,
  });
  expect(errors[0].message).toContain("1,095 on 365/7 weeks");
});
