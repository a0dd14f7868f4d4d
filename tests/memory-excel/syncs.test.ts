/** Sync counting, request sizes, Excel on the web's size limit, and protection errors being all-or-nothing. */
import fc from "fast-check";
import { createMemoryWorkbook, EXCEL_WEB_PAYLOAD_LIMIT_BYTES } from "../../src/memory-excel";

const utf8 = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), "utf8");

describe("sync counting and request sizes", () => {
  it("counts every sync, including empty and failed ones", async () => {
    const { context, stats } = createMemoryWorkbook();
    await context.sync();
    context.workbook.worksheets.getItem("Missing").getRange("A1").load("values");
    await expect(context.sync()).rejects.toBeDefined();
    await context.sync();
    expect(stats.syncs).toBe(3);
    expect(stats.requests).toHaveLength(3);
  });

  it("measures the data written and the data read back", async () => {
    const { context, stats } = createMemoryWorkbook();
    const rows = Array.from({ length: 200 }, (_, i) => [`Scheme ${i}`, i * 1000.5, "£ note"]);
    context.workbook.worksheets.getItem("Sheet1").getRange("A1:C200").values = rows;
    await context.sync();
    const written = stats.requests[0];
    // At least the written array itself, and not wildly more than it.
    expect(written).toBeGreaterThanOrEqual(utf8(rows));
    expect(written).toBeLessThan(utf8(rows) + 1000);
    const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:C200").load("values");
    await context.sync();
    expect(stats.details[1].responseBytes).toBeGreaterThanOrEqual(utf8(range.values));
    expect(stats.requests[1]).toBeLessThan(utf8(range.values) + 1000);
    expect(stats.maxRequestBytes).toBe(Math.max(...stats.requests));
  });

  it("grows the measured size with the data: more rows read never measure smaller", async () => {
    const { context, workbook, stats } = createMemoryWorkbook();
    workbook.setCells(
      "Sheet1",
      "A1",
      Array.from({ length: 300 }, (_, i) => [i, `text ${i}`])
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 299 }),
        fc.integer({ min: 1, max: 299 }),
        async (a, b) => {
          const [small, large] = a <= b ? [a, b] : [b, a];
          stats.reset();
          context.workbook.worksheets.getItem("Sheet1").getRange(`A1:B${small}`).load("values");
          await context.sync();
          context.workbook.worksheets.getItem("Sheet1").getRange(`A1:B${large}`).load("values");
          await context.sync();
          expect(stats.requests[1]).toBeGreaterThanOrEqual(stats.requests[0]);
        }
      ),
      { numRuns: 30 }
    );
  });

  it("rejects a read over the size limit with ResponsePayloadSizeLimitExceeded (as Excel on the web does), and a smaller one then works", async () => {
    const { context, workbook, stats } = createMemoryWorkbook({
      maxRequestBytes: 20000,
    });
    workbook.setCells(
      "Sheet1",
      "A1",
      Array.from({ length: 1000 }, (_, i) => [i, `Scheme name ${i}`])
    );
    const big = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1000").load("values");
    await expect(context.sync()).rejects.toMatchObject({
      code: "ResponsePayloadSizeLimitExceeded",
    });
    expect(() => big.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    const half = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B300").load("values");
    await context.sync();
    expect(half.values).toHaveLength(300);
    expect(stats.details.map((d) => d.ok)).toEqual([false, true]);
  });

  it("rejects a write over the size limit and applies nothing of it", async () => {
    const { context, workbook } = createMemoryWorkbook({
      maxRequestBytes: 5000,
    });
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("Z1").values = [["first"]];
    sheet.getRange("A1:A1000").values = Array.from({ length: 1000 }, (_, i) => [`row ${i}`]);
    await expect(context.sync()).rejects.toMatchObject({
      code: "RequestPayloadSizeLimitExceeded",
    });
    expect(workbook.usedRange("Sheet1")).toBeUndefined();
  });

  it("counts operations that change the workbook, and none for reads, select and activate", async () => {
    const { context, stats } = createMemoryWorkbook({ sheets: ["A", "B"] });
    const sheet = context.workbook.worksheets.getItem("A");
    sheet.getRange("A1:B2").load("values");
    context.workbook.worksheets.getItemOrNullObject("B");
    sheet.getRange("A1").select();
    sheet.activate();
    await context.sync();
    expect(stats.writeOperations).toBe(0);
    sheet.getRange("A1").values = [[1]];
    sheet.getRange("A1").format.font.bold = true;
    await context.sync();
    expect(stats.writeOperations).toBe(2);
    expect(stats.details.map((d) => d.writes)).toEqual([0, 2]);
  });

  it("has Excel on the web's 5 MB limit to hand", () => {
    expect(EXCEL_WEB_PAYLOAD_LIMIT_BYTES).toBe(5 * 1024 * 1024);
  });
});

