import {
  ESP2013_65_PLUS,
  FALLS_STANDARD,
  metricStatus,
  metricsForYear,
  PLAN_METRICS,
  planSkeleton,
} from "../../../src/core/plan";
import { esp2013From } from "../../../src/core/statistics/dsr";
import { buildPlanSkeleton } from "../../../src/excel";
import { bcfCustomFunctions } from "../../../src/preview/customFunctions";
import { memoryWorkbook } from "../../excel/support";
import { runShim } from "../../preview/shim";

// The add-in's own =BCF.* registrations (functions.ts through the preview's shim), so the Metrics
// sheet's formulas are evaluated exactly as written, the text standard included.
runShim(globalThis as unknown as Record<string, unknown>);
require("../../../src/functions/functions");

const names = (year: string) => metricsForYear(year).map((m) => m.name);

describe("metrics of the plan's year", () => {
  test("2017-18 has the 2017-19 metrics, 2023-24 and 2024-25 the 2023-25 ones, 2025-26 its three goals", () => {
    expect(names("2017-18")).toEqual([
      "Non-elective admissions",
      "Delayed transfers of care",
      "Still at home 91 days after reablement",
      "Permanent admissions to residential and nursing care",
    ]);
    const twentyThree = [
      "Permanent admissions to residential and nursing care",
      "Avoidable admissions",
      "Discharge to usual place of residence",
      "Emergency admissions due to falls",
    ];
    expect(names("2023-24")).toEqual(twentyThree);
    expect(names("2024/25")).toEqual(twentyThree);
    expect(names("2025-26")).toEqual([
      "Emergency admissions, 65+ (unplanned admissions goal)",
      "Average length of discharge delay (delayed discharges goal)",
      "Long-term admissions to care homes, 65+ (goal)",
    ]);
  });

  test("a metric outside the plan's year is labelled retired (or not yet in force)", () => {
    const dtoc = PLAN_METRICS.find((m) => m.name === "Delayed transfers of care")!;
    expect(metricStatus(dtoc, "2024-25")).toBe("Retired after 2019-20");
    expect(metricStatus(dtoc, "2018-19")).toBe("Current for 2018-19");
    const falls = PLAN_METRICS.find((m) => m.name === "Emergency admissions due to falls")!;
    expect(metricStatus(falls, "2019-20")).toBe("From 2023-24");
    expect(metricStatus(falls, "2025-26")).toBe("Retired after 2024-25");
  });

  test("the six ESP2013 weights from 65 sum to 19,500", () => {
    expect(ESP2013_65_PLUS.map((b) => b.weight)).toEqual([5500, 5000, 4000, 2500, 1500, 1000]);
    expect(ESP2013_65_PLUS.reduce((a, b) => a + b.weight, 0)).toBe(19500);
    // The standard the falls formulas name is the same six weights.
    expect(FALLS_STANDARD).toBe("ESP2013 65+");
    expect([...esp2013From(65)]).toEqual(ESP2013_65_PLUS.map((b) => b.weight));
  });

  test('the falls formulas name the standard "ESP2013 65+"; the band block has no weights column', () => {
    const layout = planSkeleton({ area: "A", healthAndWellbeingBoard: "B", year: "2024-25" });
    const metrics = layout.sheets.find((s) => s.key === "metrics")!;
    const falls = metrics.formulas[4];
    expect(falls[0]).toBe("Emergency admissions due to falls");
    expect(falls[4]).toBe(
      '=IF(SUM($L$3:$L$8)=0,"",BCF.DSR($L$3:$L$8,$M$3:$M$8,"ESP2013 65+",[@[Per]]))'
    );
    expect(falls[5]).toBe(
      '=IF(SUM($L$3:$L$8)=0,"",INDEX(BCF.DSR.CI($L$3:$L$8,$M$3:$M$8,"ESP2013 65+",0.95,[@[Per]]),1,1))'
    );
    expect(falls[6]).toContain('"ESP2013 65+",0.95,[@[Per]]),1,2)');
    // Table A:I, a clear column J, then the block K:M; nothing beyond it.
    expect(metrics.formulas[1].slice(9)).toEqual(["", "Age band", "Admissions", "Population"]);
    expect(metrics.formulas[2].slice(10)).toEqual(["65-69", "", ""]);
    expect(Math.max(...metrics.formulas.map((r) => r.length))).toBe(13);
    expect(metrics.bold).toContain("K2:M2");
  });

  test("the Metrics sheet follows the year: a 2025-26 plan has no falls block and says what each goal is", () => {
    const layout = planSkeleton({ area: "A", healthAndWellbeingBoard: "B", year: "2025-26" });
    const metrics = layout.sheets.find((s) => s.key === "metrics")!;
    expect(metrics.formulas.length).toBe(4);
    expect(metrics.formulas[0].length).toBe(9); // the table only
    const delay = metrics.formulas[2];
    expect(delay[4]).toBe(
      '=IF([@[Numerator]]="","",IF([@[Denominator]]="","",[@[Numerator]]/[@[Denominator]]*[@[Per]]))'
    );
    expect(String(delay[8])).toMatch(/^Current for 2025-26\. Days from discharge ready date/);
  });
});

