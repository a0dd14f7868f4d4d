import { checkNationalConditions } from "../../../src/core/checks/nationalConditions";
import { runChecks } from "../../../src/core/checks";
import { SEED_003 } from "../../../src/core/templates/seeds/seed003";
import { FUNDING_SOURCES } from "../../../src/core/vocabulary";
import { sheetFromRows, type WorkbookSnapshot } from "../../../src/core/workbook";
import { buildPlanSkeleton, insertTemplates, readWorkbookSnapshot } from "../../../src/excel";
import { memoryWorkbook } from "../../excel/support";
import { GBP, PCT, expenditureLines, planSnapshot, typed } from "./fixtures";

const findingsOf = (snapshot: WorkbookSnapshot) => checkNationalConditions(snapshot).findings;

describe("national conditions: adult social care from the NHS minimum contribution", () => {
  // Seed 001's two schemes as social care from the NHS minimum: £240,000 + £696,000 = £936,000.
  const withRutland = () => {
    const lines = expenditureLines(12);
    const rutland = { area: "Social Care", source: "NHS minimum contribution" };
    lines[0] = { ...lines[0], ...rutland, commissioner: "Joint", nhs: 125000, council: 115000 };
    lines[1] = { ...lines[1], ...rutland, commissioner: "Joint", nhs: 135000, council: 561000 };
    return lines;
  };
  const fromMinimum = (lines = withRutland()) =>
    lines
      .filter((l) => l.area === "Social Care" && l.source === "NHS minimum contribution")
      .reduce((a, l) => a + l.nhs + l.council, 0);
  // The fixture's Summary: header, 7 sources, Total, a blank, the heading, the table header, the requirement.
  const requirementRow = FUNDING_SOURCES.length + 6;

  test("planned spend at or above the minimum is clean, and the comparison is counted", () => {
    const lines = withRutland();
    const planned = fromMinimum(lines);
    expect(planned).toBe(936000);
    const outcome = checkNationalConditions(planSnapshot({ lines, minimumSocialCare: planned }));
    expect(outcome.findings).toEqual([]);
    expect(outcome.coverage.checked).toBeGreaterThanOrEqual(1);
    expect(findingsOf(planSnapshot({ lines, minimumSocialCare: planned - 1 }))).toEqual([]);
  });

  test("planned spend a penny below the minimum is an error at the planned figure", () => {
    const lines = withRutland();
    const planned = fromMinimum(lines);
    const found = findingsOf(planSnapshot({ lines, minimumSocialCare: planned + 0.01 }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      rule: "national-conditions",
      severity: "error",
      sheet: "Summary",
      cell: `C${requirementRow}`,
      expected: Math.round((planned + 0.01) * 100) / 100,
      actual: Math.round(planned * 100) / 100,
    });
    expect(found[0].message).toContain("£0.01 below");
  });

  // Coventry (seed 003): the only NHS money is CRCCG's £750,000 of "Additional NHS contribution" for
  // discharge to assess (social care); Community Promoting Independence's £570,000 is iBCF. Social-care
  // spend from the NHS minimum is therefore £0 + £0 = £0, whatever the NHS pays for social care.
  const coventryLines = () =>
    sheetFromRows("Expenditure", [
      [
        "Scheme ID",
        "Scheme Name",
        "Area of Spend",
        "Commissioner",
        "Source of Funding",
        "Total (£)",
      ],
      [
        "S001",
        "Discharge support",
        "Social Care",
        "Local Authority",
        "Additional NHS contribution",
        typed(750000, GBP),
      ],
      [
        "S002",
        "Community Promoting Independence",
        "Social Care",
        "Local Authority",
        "iBCF",
        typed(570000, GBP),
      ],
    ]);

  test("Coventry: £750,000 of additional NHS money on social care counted as meeting the condition is £0", () => {
    // A summary on the old basis (every NHS pound on social care) states £750,000 against a £500,000 minimum.
    const summary = sheetFromRows("Summary", [
      ["Requirement", "Minimum Required Spend", "Planned Spend", "Under Spend"],
      [
        "Adult social care services spend from the minimum ICB allocations",
        typed(500000, GBP),
        typed(750000, GBP),
        typed(0, GBP),
      ],
    ]);
    const found = findingsOf({ sheets: [coventryLines(), summary] });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: "error",
      sheet: "Summary",
      cell: "C2",
      expected: 500000,
      actual: 0,
    });
    expect(found[0].message).toContain("shows £750,000");
    expect(found[0].message).toContain("add to £0");
    expect(found[0].message).toContain("S001 Discharge support £750,000");
    expect(found[0].message).toContain('"Additional NHS contribution"');
    expect(found[0].message).toContain("£500,000 below the minimum of £500,000 (Summary!B2)");
  });

  test("Coventry in the plan the add-in builds: the Summary shows £0 from the minimum, and the check says so", async () => {
    const { context } = memoryWorkbook();
    await buildPlanSkeleton(context, {
      area: "Coventry",
      healthAndWellbeingBoard: "Coventry Health and Wellbeing Board",
      year: "2017-18",
    });
    await insertTemplates(context, SEED_003);
    const summary = context.workbook.worksheets.getItem("Summary");
    const used = summary.getUsedRange().load("values");
    await context.sync();
    const rows = used.values as unknown[][];
    const social = rows.findIndex((r) => String(r[0]).startsWith("Adult social care services"));
    const outOfHospital = rows.findIndex((r) => String(r[0]).startsWith("NHS commissioned out"));
    expect(rows[social][2]).toBe(0);
    expect(rows[outOfHospital][2]).toBe(0);
    summary.getRange(`B${social + 1}`).values = [[500000]];
    await context.sync();
    const outcome = checkNationalConditions(await readWorkbookSnapshot(context));
    const errors = outcome.findings.filter((f) => f.severity === "error");
    expect(errors).toEqual([
      expect.objectContaining({
        sheet: "Summary",
        cell: `C${social + 1}`,
        expected: 500000,
        actual: 0,
      }),
    ]);
    expect(errors[0].message).toContain("Additional NHS contribution");
  });
});

