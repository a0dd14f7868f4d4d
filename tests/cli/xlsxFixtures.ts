/**
 * Writes a WorkbookSnapshot to a real .xlsx with exceljs: constants as values, formulas with their
 * cached results (as Excel saves them), number formats, error values. Used by the CLI tests and the
 * checks bench.
 */
import ExcelJS from "exceljs";
import { WorkbookSnapshot, isExcelError } from "../../src/core/workbook";

type ExcelValue = ExcelJS.CellValue;

export async function writeSnapshotXlsx(snapshot: WorkbookSnapshot, path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of snapshot.sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    sheet.values.forEach((row, r) => {
      const excelRow = ws.getRow(sheet.rowOffset + r + 1);
      row.forEach((value, c) => {
        const formula = sheet.formulas[r]?.[c];
        const format = sheet.numberFormats[r]?.[c] ?? "General";
        if (value === "" && (formula === "" || formula === undefined)) return;
        const cell = excelRow.getCell(sheet.colOffset + c + 1);
        const result: ExcelValue = isExcelError(value)
          ? ({ error: value } as ExcelJS.CellErrorValue)
          : value;
        if (typeof formula === "string" && formula.startsWith("=")) {
          cell.value = { formula: formula.slice(1), result } as ExcelJS.CellFormulaValue;
        } else {
          cell.value = result;
        }
        if (format !== "General") cell.numFmt = format;
      });
    });
  }
  await workbook.xlsx.writeFile(path);
}
