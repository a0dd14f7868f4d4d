import { EXPENDITURE_COLUMNS, TARGET_COLUMNS } from "../../src/core/plan";
import { SCHEME_TYPES } from "../../src/core/vocabulary";
import { WorkbookActionError } from "../../src/excel/errors";
import { insertTemplates } from "../../src/excel/insertTemplates";
import { buildPlanSkeleton } from "../../src/excel/buildPlanSkeleton";
import { entryPrint } from "../../src/core/undo";
import { a1 } from "../../src/core/workbook";
import { admissionAvoidance, everything, icr, memoryWorkbook } from "./support";

const plan = {
  area: "Rutland",
  healthAndWellbeingBoard: "Rutland HWB",
  year: "2024-25",
};

describe("insertTemplates into a workbook without a plan", () => {
  it("creates the Expenditure sheet and BCF_Expenditure table with values, formulas, formats, drop-downs and totals, in 4 syncs", async () => {
    const h = memoryWorkbook();
    const result = await insertTemplates(h.context, [icr(), admissionAvoidance()]);
    expect(h.stats.syncs).toBeLessThanOrEqual(4);
    const wb = h.workbook;

    const table = wb.tables().find((t) => t.name === "BCF_Expenditure")!;
    expect(table).toMatchObject({
      sheet: "Expenditure",
      address: "A1:M5",
      bodyAddress: "A2:M4",
      totalsAddress: "A5:M5",
      showTotals: true,
    });
    expect(table.columns).toEqual([...EXPENDITURE_COLUMNS]);

    // Seed 001: CCG £125,000 + council £115,000 = £240,000, 52.1% NHS.
    expect(wb.getCell("Expenditure", "A2").value).toBe("S001");
    expect(wb.getCell("Expenditure", "K2").value).toBe(125000);
    expect(wb.getCell("Expenditure", "L2").value).toBe(115000);
    expect(wb.getCell("Expenditure", "M2")).toMatchObject({
      value: 240000,
      formula: "=[@[NHS (£)]]+[@[Council (£)]]",
      numberFormat: "£#,##0.00",
    });
    expect(wb.getCell("Expenditure", "I2").value).toBeCloseTo(125000 / 240000, 12);
    expect(wb.getCell("Expenditure", "J2").value).toBeCloseTo(115000 / 240000, 12);
    expect(wb.getCell("Expenditure", "I2").numberFormat).toBe("0.0%");

    // The second template's DFG line is its own row, under the same scheme ID.
    expect([
      wb.getCell("Expenditure", "A3").value,
      wb.getCell("Expenditure", "H3").value,
      wb.getCell("Expenditure", "M3").value,
    ]).toEqual(["S002", "iBCF", 80000]);
    expect([
      wb.getCell("Expenditure", "A4").value,
      wb.getCell("Expenditure", "H4").value,
      wb.getCell("Expenditure", "L4").value,
    ]).toEqual(["S002", "DFG", 20000]);

    // Totals row: SUBTOTAL(109, …) under the £ columns.
    expect(wb.getCell("Expenditure", "A5").value).toBe("Total");
    expect(wb.getCell("Expenditure", "K5").value).toBe(125000);
    expect(wb.getCell("Expenditure", "L5").value).toBe(215000);
    expect(wb.getCell("Expenditure", "M5")).toMatchObject({
      value: 340000,
      numberFormat: "£#,##0.00",
    });
    expect(String(wb.getCell("Expenditure", "M5").formula)).toMatch(/^=SUBTOTAL\(109,/);

    // Drop-downs: scheme types through the hidden lists sheet, the short lists typed in.
    expect(wb.validation("Expenditure", "C4")).toEqual({
      list: { inCellDropDown: true, source: "='BCF Lists'!$A$2:$A$20" },
    });
    expect(wb.validation("Expenditure", "F2")).toEqual({
      list: {
        inCellDropDown: true,
        source: "Local Authority,CCG/ICB,NHS England,Joint",
      },
    });
    expect(
      (wb.validation("Expenditure", "E3") as { list: { source: string } }).list.source
    ).toContain("Social Care");
    expect(
      (wb.validation("Expenditure", "H2") as { list: { source: string } }).list.source
    ).toContain("iBCF");
    expect(wb.validation("Expenditure", "B2")).toBeUndefined();
    expect(wb.sheetVisibility("BCF Lists")).toBe("Hidden");
    expect(wb.getCell("BCF Lists", "A2").value).toBe(SCHEME_TYPES[0]);
    expect(wb.getCell("BCF Lists", "A20").value).toBe(SCHEME_TYPES[SCHEME_TYPES.length - 1]);

    expect(result.rowsAdded).toBe(5);
    expect(result.sheetsAdded.sort()).toEqual(["BCF Lists", "Expenditure", "Targets"]);
    expect(result.message).toMatch(
      /Inserted 2 schemes as 3 rows of Expenditure \(S001–S002\) and 2 targets to Targets/
    );
    expect(result.notes).toHaveLength(1);
    expect(JSON.parse(JSON.stringify(result.record))).toEqual(result.record);
  });

  it("writes the targets table: stated figures as values, the missing period by BCF.PERIOD, the uplift by BCF.UPLIFT", async () => {
    const h = memoryWorkbook();
    await insertTemplates(h.context, [admissionAvoidance()]);
    const wb = h.workbook;
    const table = wb.tables().find((t) => t.name === "BCF_Targets")!;
    expect(table.columns).toEqual([...TARGET_COLUMNS]);
    expect(table.sheet).toBe("Targets");
    // Wiltshire's 50 → 60 admissions a month: 600 → 720 a year, +20%.
    expect(wb.getCell("Targets", "C2").value).toBe(50);
    expect(wb.getCell("Targets", "D2")).toMatchObject({
      value: 600,
      formula:
        '=IF([@[Baseline per month]]="","",BCF.PERIOD([@[Baseline per month]],"month","year"))',
    });
    expect(wb.getCell("Targets", "F2").value).toBe(720);
    expect(wb.getCell("Targets", "G2").value).toBeCloseTo(0.2, 12);
    expect(wb.getCell("Targets", "G2").numberFormat).toBe("0.0%");
    // Seed 004's 8 a month / 104 a year stay as stated, for the checks to flag.
    expect([wb.getCell("Targets", "C3").value, wb.getCell("Targets", "D3").value]).toEqual([
      8, 104,
    ]);
    expect(wb.getCell("Targets", "D3").formula).toBe(104);
    // No target stated: no made-up target or uplift.
    expect([
      wb.getCell("Targets", "E3").value,
      wb.getCell("Targets", "F3").value,
      wb.getCell("Targets", "G3").value,
    ]).toEqual(["", "", ""]);
    // The plan's own wording in the last column (H), as text; blank where the template gives none.
    expect(wb.getCell("Targets", "H1").value).toBe("As stated in the plan");
    expect(wb.getCell("Targets", "H2").value).toBe("");
    expect(wb.getCell("Targets", "H3")).toMatchObject({
      value: "8 patients a month  104 patients a year",
      numberFormat: "General",
    });
  });

  it("writes a figure stated only per week in the plan's words, and invents no month or year figure for it", async () => {
    const h = memoryWorkbook();
    await insertTemplates(h.context, [
      admissionAvoidance({
        targets: [
          // Seed 003, Coventry: weekly hours only.
          {
            measure: "Pathway 1 home support hours",
            baselinePerWeek: 1750,
            targetPerWeek: 1995,
            statedFigures: [
              {
                kind: "baseline",
                value: 1750,
                per: "week",
                wording: "1750 hours per week",
              },
              {
                kind: "target",
                value: 1995,
                per: "week",
                wording: "rising to 1,995 per week",
              },
            ],
          },
          {
            measure: "Admissions avoided",
            baselinePerMonth: 50,
            targetPerYear: 720,
          },
          { measure: "Discharges", targetPerWeek: 21 },
        ],
      }),
    ]);
    const wb = h.workbook;
    const row = (r: number) =>
      ["C", "D", "E", "F", "G", "H"].map((c) => wb.getCell("Targets", `${c}${r}`).value);
    expect(row(2)).toEqual(["", "", "", "", "", "1750 hours per week  rising to 1,995 per week"]);
    // 50 a month is 600 a year; 720 a year is 60 a month: +20%.
    expect(row(3).slice(0, 4)).toEqual([50, 600, 60, 720]);
    expect(row(3)[4] as number).toBeCloseTo(0.2, 12);
    // The conversions above do not spill into a row that states neither a month nor a year.
    expect(row(4)).toEqual(["", "", "", "", "", ""]);
  });

  it.each([1, 500])("takes at most 4 syncs with %i templates", async (count) => {
    const h = memoryWorkbook();
    const templates = Array.from({ length: count }, (_, i) =>
      admissionAvoidance({ name: `Scheme ${i + 1}` })
    );
    const result = await insertTemplates(h.context, templates);
    expect(h.stats.syncs).toBeLessThanOrEqual(4);
    expect(h.workbook.tables().find((t) => t.name === "BCF_Expenditure")!.bodyAddress).toBe(
      `A2:M${2 * count + 1}`
    );
    expect(h.workbook.getCell("Expenditure", `A${2 * count + 1}`).value).toBe(
      `S${String(count).padStart(3, "0")}`
    );
    expect(result.rowsAdded).toBe(4 * count);
  });
});

describe("insertTemplates into a workbook that has the add-in's tables", () => {
  it("appends to BCF_Expenditure, scheme IDs continuing, totals covering every row, in 4 syncs (3 when no sheet is new)", async () => {
    const h = memoryWorkbook();
    await insertTemplates(h.context, [icr()]);
    h.stats.reset();
    const result = await insertTemplates(h.context, [
      admissionAvoidance(),
      icr({ name: "Crisis response again" }),
    ]);
    // The targets table is new, on a new sheet.
    expect(h.stats.syncs).toBeLessThanOrEqual(4);
    const wb = h.workbook;
    expect(wb.tables().filter((t) => t.name.startsWith("BCF_Expenditure"))).toHaveLength(1);
    expect([2, 3, 4, 5].map((r) => wb.getCell("Expenditure", `A${r}`).value)).toEqual([
      "S001",
      "S002",
      "S002",
      "S003",
    ]);
    expect(wb.getCell("Expenditure", "M6").value).toBe(240000 + 100000 + 240000);
    expect(wb.getCell("Expenditure", "M4").formula).toBe("=[@[NHS (£)]]+[@[Council (£)]]");
    expect(wb.getCell("Expenditure", "K5").numberFormat).toBe("£#,##0.00");
    expect((wb.validation("Expenditure", "C5") as { list: { source: string } }).list.source).toBe(
      "='BCF Lists'!$A$2:$A$20"
    );
    expect(wb.sheetNames().filter((n) => n.startsWith("BCF Lists"))).toEqual(["BCF Lists"]);
    // The record names the table and sheet by Excel's ids, and fingerprints each added cell.
    expect(result.record.rows).toEqual([
      {
        tableId: h.workbook.tableId("BCF_Expenditure"),
        table: "BCF_Expenditure",
        sheetId: h.workbook.sheetId("Expenditure"),
        sheet: "Expenditure",
        row: 2,
        column: 0,
        rows: [2, 3, 4].map((r) =>
          EXPENDITURE_COLUMNS.map(
            (_, c) => entryPrint(wb.getCell("Expenditure", a1(r, c)).formula) ?? ""
          )
        ),
      },
    ]);
    // The first insertion had no targets: this one creates the targets table.
    expect(result.sheetsAdded).toEqual(["Targets"]);
  });

  it("fills the blank row of a new plan's table rather than leaving it empty", async () => {
    const h = memoryWorkbook();
    await buildPlanSkeleton(h.context, plan);
    await insertTemplates(h.context, [icr(), admissionAvoidance()]);
    const wb = h.workbook;
    expect(wb.tables().find((t) => t.name === "BCF_Expenditure")!.bodyAddress).toBe("A2:M4");
    expect(wb.getCell("Expenditure", "A2").value).toBe("S001");
    expect(wb.tables().find((t) => t.name === "BCF_Targets")!.bodyAddress).toBe("A2:H3");
    // The plan's summary now shows the planned spend by funding source.
    expect(wb.getCell("Summary", "C2").value).toBe(240000);
    expect(wb.getCell("Summary", "C3").value).toBe(80000);
    expect(wb.getCell("Summary", "C4").value).toBe(20000);
  });
});

describe("insertTemplates never destroys anything", () => {
  it("puts the table on an existing Expenditure sheet when the area is empty, leaving its other cells alone", async () => {
    const h = memoryWorkbook({ sheets: [{ name: "Expenditure", rows: [[]] }] });
    h.workbook.setCell("Expenditure", "P3", "Notes kept here");
    await insertTemplates(h.context, [icr()]);
    expect(h.workbook.getCell("Expenditure", "P3").value).toBe("Notes kept here");
    expect(h.workbook.tables().find((t) => t.name === "BCF_Expenditure")!.address).toBe("A1:M3");
  });

  it("replaces a drop-down a user left on empty cells of an existing Expenditure sheet with the add-in's", async () => {
    const h = memoryWorkbook({ sheets: [{ name: "Expenditure", rows: [[]] }] });
    // Blank cells of the Scheme Type column: Excel on the web refuses a rule over them unless cleared first.
    const ctx = h.context;
    ctx.workbook.worksheets.getItem("Expenditure").getRange("C2:C30").dataValidation.rule = {
      list: { inCellDropDown: true, source: "Yes,No" },
    };
    await ctx.sync();
    await insertTemplates(h.context, [icr()]);
    expect(
      (h.workbook.validation("Expenditure", "C2") as { list: { source: string } }).list.source
    ).toBe("='BCF Lists'!$A$2:$A$20");
  });

  it("writes nothing when a non-empty cell is in the way, and says which", async () => {
    const h = memoryWorkbook({ sheets: ["Sheet1", "Expenditure"] });
    h.workbook.setCell("Expenditure", "C2", "My own figures");
    const before = everything(h);
    const attempt = insertTemplates(h.context, [icr()]);
    await expect(attempt).rejects.toBeInstanceOf(WorkbookActionError);
    await expect(attempt).rejects.toThrow(
      /Cell Expenditure!C2 already holds "My own figures".*nothing was inserted/
    );
    expect(everything(h)).toEqual(before);
  });

  it("writes nothing into a protected sheet, and says so plainly", async () => {
    const h = memoryWorkbook();
    await insertTemplates(h.context, [icr()]);
    h.workbook.protectSheet("Expenditure");
    const before = everything(h);
    await expect(insertTemplates(h.context, [admissionAvoidance()])).rejects.toThrow(
      'The sheet "Expenditure" is protected, so nothing was inserted. Unprotect it (Review > Unprotect Sheet) and try again.'
    );
    expect(everything(h)).toEqual(before);
  });

  it("writes nothing at all when only the targets sheet is protected", async () => {
    const h = memoryWorkbook();
    await insertTemplates(h.context, [admissionAvoidance()]);
    h.workbook.protectSheet("Targets");
    const before = everything(h);
    await expect(insertTemplates(h.context, [admissionAvoidance()])).rejects.toThrow(
      /"Targets" is protected, so nothing was inserted/
    );
    expect(everything(h)).toEqual(before);
  });

  it("writes nothing when cells right below the table are in use, and says so plainly", async () => {
    const h = memoryWorkbook();
    await insertTemplates(h.context, [icr()]);
    // Row 3 is the totals row; a person's note sits just below it.
    h.workbook.setCell("Expenditure", "B4", "Checked by finance");
    const before = everything(h);
    await expect(insertTemplates(h.context, [icr()])).rejects.toThrow(
      /Cells below the table are not empty.*nothing was changed/
    );
    expect(everything(h)).toEqual(before);
  });

  it("leaves a read-only workbook as it was, with a plain message", async () => {
    const h = memoryWorkbook({ readOnly: true });
    const before = everything(h);
    await expect(insertTemplates(h.context, [icr()])).rejects.toThrow(
      /read-only, so nothing was changed/
    );
    expect(everything(h)).toEqual(before);
  });

  it("refuses a table named BCF_Expenditure that has other columns", async () => {
    const h = memoryWorkbook();
    const sheet = h.context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:B2").values = [
      ["Name", "Amount"],
      ["x", 1],
    ];
    sheet.tables.add("A1:B2", true).name = "BCF_Expenditure";
    await h.context.sync();
    const before = everything(h);
    await expect(insertTemplates(h.context, [icr()])).rejects.toThrow(
      /does not have the columns the add-in writes/
    );
    expect(everything(h)).toEqual(before);
  });

  it("keeps a template pack's formula-like name as text", async () => {
    const h = memoryWorkbook();
    await insertTemplates(h.context, [icr({ name: "=SUM(1,1)", subType: "2024" })]);
    expect(h.workbook.getCell("Expenditure", "B2").value).toBe("=SUM(1,1)");
    expect(h.workbook.getCell("Expenditure", "D2").value).toBe("2024");
  });

  it("asks for a template when given none", async () => {
    const h = memoryWorkbook();
    await expect(insertTemplates(h.context, [])).rejects.toThrow(
      "Choose at least one template to insert."
    );
    expect(h.stats.syncs).toBe(0);
  });
});

