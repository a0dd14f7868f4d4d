import { FUNDING_SOURCES } from "../../src/core/vocabulary";
import { buildPlanSkeleton } from "../../src/excel/buildPlanSkeleton";
import { insertTemplates } from "../../src/excel/insertTemplates";
import { removeInsertion } from "../../src/excel/removeInsertion";
import { admissionAvoidance, everything, icr, memoryWorkbook } from "./support";

const plan = {
  area: "Rutland",
  healthAndWellbeingBoard: "Rutland Health and Wellbeing Board",
  year: "2024-25",
};
const totalRow = FUNDING_SOURCES.length + 2; // header, one row per source, then Total

describe("buildPlanSkeleton", () => {
  it("adds the six plan sheets and the hidden lists sheet in at most 6 syncs", async () => {
    const h = memoryWorkbook();
    const result = await buildPlanSkeleton(h.context, plan);
    expect(h.stats.syncs).toBeLessThanOrEqual(6);
    expect(h.workbook.sheetNames().filter((n) => n !== "BCF Lists")).toEqual([
      "Sheet1",
      "Cover",
      "Income",
      "Expenditure",
      "Targets",
      "Metrics",
      "Summary",
    ]);
    expect(h.workbook.sheetVisibility("BCF Lists")).toBe("Hidden");
    expect(result.sheetsAdded).toHaveLength(7);
    expect(result.message).toBe(
      "Added a new BCF plan for Rutland (2024-25): Cover, Income, Expenditure, Targets, Metrics, Summary."
    );
  });

  it("fills Cover, Income and Summary with labels, £ formats and working totals", async () => {
    const h = memoryWorkbook();
    await buildPlanSkeleton(h.context, plan);
    const wb = h.workbook;
    expect([
      wb.getCell("Cover", "A1").value,
      wb.getCell("Cover", "B2").value,
      wb.getCell("Cover", "B3").value,
      wb.getCell("Cover", "B4").value,
    ]).toEqual(["BCF plan", "Rutland", "Rutland Health and Wellbeing Board", "2024-25"]);
    expect(wb.getCell("Cover", "A1").bold).toBe(true);
    expect(wb.getCell("Income", `A${totalRow}`).value).toBe("Total");
    expect(wb.getCell("Income", `B${totalRow}`)).toMatchObject({
      formula: `=SUM(B2:B${totalRow - 1})`,
      numberFormat: "£#,##0.00",
      value: 0,
    });

    // Income typed in and schemes inserted: the summary balances per funding source.
    wb.setCell("Income", "B2", 240000); // NHS minimum contribution
    wb.setCell("Income", "B3", 100000); // iBCF
    await insertTemplates(h.context, [icr(), admissionAvoidance()]);
    expect(wb.getCell("Income", `B${totalRow}`).value).toBe(340000);
    expect([
      wb.getCell("Summary", "B2").value,
      wb.getCell("Summary", "C2").value,
      wb.getCell("Summary", "D2").value,
    ]).toEqual([240000, 240000, 0]);
    expect([
      wb.getCell("Summary", "B3").value,
      wb.getCell("Summary", "C3").value,
      wb.getCell("Summary", "D3").value,
    ]).toEqual([100000, 80000, 20000]);
    expect([
      wb.getCell("Summary", "B4").value,
      wb.getCell("Summary", "C4").value,
      wb.getCell("Summary", "D4").value,
    ]).toEqual([0, 20000, -20000]);
    expect(wb.getCell("Summary", `D${totalRow}`)).toMatchObject({
      value: 0,
      numberFormat: "£#,##0.00",
    });
    expect(wb.getCell("Summary", `A${totalRow + 2}`).value).toBe("National conditions");
    // Out of hospital from the NHS minimum: ICR is jointly commissioned community health, its NHS share
    // £125,000. Social care from the NHS minimum: admission avoidance is social care but iBCF, so £0.
    expect(wb.getCell("Summary", `A${totalRow + 3}`).value).toBe("Requirement");
    expect(wb.getCell("Summary", `C${totalRow + 4}`).value).toBe(125000);
    expect(wb.getCell("Summary", `C${totalRow + 5}`).value).toBe(0);
    // Under Spend stays blank until the minimum is typed, then shows the shortfall.
    expect(wb.getCell("Summary", `D${totalRow + 4}`).value).toBe("");
    wb.setCell("Summary", `B${totalRow + 4}`, 200000);
    expect(wb.getCell("Summary", `D${totalRow + 4}`).value).toBe(75000);
  });

  it("keeps a financial year typed as digits as text", async () => {
    const h = memoryWorkbook();
    await buildPlanSkeleton(h.context, { ...plan, year: "2024" });
    expect(h.workbook.getCell("Cover", "B4")).toMatchObject({
      value: "2024",
      numberFormat: "@",
    });
  });

  it("builds the tables with their totals row, drop-downs, Metrics formulas and a clustered column chart on Targets", async () => {
    const h = memoryWorkbook();
    await buildPlanSkeleton(h.context, plan);
    const wb = h.workbook;
    const tables = Object.fromEntries(wb.tables().map((t) => [t.name, t]));
    expect(tables.BCF_Expenditure).toMatchObject({
      sheet: "Expenditure",
      address: "A1:M3",
      showTotals: true,
    });
    expect(tables.BCF_Targets).toMatchObject({
      sheet: "Targets",
      address: "A1:H2",
      showTotals: false,
    });
    expect(tables.BCF_Metrics).toMatchObject({
      sheet: "Metrics",
      address: "A1:I5", // the four 2023-25 metrics, with Goal and About
    });
    expect(wb.getCell("Expenditure", "M3")).toMatchObject({
      formula: "=SUBTOTAL(109,[Total (£)])",
      numberFormat: "£#,##0.00",
    });
    expect(wb.validation("Expenditure", "C2")).toEqual({
      list: { inCellDropDown: true, source: "='BCF Lists'!$A$2:$A$20" },
    });

    // Metrics: blank until figures are typed; then BCF.RATE per 100,000 (Rutland: 37,600 people).
    expect(wb.getCell("Metrics", "E2").value).toBe("");
    wb.setCell("Metrics", "B2", 3760);
    wb.setCell("Metrics", "C2", 37600);
    expect(wb.getCell("Metrics", "E2").value).toBeCloseTo(10000, 9);
    // Byar's limits for 3,760 events (95%), worked here from the published formula.
    const x = 3760;
    const z = 1.959963984540054;
    const byarLower = x * (1 - 1 / (9 * x) - z / (3 * Math.sqrt(x))) ** 3;
    const byarUpper = (x + 1) * (1 - 1 / (9 * (x + 1)) + z / (3 * Math.sqrt(x + 1))) ** 3;
    expect(wb.getCell("Metrics", "F2").value as number).toBeCloseTo(
      (byarLower / 37600) * 100000,
      6
    );
    expect(wb.getCell("Metrics", "G2").value as number).toBeCloseTo(
      (byarUpper / 37600) * 100000,
      6
    );
    // Still at home 91 days after reablement: 85 of 100, a proportion shown as %, Wilson limits around it.
    const row =
      2 +
      [
        "Non-elective admissions",
        "Permanent admissions to residential and nursing care",
        "Still at home 91 days after reablement",
      ].length -
      1;
    wb.setCell("Metrics", `B${row}`, 85);
    wb.setCell("Metrics", `C${row}`, 100);
    expect(wb.getCell("Metrics", `E${row}`)).toMatchObject({
      value: 0.85,
      numberFormat: "0.0%",
    });
    const wilson = (sign: number) =>
      (2 * 85 + z * z + sign * z * Math.sqrt(z * z + 4 * 85 * (1 - 85 / 100))) /
      (2 * (100 + z * z));
    expect(wb.getCell("Metrics", `F${row}`).value as number).toBeCloseTo(wilson(-1), 9);
    expect(wb.getCell("Metrics", `G${row}`).value as number).toBeCloseTo(wilson(1), 9);

    const [chart] = wb.charts("Targets");
    expect(chart).toMatchObject({
      type: "ColumnClustered",
      seriesBy: "Columns",
      title: "Baseline against target",
    });
    // Measure to Target per year: the uplift % and the plan's wording (G, H) are not charted.
    expect(chart.source).toMatch(/Targets'?!\$?B\$?1:\$?F\$?2$/);
    // Clear of the table (A:H), so the chart never covers the plan's wording.
    expect(chart.position?.start).toBe("J2");
  });

  it("never overwrites an existing Income sheet: the plan gets Income (2) and its Summary refers to it", async () => {
    const h = memoryWorkbook({
      sheets: [{ name: "Income", rows: [["Our own income", 5]] }],
    });
    const before = h.workbook.usedRange("Income");
    await buildPlanSkeleton(h.context, plan);
    expect(h.workbook.usedRange("Income")).toEqual(before);
    expect(h.workbook.sheetNames()).toContain("Income (2)");
    expect(h.workbook.getCell("Summary", "B2").formula).toBe(
      "=SUMIFS('Income (2)'!$B$2:$B$8,'Income (2)'!$A$2:$A$8,A2)"
    );
    h.workbook.setCell("Income (2)", "B2", 1234.5);
    expect(h.workbook.getCell("Summary", "B2").value).toBe(1234.5);
  });

  it("a second build uses the plan already there: no (2) sheets or tables, the first left as it was", async () => {
    const h = memoryWorkbook();
    await buildPlanSkeleton(h.context, plan);
    await insertTemplates(h.context, [icr()]);
    // Everything but the selection: the second build takes the person to the plan's Cover.
    const contents = () => ({ ...(everything(h) as object), selection: undefined });
    const first = contents();
    h.stats.reset();
    const again = await buildPlanSkeleton(h.context, { ...plan, year: "2025-26" });
    expect(h.stats.syncs).toBeLessThanOrEqual(6);
    expect(contents()).toEqual(first);
    expect(h.workbook.selection).toEqual({ sheet: "Cover", address: "A1" });
    expect(again.sheetsAdded).toEqual([]);
    expect(again.message).toBe(
      "The workbook already has the whole plan (Cover, Income, Expenditure, Targets, Metrics and Summary); nothing was added."
    );
    expect(h.workbook.sheetNames().filter((n) => / \(\d+\)$/.test(n))).toEqual([]);
    expect(
      h.workbook
        .tables()
        .map((t) => t.name)
        .sort()
    ).toEqual(["BCF_Expenditure", "BCF_Metrics", "BCF_Targets"]);
  });

  it("leaves a read-only workbook as it was, with a plain message", async () => {
    const h = memoryWorkbook({ readOnly: true });
    const before = everything(h);
    await expect(buildPlanSkeleton(h.context, plan)).rejects.toThrow(
      /read-only, so nothing was changed/
    );
    expect(everything(h)).toEqual(before);
  });

  it("is removed in one step", async () => {
    const h = memoryWorkbook({
      sheets: [{ name: "Income", rows: [["Our own income", 5]] }],
    });
    const before = everything(h);
    const result = await buildPlanSkeleton(h.context, plan);
    await removeInsertion(h.context, result.record);
    expect(everything(h)).toEqual(before);
  });
});
