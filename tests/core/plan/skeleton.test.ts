import {
  EXPENDITURE_COLUMNS,
  HEADED_SHEETS,
  METRIC_COLUMNS,
  PLAN_SHEET_HEADINGS,
  planSkeleton,
  TARGET_COLUMNS,
  validationSource,
} from "../../../src/core/plan";
import {
  AREAS_OF_SPEND,
  COMMISSIONERS,
  FUNDING_SOURCES,
  SCHEME_TYPES,
} from "../../../src/core/vocabulary";

const options = {
  area: "Rutland",
  healthAndWellbeingBoard: "Rutland Health and Wellbeing Board",
  year: "2024-25",
};
// 2024-25: the Discharge Fund's two parts instead of one "Discharge fund"; no Winter Pressures grant.
const SOURCES_2024 = [
  "NHS minimum contribution",
  "iBCF",
  "DFG",
  "Local Authority Discharge Fund",
  "ICB Discharge Fund",
  "Additional LA contribution",
  "Additional NHS contribution",
];
const sheet = (layout: ReturnType<typeof planSkeleton>, key: string) =>
  layout.sheets.find((s) => s.key === key)!;

describe("planSkeleton", () => {
  const layout = planSkeleton(options);

  it("lays out the six sheets of the contract, in order, plus a hidden lists sheet", () => {
    expect(layout.sheets.map((s) => s.name)).toEqual([
      "Cover",
      "Income",
      "Expenditure",
      "Targets",
      "Metrics",
      "Summary",
      "BCF Lists",
    ]);
    expect(layout.sheets.filter((s) => s.hidden).map((s) => s.name)).toEqual(["BCF Lists"]);
    for (const s of layout.sheets) {
      const width = s.formulas[0].length;
      expect(s.formulas.every((r) => r.length === width)).toBe(true);
      expect(s.numberFormats.map((r) => r.length)).toEqual(s.formulas.map(() => width));
    }
  });

  it("Cover: the title, area, Health and Wellbeing Board, financial year, contact and sign-off", () => {
    const cover = sheet(layout, "cover");
    expect(cover.formulas).toEqual([
      ["BCF plan", ""],
      ["Area", "Rutland"],
      ["Health and Wellbeing Board", "Rutland Health and Wellbeing Board"],
      ["Financial year", "2024-25"],
      ["Completed by", ""],
      ["Email", ""],
      ["Contact number", ""],
      ["Signed off by (for the Health and Wellbeing Board)", ""],
      ["Date of sign-off", ""],
    ]);
    expect(cover.address).toBe("A1:B9");
    // The year and a telephone number stay text; the sign-off date shows as a date.
    expect([
      cover.numberFormats[3][1],
      cover.numberFormats[6][1],
      cover.numberFormats[8][1],
    ]).toEqual(["@", "@", "dd/mm/yyyy"]);
  });

  it("Income: per funding source, planned income and the published allocation, each with a SUM total", () => {
    const income = sheet(layout, "income");
    expect(income.formulas[0]).toEqual([
      "Funding source",
      "Planned income (£)",
      "Published allocation (£)",
    ]);
    expect(income.formulas.slice(1, -1).map((r) => r[0])).toEqual(SOURCES_2024);
    expect(income.formulas[income.formulas.length - 1]).toEqual([
      "Total",
      `=SUM(B2:B${FUNDING_SOURCES.length + 1})`,
      `=SUM(C2:C${FUNDING_SOURCES.length + 1})`,
    ]);
    expect(
      income.numberFormats.slice(1).every((r) => r[1] === "£#,##0.00" && r[2] === "£#,##0.00")
    ).toBe(true);
  });

  it("funding sources follow the year: 2025-26 has the Better Care Grant and no iBCF or Discharge Fund", () => {
    const names = (year: string) =>
      sheet(planSkeleton({ ...options, year }), "income")
        .formulas.slice(1, -1)
        .map((r) => r[0]);
    expect(names("2025-26")).toEqual([
      "NHS minimum contribution",
      "Local Authority Better Care Grant",
      "DFG",
      "Additional LA contribution",
      "Additional NHS contribution",
    ]);
    expect(names("2023-24")).toEqual(SOURCES_2024);
    expect(names("2019-20")).toContain("Winter Pressures grant");
    const summary = sheet(planSkeleton({ ...options, year: "2025-26" }), "summary");
    expect(summary.formulas.slice(1, 6).map((r) => r[0])).toEqual(names("2025-26"));
    expect(summary.formulas[6][0]).toBe("Total");
    const exp = sheet(planSkeleton({ ...options, year: "2025-26" }), "expenditure");
    expect(exp.validations.find((v) => v.address === "H2")?.source).toBe(
      names("2025-26").join(",")
    );
  });

  it("Summary: last year's minimum for adult social care and the uplift are input cells, 3.9% filled in for 2025-26 only", () => {
    const rows = (year: string) =>
      sheet(planSkeleton({ ...options, year }), "summary").formulas.slice(-3);
    const n = 5 + 1; // 2025-26 has five sources
    expect(rows("2025-26")).toEqual([
      ["Previous year's minimum NHS contribution to adult social care (£)", "", "", ""],
      ["Required uplift on the previous year", 0.039, "", ""],
      [
        "Previous year's minimum with the uplift (£)",
        `=IF(OR(B${n + 8}="",B${n + 9}=""),"",ROUND(B${n + 8}*(1+B${n + 9}),2))`,
        "",
        "",
      ],
    ]);
    expect(rows("2024-25")[1]).toEqual(["Required uplift on the previous year", "", "", ""]);
  });

  it("Expenditure: the BCF_Expenditure table with its columns, totals row and drop-downs", () => {
    const exp = sheet(layout, "expenditure");
    expect(exp.formulas[0]).toEqual([...EXPENDITURE_COLUMNS]);
    expect(exp.table).toEqual({
      name: "BCF_Expenditure",
      address: "A1:M2",
      showTotals: true,
      totals: [
        "Total",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "=SUBTOTAL(109,[NHS (£)])",
        "=SUBTOTAL(109,[Council (£)])",
        "=SUBTOTAL(109,[Total (£)])",
      ],
    });
    expect(exp.formulas[1][12]).toBe("=[@[NHS (£)]]+[@[Council (£)]]");
    expect(exp.validations).toEqual([
      { address: "C2", source: "='BCF Lists'!$A$2:$A$20" },
      { address: "E2", source: AREAS_OF_SPEND.join(",") },
      { address: "F2", source: COMMISSIONERS.join(",") },
      { address: "H2", source: SOURCES_2024.join(",") },
    ]);
  });

  it("the lists sheet holds the scheme types where the validation points", () => {
    const lists = sheet(layout, "lists");
    expect(lists.formulas.slice(1, SCHEME_TYPES.length + 1).map((r) => r[0])).toEqual([
      ...SCHEME_TYPES,
    ]);
    expect(lists.formulas[SCHEME_TYPES.length + 1]?.[0] ?? "").toBe("");
    // Typed-in lists stay within Excel's 255-character limit; the long one goes through the sheet.
    for (const column of ["Area of Spend", "Commissioner", "Source of Funding"] as const) {
      expect(validationSource(column).length).toBeLessThanOrEqual(255);
    }
  });

  it("Targets: the BCF_Targets table and a clustered column chart of baseline against target", () => {
    const targets = sheet(layout, "targets");
    expect(targets.formulas[0]).toEqual([...TARGET_COLUMNS]);
    expect(targets.table?.name).toBe("BCF_Targets");
    expect(targets.chart).toMatchObject({
      type: "ColumnClustered",
      sourceAddress: "B1:F2",
      seriesBy: "Columns",
      topLeft: "J2",
    });
    // The chart spans Measure to Target per year; the table's last column is the plan's own wording.
    expect(TARGET_COLUMNS.slice(1, 6)).toEqual([
      "Measure",
      "Baseline per month",
      "Baseline per year",
      "Target per month",
      "Target per year",
    ]);
    expect(TARGET_COLUMNS[TARGET_COLUMNS.length - 1]).toBe("As stated in the plan");
    expect(targets.table?.address).toBe("A1:H2");
  });

  it("Metrics: the plan year's metrics, BCF.RATE for rates and BCF.PROPORTION for proportions, with their CI columns", () => {
    const metrics = sheet(layout, "metrics");
    expect(metrics.formulas[0].slice(0, METRIC_COLUMNS.length)).toEqual([...METRIC_COLUMNS]);
    expect(metrics.table?.name).toBe("BCF_Metrics");
    // 2024-25: the four 2023-25 metrics, and no retired ones.
    expect(metrics.formulas.slice(1, 5).map((r) => r[0])).toEqual([
      "Permanent admissions to residential and nursing care",
      "Avoidable admissions",
      "Discharge to usual place of residence",
      "Emergency admissions due to falls",
    ]);
    expect(metrics.table?.address).toBe("A1:I5");
    const admissions = metrics.formulas[1];
    expect(admissions[3]).toBe(100000);
    expect(admissions[4]).toBe(
      '=IF([@[Numerator]]="","",IF([@[Denominator]]="","",BCF.RATE([@[Numerator]],[@[Denominator]],[@[Per]])))'
    );
    expect(admissions[5]).toContain(
      "INDEX(BCF.RATE.CI([@[Numerator]],[@[Denominator]],0.95,[@[Per]]),1,1)"
    );
    expect(admissions[6]).toContain(
      "INDEX(BCF.RATE.CI([@[Numerator]],[@[Denominator]],0.95,[@[Per]]),1,2)"
    );
    const discharge = metrics.formulas.findIndex(
      (r) => r[0] === "Discharge to usual place of residence"
    );
    expect(metrics.formulas[discharge][4]).toContain(
      "BCF.PROPORTION([@[Numerator]],[@[Denominator]],[@[Per]])"
    );
    expect(metrics.formulas[discharge][3]).toBe(1);
    expect(metrics.numberFormats[discharge][4]).toBe("0.0%");
  });

  it("Summary: income by lookup, planned spend by SUMIFS on the table, balance, total and national conditions", () => {
    const summary = sheet(layout, "summary");
    const n = FUNDING_SOURCES.length + 1;
    expect(summary.formulas[0]).toEqual([
      "Funding source",
      "Income (£)",
      "Planned spend (£)",
      "Balance (£)",
    ]);
    expect(summary.formulas[1]).toEqual([
      FUNDING_SOURCES[0],
      `=SUMIFS(Income!$B$2:$B$${n},Income!$A$2:$A$${n},A2)`,
      "=SUMIFS(BCF_Expenditure[Total (£)],BCF_Expenditure[Source of Funding],A2)",
      "=B2-C2",
    ]);
    expect(summary.formulas[n]).toEqual([
      "Total",
      `=SUM(B2:B${n})`,
      `=SUM(C2:C${n})`,
      `=SUM(D2:D${n})`,
    ]);
    expect(summary.formulas[n + 2][0]).toBe("National conditions");
    // The national template's minimum-spend table, planned spend counting only lines funded from the
    // NHS minimum contribution.
    expect(summary.formulas[n + 3]).toEqual([
      "Requirement",
      "Minimum Required Spend",
      "Planned Spend",
      "Under Spend",
    ]);
    const fromMinimum = 'BCF_Expenditure[Source of Funding],"NHS minimum contribution"';
    const ooh = (who: string, amount: string) =>
      `SUMIFS(BCF_Expenditure[${amount}],${fromMinimum},BCF_Expenditure[Commissioner],"${who}",BCF_Expenditure[Area of Spend],"<>Acute")`;
    expect(summary.formulas[n + 4]).toEqual([
      "NHS commissioned out of hospital spend from the minimum ICB allocation",
      "",
      `=${ooh("CCG/ICB", "Total (£)")}+${ooh("NHS England", "Total (£)")}+${ooh("Joint", "NHS (£)")}`,
      `=IF(B${n + 5}="","",MAX(0,B${n + 5}-C${n + 5}))`,
    ]);
    expect(summary.formulas[n + 5]).toEqual([
      "Adult social care services spend from the minimum ICB allocations",
      "",
      `=SUMIFS(BCF_Expenditure[Total (£)],${fromMinimum},BCF_Expenditure[Area of Spend],"Social Care")`,
      `=IF(B${n + 6}="","",MAX(0,B${n + 6}-C${n + 6}))`,
    ]);
    expect(summary.numberFormats[n + 5][1]).toBe("£#,##0.00");
    expect(summary.numberFormats[n + 1][1]).toBe("General");
  });

  it("refers to the sheet and table names it is given, quoted where Excel needs it", () => {
    const renamed = planSkeleton({
      ...options,
      sheetNames: { income: "Income (2)", lists: "BCF Lists (2)" },
      tableNames: { expenditure: "BCF_Expenditure_2" },
    });
    const summary = sheet(renamed, "summary");
    expect(summary.formulas[1][1]).toBe(
      "=SUMIFS('Income (2)'!$B$2:$B$8,'Income (2)'!$A$2:$A$8,A2)"
    );
    expect(summary.formulas[1][2]).toBe(
      "=SUMIFS(BCF_Expenditure_2[Total (£)],BCF_Expenditure_2[Source of Funding],A2)"
    );
    expect(sheet(renamed, "expenditure").table?.name).toBe("BCF_Expenditure_2");
    expect(sheet(renamed, "expenditure").validations[0].source).toBe("='BCF Lists (2)'!$A$2:$A$20");
  });

  it("writes on Cover, Income and Summary the first rows a workbook's plan is recognised by, whatever the year", () => {
    for (const year of ["2017-19", "2024-25", "2025-26"]) {
      const written = planSkeleton({ ...options, year });
      for (const key of HEADED_SHEETS) {
        const firstRow = sheet(written, key).formulas[0].filter((cell) => cell !== "");
        expect(firstRow).toEqual(PLAN_SHEET_HEADINGS[key]);
      }
    }
  });
});
