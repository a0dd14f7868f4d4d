import fc from "fast-check";
import { alignsRight, formatCellValue } from "../../src/preview/numberFormat";

describe("formatCellValue: the formats the add-in and the sample plan write", () => {
  test.each([
    [936000, "£#,##0.00", "£936,000.00"],
    [936000, "£#,##0", "£936,000"],
    [125000.5, "£#,##0.00", "£125,000.50"],
    [-27000, "£#,##0", "-£27,000"],
    [0.2, "0.0%", "20.0%"],
    [0.23076923076923078, "0.0%", "23.1%"],
    [0.5, "0%", "50%"],
    [1234.5, "#,##0", "1,235"],
    [2107.7283372365337, "#,##0.0", "2,107.7"],
    [600, "#,##0", "600"],
    [0.125, "0.00", "0.13"],
  ])("%p under %p shows %p", (value, format, shown) => {
    expect(formatCellValue(value, format)).toBe(shown);
  });
});

describe("formatCellValue: hand-made formats", () => {
  test("sections for negative and zero, quoted text and locale currency", () => {
    expect(formatCellValue(-5, "£#,##0;[Red]-£#,##0")).toBe("-£5");
    expect(formatCellValue(0, '£#,##0;-£#,##0;"-"')).toBe("-");
    expect(formatCellValue(12, '0 "patients"')).toBe("12 patients");
    expect(formatCellValue(1500, "[$£-809]#,##0.00")).toBe("£1,500.00");
    expect(formatCellValue(-0.001, "£#,##0.00")).toBe("£0.00");
  });

  test("General shows about ten significant digits, as Excel does", () => {
    expect(formatCellValue(0.1 + 0.2)).toBe("0.3");
    expect(formatCellValue(37600)).toBe("37600");
    expect(formatCellValue(2107.7283372365337)).toBe("2107.728337");
    expect(formatCellValue(123456789012)).toBe("1.23457E+11");
  });

  test("text, booleans, errors and empty cells are shown as they are", () => {
    expect(formatCellValue("8 patients a month / 104 patients a year", "£#,##0")).toBe(
      "8 patients a month / 104 patients a year"
    );
    expect(formatCellValue(true)).toBe("TRUE");
    expect(formatCellValue("#NAME?", "0.0%")).toBe("#NAME?");
    expect(formatCellValue("", "£#,##0")).toBe("");
    expect(alignsRight(5)).toBe(true);
    expect(alignsRight("5")).toBe(false);
  });

  test("£ formats with pennies round to the penny and read back as the same amount", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (pennies) => {
        const shown = formatCellValue(pennies / 100, "£#,##0.00");
        const back = Number(shown.replace(/[£,]/g, ""));
        expect(back).toBeCloseTo(pennies / 100, 9);
        expect(shown).toMatch(/^-?£\d{1,3}(,\d{3})*\.\d{2}$/);
      })
    );
  });

  test("percentages are the fraction times 100 to the stated decimals", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100000 }), (tenthsOfAPercent) => {
        const fraction = tenthsOfAPercent / 1000;
        expect(formatCellValue(fraction, "0.0%")).toBe(
          `${(tenthsOfAPercent / 10).toLocaleString("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false })}%`
        );
      })
    );
  });
});
