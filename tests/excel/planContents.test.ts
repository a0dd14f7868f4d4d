/**
 * What of the add-in's work a workbook already holds (read without changing anything), and a second
 * "Build plan workbook" or a plan built after templates were inserted: no duplicate sheets or tables.
 */
import { recognisePlan, planSheetCandidates, schemesAlreadyIn } from "../../src/core/plan";
import { buildPlanSkeleton } from "../../src/excel/buildPlanSkeleton";
import { insertTemplates } from "../../src/excel/insertTemplates";
import { readPlanPresence, readSchemesInPlan } from "../../src/excel/planContents";
import { admissionAvoidance, everything, icr, memoryWorkbook } from "./support";

const plan = {
  area: "Rutland",
  healthAndWellbeingBoard: "Rutland Health and Wellbeing Board",
  year: "2024-25",
};

describe("readSchemesInPlan", () => {
  it("lists each scheme of the expenditure table once with its ID, changing nothing", async () => {
    const h = memoryWorkbook();
    expect(await readSchemesInPlan(h.context)).toEqual([]);
    await insertTemplates(h.context, [icr(), admissionAvoidance()]);
    const before = everything(h);
    h.stats.reset();
    // Admission avoidance spans two rows (iBCF and DFG) but is one scheme.
    expect(await readSchemesInPlan(h.context)).toEqual([
      { id: "S001", name: icr().name },
      { id: "S002", name: "Admission avoidance" },
    ]);
    expect(h.stats.syncs).toBe(2);
    expect(h.stats.writeOperations).toBe(0);
    expect(everything(h)).toEqual(before);
  });

  it("matches chosen templates to schemes already in the table by name, whatever the case", () => {
    const inPlan = [{ id: "S004", name: "Admission Avoidance" }];
    expect(schemesAlreadyIn([icr(), admissionAvoidance()], inPlan)).toEqual([
      { template: admissionAvoidance(), id: "S004" },
    ]);
  });
});

describe("readPlanPresence", () => {
  it("an empty workbook has no plan; every visible sheet is missing", async () => {
    const h = memoryWorkbook();
    expect(await readPlanPresence(h.context)).toEqual({
      sheets: {},
      tables: {},
      missing: ["cover", "income", "expenditure", "targets", "metrics", "summary"],
      hasPlan: false,
    });
  });

  it("templates inserted first: Expenditure and Targets are the plan's already, but there is no plan yet", async () => {
    const h = memoryWorkbook();
    await insertTemplates(h.context, [admissionAvoidance()]);
    const presence = await readPlanPresence(h.context);
    expect(presence.hasPlan).toBe(false);
    expect(presence.sheets).toEqual({ expenditure: "Expenditure", targets: "Targets" });
    expect(presence.missing).toEqual(["cover", "income", "metrics", "summary"]);
  });

  it("a built plan is found whole; a person's own Income is not taken for the plan's", async () => {
    const h = memoryWorkbook({ sheets: [{ name: "Income", rows: [["Our own income", 5]] }] });
    await buildPlanSkeleton(h.context, plan);
    const presence = await readPlanPresence(h.context);
    expect(presence.hasPlan).toBe(true);
    expect(presence.missing).toEqual([]);
    expect(presence.sheets.income).toBe("Income (2)");
  });

  it("recognises headed sheets by their first row and tables by their columns (pure)", () => {
    const presence = recognisePlan({
      sheetNames: ["Cover", "Summary", "Expenditure"],
      headings: { Cover: ["BCF plan", "", ""], Summary: ["Funding source", "Income (£)"] },
      tables: { expenditure: { sheet: "Expenditure", header: ["Scheme ID", "Name"] } },
    });
    // Summary's first row is cut short and the table's columns are not the plan's: neither is reused.
    expect(presence.sheets).toEqual({ cover: "Cover" });
    expect(
      planSheetCandidates("income", ["Income (10)", "income", "Income (2)", "Incomes"])
    ).toEqual(["income", "Income (2)", "Income (10)"]);
  });
});

describe("building the plan where some of it is there already", () => {
  it("templates inserted before the plan go into the plan's Expenditure table: no Expenditure (2)", async () => {
    const h = memoryWorkbook();
    await insertTemplates(h.context, [icr(), admissionAvoidance()]);
    const expenditure = h.workbook.usedRange("Expenditure");
    const result = await buildPlanSkeleton(h.context, plan);
    expect(h.workbook.sheetNames().filter((n) => / \(\d+\)$/.test(n))).toEqual([]);
    expect(
      h.workbook
        .tables()
        .map((t) => t.name)
        .sort()
    ).toEqual(["BCF_Expenditure", "BCF_Metrics", "BCF_Targets"]);
    expect(h.workbook.usedRange("Expenditure")).toEqual(expenditure);
    expect(result.sheetsAdded.filter((n) => n !== "BCF Lists")).toEqual([
      "Cover",
      "Income",
      "Metrics",
      "Summary",
    ]);
    expect(result.message).toBe(
      "Added Cover, Income, Metrics and Summary to the plan for Rutland (2024-25); Expenditure and Targets were already there and are part of it."
    );
    // The Summary adds up the schemes inserted before: ICR's £240,000 under the NHS minimum contribution (row 2).
    expect(h.workbook.getCell("Summary", "C2").value).toBe(240000);
    // The person is taken to the new Cover.
    expect(h.workbook.selection).toEqual({ sheet: "Cover", address: "A1" });
  });

  it("a sheet of the plan deleted since is the only one added again, and shown", async () => {
    const h = memoryWorkbook();
    await buildPlanSkeleton(h.context, plan);
    h.context.workbook.worksheets.getItem("Metrics").delete();
    await h.context.sync();
    const result = await buildPlanSkeleton(h.context, plan);
    expect(result.sheetsAdded).toEqual(["Metrics"]);
    expect(h.workbook.tables().map((t) => t.name)).toContain("BCF_Metrics");
    expect(h.workbook.selection).toEqual({ sheet: "Metrics", address: "A1" });
  });

  it("a plan that took Income (2) beside a person's own Income is found again: no Income (3)", async () => {
    const h = memoryWorkbook({ sheets: [{ name: "Income", rows: [["Our own income", 5]] }] });
    await buildPlanSkeleton(h.context, plan);
    const again = await buildPlanSkeleton(h.context, plan);
    expect(again.sheetsAdded).toEqual([]);
    expect(h.workbook.sheetNames()).not.toContain("Income (3)");
  });
});
