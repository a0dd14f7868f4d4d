import { buildPlanSkeleton } from "../../src/excel/buildPlanSkeleton";
import { insertTemplates } from "../../src/excel/insertTemplates";
import {
  callsBcfFunction,
  DEFAULT_MAX_RANGES_PER_BLOCK,
  listBcfFormulas,
  RANGE_WRITE_BYTES_ESTIMATE,
  replaceBcfFormulasWithValues,
  selectCell,
  valueRuns,
} from "../../src/excel/submission";
import { readWorkbookSnapshot, REQUEST_BUDGET_BYTES } from "../../src/excel/readWorkbookSnapshot";
import { admissionAvoidance, everything, memoryWorkbook } from "./support";

async function planWithFigures() {
  const h = memoryWorkbook();
  await buildPlanSkeleton(h.context, {
    area: "Rutland",
    healthAndWellbeingBoard: "Rutland HWB",
    year: "2024-25",
  });
  await insertTemplates(h.context, [admissionAvoidance()]);
  h.workbook.setCell("Metrics", "B2", 3760);
  h.workbook.setCell("Metrics", "C2", 37600);
  return h;
}

describe("callsBcfFunction", () => {
  it.each([
    ["=BCF.RATE(B2,C2)", true],
    ['=IF(B2="","",bcf.period(B2,"month","year"))', true],
    ["=SUM(A1:A3)+BCF.UPLIFT(1,2)", true],
    ['="see BCF.RATE in the notes"', false],
    ["=SUM(BCF_Expenditure[Total (£)])", false],
    ["=XBCF.RATE(1)", false],
  ])("%s → %s", (formula, expected) => expect(callsBcfFunction(formula)).toBe(expected));
});

describe("valueRuns", () => {
  it("groups consecutive rows of a column into one write and keeps formula-like text as text", () => {
    expect(
      valueRuns([
        { sheet: "T", row: 2, col: 3, value: 7 },
        { sheet: "T", row: 1, col: 3, value: 5 },
        { sheet: "T", row: 4, col: 3, value: "=x" },
        { sheet: "T", row: 1, col: 4, value: 1 },
      ])
    ).toEqual([
      { sheet: "T", row: 1, col: 3, values: [[5], [7]] },
      { sheet: "T", row: 4, col: 3, values: [["'=x"]] },
      { sheet: "T", row: 1, col: 4, values: [[1]] },
    ]);
  });
});

describe("listBcfFormulas", () => {
  it("lists every =BCF.* formula with its sheet and cell, and writes nothing", async () => {
    const h = await planWithFigures();
    const before = everything(h);
    const found = await listBcfFormulas(h.context);
    expect(everything(h)).toEqual(before);
    // Metrics: the four 2023-25 metrics × 3 columns. Targets: the computed years and the uplift of each row (Excel may
    // carry a calculated column's formula into a row whose figure was not stated, so count those as found).
    expect(found.filter((f) => f.sheet === "Metrics")).toHaveLength(12);
    const targetsFormulas = h.workbook
      .snapshot()
      .sheets.find((s) => s.name === "Targets")!
      .formulas.flat()
      .filter((f) => String(f).includes("BCF."));
    expect(found.filter((f) => f.sheet === "Targets")).toHaveLength(targetsFormulas.length);
    expect(found.filter((f) => f.sheet === "Targets").map((f) => f.cell)).toEqual(
      expect.arrayContaining(["D2", "F2", "G2", "G3"])
    );
    expect(found.find((f) => f.cell === "D2" && f.sheet === "Targets")!.formula).toBe(
      '=IF([@[Baseline per month]]="","",BCF.PERIOD([@[Baseline per month]],"month","year"))'
    );
    expect(found.some((f) => f.sheet === "Summary" || f.sheet === "Expenditure")).toBe(false);
  });
});