describe("national conditions: NHS-commissioned out-of-hospital spend from the minimum", () => {
  // S1 CCG/ICB community health £300,000 counts whole; S2 joint at 60% NHS £100,000 counts £60,000;
  // S3 acute, S4 council-commissioned and S5 additional NHS money do not: £300,000 + £60,000 = £360,000.
  // Social care from the minimum: S2 £100,000 + S4 £200,000 = £300,000.
  const lines = sheetFromRows("Expenditure", [
    [
      "Scheme ID",
      "Scheme Name",
      "Area of Spend",
      "Commissioner",
      "% NHS",
      "% LA",
      "Source of Funding",
      "Total (£)",
    ],
    [
      "S1",
      "Community nursing",
      "Community Health",
      "CCG/ICB",
      null,
      null,
      "Minimum ICB Contribution",
      typed(300000, GBP),
    ],
    [
      "S2",
      "Reablement",
      "Social Care",
      "Joint",
      typed(0.6, PCT),
      typed(0.4, PCT),
      "Minimum ICB Contribution",
      typed(100000, GBP),
    ],
    [
      "S3",
      "Ward liaison",
      "Acute",
      "CCG/ICB",
      null,
      null,
      "Minimum ICB Contribution",
      typed(500000, GBP),
    ],
    [
      "S4",
      "Home care",
      "Social Care",
      "Local Authority",
      null,
      null,
      "Minimum ICB Contribution",
      typed(200000, GBP),
    ],
    [
      "S5",
      "Falls service",
      "Community Health",
      "CCG/ICB",
      null,
      null,
      "Additional NHS contribution",
      typed(50000, GBP),
    ],
  ]);
  const table = (outOfHospitalMinimum: number) =>
    sheetFromRows(
      "Conditions",
      [
        ["Requirement", "Minimum Required Spend", "Planned Spend", "Under Spend"],
        [
          "NHS commissioned out of hospital spend from the minimum ICB allocation",
          typed(outOfHospitalMinimum, GBP),
        ],
        ["Adult social care services spend from the minimum ICB allocations", typed(300000, GBP)],
      ],
      { rowOffset: 9, colOffset: 3 }
    );

  test("£360,000 from the lines against a £400,000 ring-fence is an error at the minimum, £40,000 short", () => {
    const outcome = checkNationalConditions({ sheets: [lines, table(400000)] });
    expect(outcome.findings).toHaveLength(1);
    expect(outcome.findings[0]).toMatchObject({
      severity: "error",
      sheet: "Conditions",
      cell: "E11", // the table stands at D10: its first requirement's minimum
      expected: 400000,
      actual: 360000,
    });
    expect(outcome.findings[0].message).toContain("£40,000 below the minimum of £400,000");
    expect(outcome.findings[0].message).toContain(
      "S1 Community nursing £300,000; S2 Reablement £60,000"
    );
    expect(outcome.coverage).toEqual({ rule: "national-conditions", checked: 3 }); // 2 requirements + 1 joint line
  });

  test("£360,000 against a £360,000 ring-fence, and £300,000 of social care against £300,000, are clean", () => {
    expect(findingsOf({ sheets: [lines, table(360000)] })).toEqual([]);
  });
});