describe("protected sheets and read-only workbooks", () => {
  it("rejects a write to a protected sheet with AccessDenied, applying nothing of that sync", async () => {
    const { context, workbook } = createMemoryWorkbook({
      sheets: ["Open", { name: "Locked", protected: true, rows: [[1]] }],
    });
    context.workbook.worksheets.getItem("Open").getRange("A1").values = [["changed"]];
    context.workbook.worksheets.add("New sheet");
    context.workbook.worksheets.getItem("Locked").getRange("A1").values = [[2]];
    const error = await context.sync().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "AccessDenied" });
    expect((error as Error).message).toMatch(/protected/);
    expect(workbook.getCell("Open", "A1").value).toBe("");
    expect(workbook.sheetNames()).toEqual(["Open", "Locked"]);
    expect(workbook.getCell("Locked", "A1").value).toBe(1);
  });

  it.each([
    [
      "a table",
      (ctx: Excel.RequestContext) =>
        void ctx.workbook.worksheets.getItem("Locked").tables.add("A1:B2", true),
    ],
    [
      "a number format",
      (ctx: Excel.RequestContext) =>
        void (ctx.workbook.worksheets.getItem("Locked").getRange("A1").numberFormat = [["0%"]]),
    ],
    [
      "a validation rule",
      (ctx: Excel.RequestContext) =>
        void (ctx.workbook.worksheets.getItem("Locked").getRange("A1").dataValidation.rule = {
          list: { inCellDropDown: true, source: "a,b" },
        }),
    ],
    [
      "a clear",
      (ctx: Excel.RequestContext) =>
        void ctx.workbook.worksheets.getItem("Locked").getRange("A1").clear(),
    ],
  ])("refuses %s on a protected sheet", async (_what, write) => {
    const { context, workbook } = createMemoryWorkbook({
      sheets: [
        {
          name: "Locked",
          rows: [
            [1, 2],
            [3, 4],
          ],
        },
      ],
    });
    workbook.protectSheet("Locked");
    write(context);
    await expect(context.sync()).rejects.toMatchObject({
      code: "AccessDenied",
    });
    expect(workbook.snapshot().sheets[0].values).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(workbook.tables()).toEqual([]);
  });

  it("leaves everything as it was whatever a failing sync did before its failing operation", async () => {
    type Step =
      | { kind: "write"; row: number; col: number; value: number | string }
      | { kind: "formula"; row: number; col: number }
      | { kind: "sheet"; name: string }
      | { kind: "table"; row: number }
      | { kind: "format"; row: number };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({
        kind: fc.constant("write" as const),
        row: fc.nat(20),
        col: fc.nat(5),
        value: fc.oneof(fc.integer(), fc.string()),
      }),
      fc.record({
        kind: fc.constant("formula" as const),
        row: fc.nat(20),
        col: fc.nat(5),
      }),
      fc.record({
        kind: fc.constant("sheet" as const),
        name: fc.constantFrom("Income", "Targets", "Extra"),
      }),
      fc.record({ kind: fc.constant("table" as const), row: fc.nat(20) }),
      fc.record({ kind: fc.constant("format" as const), row: fc.nat(20) })
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 12 }), async (steps) => {
        const { context, workbook } = createMemoryWorkbook({
          sheets: [
            {
              name: "Open",
              rows: [
                [1, "=A1*2"],
                ["x", 3],
              ],
            },
            { name: "Locked", rows: [[5]] },
          ],
        });
        workbook.protectSheet("Locked");
        const before = JSON.stringify([
          workbook.sheetNames(),
          workbook.snapshot(),
          workbook.tables(),
        ]);
        const open = context.workbook.worksheets.getItem("Open");
        for (const s of steps) {
          if (s.kind === "write") open.getRangeByIndexes(s.row, s.col, 1, 1).values = [[s.value]];
          if (s.kind === "formula")
            open.getRangeByIndexes(s.row, s.col, 1, 1).formulas = [["=SUM(A1:B2)+1"]];
          if (s.kind === "sheet") context.workbook.worksheets.add(s.name);
          if (s.kind === "table") open.tables.add(`H${s.row + 1}:I${s.row + 3}`, true);
          if (s.kind === "format") open.getRange(`A${s.row + 1}`).format.font.bold = true;
        }
        context.workbook.worksheets.getItem("Locked").getRange("A1").values = [[6]];
        await expect(context.sync()).rejects.toBeDefined();
        expect(
          JSON.stringify([workbook.sheetNames(), workbook.snapshot(), workbook.tables()])
        ).toBe(before);
      }),
      { numRuns: 60 }
    );
  });

  it("lets the same write through once the sheet is unprotected, and reads a protected sheet freely", async () => {
    const { context, workbook } = createMemoryWorkbook({
      sheets: [{ name: "Locked", protected: true, rows: [[1]] }],
    });
    const read = context.workbook.worksheets.getItem("Locked").getRange("A1").load("values");
    await context.sync();
    expect(read.values).toEqual([[1]]);
    workbook.protectSheet("Locked", false);
    context.workbook.worksheets.getItem("Locked").getRange("A1").values = [[5]];
    await context.sync();
    expect(workbook.getCell("Locked", "A1").value).toBe(5);
  });

  it("rejects any change to a read-only workbook, including adding a sheet", async () => {
    const { context, workbook } = createMemoryWorkbook({ readOnly: true });
    context.workbook.worksheets.add("Plan");
    await expect(context.sync()).rejects.toMatchObject({
      code: "AccessDenied",
    });
    context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
    await expect(context.sync()).rejects.toMatchObject({
      code: "AccessDenied",
    });
    expect(workbook.sheetNames()).toEqual(["Sheet1"]);
    workbook.setReadOnly(false);
    context.workbook.worksheets.add("Plan");
    await context.sync();
    expect(workbook.sheetNames()).toEqual(["Sheet1", "Plan"]);
  });
});
