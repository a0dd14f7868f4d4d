/** Excel tables in the memory workbook: adding, rows, totals, calculated columns, structured references, charts. */
import fc from "fast-check";
import { createMemoryWorkbook } from "../../src/memory-excel";

const COLUMNS = ["Scheme ID", "Scheme Name", "NHS (£)", "Council (£)", "Total (£)"];
const TOTAL = "=[@[NHS (£)]]+[@[Council (£)]]";

async function expenditureTable() {
  const handle = createMemoryWorkbook({ sheets: ["Expenditure", "Summary"] });
  const { context } = handle;
  const sheet = context.workbook.worksheets.getItem("Expenditure");
  sheet.getRange("A1:E1").values = [COLUMNS];
  const table = sheet.tables.add("A1:E1", true);
  table.name = "BCF_Expenditure";
  await context.sync();
  return { ...handle, sheet, table };
}

describe("tables", () => {
  it("takes column names from the header row and keeps one empty data row, as Excel does", async () => {
    const { workbook } = await expenditureTable();
    expect(workbook.tables()).toEqual([
      expect.objectContaining({
        name: "BCF_Expenditure",
        sheet: "Expenditure",
        address: "A1:E2",
        headerAddress: "A1:E1",
        bodyAddress: "A2:E2",
        columns: COLUMNS,
        showTotals: false,
      }),
    ]);
  });

  it("appends rows after the last data row, calculates structured references per row, and totals them", async () => {
    const { context, workbook, table } = await expenditureTable();
    table.getDataBodyRange().formulas = [["S1", "Crisis response", 125000, 115000, TOTAL]];
    table.rows.add(undefined, [
      ["S2", "Reablement", 50000, 25000, TOTAL],
      ["S3", "Carers", 0, 30000, TOTAL],
    ]);
    table.showTotals = true;
    table.columns.getItem("NHS (£)").getTotalRowRange().formulas = [["=SUBTOTAL(109,[NHS (£)])"]];
    await context.sync();
    expect(workbook.tables()[0]).toMatchObject({
      address: "A1:E5",
      bodyAddress: "A2:E4",
      totalsAddress: "A5:E5",
    });
    expect(["E2", "E3", "E4"].map((c) => workbook.getCell("Expenditure", c).value)).toEqual([
      240000, 75000, 30000,
    ]);
    expect(workbook.getCell("Expenditure", "A5").value).toBe("Total");
    expect(workbook.getCell("Expenditure", "C5").value).toBe(175000);
    // Excel's default totals row sums the last column.
    expect(workbook.getCell("Expenditure", "E5").value).toBe(345000);
  });

  it("resolves Table[Column], Table[[#Totals],[Column]] and SUMIFS over table columns from another sheet", async () => {
    const { context, workbook, table } = await expenditureTable();
    table.getDataBodyRange().values = [["S1", "Crisis response", 100, 20, TOTAL]];
    table.rows.add(undefined, [
      ["S2", "Crisis response", 5, 1, TOTAL],
      ["S3", "Carers", 7, 0, TOTAL],
    ]);
    table.showTotals = true;
    const summary = context.workbook.worksheets.getItem("Summary");
    summary.getRange("A1:D1").formulas = [
      [
        "=SUM(BCF_Expenditure[Total (£)])",
        "=BCF_Expenditure[[#Totals],[Total (£)]]",
        '=SUMIFS(BCF_Expenditure[NHS (£)],BCF_Expenditure[Scheme Name],"crisis response")',
        "=COUNTA(BCF_Expenditure[[#Headers],[Scheme ID]:[NHS (£)]])",
      ],
    ];
    await context.sync();
    expect(["A1", "B1", "C1", "D1"].map((c) => workbook.getCell("Summary", c).value)).toEqual([
      133, 133, 105, 3,
    ]);
  });

  it("gives the same answers through structured references as through the A1 ranges they stand for", async () => {
    const line = fc.tuple(
      fc.constantFrom("iBCF", "DFG", "NHS minimum"),
      fc.integer({ min: -5000, max: 500000 }),
      fc.integer({ min: 0, max: 500000 })
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { minLength: 1, maxLength: 25 }),
        fc.boolean(),
        async (lines, totals) => {
          const { context, workbook } = createMemoryWorkbook({
            sheets: ["Expenditure", "Summary"],
          });
          const sheet = context.workbook.worksheets.getItem("Expenditure");
          sheet.getRange("A1:D1").values = [["Source", "NHS (£)", "Council (£)", "Total (£)"]];
          const table = sheet.tables.add("A1:D1", true);
          table.name = "T";
          table.getDataBodyRange().formulas = [
            [lines[0][0], lines[0][1], lines[0][2], "=[@[NHS (£)]]+[@[Council (£)]]"],
          ];
          if (lines.length > 1)
            table.rows.add(
              undefined,
              lines.slice(1).map((l) => [l[0], l[1], l[2], ""])
            );
          table.showTotals = totals;
          await context.sync();
          const last = lines.length + 1;
          workbook.setCells("Summary", "A1", [
            ["=SUM(T[Total (£)])", `=SUM(Expenditure!D2:D${last})`],
            [
              '=SUMIFS(T[NHS (£)],T[Source],"DFG")',
              `=SUMIFS(Expenditure!B2:B${last},Expenditure!A2:A${last},"DFG")`,
            ],
            ["=COUNT(T[#Data])", `=COUNT(Expenditure!A2:D${last})`],
          ]);
          const expectedTotal = lines.reduce((s, l) => s + l[1] + l[2], 0);
          expect(workbook.getCell("Summary", "A1").value).toBe(expectedTotal);
          for (const r of [1, 2, 3])
            expect(workbook.getCell("Summary", `A${r}`).value).toBe(
              workbook.getCell("Summary", `B${r}`).value
            );
        }
      ),
      { numRuns: 40 }
    );
  });

  it("fills a calculated column: a formula in the first data row of an empty column fills it and follows new rows", async () => {
    const { context, workbook, table } = await expenditureTable();
    table.getDataBodyRange().getResizedRange(0, -1).values = [["S1", "A", 1, 2]];
    table.rows.add(undefined, [["S2", "B", 3, 4, ""]]);
    await context.sync();
    context.workbook.worksheets.getItem("Expenditure").getRange("E2").formulas = [[TOTAL]];
    await context.sync();
    expect(workbook.getCell("Expenditure", "E3")).toMatchObject({
      formula: TOTAL,
      value: 7,
    });
    table.rows.add(undefined, [["S3", "C", 10, 20, ""]]);
    await context.sync();
    expect(workbook.getCell("Expenditure", "E4")).toMatchObject({
      formula: TOTAL,
      value: 30,
    });
    expect(workbook.tables()[0].calculatedColumns).toEqual({
      "Total (£)": TOTAL,
    });
  });

  it("carries number formats and validation lists of the table's columns into new rows", async () => {
    const { context, workbook, table } = await expenditureTable();
    table.columns.getItem("NHS (£)").getDataBodyRange().numberFormat = [["£#,##0.00"]];
    table.columns.getItem("Scheme Name").getDataBodyRange().dataValidation.rule = {
      list: { inCellDropDown: true, source: "A,B" },
    };
    table.rows.add(undefined, [
      ["S2", "B", 3, 4, 7],
      ["S3", "A", 1, 1, 2],
    ]);
    await context.sync();
    expect(workbook.getCell("Expenditure", "C4").numberFormat).toBe("£#,##0.00");
    expect(workbook.validation("Expenditure", "B4")).toEqual({
      list: { inCellDropDown: true, source: "A,B" },
    });
  });

  it("inserts rows at an index, moving the rows below down", async () => {
    const { context, workbook, table } = await expenditureTable();
    table.getDataBodyRange().values = [["S1", "first", 1, 1, 2]];
    table.rows.add(undefined, [["S3", "third", 3, 3, 6]]);
    table.rows.add(1, [["S2", "second", 2, 2, 4]]);
    await context.sync();
    expect(workbook.usedRange("Expenditure")?.values.map((r) => r[0])).toEqual([
      "Scheme ID",
      "S1",
      "S2",
      "S3",
    ]);
  });

  it("refuses to push non-empty cells below the table, and applies nothing of that sync", async () => {
    const { context, workbook, table } = await expenditureTable();
    workbook.setCell("Expenditure", "C4", "a note someone typed");
    table.getDataBodyRange().values = [["S1", "first", 1, 1, 2]];
    table.rows.add(undefined, [
      ["S2", "x", 1, 1, 2],
      ["S3", "y", 1, 1, 2],
    ]);
    await expect(context.sync()).rejects.toMatchObject({
      code: "InsertDeleteConflict",
    });
    expect(workbook.getCell("Expenditure", "A2").value).toBe("");
    expect(workbook.tables()[0].bodyAddress).toBe("A2:E2");
    expect(workbook.getCell("Expenditure", "C4").value).toBe("a note someone typed");
  });

  it("keeps table names unique across the workbook and valid", async () => {
    const { context, workbook } = await expenditureTable();
    const other = context.workbook.worksheets.getItem("Summary").tables.add("A1:B3", true);
    other.name = "bcf_expenditure";
    await expect(context.sync()).rejects.toMatchObject({
      code: "ItemAlreadyExists",
    });
    const bad = context.workbook.worksheets.getItem("Summary").tables.add("A1:B3", true);
    bad.name = "My table";
    await expect(context.sync()).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    expect(workbook.tables().map((t) => t.name)).toEqual(["BCF_Expenditure"]);
  });

  it("refuses overlapping tables and reports a missing column", async () => {
    const { context, table } = await expenditureTable();
    context.workbook.worksheets.getItem("Expenditure").tables.add("D2:G4", true);
    await expect(context.sync()).rejects.toMatchObject({
      code: "InvalidOperation",
    });
    table.columns.getItem("Nope").getDataBodyRange().load("address");
    await expect(context.sync()).rejects.toMatchObject({
      code: "ItemNotFound",
    });
  });

  it("adds a table from a workbook-level address, gives default names and headers, and deletes it with its cells", async () => {
    const { context, workbook } = createMemoryWorkbook({
      sheets: [
        {
          name: "Targets plan",
          rows: [
            ["Measure", null, "Measure"],
            ["Admissions", 1, 2],
          ],
        },
      ],
    });
    const table = context.workbook.tables.add("'Targets plan'!A1:C2", true).load("name");
    await context.sync();
    expect(table.name).toBe("Table1");
    expect(workbook.tables()[0].columns).toEqual(["Measure", "Column2", "Measure2"]);
    table.delete();
    await context.sync();
    expect(workbook.tables()).toEqual([]);
    expect(workbook.usedRange("Targets plan")).toBeUndefined();
  });

  it("adds a header row above data that has none, moving the data down one row", async () => {
    const { context, workbook } = createMemoryWorkbook({
      sheets: [
        {
          name: "S",
          rows: [
            [1, 2],
            [3, 4],
            ["below", null],
          ],
        },
      ],
    });
    context.workbook.worksheets.getItem("S").tables.add("A1:B2", false);
    await context.sync();
    expect(workbook.tables()[0]).toMatchObject({
      address: "A1:B3",
      bodyAddress: "A2:B3",
      columns: ["Column1", "Column2"],
    });
    expect(workbook.usedRange("S")?.values).toEqual([
      ["Column1", "Column2"],
      [1, 2],
      [3, 4],
      ["below", ""],
    ]);
  });

  it("lists tables with their names after load", async () => {
    const { context } = await expenditureTable();
    const tables = context.workbook.tables.load("items/name");
    await context.sync();
    expect(tables.items.map((t) => t.name)).toEqual(["BCF_Expenditure"]);
  });
});

