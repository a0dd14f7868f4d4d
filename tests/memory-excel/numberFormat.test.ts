/** Displayed text under the number formats a BCF workbook uses. */
import fc from "fast-check";
import { formatCellValue } from "../../src/memory-excel/numberFormat";
import { createMemoryWorkbook } from "../../src/memory-excel";

describe("formatCellValue", () => {
  it.each<[number | string | boolean, string, string]>([
    [1234.5, "£#,##0.00", "£1,234.50"],
    [-1234.5, "£#,##0.00", "-£1,234.50"],
    [1234567, "#,##0", "1,234,567"],
    [0.254, "0%", "25%"],
    [0.2545, "0.0%", "25.5%"],
    [2.5, "0.00", "2.50"],
    [0.5, "General", "0.5"],
    [1 / 3, "General", "0.333333333333333"],
    [-5, "£#,##0.00;[Red]-£#,##0.00", "-£5.00"],
    [0, '#,##0;-#,##0;"-"', "-"],
    ["text", "£#,##0.00", "text"],
    [true, "General", "TRUE"],
    [1500, "[$£-809]#,##0.00", "£1,500.00"],
    [-1500, "[$£-809]#,##0.00;[Red]-[$£-809]#,##0.00", "-£1,500.00"],
    // Excel keeps the sign of a negative figure that rounds to nothing: it shows "-£0.00".
    [-0.004, "£#,##0.00", "-£0.00"],
    [-0.4, "#,##0", "-0"],
    // Rounded as Excel stores it (15 significant digits), 1.005 is 1.005 and shows as 1.01.
    [1.005, "0.00", "1.01"],
    [0.125, "0.00", "0.13"],
    [12, '0 "patients"', "12 patients"],
    [-27000, "£#,##0", "-£27,000"],
    [2107.7283372365337, "#,##0.0", "2,107.7"],
  ])("%p in %p shows %p", (value, format, text) => {
    expect(formatCellValue(value, format)).toBe(text);
  });

  // Serial 45000 is Wednesday 15 March 2023: 45,000 days after 30 December 1899 (Excel's day 0 for
  // serials after its fictitious 29 February 1900, serial 60).
  it.each<[number, string, string]>([
    [45000, "dd/mm/yyyy", "15/03/2023"],
    [45000, "[$-809]dd/mm/yyyy", "15/03/2023"],
    [45000, "d mmm yyyy", "15 Mar 2023"],
    [45000, "dddd d mmmm yy", "Wednesday 15 March 23"],
    [45000, "ddd", "Wed"],
    [45000.75, "dd/mm/yyyy hh:mm", "15/03/2023 18:00"],
    [45000.75, "h:mm AM/PM", "6:00 PM"],
    [0.5 + 61 / 86400, "hh:mm:ss", "12:01:01"],
    [45000, "mmm-yy", "Mar-23"],
    [1, "dd/mm/yyyy", "01/01/1900"],
    [60, "dd/mm/yyyy", "29/02/1900"],
    [61, "dd/mm/yyyy", "01/03/1900"],
  ])("date serial %p in %p shows %p", (serial, format, text) => {
    expect(formatCellValue(serial, format)).toBe(text);
  });

  it("shows £ amounts with two decimals whose digits, without separators, give back the rounded amount", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (pence) => {
        const amount = pence / 100;
        const text = formatCellValue(amount, "£#,##0.00");
        expect(text).toMatch(/^-?£\d{1,3}(,\d{3})*\.\d{2}$/);
        expect(Number(text.replace(/[£,]/g, ""))).toBeCloseTo(amount, 2);
      })
    );
  });

  it("is what Range.text and the direct getCell report", async () => {
    const { context, workbook } = createMemoryWorkbook({
      sheets: [{ name: "S", rows: [[0.5, 1000]] }],
    });
    const range = context.workbook.worksheets.getItem("S").getRange("A1:B1");
    range.numberFormat = [["0%", "£#,##0.00"]];
    range.load("text");
    await context.sync();
    expect(range.text).toEqual([["50%", "£1,000.00"]]);
    expect(workbook.getCell("S", "B1").text).toBe("£1,000.00");
  });
});
