import { checkIncomeAllocations } from "../../../src/core/checks/incomeAllocations";
import { runChecks } from "../../../src/core/checks";
import { planFundingSources } from "../../../src/core/plan";
import { sheetFromRows } from "../../../src/core/workbook";
import { buildPlanSkeleton, readWorkbookSnapshot } from "../../../src/excel";
import { memoryWorkbook } from "../../excel/support";
import { GBP, typed } from "./fixtures";

async function plan2025(fill: (set: (sheet: string, cell: string, v: number) => void) => void) {
  const h = memoryWorkbook();
  await buildPlanSkeleton(h.context, {
    area: "Rutland",
    healthAndWellbeingBoard: "Rutland Health and Wellbeing Board",
    year: "2025-26",
  });
  fill((sheet, cell, v) => h.workbook.setCell(sheet, cell, v));
  return { h, snapshot: await readWorkbookSnapshot(h.context) };
}

// 2025-26: NHS minimum contribution, Local Authority Better Care Grant, DFG, additional LA and NHS.
const SOURCES_2025 = planFundingSources("2025-26");
const row = (source: string) => SOURCES_2025.indexOf(source) + 2;
// Summary: sources, Total, a blank, the heading, the minimum-spend table (header, out of hospital,
// social care), a blank, then last year's minimum, the uplift and last year's minimum uplifted.
const socialCareRow = SOURCES_2025.length + 7;
const previousRow = SOURCES_2025.length + 9;

describe("income against allocations", () => {
  test("the Income sheet has planned income and the published allocation; a DFG £11,000 short is an error", async () => {
    const { h, snapshot } = await plan2025((set) => {
      set("Income", `B${row("NHS minimum contribution")}`, 5000000);
      set("Income", `C${row("NHS minimum contribution")}`, 5000000);
      set("Income", `B${row("DFG")}`, 700000);
      set("Income", `C${row("DFG")}`, 711000);
      set("Income", `B${row("Additional LA contribution")}`, 250000); // no allocation: nothing to reach
    });
    expect(h.workbook.getCell("Income", "B1").value).toBe("Planned income (£)");
    expect(h.workbook.getCell("Income", "C1").value).toBe("Published allocation (£)");
    const outcome = checkIncomeAllocations(snapshot);
    // £711,000 − £700,000 = £11,000 below; the NHS minimum's £5,000,000 equals its allocation.
    expect(outcome.findings).toEqual([
      expect.objectContaining({
        rule: "income-allocations",
        severity: "error",
        sheet: "Income",
        cell: `B${row("DFG")}`,
        expected: 711000,
        actual: 700000,
      }),
    ]);
    expect(outcome.findings[0].message).toContain(
      "£11,000 below its published allocation of £711,000"
    );
    expect(outcome.coverage).toEqual({ rule: "income-allocations", checked: 2 });
    expect(runChecks(snapshot).filter((f) => f.rule === "income-allocations")).toHaveLength(1);
  });

  test("2025-26: the uplift cell holds 3.9%; a minimum a penny under last year's £1,000,000 × 1.039 is an error", async () => {
    // £1,000,000 × (1 + 3.9%) = £1,039,000.00.
    const short = await plan2025((set) => {
      set("Summary", `B${previousRow}`, 1000000);
      set("Summary", `B${socialCareRow}`, 1038999.99);
    });
    expect(short.h.workbook.getCell("Summary", `B${previousRow + 1}`)).toMatchObject({
      value: 0.039,
      numberFormat: "0.0%",
    });
    expect(short.h.workbook.getCell("Summary", `B${previousRow + 2}`).value).toBe(1039000);
    const outcome = checkIncomeAllocations(short.snapshot);
    expect(outcome.findings).toEqual([
      expect.objectContaining({
        sheet: "Summary",
        cell: `B${socialCareRow}`,
        expected: 1039000,
        actual: 1038999.99,
      }),
    ]);
    expect(outcome.findings[0].message).toContain("uplifted by 3.9%");
    const met = await plan2025((set) => {
      set("Summary", `B${previousRow}`, 1000000);
      set("Summary", `B${socialCareRow}`, 1039000);
    });
    expect(checkIncomeAllocations(met.snapshot).findings).toEqual([]);
    expect(checkIncomeAllocations(met.snapshot).coverage.checked).toBe(1);
  });

  test("an uplift typed as 3.9 on a hand-laid sheet reads as 3.9%", () => {
    const sheet = sheetFromRows("Conditions", [
      ["Minimum NHS contribution to adult social care 2025-26 (£)", typed(1030000, GBP)],
      ["NHS contribution to adult social care, previous year (£)", typed(1000000, GBP)],
      ["Uplift (%)", 3.9],
    ]);
    const outcome = checkIncomeAllocations({ sheets: [sheet] });
    expect(outcome.findings).toMatchObject([{ cell: "B1", expected: 1039000, actual: 1030000 }]);
  });

  test("a workbook with neither says what was missing", () => {
    const outcome = checkIncomeAllocations({ sheets: [sheetFromRows("Notes", [["Nothing"]])] });
    expect(outcome.coverage.checked).toBe(0);
    expect(outcome.coverage.note).toContain("no income beside a published allocation");
  });
});