describe("renaming", () => {
  it("rewrites formulas that name a renamed table or sheet, as Excel does", async () => {
    const { context, workbook, table } = await expenditureTable();
    table.getDataBodyRange().values = [["S1", "a", 1, 2, TOTAL]];
    workbook.setCell("Summary", "A1", "=SUM(BCF_Expenditure[Total (£)])+Expenditure!C2");
    table.name = "Plan_Spend";
    context.workbook.worksheets.getItem("Expenditure").name = "Spend 2025";
    await context.sync();
    expect(workbook.getCell("Summary", "A1")).toMatchObject({
      formula: "=SUM(Plan_Spend[Total (£)])+'Spend 2025'!C2",
      value: 4,
    });
    // Formulas inside the table refer to their own row and are unchanged.
    expect(workbook.getCell("Spend 2025", "E2").formula).toBe(TOTAL);
  });

  it("treats typing into a table like a write: header renames, calculated column fill", async () => {
    const { workbook, table, context } = await expenditureTable();
    table.rows.add(undefined, [["S2", "b", 2, 3, ""]]);
    await context.sync();
    workbook.setCell("Expenditure", "B1", "Name");
    workbook.setCell("Expenditure", "E3", TOTAL);
    expect(workbook.tables()[0].columns[1]).toBe("Name");
    expect(workbook.getCell("Expenditure", "E2").formula).toBe(TOTAL);
    expect(workbook.getCell("Expenditure", "E3").value).toBe(5);
  });

  it("renames a column when its header cell is written", async () => {
    const { context, workbook, table } = await expenditureTable();
    table.getHeaderRowRange().getCell(0, 1).values = [["Name of scheme"]];
    const column = table.columns.getItemOrNullObject("Name of scheme");
    await context.sync();
    expect(column.isNullObject).toBe(false);
    expect(workbook.tables()[0].columns[1]).toBe("Name of scheme");
  });
});

