/**
 * The plan the add-in builds, read back and checked by the workbook checks (src/core/checks): a
 * clean plan gets no error or warning, and a slip stated by a seed plan is still caught.
 */
import { runChecks } from "../../src/core/checks";
import { CATALOGUE } from "../../src/core/templates/catalogue";
import { buildPlanSkeleton } from "../../src/excel/buildPlanSkeleton";
import { insertTemplates } from "../../src/excel/insertTemplates";
import { readWorkbookSnapshot } from "../../src/excel/readWorkbookSnapshot";
import { admissionAvoidance, icr, memoryWorkbook } from "./support";

const plan = {
  area: "Rutland",
  healthAndWellbeingBoard: "Rutland Health and Wellbeing Board",
  year: "2024-25",
};
const serious = (findings: ReturnType<typeof runChecks>) =>
  findings.filter((f) => f.severity !== "info");

describe("the add-in's plan under the workbook checks", () => {
  it("a new plan raises no error or warning", async () => {
    const h = memoryWorkbook();
    await buildPlanSkeleton(h.context, plan);
    expect(serious(runChecks(await readWorkbookSnapshot(h.context)))).toEqual([]);
  });

  it("a plan whose income matches its schemes raises no error or warning", async () => {
    const h = memoryWorkbook();
    await buildPlanSkeleton(h.context, plan);
    await insertTemplates(h.context, [
      icr(),
      admissionAvoidance({
        targets: [
          {
            measure: "Admissions avoided",
            baselinePerMonth: 50,
            targetPerMonth: 60,
          },
        ],
      }),
    ]);
    h.workbook.setCell("Income", "B2", 240000); // NHS minimum contribution
    h.workbook.setCell("Income", "B3", 80000); // iBCF
    h.workbook.setCell("Income", "B4", 20000); // DFG
    expect(serious(runChecks(await readWorkbookSnapshot(h.context)))).toEqual([]);
  });

  it("seed 004's 8 a month / 104 a year, written as stated, is reported at its cell", async () => {
    const h = memoryWorkbook();
    await buildPlanSkeleton(h.context, plan);
    await insertTemplates(h.context, [admissionAvoidance()]);
    const errors = runChecks(await readWorkbookSnapshot(h.context)).filter(
      (f) => f.severity === "error" && f.sheet === "Targets"
    );
    // Once, at the typed figure: the plan's wording in H3 states the same slip and is not reported again.
    expect(errors.map((f) => f.cell)).toEqual(["D3"]);
    expect(h.workbook.getCell("Targets", "H3").value).toBe(
      "8 patients a month  104 patients a year"
    );
  });

  it("the whole catalogue, income matching its spend: only the seed plans' own period slips are reported", async () => {
    const h = memoryWorkbook();
    await buildPlanSkeleton(h.context, plan);
    await insertTemplates(h.context, CATALOGUE);
    // Income per funding source = the catalogue's cost lines for it, so the plan balances.
    const income = new Map<string, number>();
    for (const t of CATALOGUE)
      for (const c of t.costs)
        income.set(c.fundingSource, (income.get(c.fundingSource) ?? 0) + c.total);
    // The Income sheet lists the plan year's sources: fill each by the name it shows.
    for (let r = 2; h.workbook.getCell("Income", `A${r}`).value !== "Total"; r++) {
      const source = String(h.workbook.getCell("Income", `A${r}`).value);
      h.workbook.setCell("Income", `B${r}`, income.get(source) ?? 0);
    }
    const snapshot = await readWorkbookSnapshot(h.context);
    const targets = snapshot.sheets.find((s) => s.name === "Targets")!;
    const header = targets.values[0].map(String);
    const found = serious(runChecks(snapshot)).map((f) => {
      const row = Number(/\d+$/.exec(f.cell)![0]) - 1;
      const column = f.cell.replace(/\d+$/, "").charCodeAt(0) - 65;
      return [f.rule, f.sheet, targets.values[row][1], header[column], f.expected, f.actual];
    });
    expect(found).toEqual([
      // Seed 004: 21 × 52 = 1,092 (1,095 on 365/7 weeks), not 1,091: only in the plan's wording.
      [
        "periods",
        "Targets",
        "Discharges supported by rehab support workers",
        "As stated in the plan",
        1092,
        1091,
      ],
      // Seed 004: "15 discharges a month … 180 discharges per month": 180 is a year of 15 a month.
      [
        "periods",
        "Targets",
        "Additional discharges from community hospital beds",
        "As stated in the plan",
        15,
        180,
      ],
      // Seed 004: 8 a month is 96 a year, not 104: at the typed figure, and once.
      [
        "periods",
        "Targets",
        "Step up patients (South Wiltshire care home beds)",
        "Baseline per year",
        96,
        104,
      ],
    ]);
  });
});