describe("national conditions: the minimum-spend table on its own", () => {
  test("each requirement is an error when planned < minimum, wherever the table stands", () => {
    const sheet = sheetFromRows(
      "Template",
      [
        ["Requirement", "Minimum Required Spend", "Planned Spend", "Under Spend"],
        [
          "NHS commissioned out of hospital spend from the minimum ICB allocation",
          typed(2000000, GBP),
          typed(1950000, GBP),
          typed(50000, GBP),
        ],
        [
          "Adult social care services spend from the minimum ICB allocations",
          typed(1000000, GBP),
          typed(999999.99, GBP),
          typed(0.01, GBP),
        ],
      ],
      { rowOffset: 20, colOffset: 1 }
    );
    const outcome = checkNationalConditions({ sheets: [sheet] });
    expect(outcome.findings.map((f) => [f.cell, f.expected, f.actual])).toEqual([
      ["D22", 2000000, 1950000],
      ["D23", 1000000, 999999.99],
    ]);
    expect(outcome.coverage.checked).toBe(2);
  });

  test("a workbook with no minimum says so in its coverage", () => {
    const outcome = checkNationalConditions({
      sheets: [sheetFromRows("Notes", [["Nothing here"]])],
    });
    expect(outcome.coverage.checked).toBe(0);
    expect(outcome.coverage.note).toContain("no minimum found");
  });

  test("a hand-laid sheet with figures per year checks each year", () => {
    const sheet = sheetFromRows("Conditions", [
      ["Condition", "2023-24 (£)", "2024-25 (£)"],
      ["Minimum required NHS contribution to adult social care", 1000000, 1056600],
      ["Planned NHS spend on adult social care", 1000000, 1050000],
    ]);
    expect(findingsOf({ sheets: [sheet] })).toMatchObject([
      { cell: "C3", expected: 1056600, actual: 1050000 },
    ]);
  });
});

describe("national conditions: joint commissioner percentages", () => {
  const pct = (v: number) => ({ formula: String(v), value: v, format: PCT });
  test("a Joint line with no percentages is a warning; with 50% + 40% an error; 50% + 50% clean", () => {
    const sheet = sheetFromRows("Expenditure", [
      ["Scheme ID", "Commissioner", "% NHS", "% LA"],
      ["S1", "Joint", null, null],
      ["S2", "Joint", pct(0.5), pct(0.4)],
      ["S3", "Joint", pct(0.5), pct(0.5)],
      ["S4", "Local Authority", null, null],
    ]);
    const found = findingsOf({ sheets: [sheet] });
    expect(found.map((x) => [x.severity, x.cell])).toEqual([
      ["warning", "C2"],
      ["error", "D3"],
    ]);
    // runChecks reports D3 once although splits flags it too.
    expect(runChecks({ sheets: [sheet] }).filter((x) => x.cell === "D3")).toHaveLength(1);
  });
});