describe("the Metrics sheet computes in the workbook", () => {
  // The help page's falls example for an area of Rutland's size, 65+ bands only:
  //   admissions 6, 12, 19, 27, 33, 29 (126); population 2,100, 2,200, 1,760, 1,300, 780, 400 (8,540).
  //   Σ xᵢwᵢ/nᵢ = 6×5500/2100 + 12×5000/2200 + 19×4000/1760 + 27×2500/1300 + 33×1500/780 + 29×1000/400
  //            = 15.7143 + 27.2727 + 43.1818 + 51.9231 + 63.4615 + 72.5 = 274.0534;
  //   DSR = 274.0534 / 19,500 × 100,000 = 1,405.40 per 100,000 (the 19-band all-age DSR was 312.21).
  const counts = [6, 12, 19, 27, 33, 29];
  const populations = [2100, 2200, 1760, 1300, 780, 400];

  test("falls as a 65+ DSR: 1,405.40 per 100,000 on the worked example", async () => {
    const h = memoryWorkbook({ customFunctions: bcfCustomFunctions() });
    await buildPlanSkeleton(h.context, {
      area: "Rutland",
      healthAndWellbeingBoard: "Rutland Health and Wellbeing Board",
      year: "2024-25",
    });
    const wb = h.workbook;
    expect(wb.getCell("Metrics", "K2").value).toBe("Age band");
    counts.forEach((c, i) => {
      wb.setCell("Metrics", `L${i + 3}`, c);
      wb.setCell("Metrics", `M${i + 3}`, populations[i]);
    });
    const falls = 5; // the fourth metric of 2023-25, under the header
    expect(wb.getCell("Metrics", `A${falls}`).value).toBe("Emergency admissions due to falls");
    expect(wb.getCell("Metrics", `B${falls}`).value).toBe(126);
    expect(wb.getCell("Metrics", `C${falls}`).value).toBe(8540);
    const byHand =
      (((6 * 5500) / 2100 +
        (12 * 5000) / 2200 +
        (19 * 4000) / 1760 +
        (27 * 2500) / 1300 +
        (33 * 1500) / 780 +
        (29 * 1000) / 400) /
        19500) *
      100000;
    expect(byHand).toBeCloseTo(1405.4023, 4);
    expect(wb.getCell("Metrics", `E${falls}`).formula).toContain('"ESP2013 65+"');
    expect(wb.getCell("Metrics", `E${falls}`).value as number).toBeCloseTo(byHand, 9);
    expect(wb.getCell("Metrics", `E${falls}`).value as number).toBeCloseTo(1405.4, 2);
    // Dobson's limits straddle the rate.
    const lower = wb.getCell("Metrics", `F${falls}`).value as number;
    const upper = wb.getCell("Metrics", `G${falls}`).value as number;
    expect(lower).toBeLessThan(byHand);
    expect(upper).toBeGreaterThan(byHand);
  });

  test("discharge to usual place of residence: 9,000 of 10,000 is 90.0%, Wilson limits 89.40% to 90.57%", async () => {
    // Wilson at 95% (z = 1.959964): (2x + z² ∓ z√(z² + 4x(1 − x/n))) / (2(n + z²)) with x = 9,000, n = 10,000:
    // (18,003.8415 ∓ 117.6606) / 20,007.6829 = 0.8939656 and 0.9057272.
    const h = memoryWorkbook();
    await buildPlanSkeleton(h.context, {
      area: "A",
      healthAndWellbeingBoard: "B",
      year: "2023-24",
    });
    const wb = h.workbook;
    const row = 4;
    expect(wb.getCell("Metrics", `A${row}`).value).toBe("Discharge to usual place of residence");
    wb.setCell("Metrics", `B${row}`, 9000);
    wb.setCell("Metrics", `C${row}`, 10000);
    expect(wb.getCell("Metrics", `E${row}`).value).toBe(0.9);
    expect(wb.getCell("Metrics", `F${row}`).value as number).toBeCloseTo(0.8939656, 7);
    expect(wb.getCell("Metrics", `G${row}`).value as number).toBeCloseTo(0.9057272, 7);
  });
});
