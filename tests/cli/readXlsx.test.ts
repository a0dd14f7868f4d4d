import ExcelJS from "exceljs";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { WorkbookReadError, readXlsxSnapshot } from "../../src/cli/readXlsx";

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
