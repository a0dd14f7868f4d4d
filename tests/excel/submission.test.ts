import { buildPlanSkeleton } from "../../src/excel/buildPlanSkeleton";
import { insertTemplates } from "../../src/excel/insertTemplates";
import {
  callsBcfFunction,
  DEFAULT_MAX_RANGES_PER_BLOCK,
  listBcfFormulas,
  RANGE_WRITE_BYTES_ESTIMATE,
  replaceBcfFormulasWithValues,
  restoreBcfFormulas,
  selectCell,
  valueRuns,
} from "../../src/excel/submission";
import { readWorkbookSnapshot, REQUEST_BUDGET_BYTES } from "../../src/excel/readWorkbookSnapshot";
import { MemoryExcelError } from "../../src/memory-excel";
import { RangeProxy } from "../../src/memory-excel/proxy/range";
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
  it("groups consecutive rows of a column into one write and keeps text as text", () => {
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
    expect(result).toMatchObject({
      replaced: listed,
      sheets: expect.arrayContaining(["Metrics", "Targets"]),
      originals: [],
    });
    expect(result.cells).toHaveLength(listed);
    expect(result.incomplete).toBeUndefined();
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

  it("copy: replaces in a copy of each affected sheet, leaving the originals (named as such)", async () => {
    const h = await planWithFigures();
    const before = h.workbook.snapshot();
    const listed = (await listBcfFormulas(h.context)).length;
    const result = await replaceBcfFormulasWithValues(h.context, "copy");
    expect(result.replaced).toBe(listed);
    expect(result.sheets.sort()).toEqual(["Metrics (2)", "Targets (2)"]);
    expect(result.originals.sort()).toEqual(["Metrics", "Targets"]);
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
      originals: [],
      cells: [],
    });
    expect(h.workbook.sheetNames()).toEqual(["Sheet1"]);
  });
});

describe("replaceBcfFormulasWithValues keeps each result what it was", () => {
  /** A =BCF.* function that returns its argument: stands for any =BCF.* result of that type. */
  const echo = (value: unknown) => {
    if (value === "N/A") throw Object.assign(new Error("No data"), { code: "#N/A" });
    return value;
  };

  it.each([
    ['"00123"', "00123"],
    ['"TRUE"', "TRUE"],
    ['"50%"', "50%"],
    ['"1e5"', "1e5"],
    ['"+1"', "+1"],
    ['"=1+1"', "=1+1"],
    ["0.25", 0.25],
    ["TRUE", true],
    ['"N/A"', "#N/A"],
  ])("=BCF.ECHO(%s) becomes %p, of the same type", async (argument, shown) => {
    const h = memoryWorkbook({ customFunctions: { "BCF.ECHO": echo } as never });
    h.workbook.setCell("Sheet1", "B2", `=BCF.ECHO(${argument})`);
    expect(h.workbook.getCell("Sheet1", "B2").value).toBe(shown);
    await replaceBcfFormulasWithValues(h.context, "in-place");
    expect(h.workbook.getCell("Sheet1", "B2")).toMatchObject({ value: shown, formula: shown });
  });

  it("replaces a spilled result over its whole spill range", async () => {
    const h = memoryWorkbook();
    h.workbook.setCells("Sheet1", "A1", [[3760, 37600, "=BCF.RATE.CI(A1,B1)"]]);
    // The memory workbook does not spill: Excel would show the upper limit in D1. Stand in for it.
    const lower = h.workbook.getCell("Sheet1", "C1").value as number;
    const upper = 10330.7;
    h.workbook.setCell("Sheet1", "D1", upper);
    const spy = jest
      .spyOn(RangeProxy.prototype, "getSpillingToRangeOrNullObject")
      .mockImplementation(function (this: RangeProxy) {
        return this.getResizedRange(0, 1);
      });
    try {
      const result = await replaceBcfFormulasWithValues(h.context, "in-place");
      expect(result.replaced).toBe(1);
      expect(result.cells[0].values[0][1]).toBe(upper);
    } finally {
      spy.mockRestore();
    }
    expect(h.workbook.getCell("Sheet1", "C1").formula).toBe(lower);
    expect(h.workbook.getCell("Sheet1", "D1").formula).toBe(upper);
  });

  it("refuses plainly, changing nothing, where Excel cannot say where a result spills", async () => {
    const h = memoryWorkbook();
    h.workbook.setCells("Sheet1", "A1", [[3760, 37600, "=BCF.RATE.CI(A1,B1)"]]);
    const before = everything(h);
    await expect(
      replaceBcfFormulasWithValues(h.context, "in-place", { spillSupported: false })
    ).rejects.toThrow(/Sheet1!C1 holds =BCF\.\*\.CI.*so no formulas were replaced/);
    expect(everything(h)).toEqual(before);
  });
});

describe("when Excel refuses part of a replace", () => {
  /** 12 =BCF.UPLIFT formulas in A1:A12; a request writing A9 (the third block of 4) is refused. */
  function refusingAtA9() {
    let refuse = true;
    const h = memoryWorkbook({
      partialBatches: true,
      beforeOperation: ({ action, path }) => {
        if (refuse && action === "set values" && path.includes("getRangeByIndexes(8,0,")) {
          refuse = false;
          throw new MemoryExcelError("AccessDenied", "Refused.");
        }
      },
    });
    h.workbook.setCells(
      "Sheet1",
      "A1",
      Array.from({ length: 12 }, (_, i) => [`=BCF.UPLIFT(${i + 1},${i + 2})`])
    );
    return h;
  }

  it("says exactly how many were replaced and where, and how many are left", async () => {
    const h = refusingAtA9();
    const result = await replaceBcfFormulasWithValues(h.context, "in-place", {
      maxCellsPerBlock: 4,
      maxRangesPerBlock: 1,
    });
    // Blocks A1:A4 and A5:A8 went in; A9:A12 was refused whole.
    expect(result.replaced).toBe(8);
    expect(result.incomplete).toMatchObject({ remaining: 4, where: "Sheet1!A1:A4, Sheet1!A5:A8" });
    expect(result.incomplete!.reason).toMatch(/protected|nothing was changed|could not/);
    expect(h.workbook.getCell("Sheet1", "A8").formula).toBeCloseTo(1 / 8, 9);
    expect(h.workbook.getCell("Sheet1", "A9").formula).toBe("=BCF.UPLIFT(9,10)");
  });

  it("can finish: a second run replaces the rest", async () => {
    const h = refusingAtA9();
    await replaceBcfFormulasWithValues(h.context, "in-place", {
      maxCellsPerBlock: 4,
      maxRangesPerBlock: 1,
    });
    const rest = await replaceBcfFormulasWithValues(h.context, "in-place");
    expect(rest.replaced).toBe(4);
    expect(await listBcfFormulas(h.context)).toEqual([]);
  });

  it("can put the replaced formulas back, except in a cell typed over since", async () => {
    const h = refusingAtA9();
    const result = await replaceBcfFormulasWithValues(h.context, "in-place", {
      maxCellsPerBlock: 4,
      maxRangesPerBlock: 1,
    });
    h.workbook.setCell("Sheet1", "A2", 99);
    const back = await restoreBcfFormulas(h.context, result.cells.slice(0, result.replaced));
    expect(back).toEqual({ restored: 7, kept: 1 });
    expect(h.workbook.getCell("Sheet1", "A1").formula).toBe("=BCF.UPLIFT(1,2)");
    expect(h.workbook.getCell("Sheet1", "A2").formula).toBe(99);
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
