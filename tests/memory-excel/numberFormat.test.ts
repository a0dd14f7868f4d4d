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
    [45000, "dd/mm/yyyy", "45000"],
  ])("%p in %p shows %p", (value, format, text) => {
    expect(formatCellValue(value, format)).toBe(text);
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
