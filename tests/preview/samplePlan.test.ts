/**
 * The preview's sample plan: the checks find each deliberate slip, and nothing else in it is an error.
 * The =BCF.* formulas are evaluated by the very functions functions.ts associates, through the page's shim.
 */
import { runShim } from "./shim";
import { countBySeverity, runChecks } from "../../src/core/checks";
import { createMemoryWorkbook } from "../../src/memory-excel";
import { bcfCustomFunctions } from "../../src/preview/customFunctions";
import { SAMPLE_PLAN, SAMPLE_SLIPS, loadSamplePlan } from "../../src/preview/samplePlan";

runShim(globalThis as unknown as Record<string, unknown>);
require("../../src/functions/functions");

async function samplePlan(customFunctions = bcfCustomFunctions()) {
  const handle = createMemoryWorkbook({
    sheets: SAMPLE_PLAN.map((s) => s.name),
    customFunctions,
  });
  await loadSamplePlan(handle.context);
  return handle;
}

describe("sample plan", () => {
  test("it is written in one sync and carries the seed figures", async () => {
    const { workbook, stats } = await samplePlan();
    expect(stats.syncs).toBe(1);
    expect(workbook.sheetNames()).toEqual([
      "Pooled budget",
      "Schemes",
      "Intentions",
      "Outcomes",
      "Falls by month",
      "Area comparison",
    ]);
    // Seed 001: ICR £125,000 + £115,000 and HTR £135,000 + £561,000.
    expect(workbook.getCell("Pooled budget", "D4").value).toBe(240000);
    expect(workbook.getCell("Pooled budget", "D5").value).toBe(696000);
    expect(workbook.getCell("Pooled budget", "B6").value).toBe(260000);
    expect(workbook.getCell("Pooled budget", "C6").value).toBe(676000);
    expect(workbook.getCell("Pooled budget", "D6").numberFormat).toBe("£#,##0");
    // Seed 004: 50 → 60 admissions a month is 600 → 720 a year, +20%.
    expect(workbook.getCell("Intentions", "C8").value).toBe(600);
    expect(workbook.getCell("Intentions", "E8").value).toBe(720);
    expect(workbook.getCell("Intentions", "F8").value).toBeCloseTo(0.2, 12);
    expect(workbook.getCell("Intentions", "F8").formula).toBe("=BCF.UPLIFT(C8,E8)");
    expect(workbook.getCell("Intentions", "F8").numberFormat).toBe("0.0%");
  });

  test("=BCF.* formulas are computed by the associated functions", async () => {
    const { workbook } = await samplePlan();
    // 180 falls admissions among 8,540 people aged 65+, per 100,000: 180 / 8540 × 100000.
    expect(workbook.getCell("Outcomes", "E2").value).toBeCloseTo((180 / 8540) * 100000, 9);
    // 3,100 admissions among Rutland's 37,600 people.
    expect(workbook.getCell("Outcomes", "E3").value).toBeCloseTo((3100 / 37600) * 100000, 9);
    expect(workbook.getCell("Outcomes", "E4").value).toBeCloseTo(70 / 85, 12);
    // Byar's lower limit for 180 events at 95%: 180 (1 − 1/1620 − 1.959964/(3√180))³ / 8540 × 100000.
    const z = 1.959963984540054;
    const lower = 180 * (1 - 1 / (9 * 180) - z / (3 * Math.sqrt(180))) ** 3;
    expect(workbook.getCell("Outcomes", "F2").value).toBeCloseTo((lower / 8540) * 100000, 6);
    // …and the upper limit, INDEX(…,1,2) of the same two-cell result: 181 (1 − 1/1629 + z/(3√181))³.
    const upper = 181 * (1 - 1 / (9 * 181) + z / (3 * Math.sqrt(181))) ** 3;
    expect(workbook.getCell("Outcomes", "G2").value).toBeCloseTo((upper / 8540) * 100000, 6);
  });

  test("without the functions the same formulas show #NAME?, as in Excel without the add-in", async () => {
    const { workbook } = await samplePlan({});
    expect(workbook.getCell("Outcomes", "E2").value).toBe("#NAME?");
    expect(workbook.getCell("Intentions", "C8").value).toBe("#NAME?");
  });

  test("the checks find each deliberate slip and nothing else is an error", async () => {
    const { workbook } = await samplePlan();
    const findings = runChecks(workbook.snapshot());
    const errors = findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => [f.sheet, f.cell])).toEqual(
      SAMPLE_SLIPS.map((s) => [s.sheet, s.cell])
    );
    for (const slip of SAMPLE_SLIPS) {
      const found = errors.find((f) => f.sheet === slip.sheet && f.cell === slip.cell);
      expect(found).toMatchObject({
        rule: slip.rule,
        expected: slip.expected,
        actual: slip.actual,
      });
    }
    expect(errors[0].message).toContain("£936,000");
    expect(errors[2].message).toContain("8 a month is 96 a year, not 104");
    // No warnings either: the rest of the plan reconciles.
    expect(countBySeverity(findings).warning).toBe(0);
    // The =BCF.* formulas are pointed out for submission (information only).
    const bcfNotes = findings.filter((f) => f.rule === "hygiene");
    expect(bcfNotes.length).toBeGreaterThan(0);
    expect(bcfNotes.every((f) => f.severity === "info")).toBe(true);
  });

  test("the plan with its slips corrected has no errors", async () => {
    const { workbook } = await samplePlan();
    workbook.setCell("Pooled budget", "D6", 936000);
    workbook.setCell("Schemes", "G3", 696000);
    workbook.setCell("Intentions", "C5", "8 patients a month / 96 patients a year");
    expect(countBySeverity(runChecks(workbook.snapshot())).error).toBe(0);
  });

  test("each slip alone is found: correcting the other two leaves exactly that one", async () => {
    const fixes: Record<
      string,
      () => (w: Awaited<ReturnType<typeof samplePlan>>["workbook"]) => void
    > = {
      "Pooled budget": () => (w) => w.setCell("Pooled budget", "D6", 936000),
      Schemes: () => (w) => w.setCell("Schemes", "G3", 696000),
      Intentions: () => (w) =>
        w.setCell("Intentions", "C5", "8 patients a month / 96 patients a year"),
    };
    for (const slip of SAMPLE_SLIPS) {
      const { workbook } = await samplePlan();
      for (const other of SAMPLE_SLIPS) if (other !== slip) fixes[other.sheet]()(workbook);
      const errors = runChecks(workbook.snapshot()).filter((f) => f.severity === "error");
      expect(errors.map((f) => `${f.sheet}!${f.cell}`)).toEqual([`${slip.sheet}!${slip.cell}`]);
    }
  });
});
