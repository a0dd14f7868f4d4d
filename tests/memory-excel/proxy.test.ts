/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load -- these tests read properties too early on purpose, to check the PropertyNotLoaded errors */
/** The request-context semantics of the memory workbook: load/sync, PropertyNotLoaded, null objects, queue order. */
import { createMemoryWorkbook } from "../../src/memory-excel";

describe("load and sync", () => {
  it("reads a property only after load and sync, as Office.js does", async () => {
    const { context, workbook } = createMemoryWorkbook({
      sheets: [
        {
          name: "Income",
          rows: [
            ["Funding source", "Amount (£)"],
            ["BCF", 1200],
          ],
        },
      ],
    });
    const range = context.workbook.worksheets.getItem("Income").getRange("A1:B2");
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    range.load("values, address");
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    await context.sync();
    expect(range.values).toEqual([
      ["Funding source", "Amount (£)"],
      ["BCF", 1200],
    ]);
    expect(range.address).toBe("Income!A1:B2");
    expect(() => range.formulas).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    expect(workbook.getCell("Income", "B2").value).toBe(1200);
  });

  it("applies writes at sync time, not before", async () => {
    const { context, workbook } = createMemoryWorkbook();
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:B1").values = [[3, 4]];
    expect(workbook.getCell("Sheet1", "A1").value).toBe("");
    await context.sync();
    expect(workbook.getCell("Sheet1", "A1").value).toBe(3);
    expect(workbook.getCell("Sheet1", "B1").value).toBe(4);
  });

  it("keeps a value this code set, without a load (Office.js proxies do)", async () => {
    const { context } = createMemoryWorkbook();
    const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
    range.formulas = [["=1+1"]];
    expect(range.formulas).toEqual([["=1+1"]]);
    range.load("values");
    await context.sync();
    expect(range.values).toEqual([[2]]);
  });

  it("runs queued operations in order: a load after a write sees the write and its recalculation", async () => {
    const { context } = createMemoryWorkbook();
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    const before = sheet.getRange("A1:B1").load("values");
    sheet.getRange("A1").values = [[10]];
    sheet.getRange("B1").formulas = [["=A1*2"]];
    const after = sheet.getRange("A1:B1").load("values,formulas");
    await context.sync();
    expect(before.values).toEqual([["", ""]]);
    expect(after.values).toEqual([[10, 20]]);
    expect(after.formulas).toEqual([[10, "=A1*2"]]);
  });

  it("does not recalculate loads in a sync after suspendApiCalculationUntilNextSync, but does at the end", async () => {
    const { context, workbook } = createMemoryWorkbook({
      sheets: [{ name: "Sheet1", rows: [[1, "=A1+1"]] }],
    });
    context.workbook.application.suspendApiCalculationUntilNextSync();
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1").values = [[5]];
    const stale = sheet.getRange("B1").load("values");
    await context.sync();
    expect(stale.values).toEqual([[2]]);
    expect(workbook.getCell("Sheet1", "B1").value).toBe(6);
  });

  it("reads '' for empty cells, General for unformatted ones and the constant as formulas", async () => {
    const { context } = createMemoryWorkbook({
      sheets: [{ name: "S", rows: [[1, null, "x"]] }],
    });
    const range = context.workbook.worksheets.getItem("S").getRange("A1:C1");
    range.numberFormat = [["£#,##0.00", null, null]];
    range.load("values,formulas,numberFormat,rowCount,columnCount,rowIndex,columnIndex");
    await context.sync();
    expect(range.values).toEqual([[1, "", "x"]]);
    expect(range.formulas).toEqual([[1, "", "x"]]);
    expect(range.numberFormat).toEqual([["£#,##0.00", "General", "General"]]);
    expect([range.rowCount, range.columnCount, range.rowIndex, range.columnIndex]).toEqual([
      1, 3, 0, 0,
    ]);
  });

  it("refuses an array that doesn't fit the range, and broadcasts a single value", async () => {
    const { context, workbook } = createMemoryWorkbook();
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:B2").values = [[1, 2]];
    await expect(context.sync()).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    (sheet.getRange("A1:B2") as unknown as { numberFormat: string }).numberFormat = "0%";
    await context.sync();
    expect(workbook.getCell("Sheet1", "B2").numberFormat).toBe("0%");
  });

  it("formats whole columns by formatting the cells in use there", async () => {
    const { context, workbook } = createMemoryWorkbook({
      sheets: [{ name: "S", rows: [[1], [2]] }],
    });
    const column = context.workbook.worksheets.getItem("S").getRange("A:A");
    (column as unknown as { numberFormat: string }).numberFormat = "£#,##0.00";
    column.format.font.bold = true;
    await context.sync();
    expect(workbook.getCell("S", "A2")).toMatchObject({
      numberFormat: "£#,##0.00",
      bold: true,
      text: "£2.00",
    });
    expect(workbook.usedRange("S", false)?.address).toBe("S!A1:A2");
  });

  it("leaves a cell alone when its entry is null", async () => {
    const { context, workbook } = createMemoryWorkbook({
      sheets: [{ name: "S", rows: [[1, 2]] }],
    });
    context.workbook.worksheets.getItem("S").getRange("A1:B1").values = [
      [null, 9],
    ] as unknown as number[][];
    await context.sync();
    expect(workbook.getCell("S", "A1").value).toBe(1);
    expect(workbook.getCell("S", "B1").value).toBe(9);
  });

  it("reads strings the way Excel reads typing: numbers, booleans, apostrophe text and text format", async () => {
    const { context, workbook } = createMemoryWorkbook();
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("D1").numberFormat = [["@"]];
    sheet.getRange("A1:E1").values = [["12.5", "TRUE", "'007", "007", "£340,000"]];
    await context.sync();
    expect(["A1", "B1", "C1", "D1", "E1"].map((c) => workbook.getCell("Sheet1", c).value)).toEqual([
      12.5,
      true,
      "007",
      "007",
      "£340,000",
    ]);
  });
});

