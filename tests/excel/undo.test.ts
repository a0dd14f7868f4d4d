/**
 * Undo and removal prove before they delete: every kind of edit a person (or a co-author) can make
 * between an insertion and its undo, against the in-memory workbook. What the insertion made and is
 * unchanged goes; anything changed is kept and said so; nothing of anyone else's is touched.
 */
import { buildPlanSkeleton } from "../../src/excel/buildPlanSkeleton";
import { insertTemplates } from "../../src/excel/insertTemplates";
import { previewRemoval, removeInsertion } from "../../src/excel/removeInsertion";
import { MemoryExcelError } from "../../src/memory-excel";
import { admissionAvoidance, contentsOf, everything, icr, memoryWorkbook } from "./support";

const plan = {
  area: "Rutland",
  healthAndWellbeingBoard: "Rutland HWB",
  year: "2024-25",
};

type Handle = ReturnType<typeof memoryWorkbook>;

/** A person's edit through Excel: a value typed, rows deleted, a sheet added. */
/** Runs `edit` (a co-author's) just before the action's sync number `n` (1-based) reaches Excel. */
function beforeSync(h: Handle, n: number, edit: () => void): void {
  const sync = h.memoryContext.sync.bind(h.memoryContext);
  let count = 0;
  h.memoryContext.sync = () => {
    if (++count === n) edit();
    return sync();
  };
}

async function asUser(h: Handle, edit: (workbook: Excel.Workbook) => void): Promise<void> {
  edit(h.context.workbook);
  await h.context.sync();
}

describe("undo of an insertion nobody has touched", () => {
  it("removes the sheets a first insertion added, leaving the workbook as before, in 4 syncs", async () => {
    const h = memoryWorkbook();
    const before = everything(h);
    const result = await insertTemplates(h.context, [icr(), admissionAvoidance()]);
    h.stats.reset();
    const report = await removeInsertion(h.context, result.record);
    expect(everything(h)).toEqual(before);
    expect(h.stats.syncs).toBeLessThanOrEqual(4);
    expect(report.kept).toEqual([]);
    expect(report.message).toBe(
      "Removed the sheet “Expenditure”, the sheet “Targets” and the sheet “BCF Lists”."
    );
  });

  it("removes the table a first insertion put on an existing sheet, keeping that sheet's own cells", async () => {
    const h = memoryWorkbook({ sheets: ["Expenditure"] });
    h.workbook.setCell("Expenditure", "P3", "Notes kept here");
    const before = contentsOf(h);
    const result = await insertTemplates(h.context, [icr()]);
    await removeInsertion(h.context, result.record);
    expect(contentsOf(h)).toEqual(before);
  });

  it("removes appended rows and restores a filled blank row, most recent insertion first", async () => {
    const h = memoryWorkbook();
    await buildPlanSkeleton(h.context, plan);
    const first = await insertTemplates(h.context, [icr()]);
    const afterFirst = contentsOf(h);
    const second = await insertTemplates(h.context, [admissionAvoidance()]);
    await removeInsertion(h.context, second.record);
    expect(contentsOf(h)).toEqual(afterFirst);
    await removeInsertion(h.context, first.record);
    expect(h.workbook.tables().find((t) => t.name === "BCF_Expenditure")!.bodyAddress).toBe(
      "A2:M2"
    );
    expect(h.workbook.getCell("Expenditure", "A2").value).toBe("");
    expect(h.workbook.getCell("Summary", "C2").value).toBe(0);
  });

  it("previews what it would remove without changing anything", async () => {
    const h = memoryWorkbook();
    const result = await buildPlanSkeleton(h.context, plan);
    const before = everything(h);
    const preview = await previewRemoval(h.context, result.record);
    expect(everything(h)).toEqual(before);
    expect(preview.deleteSheets.map((s) => s.name)).toEqual([
      "Cover",
      "Income",
      "Expenditure",
      "Targets",
      "Metrics",
      "Summary",
      "BCF Lists",
    ]);
    expect(preview.kept).toEqual([]);
  });
});

