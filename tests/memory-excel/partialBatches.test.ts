/** partialBatches: a failing sync keeps what ran before the failing operation, as real Excel does. */
import fc from "fast-check";
import { createMemoryWorkbook, MemoryExcelError } from "../../src/memory-excel";

/** Queues one write per cell A1..A{count}, each its own operation. */
function queueWrites(context: Excel.RequestContext, count: number): void {
  const sheet = context.workbook.worksheets.getItem("Sheet1");
  for (let i = 1; i <= count; i++) sheet.getRange(`A${i}`).values = [[`row ${i}`]];
}

function columnA(workbook: ReturnType<typeof createMemoryWorkbook>["workbook"], count: number) {
  return Array.from({ length: count }, (_, i) => workbook.getCell("Sheet1", `A${i + 1}`).value);
}

describe("partialBatches", () => {
  it("keeps the operations before the failing one and rejects with its error", async () => {
    const { context, workbook, stats } = createMemoryWorkbook({ partialBatches: true });
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1").values = [["kept"]];
    context.workbook.worksheets.add("Added");
    context.workbook.worksheets.getItem("Missing").getRange("A1").values = [["fails"]];
    sheet.getRange("A2").values = [["never run"]];
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(workbook.getCell("Sheet1", "A1").value).toBe("kept");
    expect(workbook.getCell("Sheet1", "A2").value).toBe("");
    expect(workbook.sheetNames()).toEqual(["Sheet1", "Added"]);
    expect(stats.details.at(-1)?.ok).toBe(false);
  });

  it("applies nothing of a failing sync by default", async () => {
    const { context, workbook } = createMemoryWorkbook();
    context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["not kept"]];
    context.workbook.worksheets.add("Added");
    context.workbook.worksheets.getItem("Missing").getRange("A1").values = [["fails"]];
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(workbook.getCell("Sheet1", "A1").value).toBe("");
    expect(workbook.sheetNames()).toEqual(["Sheet1"]);
  });

  it("keeps exactly the writes before the one beforeOperation refuses, whichever it is", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 12 }),
        fc.nat(),
        fc.boolean(),
        async (count, pick, partialBatches) => {
          const failAt = pick % count; // 0-based index of the refused write
          let seen = 0;
          const { context, workbook } = createMemoryWorkbook({
            partialBatches,
            beforeOperation: ({ action }) => {
              if (action === "set values" && seen++ === failAt)
                throw new MemoryExcelError("MergedRangeConflict", "refused");
            },
          });
          queueWrites(context, count);
          await expect(context.sync()).rejects.toMatchObject({ code: "MergedRangeConflict" });
          const expected = Array.from({ length: count }, (_, i) =>
            partialBatches && i < failAt ? `row ${i + 1}` : ""
          );
          expect(columnA(workbook, count)).toEqual(expected);
        }
      ),
      { numRuns: 60 }
    );
  });

  it("delivers no loads from a failed sync, and the next sync works as usual", async () => {
    const { context, workbook } = createMemoryWorkbook({ partialBatches: true });
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("B1").values = [[5]];
    sheet.getRange("B2").formulas = [["=B1*2"]];
    const read = sheet.getRange("B2").load("values");
    context.workbook.worksheets.getItem("Missing").load("name");
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(() => read.values).toThrow(/not available/);
    // What was kept is recalculated, as after any sync that changed something.
    expect(workbook.getCell("Sheet1", "B2").value).toBe(10);
    const again = sheet.getRange("B2").load("values");
    await context.sync();
    expect(again.values).toEqual([[10]]);
  });
});