describe("null objects and missing items", () => {
  it("reports isNullObject after sync for getItemOrNullObject, without a load", async () => {
    const { context } = createMemoryWorkbook({ sheets: ["Cover"] });
    const missing = context.workbook.worksheets.getItemOrNullObject("Expenditure");
    const present = context.workbook.worksheets.getItemOrNullObject("cover");
    expect(() => missing.isNullObject).toThrow(
      expect.objectContaining({ code: "PropertyNotLoaded" })
    );
    await context.sync();
    expect(missing.isNullObject).toBe(true);
    expect(present.isNullObject).toBe(false);
  });

  it("rejects the sync with ItemNotFound when getItem names a missing sheet that is used", async () => {
    const { context, workbook } = createMemoryWorkbook();
    context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
    context.workbook.worksheets.getItem("Nope").getRange("A1").load("values");
    await expect(context.sync()).rejects.toMatchObject({
      code: "ItemNotFound",
    });
    // All or nothing: the write before the failing operation was not applied.
    expect(workbook.getCell("Sheet1", "A1").value).toBe("");
  });

  it("gives a null used range on an empty sheet and the bounding box otherwise", async () => {
    const { context } = createMemoryWorkbook({
      sheets: [
        "Empty",
        {
          name: "Data",
          rows: [
            [null, null],
            [null, 5, null, "x"],
          ],
        },
      ],
    });
    const empty = context.workbook.worksheets.getItem("Empty").getUsedRangeOrNullObject(true);
    const data = context.workbook.worksheets
      .getItem("Data")
      .getUsedRangeOrNullObject(true)
      .load("address,values");
    await context.sync();
    expect(empty.isNullObject).toBe(true);
    expect(data.isNullObject).toBe(false);
    expect(data.address).toBe("Data!B2:D2");
    expect(data.values).toEqual([[5, "", "x"]]);
  });

  it("finds tables by name or gives a null object", async () => {
    const { context } = createMemoryWorkbook();
    const table = context.workbook.tables.getItemOrNullObject("BCF_Expenditure");
    await context.sync();
    expect(table.isNullObject).toBe(true);
  });
});