describe("undo after the user has worked in what was inserted", () => {
  it("keeps an added sheet the user typed a figure into, and says so; the untouched sheets go", async () => {
    const h = memoryWorkbook();
    const result = await insertTemplates(h.context, [icr(), admissionAvoidance()]);
    h.workbook.setCell("Expenditure", "K2", 250000);
    h.workbook.setCell("Expenditure", "P9", "Agreed with the ICB");
    h.workbook.setCell("Expenditure", "B3", "");
    const report = await removeInsertion(h.context, result.record);
    expect(h.workbook.sheetNames()).toEqual(["Sheet1", "BCF Lists", "Expenditure"]);
    expect(h.workbook.getCell("Expenditure", "K2").value).toBe(250000);
    expect(report.kept).toEqual([
      "The sheet “Expenditure” has 3 cells you changed; it was kept.",
      "The hidden sheet “BCF Lists” holds the drop-down lists that what was kept uses; it was kept.",
    ]);
    expect(report.message).toMatch(/^Removed the sheet “Targets”\. The sheet “Expenditure” has 3/);
  });

  it("does not touch a sheet of the same name the user made after deleting the added one", async () => {
    const h = memoryWorkbook();
    const result = await buildPlanSkeleton(h.context, plan);
    await asUser(h, (wb) => {
      wb.worksheets.getItem("Cover").delete();
      wb.worksheets.add("Cover").getRange("A1").values = [["Our own cover note"]];
    });
    const report = await removeInsertion(h.context, result.record);
    expect(h.workbook.sheetNames()).toEqual(["Sheet1", "Cover"]);
    expect(h.workbook.getCell("Cover", "A1").value).toBe("Our own cover note");
    expect(report.gone).toEqual(["The sheet “Cover” had already been deleted."]);
  });

  it("keeps a sheet the user renamed, finding it by its id", async () => {
    const h = memoryWorkbook();
    const result = await buildPlanSkeleton(h.context, plan);
    await asUser(h, (wb) => {
      wb.worksheets.getItem("Income").name = "Income 2024";
    });
    const report = await removeInsertion(h.context, result.record);
    // Summary's formulas now name "Income 2024" (Excel rewrites them), so it has changed too.
    expect(h.workbook.sheetNames()).toEqual(["Sheet1", "BCF Lists", "Income 2024", "Summary"]);
    expect(report.kept[0]).toBe("You renamed the sheet “Income” to “Income 2024”; it was kept.");
    expect(report.kept[1]).toMatch(
      /^The sheet “Summary” has \d+ cells you changed; it was kept\.$/
    );
  });

  it("deletes the unchanged added rows and keeps the one the user edited", async () => {
    const h = memoryWorkbook();
    await insertTemplates(h.context, [icr()]);
    const second = await insertTemplates(h.context, [admissionAvoidance()]);
    // Rows 3 and 4 were added (S002 Council team, S002 Equipment); the officer corrects one figure.
    h.workbook.setCell("Expenditure", "L4", 25000);
    const report = await removeInsertion(h.context, second.record);
    expect([2, 3].map((r) => h.workbook.getCell("Expenditure", `A${r}`).value)).toEqual([
      "S001",
      "S002",
    ]);
    expect(h.workbook.getCell("Expenditure", "B3").value).toBe("Admission avoidance");
    expect(h.workbook.getCell("Expenditure", "L3").value).toBe(25000);
    expect(report.removed).toContain("1 row of BCF_Expenditure on “Expenditure”");
    expect(report.kept).toContain(
      "1 row the add-in added to BCF_Expenditure on “Expenditure” has 1 cell you changed; it was kept."
    );
  });

  it("keeps every added row whose scheme ID the user re-keyed, not only the first column's", async () => {
    const h = memoryWorkbook();
    await insertTemplates(h.context, [icr()]);
    const second = await insertTemplates(h.context, [icr({ name: "Second" })]);
    h.workbook.setCell("Expenditure", "A3", "LOCAL-7");
    const report = await removeInsertion(h.context, second.record);
    expect(h.workbook.getCell("Expenditure", "A3").value).toBe("LOCAL-7");
    expect(report.kept).toContain(
      "1 row the add-in added to BCF_Expenditure on “Expenditure” has 1 cell you changed; it was kept."
    );
  });

  it("finds its rows by content when rows above them were deleted", async () => {
    const h = memoryWorkbook();
    await insertTemplates(h.context, [icr()]);
    const second = await insertTemplates(h.context, [admissionAvoidance()]);
    await asUser(h, (wb) => {
      wb.worksheets.getItem("Expenditure").getRange("A2:M2").delete("Up");
    });
    const report = await removeInsertion(h.context, second.record);
    expect(report.kept).toEqual([]);
    expect(report.removed).toContain("2 rows of BCF_Expenditure on “Expenditure”");
    expect(h.workbook.tables().find((t) => t.name === "BCF_Expenditure")!.bodyAddress).toBe(
      "A2:M2"
    );
  });

  it("keeps a table made on an existing sheet once the user typed into it; a note typed nearby stays either way", async () => {
    const h = memoryWorkbook({ sheets: ["Expenditure"] });
    const result = await insertTemplates(h.context, [icr()]);
    h.workbook.setCell("Expenditure", "N2", "Checked");
    h.workbook.setCell("Expenditure", "C2", "Intermediate Care");
    const report = await removeInsertion(h.context, result.record);
    expect(h.workbook.tables().map((t) => t.name)).toEqual(["BCF_Expenditure"]);
    expect(h.workbook.getCell("Expenditure", "N2").value).toBe("Checked");
    expect(report.kept[0]).toBe(
      "The table BCF_Expenditure on “Expenditure” has 1 cell you changed; it was kept."
    );
  });

  it("removes a table made on an existing sheet when only cells beside it were typed", async () => {
    const h = memoryWorkbook({ sheets: ["Expenditure"] });
    const result = await insertTemplates(h.context, [icr()]);
    h.workbook.setCell("Expenditure", "N2", "Checked");
    h.workbook.setCell("Expenditure", "A6", "Below the totals");
    const report = await removeInsertion(h.context, result.record);
    expect(h.workbook.tables()).toEqual([]);
    expect(h.workbook.getCell("Expenditure", "N2").value).toBe("Checked");
    expect(h.workbook.getCell("Expenditure", "A6").value).toBe("Below the totals");
    expect(h.workbook.getCell("Expenditure", "A2").value).toBe("");
    expect(report.kept).toEqual([]);
  });

  it("changes nothing on a sheet the user protected", async () => {
    const h = memoryWorkbook();
    await insertTemplates(h.context, [icr()]);
    const second = await insertTemplates(h.context, [admissionAvoidance()]);
    h.workbook.protectSheet("Expenditure");
    const before = everything(h);
    const report = await removeInsertion(h.context, second.record);
    expect(h.workbook.getCell("Expenditure", "A3").value).toBe("S002");
    expect(report.kept[0]).toMatch(/on a protected sheet; they were kept\.$/);
    // The Targets sheet (new with this insertion) goes; nothing on Expenditure changed.
    expect(h.workbook.snapshot().sheets.find((s) => s.name === "Expenditure")).toEqual(
      (before as { snapshot: { sheets: Array<{ name: string }> } }).snapshot.sheets.find(
        (s) => s.name === "Expenditure"
      )
    );
  });

  it("deletes only the sheets the user agreed to delete", async () => {
    const h = memoryWorkbook();
    const result = await buildPlanSkeleton(h.context, plan);
    const preview = await previewRemoval(h.context, result.record);
    const summary = preview.deleteSheets.find((s) => s.name === "Summary")!;
    const report = await removeInsertion(h.context, result.record, {
      confirmedSheets: [summary.id],
    });
    expect(h.workbook.sheetNames()).not.toContain("Summary");
    expect(h.workbook.sheetNames()).toContain("Cover");
    expect(report.kept).toContain(
      "The sheet “Cover” was not among those you agreed to delete; it was kept."
    );
  });

  it("keeps one visible sheet when the user deleted all of their own", async () => {
    const h = memoryWorkbook();
    const result = await buildPlanSkeleton(h.context, plan);
    await asUser(h, (wb) => wb.worksheets.getItem("Sheet1").delete());
    const report = await removeInsertion(h.context, result.record);
    expect(h.workbook.sheetNames()).toEqual(["BCF Lists", "Cover"]);
    expect(report.kept[0]).toBe(
      "The sheet “Cover” is the workbook's only visible sheet, and Excel needs one; it was kept."
    );
  });

  it("finishes on a second try when Excel refused part of the undo", async () => {
    let refuse = true;
    const h = memoryWorkbook({
      partialBatches: true,
      beforeOperation: ({ action, path }) => {
        if (refuse && action === "delete" && path.includes("memory-sheet")) {
          refuse = false;
          throw new MemoryExcelError("AccessDenied", "Refused.");
        }
      },
    });
    await insertTemplates(h.context, [icr()]);
    const afterFirst = contentsOf(h);
    const second = await insertTemplates(h.context, [admissionAvoidance()]);
    await expect(removeInsertion(h.context, second.record)).rejects.toThrow();
    const report = await removeInsertion(h.context, second.record);
    expect(contentsOf(h)).toEqual(afterFirst);
    expect(report.kept).toEqual([]);
  });
});