describe("insertTemplates takes the person to what it added", () => {
  it("selects the new rows on a new Expenditure sheet, with no sync of its own", async () => {
    const h = memoryWorkbook();
    await insertTemplates(h.context, [icr(), admissionAvoidance()]);
    expect(h.stats.syncs).toBeLessThanOrEqual(4);
    // ICR has one funding source (one row), admission avoidance two (iBCF and DFG): rows 2 to 4.
    expect(h.workbook.selection).toEqual({ sheet: "Expenditure", address: "A2:M4" });
    expect(h.workbook.activeSheet).toBe("Expenditure");
  });

  it("selects the rows appended to a plan's table, the filled blank row included", async () => {
    const h = memoryWorkbook();
    await buildPlanSkeleton(h.context, plan);
    await insertTemplates(h.context, [icr()]);
    expect(h.workbook.selection).toEqual({ sheet: "Expenditure", address: "A2:M2" });
    await insertTemplates(h.context, [admissionAvoidance()]);
    expect(h.workbook.selection).toEqual({ sheet: "Expenditure", address: "A3:M4" });
  });

  it("leaves a sheet the person hid hidden and unselected", async () => {
    const h = memoryWorkbook();
    await insertTemplates(h.context, [icr()]);
    h.workbook.setCell("Sheet1", "A1", "x");
    await h.context.workbook.worksheets.getItem("Sheet1").activate();
    h.context.workbook.worksheets.getItem("Sheet1").getRange("A1").select();
    h.context.workbook.worksheets.getItem("Expenditure").visibility = "Hidden";
    await h.context.sync();
    await insertTemplates(h.context, [admissionAvoidance()]);
    expect(h.workbook.sheetVisibility("Expenditure")).toBe("Hidden");
    expect(h.workbook.selection).toEqual({ sheet: "Sheet1", address: "A1" });
  });

  it("says in plain words where amounts were split, never that the add-in placed a figure", async () => {
    const h = memoryWorkbook();
    const result = await insertTemplates(h.context, [admissionAvoidance()]);
    expect(result.notes.length).toBeGreaterThan(0);
    expect(result.message).not.toMatch(/placed by the add-in|BCF Lists/);
    expect(result.message).toMatch(/split as the notes say/);
  });
});
