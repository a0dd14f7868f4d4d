import fc from "fast-check";
import type { Finding, Severity } from "../../src/core/checks/finding";
import { sheetFromRows } from "../../src/core/workbook";
import { splitSheetAddress } from "../../src/excel/record";
import {
  cellReference,
  expectedActualText,
  groupFindings,
  numberFormatAt,
  summaryText,
} from "../../src/taskpane/state/findings";
import { formatFigure, formatGbp, listInWords, plural } from "../../src/taskpane/state/format";

const severity = fc.constantFrom<Severity>("error", "warning", "info");
const sheetName = fc.constantFrom(
  "Income",
  "Expenditure",
  "Year end",
  "O'Neill's",
  "2023-24",
  "Summary"
);
const finding = fc.record<Finding>({
  rule: fc.constantFrom("totals", "splits", "periods"),
  severity,
  sheet: sheetName,
  cell: fc
    .tuple(fc.constantFrom("A", "B", "M", "AA"), fc.integer({ min: 1, max: 9999 }))
    .map(([c, r]) => `${c}${r}`),
  message: fc.string(),
});

describe("groupFindings", () => {
  test("is a partition: every finding once, errors before warnings before info, sheets in first-seen order", () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 60 }), (findings) => {
        const groups = groupFindings(findings);
        const flattened = groups.flatMap((g) => g.sheets.flatMap((s) => s.findings));
        expect(flattened).toHaveLength(findings.length);
        expect(new Set(flattened)).toEqual(new Set(findings));
        const order = groups.map((g) => g.severity);
        expect(order).toEqual(
          (["error", "warning", "info"] as Severity[]).filter((s) => order.includes(s))
        );
        for (const group of groups) {
          const ofSeverity = findings.filter((f) => f.severity === group.severity);
          expect(group.count).toBe(ofSeverity.length);
          expect(group.sheets.map((s) => s.sheet)).toEqual([
            ...new Set(ofSeverity.map((f) => f.sheet)),
          ]);
          for (const sheet of group.sheets) {
            // Within a sheet the rules' own order (row, column) is kept.
            expect(sheet.findings).toEqual(ofSeverity.filter((f) => f.sheet === sheet.sheet));
          }
        }
      })
    );
  });
});

describe("cellReference", () => {
  test("quotes sheet names as Excel does, so the Excel layer reads the same sheet and cell back", () => {
    expect(cellReference("Income", "B4")).toBe("Income!B4");
    expect(cellReference("Year end", "B3")).toBe("'Year end'!B3");
    expect(cellReference("O'Neill's", "A1")).toBe("'O''Neill''s'!A1");
    fc.assert(
      fc.property(
        fc
          .string({ minLength: 1, maxLength: 31 })
          .filter((s) => !/[\\/?*[\]:]/.test(s) && s.trim() === s),
        fc.integer({ min: 1, max: 1048576 }),
        (sheet, row) => {
          expect(splitSheetAddress(cellReference(sheet, `C${row}`))).toEqual({
            sheet,
            range: `C${row}`,
          });
        }
      )
    );
  });
});

describe("figures in findings", () => {
  test("are shown in the cell's own format: £, % or a plain number", () => {
    expect(formatFigure(150000, "£#,##0.00")).toBe("£150,000.00");
    expect(formatFigure(-27000, "£#,##0")).toBe("-£27,000.00");
    expect(formatFigure(1.1, "0%")).toBe("110%");
    expect(formatFigure(0.355, "0.0%")).toBe("35.5%");
    expect(formatFigure(1091, "General")).toBe("1,091");
    expect(formatFigure(104, undefined)).toBe("104");
    // A literal "%" inside quotes is text, not a percentage format.
    expect(formatFigure(12, '0" %ile"')).toBe("12");
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (pence) => {
        const pounds = pence / 100;
        const shown = formatFigure(pounds, "£#,##0.00");
        expect(shown).toBe(formatGbp(pounds));
        // Read back, the £ text is the amount to the penny.
        expect(Number(shown.replace(/[£,]/g, ""))).toBeCloseTo(pounds, 2);
      })
    );
  });

  test("expected and actual read as a sentence; absent figures are left out", () => {
    const base: Finding = {
      rule: "totals",
      severity: "error",
      sheet: "Income",
      cell: "B4",
      message: "m",
    };
    expect(expectedActualText({ ...base, expected: 150000, actual: 160000 }, "£#,##0.00")).toBe(
      "Expected £150,000.00, found £160,000.00."
    );
    expect(expectedActualText({ ...base, actual: 104 })).toBe("Found 104.");
    expect(expectedActualText(base)).toBe("");
  });

  test("numberFormatAt finds the format of a cell in a snapshot that does not start at A1", () => {
    const sheet = sheetFromRows(
      "Income",
      [["Total", { formula: "=SUM(C3:C4)", value: 5, format: "£#,##0" }]],
      {
        rowOffset: 4,
        colOffset: 1,
      }
    );
    expect(numberFormatAt({ sheets: [sheet] }, "Income", "C5")).toBe("£#,##0");
    expect(numberFormatAt({ sheets: [sheet] }, "Income", "B5")).toBe("General");
    expect(numberFormatAt({ sheets: [sheet] }, "Income", "Z99")).toBeUndefined();
    expect(numberFormatAt({ sheets: [sheet] }, "Other", "C5")).toBeUndefined();
  });
});

describe("wording", () => {
  test("counts and lists read as plain English", () => {
    expect(summaryText({ error: 1, warning: 0, info: 2 })).toBe(
      "1 error, 0 warnings, 2 for information"
    );
    expect(plural(1, "template")).toBe("1 template");
    expect(plural(1200, "formula")).toBe("1,200 formulas");
    expect(listInWords([])).toBe("");
    expect(listInWords(["Cover"])).toBe("Cover");
    expect(listInWords(["Cover", "Income", "Summary"])).toBe("Cover, Income and Summary");
  });
});
