import ExcelJS from "exceljs";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { READ_LIMITS, WorkbookReadError, readXlsxSnapshot } from "../../src/cli/readXlsx";
import { RawSheet, workbookParts, writeRawXlsx, zipParts } from "./rawXlsx";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bcf-read-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("reads values as Excel shows them, formulas, formats, shared formulas, rich text, links, dates and errors", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Income");
  ws.getCell("B2").value = "Funding source";
  ws.getCell("C2").value = "Amount (£)";
  ws.getCell("B3").value = { richText: [{ text: "i" }, { font: { bold: true }, text: "BCF" }] };
  ws.getCell("C3").value = 1250.5;
  ws.getCell("C3").numFmt = "£#,##0.00";
  ws.getCell("B4").value = {
    text: "DFG",
    hyperlink: "https://www.gov.uk/disabled-facilities-grants",
  };
  ws.getCell("C4").value = { formula: "C3-1250.5", result: 0 } as ExcelJS.CellFormulaValue;
  ws.getCell("D3").value = {
    formula: "C3*2",
    result: 2501,
    shareType: "shared",
    ref: "D3:D4",
  } as ExcelJS.CellFormulaValue;
  ws.getCell("D4").value = { sharedFormula: "D3", result: 0 } as ExcelJS.CellSharedFormulaValue;
  ws.getCell("E3").value = new Date(Date.UTC(2024, 3, 1));
  ws.getCell("E3").numFmt = "dd/mm/yyyy";
  ws.getCell("E4").value = {
    formula: "1/0",
    result: { error: "#DIV/0!" },
  } as unknown as ExcelJS.CellFormulaValue;
  ws.getCell("F3").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
  ws.getCell("F4").value = true;
  ws.mergeCells("B6:C6");
  ws.getCell("B6").value = "Merged note";
  const path = join(dir, "cells.xlsx");
  await wb.xlsx.writeFile(path);

  const snapshot = await readXlsxSnapshot(path);
  const sheet = snapshot.sheets[0];
  expect(sheet.name).toBe("Income");
  // The grid starts at the first used cell, B2.
  expect([sheet.rowOffset, sheet.colOffset]).toEqual([1, 1]);
  expect(sheet.values).toEqual([
    ["Funding source", "Amount (£)", "", "", ""],
    ["iBCF", 1250.5, 2501, 45383, "#N/A"],
    ["DFG", 0, 0, "#DIV/0!", true],
    ["", "", "", "", ""],
    ["Merged note", "", "", "", ""],
  ]);
  expect(sheet.formulas[1][2]).toBe("=C3*2");
  expect(sheet.formulas[2][1]).toBe("=C3-1250.5");
  expect(sheet.formulas[2][2]).toBe("=C4*2"); // the shared formula, translated to its own row
  expect(sheet.formulas[2][3]).toBe("=1/0");
  expect(sheet.formulas[1][1]).toBe(1250.5);
  expect(sheet.numberFormats[1][1]).toBe("£#,##0.00");
  expect(sheet.numberFormats[1][3]).toBe("dd/mm/yyyy");
  expect(sheet.numberFormats[0][0]).toBe("General");
});

test("reasons for files that cannot be read", async () => {
  const reason = async (path: string) => {
    try {
      await readXlsxSnapshot(path);
      return "read";
    } catch (e) {
      expect(e).toBeInstanceOf(WorkbookReadError);
      return (e as WorkbookReadError).reason;
    }
  };
  expect(await reason(join(dir, "nope.xlsx"))).toBe("file not found");
  expect(await reason(dir)).toBe("is a folder, not a workbook");
  writeFileSync(join(dir, "empty.xlsx"), "");
  expect(await reason(join(dir, "empty.xlsx"))).toBe("the file is empty");
  writeFileSync(join(dir, "data.csv.xlsx"), "Funding source,Amount\niBCF,100\n");
  expect(await reason(join(dir, "data.csv.xlsx"))).toContain("not an .xlsx workbook");
  const cfb = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
  writeFileSync(join(dir, "old.xls"), cfb);
  expect(await reason(join(dir, "old.xls"))).toMatch(/^password-protected or an old \.xls/);
});

