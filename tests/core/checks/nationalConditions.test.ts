import { checkNationalConditions } from "../../../src/core/checks/nationalConditions";
import { runChecks } from "../../../src/core/checks";
import { sheetFromRows } from "../../../src/core/workbook";
import { PCT, expenditureLines, planSnapshot } from "./fixtures";

describe("national conditions: NHS contribution to adult social care", () => {
  const socialCareNhs = (lines = expenditureLines(12)) =>
    lines.filter((l) => l.area === "Social Care").reduce((a, l) => a + l.nhs, 0);

  test("planned NHS spend on social care at or above the minimum is clean", () => {
    const lines = expenditureLines(12);
    const planned = socialCareNhs(lines);
    expect(planned).toBeGreaterThan(0);
    expect(
      checkNationalConditions(planSnapshot({ lines, minimumSocialCare: planned })).findings
    ).toEqual([]);
    expect(
      checkNationalConditions(planSnapshot({ lines, minimumSocialCare: planned - 1 })).findings
    ).toEqual([]);
  });

  test("planned spend below the minimum is an error at the planned figure, expected the minimum", () => {
    const lines = expenditureLines(12);
    const planned = socialCareNhs(lines);
    const found = checkNationalConditions(
      planSnapshot({ lines, minimumSocialCare: planned + 0.01 })
    ).findings;
    expect(found).toHaveLength(1);
    const plannedRow = 7 + 2 + 3 + 1; // 7 sources + heading + total, a blank, the heading, the minimum
    expect(found[0]).toMatchObject({
      rule: "national-conditions",
      severity: "error",
      sheet: "Summary",
      cell: `B${plannedRow}`,
      expected: Math.round((planned + 0.01) * 100) / 100,
      actual: Math.round(planned * 100) / 100,
    });
    expect(found[0].message).toContain("£0.01 below");
  });

  test("a hand-laid sheet with figures per year checks each year", () => {
    const sheet = sheetFromRows("Conditions", [
      ["Condition", "2023-24 (£)", "2024-25 (£)"],
      ["Minimum required NHS contribution to adult social care", 1000000, 1056600],
      ["Planned NHS spend on adult social care", 1000000, 1050000],
    ]);
    const found = checkNationalConditions({ sheets: [sheet] }).findings;
    expect(found).toMatchObject([{ cell: "C3", expected: 1056600, actual: 1050000 }]);
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
    const found = checkNationalConditions({ sheets: [sheet] }).findings;
    expect(found.map((x) => [x.severity, x.cell])).toEqual([
      ["warning", "C2"],
      ["error", "D3"],
    ]);
    // runChecks reports D3 once although splits flags it too.
    expect(runChecks({ sheets: [sheet] }).filter((x) => x.cell === "D3")).toHaveLength(1);
  });
});