describe("deleting cells", () => {
  it('deletes appended table rows with delete("Up"), shrinking the table and moving what was below up', async () => {
    const { context, workbook, table } = await expenditureTable();
    table.getDataBodyRange().values = [["S1", "a", 1, 1, TOTAL]];
    table.rows.add(undefined, [
      ["S2", "b", 2, 2, TOTAL],
      ["S3", "c", 3, 3, TOTAL],
    ]);
    table.showTotals = true;
    await context.sync();
    workbook.setCell("Expenditure", "A8", "note below");
    context.workbook.worksheets.getItem("Expenditure").getRange("A3:E4").delete("Up");
    await context.sync();
    expect(workbook.tables()[0]).toMatchObject({
      bodyAddress: "A2:E2",
      totalsAddress: "A3:E3",
    });
    expect(workbook.getCell("Expenditure", "E3").value).toBe(2);
    expect(workbook.getCell("Expenditure", "A6").value).toBe("note below");
  });

  it("refuses to cut through part of a table's rows or its header", async () => {
    const { context, workbook, table } = await expenditureTable();
    table.rows.add(undefined, [["S2", "b", 2, 2, 4]]);
    await context.sync();
    context.workbook.worksheets.getItem("Expenditure").getRange("A3:B3").delete("Up");
    await expect(context.sync()).rejects.toMatchObject({
      code: "InsertDeleteConflict",
    });
    context.workbook.worksheets.getItem("Expenditure").getRange("A1:E2").delete("Up");
    await expect(context.sync()).rejects.toMatchObject({
      code: "InvalidOperation",
    });
    expect(workbook.tables()[0].bodyAddress).toBe("A2:E3");
  });

  it("moves cells left outside tables", async () => {
    const { context, workbook } = createMemoryWorkbook({
      sheets: [{ name: "S", rows: [[1, 2, 3, 4]] }],
    });
    context.workbook.worksheets.getItem("S").getRange("B1:C1").delete("Left");
    await context.sync();
    expect(workbook.usedRange("S")?.values).toEqual([[1, 4]]);
  });
});

describe("charts", () => {
  it("stores a chart's type, source, title, axis titles and position", async () => {
    const { context, workbook } = createMemoryWorkbook({
      sheets: [
        {
          name: "Targets",
          rows: [
            ["Measure", "Baseline", "Target"],
            ["Admissions", 600, 720],
          ],
        },
      ],
    });
    const sheet = context.workbook.worksheets.getItem("Targets");
    const chart = sheet.charts.add(
      "ColumnClustered" as Excel.ChartType,
      sheet.getRange("A1:C2"),
      "Auto" as Excel.ChartSeriesBy
    );
    chart.title.text = "Baseline against target";
    chart.axes.valueAxis.title.text = "Per year";
    chart.setPosition("E2", "L16");
    chart.name = "BCF targets chart";
    await context.sync();
    expect(workbook.charts("Targets")).toEqual([
      {
        name: "BCF targets chart",
        sheet: "Targets",
        type: "ColumnClustered",
        source: "Targets!A1:C2",
        seriesBy: "Auto",
        title: "Baseline against target",
        valueAxisTitle: "Per year",
        categoryAxisTitle: "",
        position: { start: "E2", end: "L16" },
      },
    ]);
  });
});
