import { checkCompleteness } from "../../../src/core/checks/completeness";
import { sheetFromRows } from "../../../src/core/workbook";
import { buildPlanSkeleton, insertTemplates, readWorkbookSnapshot } from "../../../src/excel";
import { admissionAvoidance, icr, memoryWorkbook } from "../../excel/support";
import { GBP, typed } from "./fixtures";

describe("completeness, as the national template's checklist", () => {
  test("a new plan's Cover asks for the contact and sign-off; filled in, the Cover is complete", async () => {
    const h = memoryWorkbook();
    await buildPlanSkeleton(h.context, {
      area: "Rutland",
      healthAndWellbeingBoard: "Rutland Health and Wellbeing Board",
      year: "2024-25",
    });
    const cover = (await readWorkbookSnapshot(h.context)).sheets.find((s) => s.name === "Cover")!;
    expect(cover.values.map((r) => r[0])).toEqual([
      "BCF plan",
      "Area",
      "Health and Wellbeing Board",
      "Financial year",
      "Completed by",
      "Email",
      "Contact number",
      "Signed off by (for the Health and Wellbeing Board)",
      "Date of sign-off",
    ]);
    const blank = checkCompleteness(await readWorkbookSnapshot(h.context));
    // Five blanks (B5:B9), each information, never an error or a warning; 8 cover items checked.
    expect(blank.findings.map((f) => [f.severity, f.cell])).toEqual([
      ["info", "B5"],
      ["info", "B6"],
      ["info", "B7"],
      ["info", "B9"],
      ["info", "B8"],
    ]);
    expect(blank.coverage.checked).toBe(8);
    const fill: Array<[string, string | number]> = [
      ["B5", "A Finance Officer"],
      ["B6", "finance@rutland.example"],
      ["B7", "01572 000000"],
      ["B8", "Chair, Rutland Health and Wellbeing Board"],
      ["B9", 46000],
    ];
    for (const [cell, v] of fill) h.workbook.setCell("Cover", cell, v);
    expect(checkCompleteness(await readWorkbookSnapshot(h.context)).findings).toEqual([]);
  });

  test("expenditure lines: each blank field listed once per column, with its cells", async () => {
    const h = memoryWorkbook();
    await buildPlanSkeleton(h.context, {
      area: "A",
      healthAndWellbeingBoard: "B",
      year: "2024-25",
    });
    // ICR (one row) names its provider; admission avoidance (iBCF and DFG: two rows) has none.
    await insertTemplates(h.context, [icr(), admissionAvoidance({ provider: undefined })]);
    const snapshot = await readWorkbookSnapshot(h.context);
    const lines = checkCompleteness(snapshot).findings.filter((f) => f.sheet === "Expenditure");
    expect(lines).toEqual([
      expect.objectContaining({
        severity: "info",
        cell: "G3",
        message: expect.stringContaining("Provider is blank on 2 lines (G3 and G4)"),
      }),
    ]);
    // 8 cover items, and 3 lines × 8 fields.
    expect(checkCompleteness(snapshot).coverage.checked).toBe(8 + 24);
  });

  test("a hand-laid table without provider or commissioner columns says so once", () => {
    const sheet = sheetFromRows("Schemes", [
      [
        "Scheme ID",
        "Scheme",
        "Scheme type",
        "Area of spend",
        "Source of funding",
        "Expenditure (£)",
      ],
      ["S1", "Reablement", "Other", "Social Care", "iBCF", typed(100000, GBP)],
      ["S2", "", "Other", "Social Care", "iBCF", typed(50000, GBP)],
    ]);
    const outcome = checkCompleteness({ sheets: [sheet] });
    expect(outcome.findings.map((f) => [f.cell, f.message])).toEqual([
      ["B3", expect.stringContaining("Scheme name is blank on 1 line (B3)")],
      [
        "A1",
        'The expenditure table has no "Commissioner" and "Provider" columns; the national template asks for each on every line.',
      ],
    ]);
    expect(outcome.findings.every((f) => f.severity !== "error")).toBe(true);
  });

  test("nothing to check is said in the coverage", () => {
    const outcome = checkCompleteness({ sheets: [sheetFromRows("Notes", [["Nothing"]])] });
    expect(outcome.coverage).toEqual({
      rule: "completeness",
      checked: 0,
      note: "no Cover sheet; no expenditure lines",
    });
  });
});
