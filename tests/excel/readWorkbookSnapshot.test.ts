import { EXPENDITURE_COLUMNS } from "../../src/core/plan";
import type { CellValue } from "../../src/core/workbook";
import { buildPlanSkeleton } from "../../src/excel/buildPlanSkeleton";
import { insertTemplates } from "../../src/excel/insertTemplates";
import {
  READ_BUDGET_BYTES,
  readWorkbookSnapshot,
  rowsPerBlock,
} from "../../src/excel/readWorkbookSnapshot";
import { EXCEL_WEB_PAYLOAD_LIMIT_BYTES } from "../../src/memory-excel";
import { admissionAvoidance, everything, icr, memoryWorkbook } from "./support";

/** An expenditure sheet of `lines` typed lines (no formulas), laid out by hand from A1. */
function expenditureSheet(lines: number): Array<Array<CellValue | null>> {
  const rows: Array<Array<CellValue | null>> = [[...EXPENDITURE_COLUMNS]];
  for (let i = 1; i <= lines; i++) {
    rows.push([
      `S${i}`,
      `Scheme ${i}`,
      "Other",
      "",
      "Social Care",
      "Joint",
      "Local Authority",
      "iBCF",
      0.5,
      0.5,
      i,
      i,
      2 * i,
    ]);
  }
  return rows;
}

describe("readWorkbookSnapshot", () => {
  it("reads a 10,000-line plan in 4 syncs, sizing later blocks by what the first weighed, each under 4 MB", async () => {
    // 10,001 rows × 13 columns with scheme text: some 5.6 MB in all, so at least two blocks under 4 MB.
    const rows = expenditureSheet(10_000).map((row, i) =>
      i === 0 ? row : row.map((v, c) => (c === 2 ? "Home-based intermediate care services" : v))
    );
    const h = memoryWorkbook({
      sheets: [{ name: "Expenditure", rows }],
      maxRequestBytes: EXCEL_WEB_PAYLOAD_LIMIT_BYTES,
    });
    h.stats.reset();
    const snapshot = await readWorkbookSnapshot(h.context);
    expect(snapshot.sheets[0].values[10_000][12]).toBe(20_000);
    expect(h.stats.syncs).toBeLessThanOrEqual(4);
    expect(h.stats.details.every((d) => d.ok)).toBe(true);
    const blocks = h.stats.details.slice(2);
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    for (const d of blocks)
      expect(d.requestBytes + d.responseBytes).toBeLessThan(READ_BUDGET_BYTES);
  });

  it("reads what the direct view of the workbook shows, in 2 syncs plus one block, and writes nothing", async () => {
    const h = memoryWorkbook();
    await buildPlanSkeleton(h.context, {
      area: "Rutland",
      healthAndWellbeingBoard: "Rutland HWB",
      year: "2024-25",
    });
    await insertTemplates(h.context, [icr(), admissionAvoidance()]);
    h.workbook.setCell("Sheet1", "C5", "£340,000");
    const before = everything(h);
    h.stats.reset();
    const snapshot = await readWorkbookSnapshot(h.context);
    expect(snapshot).toEqual(h.workbook.snapshot());
    expect(h.stats.syncs).toBe(3);
    expect(everything(h)).toEqual(before);
    const sheet1 = snapshot.sheets.find((s) => s.name === "Sheet1")!;
    expect([sheet1.rowOffset, sheet1.colOffset, sheet1.values]).toEqual([4, 2, [["£340,000"]]]);
    const expenditure = snapshot.sheets.find((s) => s.name === "Expenditure")!;
    expect(expenditure.formulas[1][12]).toBe("=[@[NHS (£)]]+[@[Council (£)]]");
    expect(expenditure.values[1][12]).toBe(240000);
    expect(expenditure.numberFormats[1][12]).toBe("£#,##0.00");
  });

  it("reads in row blocks of at most maxCellsPerBlock cells: 2 syncs plus one per block, with progress", async () => {
    const h = memoryWorkbook({
      sheets: [
        { name: "Expenditure", rows: expenditureSheet(999) },
        { name: "Notes", rows: [["a", 1]] },
      ],
    });
    const progress: Array<[number, number]> = [];
    const snapshot = await readWorkbookSnapshot(h.context, {
      maxCellsPerBlock: 1302,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(rowsPerBlock(13, 1302)).toBe(100);
    // 1,000 rows of 13 columns in blocks of 100 rows (1,300 cells); Notes' 2 cells ride with the last block.
    expect(h.stats.syncs).toBe(2 + 10);
    expect(h.stats.details.every((d) => d.ok)).toBe(true);
    expect(snapshot).toEqual(h.workbook.snapshot());
    expect(progress[0]).toEqual([0, 1001]);
    expect(progress[progress.length - 1]).toEqual([1001, 1001]);
    expect(progress.every(([done], i) => i === 0 || done > progress[i - 1][0])).toBe(true);
  });

  it("keeps every request under a small limit by its block size", async () => {
    const limit = 60_000;
    const h = memoryWorkbook({
      sheets: [{ name: "Expenditure", rows: expenditureSheet(2000) }],
      maxRequestBytes: limit,
    });
    const snapshot = await readWorkbookSnapshot(h.context, {
      maxCellsPerBlock: 500,
    });
    expect(h.stats.details.every((d) => d.ok)).toBe(true);
    expect(h.stats.maxRequestBytes).toBeLessThanOrEqual(limit);
    expect(snapshot.sheets[0].values[2000][12]).toBe(4000);
  });

  it("splits a block Excel refuses as too large in half and retries until it fits", async () => {
    const limit = 60_000;
    const h = memoryWorkbook({
      sheets: [{ name: "Expenditure", rows: expenditureSheet(800) }],
      maxRequestBytes: limit,
    });
    const snapshot = await readWorkbookSnapshot(h.context, {
      maxCellsPerBlock: 1_000_000,
    });
    const refused = h.stats.details.filter((d) => !d.ok);
    expect(refused.length).toBeGreaterThan(0);
    expect(
      h.stats.details.filter((d) => d.ok).every((d) => d.requestBytes + d.responseBytes <= limit)
    ).toBe(true);
    expect(snapshot).toEqual(h.workbook.snapshot());
  });

  it("says plainly when a single row is too large to read", async () => {
    const h = memoryWorkbook({
      sheets: [
        {
          name: "Wide",
          rows: [Array.from({ length: 50 }, () => "x".repeat(200))],
        },
      ],
      maxRequestBytes: 2000,
    });
    await expect(readWorkbookSnapshot(h.context)).rejects.toThrow(/too large for Excel to send/);
  });

  it("gives an empty sheet empty grids", async () => {
    const h = memoryWorkbook({ sheets: ["Empty"] });
    await expect(readWorkbookSnapshot(h.context)).resolves.toEqual({
      sheets: [
        {
          name: "Empty",
          rowOffset: 0,
          colOffset: 0,
          values: [],
          formulas: [],
          numberFormats: [],
        },
      ],
    });
  });
});