describe("files that used to crash the reader", () => {
  const read = (name: string, sheets: RawSheet[], extra?: Parameters<typeof writeRawXlsx>[2]) => {
    const path = join(dir, name);
    writeRawXlsx(path, sheets, extra);
    return readXlsxSnapshot(path);
  };
  const reasonOf = async (promise: Promise<unknown>) => {
    try {
      await promise;
      return "read";
    } catch (e) {
      expect(e).toBeInstanceOf(WorkbookReadError);
      return (e as WorkbookReadError).reason;
    }
  };

  test("eight sheets with one cell at A1 and one at Z1000000 cost two cells each, not 26 million", async () => {
    const sheets = Array.from({ length: 8 }, (_, i) => ({
      name: `Sheet${i + 1}`,
      sheetData:
        '<row r="1"><c r="A1"><v>1</v></c></row>' +
        '<row r="1000000"><c r="Z1000000"><v>2</v></c></row>',
    }));
    const path = join(dir, "stray.xlsx");
    writeRawXlsx(path, sheets);
    expect(statSync(path).size).toBeLessThan(4096);
    const snapshot = await readXlsxSnapshot(path);
    // Each sheet is two blocks: the content far apart is never laid out as one grid.
    expect(snapshot.sheets).toHaveLength(16);
    expect(snapshot.sheets[0]).toMatchObject({ name: "Sheet1", rowOffset: 0, colOffset: 0 });
    expect(snapshot.sheets[0].values).toEqual([[1]]);
    expect(snapshot.sheets[1]).toMatchObject({ name: "Sheet1", rowOffset: 999999, colOffset: 25 });
    expect(snapshot.sheets[1].values).toEqual([[2]]);
    const cells = snapshot.sheets.reduce(
      (n, s) => n + s.values.length * (s.values[0]?.length ?? 0),
      0
    );
    expect(cells).toBe(16);
  });

  test("rows and cells without the optional r attribute follow the one before", async () => {
    const snapshot = await read(
      "no-r.xlsx",
      [
        {
          name: "Funding",
          sheetData:
            '<row><c t="s"><v>0</v></c><c><v>240000</v></c></row>' +
            '<row><c t="s"><v>1</v></c><c r="C2"><v>696000</v></c></row>' +
            '<row r="5"><c r="B5"><f>SUM(B1:C2)</f><v>936000</v></c></row><row><c><v>7</v></c></row>',
        },
      ],
      { sharedStrings: ["ICR", "HTR"] }
    );
    const sheet = snapshot.sheets[0];
    expect([sheet.rowOffset, sheet.colOffset]).toEqual([0, 0]);
    expect(sheet.values).toEqual([
      ["ICR", 240000, ""],
      ["HTR", "", 696000],
      ["", "", ""],
      ["", "", ""],
      ["", 936000, ""],
      [7, "", ""],
    ]);
    expect(sheet.formulas[4][1]).toBe("=SUM(B1:C2)");
  });

  test("a zip bomb is refused as too large, not reported as a damaged file", async () => {
    // 64 MB of spaces (legal between rows) deflates about 1000 to 1.
    const padding = Buffer.alloc(64 * 1024 * 1024, 0x20);
    const whole = Buffer.concat([
      Buffer.from('<?xml version="1.0"?><worksheet><sheetData>'),
      padding,
      Buffer.from("</sheetData></worksheet>"),
    ]);
    const reason = await reasonOf(read("bomb.xlsx", [{ name: "Sheet1", sheetData: whole }]));
    expect(reason).toMatch(/^refused: .*inflates more than 200 times its stored size/);
    expect(reason).not.toMatch(/damaged/);
  });

  test("an archive that claims a part inflates past the limit is refused before reading it", async () => {
    const reason = await reasonOf(
      read("claims.xlsx", [
        {
          name: "Sheet1",
          sheetData: '<row r="1"><c r="A1"><v>1</v></c></row>',
          claimedSize: 0xf0000000,
        },
      ])
    );
    expect(reason).toMatch(/^refused: .*would inflate to 3,?840 MB, over the 1,?024 MB limit/);
  });

  test("a workbook past the inflated-size or cell limits is refused, naming the limit", async () => {
    const rows = Array.from(
      { length: 2000 },
      (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c></row>`
    ).join("");
    const path = join(dir, "limits.xlsx");
    writeRawXlsx(path, [{ name: "Data", sheetData: rows }]);
    const small = { ...READ_LIMITS, maxInflatedBytes: 20_000 };
    expect(await reasonOf(readXlsxSnapshot(path, { limits: small }))).toMatch(
      /^refused: xl\/worksheets\/sheet1.xml would inflate to 91 KB, over the 20 KB limit/
    );
    // An archive that understates the size is stopped by counting what actually inflates.
    const lying = join(dir, "lying.xlsx");
    writeRawXlsx(lying, [{ name: "Data", sheetData: rows, claimedSize: 100 }]);
    expect(await reasonOf(readXlsxSnapshot(lying, { limits: small }))).toMatch(
      /^refused: it inflates to more than 20 KB, the limit for one workbook/
    );
    const fewCells = { ...READ_LIMITS, maxGridCells: 1500 };
    expect(await reasonOf(readXlsxSnapshot(path, { limits: fewCells }))).toBe(
      'too large to check: past 1,500 cells (reached on sheet "Data")'
    );
    // Within the limits the same file reads.
    expect((await readXlsxSnapshot(path)).sheets[0].values).toHaveLength(2000);
  });

  test("a damaged part is reported as damaged", async () => {
    const path = join(dir, "bad-deflate.xlsx");
    const bytes = zipParts(
      workbookParts([{ name: "S", sheetData: '<row r="1"><c r="A1"><v>1</v></c></row>' }])
    );
    const sheetAt = bytes.indexOf("xl/worksheets/sheet1.xml");
    // Overwrite the start of the sheet's compressed data (just after its local header) with junk.
    bytes.fill(0xff, sheetAt + 24, sheetAt + 40);
    writeFileSync(path, bytes);
    expect(await reasonOf(readXlsxSnapshot(path))).toMatch(/^the file is damaged or incomplete/);
  });

  test("hidden sheets, inline and rich strings, booleans, errors, shared formulas and merged cells", async () => {
    const snapshot = await read(
      "kinds.xlsx",
      [
        {
          name: "Visible",
          sheetData: '<row r="1"><c r="A1" t="inlineStr"><is><t>Plain</t></is></c></row>',
        },
        {
          name: "Workings",
          state: "hidden",
          sheetData:
            '<row r="2"><c r="B2" t="inlineStr"><is><r><t>Care </t></r><r><t xml:space="preserve">home</t></r><rPh><t>x</t></rPh></is></c>' +
            '<c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#REF!</v></c>' +
            '<c r="E2" s="1"><f t="shared" ref="E2:E4" si="0">$B$1+D2*2+SUM(A:A)</f><v>3</v></c></row>' +
            '<row r="3"><c r="E3" s="1"><f t="shared" si="0"/><v>4</v></c>' +
            '<c r="F3" t="str"><f>_xlfn.CONCAT("a","b")</f><v>ab</v></c></row>' +
            '<row r="4"><c r="B4" t="s"><v>0</v></c><c r="C4"><v>9</v></c><c r="E4"><f t="shared" si="0"/><v>5</v></c></row>' +
            '<mergeCells count="1"><mergeCell ref="B4:C4"/></mergeCells>',
        },
        { name: "Very", state: "veryHidden", sheetData: '<row r="1"><c r="A1"><v>1</v></c></row>' },
      ],
      { sharedStrings: ["Total & more"], numFmts: ["£#,##0"] }
    );
    const [visible, workings, very] = snapshot.sheets;
    expect(visible.hidden).toBeUndefined();
    expect(visible.values).toEqual([["Plain"]]);
    expect(workings.hidden).toBe(true);
    expect(very.hidden).toBe(true);
    expect([workings.rowOffset, workings.colOffset]).toEqual([1, 1]);
    expect(workings.values[0]).toEqual(["Care home", true, "#REF!", 3, ""]);
    expect(workings.formulas[0][3]).toBe("=$B$1+D2*2+SUM(A:A)");
    expect(workings.formulas[1][3]).toBe("=$B$1+D3*2+SUM(A:A)");
    expect(workings.formulas[2][3]).toBe("=$B$1+D4*2+SUM(A:A)");
    expect(workings.formulas[1][4]).toBe('=CONCAT("a","b")');
    expect(workings.values[1][4]).toBe("ab");
    expect(workings.numberFormats[0][3]).toBe("£#,##0");
    // B4:C4 merged: only B4 keeps its value, as Office.js shows it.
    expect(workings.values[2].slice(0, 2)).toEqual(["Total & more", ""]);
  });
});
