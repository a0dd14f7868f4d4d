/**
 * The plan the add-in builds, read back and checked by the workbook checks (engineer C's rules): a
 * clean plan gets no error or warning, and a slip stated by a seed plan is still caught.
 */
import { runChecks } from "../../src/core/checks";
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
    expect(serious(runChecks(await readWorkbookSnapshot(h.context)))).toEqual(
      [],
    );
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
    expect(serious(runChecks(await readWorkbookSnapshot(h.context)))).toEqual(
      [],
    );
  });

  it("seed 004's 8 a month / 104 a year, written as stated, is reported at its cell", async () => {
    const h = memoryWorkbook();
    await buildPlanSkeleton(h.context, plan);
    await insertTemplates(h.context, [admissionAvoidance()]);
    const errors = runChecks(await readWorkbookSnapshot(h.context)).filter(
      (f) => f.severity === "error" && f.sheet === "Targets",
    );
    expect(errors.map((f) => f.cell)).toEqual(["D3"]);
  });
});