describe("a co-author working while the add-in writes", () => {
  it("never deletes a sheet a co-author made between the add-in's read and its write", async () => {
    const h = memoryWorkbook({ partialBatches: true });
    // After the add-in has looked (syncs 1 and 2), a co-author adds "Expenditure" with a figure.
    beforeSync(h, 3, () => {
      h.workbook.addSheet("Expenditure");
      h.workbook.setCell("Expenditure", "B2", 123456);
    });
    await expect(insertTemplates(h.context, [icr()])).rejects.toThrow(
      "A sheet or table with the same name is already in the workbook, so nothing was changed."
    );
    expect(h.workbook.sheetNames()).toEqual(["Sheet1", "Expenditure"]);
    expect(h.workbook.getCell("Expenditure", "B2").value).toBe(123456);
  });

  it("says what it left, never that nothing was changed, when a co-author typed into a sheet it was writing", async () => {
    const h: Handle = memoryWorkbook({
      partialBatches: true,
      beforeOperation: ({ action, path }) => {
        if (action === "add" && path.endsWith(".tables"))
          throw new MemoryExcelError("MergedRangeConflict", "The range overlaps merged cells.");
      },
    });
    // The new sheets are there (sync 3); before the writes reach them, a co-author types into Income.
    beforeSync(h, 4, () => h.workbook.setCell("Income", "H20", "Co-author's note"));
    const error = await buildPlanSkeleton(h.context, plan).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).not.toMatch(/nothing was changed/);
    expect((error as Error).message).toMatch(
      /^Excel could not put a table there.*The add-in took out what it had written, except: The sheet “Income” holds 1 cell the add-in did not write; it was kept\./
    );
    expect(h.workbook.sheetNames()).toEqual(["Sheet1", "BCF Lists", "Income"]);
    expect(h.workbook.getCell("Income", "H20").value).toBe("Co-author's note");
  });
});