describe("replaceBcfFormulasWithValues", () => {
  it("in place: writes the values over exactly those cells, everything else unchanged", async () => {
    const h = await planWithFigures();
    const before = h.workbook.snapshot();
    const listed = (await listBcfFormulas(h.context)).length;
    expect(listed).toBeGreaterThanOrEqual(15);
    const result = await replaceBcfFormulasWithValues(h.context, "in-place");
    expect(result).toEqual({
      replaced: listed,
      sheets: expect.arrayContaining(["Metrics", "Targets"]),
    });
    const after = h.workbook.snapshot();
    expect(after.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
    before.sheets.forEach((sheet, i) => {
      sheet.formulas.forEach((row, r) =>
        row.forEach((formula, c) => {
          const now = after.sheets[i];
          expect(now.values[r][c]).toEqual(sheet.values[r][c]);
          if (typeof formula === "string" && callsBcfFunction(formula))
            expect(now.formulas[r][c]).toEqual(sheet.values[r][c]);
          else expect(now.formulas[r][c]).toEqual(formula);
        })
      );
    });
    expect(h.workbook.getCell("Targets", "D2")).toMatchObject({
      formula: 600,
      value: 600,
    });
    expect(await listBcfFormulas(h.context)).toEqual([]);
  });

  it("copy: replaces in a copy of each affected sheet, leaving the originals", async () => {
    const h = await planWithFigures();
    const before = h.workbook.snapshot();
    const listed = (await listBcfFormulas(h.context)).length;
    const result = await replaceBcfFormulasWithValues(h.context, "copy");
    expect(result.replaced).toBe(listed);
    expect(result.sheets.sort()).toEqual(["Metrics (2)", "Targets (2)"]);
    for (const sheet of before.sheets) {
      expect(h.workbook.snapshot().sheets.find((s) => s.name === sheet.name)).toEqual(sheet);
    }
    expect(h.workbook.getCell("Targets (2)", "D2")).toMatchObject({
      formula: 600,
      value: 600,
    });
    expect(h.workbook.getCell("Metrics (2)", "E2").value).toBeCloseTo(10000, 9);
    expect(typeof h.workbook.getCell("Metrics (2)", "E2").formula).toBe("number");
  });

  it("writes in bounded blocks: one sync per block of cells", async () => {
    const h = await planWithFigures();
    const cells = (await listBcfFormulas(h.context)).length;
    h.stats.reset();
    await readWorkbookSnapshot(h.context, { maxCellsPerBlock: 5 });
    const readSyncs = h.stats.syncs;
    h.stats.reset();
    await replaceBcfFormulasWithValues(h.context, "in-place", {
      maxCellsPerBlock: 5,
    });
    // The snapshot's syncs, one to check protection, then a sync per block of (at least) 5 written cells.
    const writeSyncs = h.stats.syncs - readSyncs - 1;
    expect(writeSyncs).toBeGreaterThan(1);
    expect(writeSyncs).toBeLessThanOrEqual(Math.ceil(cells / 5) + 1);
    expect(await listBcfFormulas(h.context)).toEqual([]);
  });

  it("writes scattered cells a bounded number of ranges per request, each request under the limit", async () => {
    // Every other row of two columns: no two cells make a run, so each is a range of its own.
    const cells = 400;
    const h = memoryWorkbook({ maxRequestBytes: 20_000 });
    const formulas = Array.from({ length: cells / 2 }, (_, i) => [
      `=BCF.UPLIFT(${i + 1},${i + 2})`,
      "",
      `=BCF.UPLIFT(${i + 2},${i + 3})`,
    ]);
    h.workbook.setCells(
      "Sheet1",
      "A1",
      formulas.flatMap((row) => [row, ["", "", ""]])
    );
    // What a range costs the in-memory workbook's request, with room for its value.
    const maxRangesPerBlock = Math.floor(20_000 / 150);
    h.stats.reset();
    const result = await replaceBcfFormulasWithValues(h.context, "in-place", {
      maxCellsPerBlock: 200,
      maxRangesPerBlock,
    });
    expect(result.replaced).toBe(cells);
    expect(await listBcfFormulas(h.context, { maxCellsPerBlock: 200 })).toEqual([]);
    // C3 is UPLIFT(3,4): (4 - 3) / 3.
    expect(h.workbook.getCell("Sheet1", "C3").value).toBeCloseTo(1 / 3, 9);
    expect(h.workbook.getCell("Sheet1", "C3").formula).toBeCloseTo(1 / 3, 9);
    expect(h.stats.details.every((d) => d.ok)).toBe(true);
    // The default keeps a request of scattered cells within the budget, well under Excel's 5 MB.
    expect(DEFAULT_MAX_RANGES_PER_BLOCK * RANGE_WRITE_BYTES_ESTIMATE).toBeLessThanOrEqual(
      REQUEST_BUDGET_BYTES
    );
  });

  it("refuses a protected sheet plainly, changing nothing", async () => {
    const h = await planWithFigures();
    h.workbook.protectSheet("Metrics");
    const before = everything(h);
    await expect(replaceBcfFormulasWithValues(h.context, "in-place")).rejects.toThrow(
      /"Metrics" is protected, so no formulas were replaced/
    );
    expect(everything(h)).toEqual(before);
  });

  it("refuses to freeze a =BCF.* formula that shows #NAME? or #BUSY!, changing nothing", async () => {
    const h = await planWithFigures();
    // A function Excel does not know (the add-in's functions not loaded) shows #NAME?.
    // Outside the metrics table (a formula typed into a table column fills the whole column).
    h.workbook.setCell("Metrics", "P2", "=BCF.NOTLOADED(B2)");
    expect(h.workbook.getCell("Metrics", "P2").value).toBe("#NAME?");
    const before = everything(h);
    await expect(replaceBcfFormulasWithValues(h.context, "in-place")).rejects.toThrow(
      /shows #NAME\? \(first at Metrics!P2\), so no formulas were replaced/
    );
    expect(everything(h)).toEqual(before);
  });

  it("does nothing when there is no =BCF.* formula", async () => {
    const h = memoryWorkbook();
    await expect(replaceBcfFormulasWithValues(h.context, "copy")).resolves.toEqual({
      replaced: 0,
      sheets: [],
    });
    expect(h.workbook.sheetNames()).toEqual(["Sheet1"]);
  });
});

describe("selectCell", () => {
  it("activates the sheet and selects the cell", async () => {
    const h = await planWithFigures();
    await selectCell(h.context, "Summary", "D4");
    expect(h.workbook.selection).toEqual({ sheet: "Summary", address: "D4" });
  });

  it("says plainly when the sheet has gone or is hidden", async () => {
    const h = await planWithFigures();
    await expect(selectCell(h.context, "Old sheet", "A1")).rejects.toThrow(
      /"Old sheet" is no longer in the workbook/
    );
    await expect(selectCell(h.context, "BCF Lists", "A1")).rejects.toThrow(/hidden/);
  });
});