describe("worksheets", () => {
  it("adds sheets, lists their names in order and refuses duplicates case-insensitively", async () => {
    const { context, workbook } = createMemoryWorkbook({ sheets: ["Cover"] });
    context.workbook.worksheets.add("Income");
    context.workbook.worksheets.add();
    await context.sync();
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    expect(sheets.items.map((s) => s.name)).toEqual(["Cover", "Income", "Sheet3"]);
    expect(workbook.sheetNames()).toEqual(["Cover", "Income", "Sheet3"]);
    context.workbook.worksheets.add("INCOME");
    await expect(context.sync()).rejects.toMatchObject({
      code: "ItemAlreadyExists",
    });
  });

  it.each(["a".repeat(32), "Plan [draft]", "Q1/Q2", "What?", "A*", "x:y", "back\\slash", ""])(
    "refuses the sheet name %p",
    async (name) => {
      const { context, workbook } = createMemoryWorkbook();
      context.workbook.worksheets.add(name);
      await expect(context.sync()).rejects.toMatchObject({
        code: "InvalidArgument",
      });
      expect(workbook.sheetNames()).toEqual(["Sheet1"]);
    }
  );

  it("accepts a 31-character name with spaces and punctuation Excel allows", async () => {
    const { context, workbook } = createMemoryWorkbook();
    const name = "Plan (2025-26) – £ & notes, v2!"; // 31 characters
    expect(name.length).toBe(31);
    context.workbook.worksheets.add(name).getRange("A1").values = [["ok"]];
    await context.sync();
    expect(workbook.getCell(name, "A1").value).toBe("ok");
  });

  it("binds a sheet proxy to the sheet, so a rename in the same batch keeps working", async () => {
    const { context, workbook } = createMemoryWorkbook();
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.name = "Cover";
    sheet.getRange("A1").values = [["BCF plan"]];
    sheet.load("name");
    await context.sync();
    expect(sheet.name).toBe("Cover");
    expect(workbook.getCell("Cover", "A1").value).toBe("BCF plan");
  });

  it("activates, selects, deletes and copies sheets", async () => {
    const { context, workbook } = createMemoryWorkbook({
      sheets: [{ name: "Summary", rows: [[1, "=A1*3"]] }, "Other"],
    });
    const other = context.workbook.worksheets.getItem("Other");
    other.activate();
    await context.sync();
    expect(workbook.activeSheet).toBe("Other");
    context.workbook.worksheets.getItem("Summary").getRange("B1").select();
    await context.sync();
    expect(workbook.selection).toEqual({ sheet: "Summary", address: "B1" });
    expect(workbook.activeSheet).toBe("Summary");
    const copy = context.workbook.worksheets.getItem("Summary").copy("End");
    copy.load("name");
    await context.sync();
    expect(copy.name).toBe("Summary (2)");
    expect(workbook.sheetNames()).toEqual(["Summary", "Other", "Summary (2)"]);
    expect(workbook.getCell("Summary (2)", "B1")).toMatchObject({
      value: 3,
      formula: "=A1*3",
    });
    other.delete();
    await context.sync();
    expect(workbook.sheetNames()).toEqual(["Summary", "Summary (2)"]);
    other.getRange("A1").load("values");
    await expect(context.sync()).rejects.toMatchObject({
      code: "ItemNotFound",
    });
  });

  it("copies a sheet before or after another, and won't activate a hidden sheet", async () => {
    const { context, workbook } = createMemoryWorkbook({
      sheets: ["A", "B", "C"],
    });
    const b = context.workbook.worksheets.getItem("B");
    b.copy("After" as Excel.WorksheetPositionType, context.workbook.worksheets.getItem("C"));
    b.copy("Beginning" as Excel.WorksheetPositionType);
    await context.sync();
    expect(workbook.sheetNames()).toEqual(["B (3)", "A", "B", "C", "B (2)"]);
    b.visibility = "Hidden" as Excel.SheetVisibility;
    await context.sync();
    expect(workbook.sheetVisibility("B")).toBe("Hidden");
    b.activate();
    await expect(context.sync()).rejects.toMatchObject({
      code: "InvalidOperation",
    });
  });

  it("fails with ItemNotFound when a range kept from before is used after its sheet was deleted", async () => {
    const { context } = createMemoryWorkbook({ sheets: ["Keep", "Gone"] });
    const range = context.workbook.worksheets.getItem("Gone").getRange("A1").load("address");
    await context.sync();
    context.workbook.worksheets.getItem("Gone").delete();
    await context.sync();
    range.load("values");
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  it("won't delete the last visible sheet", async () => {
    const { context, workbook } = createMemoryWorkbook();
    context.workbook.worksheets.getItem("Sheet1").delete();
    await expect(context.sync()).rejects.toMatchObject({
      code: "InvalidOperation",
    });
    expect(workbook.sheetNames()).toEqual(["Sheet1"]);
  });

  it("reports the active worksheet and its protection", async () => {
    const { context, workbook } = createMemoryWorkbook({ sheets: ["A", "B"] });
    workbook.protectSheet("A");
    const active = context.workbook.worksheets.getActiveWorksheet().load("name");
    const protection = context.workbook.worksheets.getItem("A").protection.load("protected");
    await context.sync();
    expect(active.name).toBe("A");
    expect(protection.protected).toBe(true);
  });
});

describe("ranges", () => {
  it("derives cells, offsets and resized ranges from a range", async () => {
    const { context } = createMemoryWorkbook();
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    const base = sheet.getRange("B2:C3");
    const cell = base.getCell(1, 1).load("address");
    const offset = base.getOffsetRange(2, 1).load("address");
    const resized = base.getResizedRange(3, -1).load("address");
    const byIndexes = sheet.getRangeByIndexes(9, 0, 2, 13).load("address");
    await context.sync();
    expect(cell.address).toBe("Sheet1!C3");
    expect(offset.address).toBe("Sheet1!C4:D5");
    expect(resized.address).toBe("Sheet1!B2:B6");
    expect(byIndexes.address).toBe("Sheet1!A10:M11");
  });

  it("quotes sheet names that need it in addresses", async () => {
    const { context } = createMemoryWorkbook({ sheets: ["Plan 2025"] });
    const range = context.workbook.worksheets
      .getItem("Plan 2025")
      .getRange("A1:B2")
      .load("address");
    await context.sync();
    expect(range.address).toBe("'Plan 2025'!A1:B2");
  });

  it("quotes, as Excel does, sheet names that read as references or logical values", async () => {
    const names = ["Q1", "R2C3", "TRUE", "Income"];
    const { context } = createMemoryWorkbook({ sheets: names });
    const ranges = names.map((name) =>
      context.workbook.worksheets.getItem(name).getRange("B4").load("address")
    );
    await context.sync();
    expect(ranges.map((r) => r.address)).toEqual([
      "'Q1'!B4",
      "'R2C3'!B4",
      "'TRUE'!B4",
      "Income!B4",
    ]);
  });

  it("sets bold, column width, validation and clears", async () => {
    const { context, workbook } = createMemoryWorkbook({
      sheets: [{ name: "S", rows: [["a", "b"]] }],
    });
    const sheet = context.workbook.worksheets.getItem("S");
    sheet.getRange("A1:B1").format.font.bold = true;
    sheet.getRange("A1:A1").format.columnWidth = 120;
    sheet.getRange("C2:C5").dataValidation.rule = {
      list: { inCellDropDown: true, source: "Yes,No" },
    };
    const font = sheet.getRange("A1:C1").format.font.load("bold");
    await context.sync();
    expect(workbook.getCell("S", "B1").bold).toBe(true);
    expect(font.bold).toBeNull();
    expect(workbook.columnWidth("S", 0)).toBe(120);
    expect(workbook.validation("S", "C4")).toEqual({
      list: { inCellDropDown: true, source: "Yes,No" },
    });
    expect(workbook.validation("S", "C6")).toBeUndefined();
    sheet.getRange("A1:C5").clear();
    await context.sync();
    expect(workbook.usedRange("S", false)).toBeUndefined();
    expect(workbook.validation("S", "C4")).toBeUndefined();
  });

  it("refuses a validation rule over cells another rule covers in part, as Excel on the web does, until cleared", async () => {
    const { context, workbook } = createMemoryWorkbook({ sheets: ["S"] });
    const sheet = context.workbook.worksheets.getItem("S");
    const yesNo = { list: { inCellDropDown: true, source: "Yes,No" } };
    sheet.getRange("B5:B10").dataValidation.rule = yesNo;
    await context.sync();
    sheet.getRange("B5:B10").dataValidation.rule = {
      list: { inCellDropDown: true, source: "A,B" },
    };
    await context.sync();
    expect(workbook.validation("S", "B7")).toEqual({
      list: { inCellDropDown: true, source: "A,B" },
    });
    sheet.getRange("B1:B10").dataValidation.rule = yesNo;
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    sheet.getRange("B1:B10").dataValidation.clear();
    sheet.getRange("B1:B10").dataValidation.rule = yesNo;
    await context.sync();
    expect(workbook.validation("S", "B1")).toEqual(yesNo);
    expect(workbook.validation("S", "B7")).toEqual(yesNo);
  });

  it("clears contents or formats separately", async () => {
    const { context, workbook } = createMemoryWorkbook({
      sheets: [{ name: "S", rows: [[1, 2]] }],
    });
    const range = context.workbook.worksheets.getItem("S").getRange("A1:B1");
    range.numberFormat = [["0%", "0%"]];
    await context.sync();
    context.workbook.worksheets
      .getItem("S")
      .getRange("A1")
      .clear("Contents" as Excel.ClearApplyTo);
    context.workbook.worksheets
      .getItem("S")
      .getRange("B1")
      .clear("Formats" as Excel.ClearApplyTo);
    await context.sync();
    expect(workbook.getCell("S", "A1")).toMatchObject({
      value: "",
      numberFormat: "0%",
    });
    expect(workbook.getCell("S", "B1")).toMatchObject({
      value: 2,
      numberFormat: "General",
    });
  });

  it("refuses to assign a property the memory workbook doesn't implement, rather than ignore it", () => {
    const { context } = createMemoryWorkbook();
    const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1") as unknown as Record<
      string,
      unknown
    >;
    expect(() => {
      range.notARealProperty = 1;
    }).toThrow(TypeError);
  });

  it("notifies change listeners after a sync that changed something, not after a read", async () => {
    const { context, workbook } = createMemoryWorkbook();
    const listener = jest.fn();
    workbook.onChange(listener);
    context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
    await context.sync();
    expect(listener).not.toHaveBeenCalled();
    context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
    await context.sync();
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
