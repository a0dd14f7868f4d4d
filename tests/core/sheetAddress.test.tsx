/** @jest-environment jsdom */
/**
 * Sheet-qualified addresses as Excel writes them, from the one place that makes them: the pane's
 * findings list and the CLI's table both print `'Q1'!B4` for a sheet named "Q1", as Excel's own
 * formula bar would (Q1 is also a cell, so the bare form would mean that cell).
 */
import "../taskpane/setup";
import * as React from "react";
import fc from "fast-check";
import { screen } from "@testing-library/react";
import { cellReference, quoteSheetName, splitSheetAddress } from "../../src/core/sheetAddress";
import { formatTable } from "../../src/cli/main";
import { FindingsList } from "../../src/taskpane/components/FindingsList";
import type { Finding } from "../../src/core/checks/finding";
import { renderInFluent } from "../taskpane/fixtures";

describe("quoteSheetName", () => {
  it.each([
    ["Income", "Income"],
    ["Expenditure_2", "Expenditure_2"],
    ["Plan.v2", "Plan.v2"],
    ["Q1", "'Q1'"], // column Q, row 1
    ["ab12", "'ab12'"],
    ["XFD1048576", "'XFD1048576'"],
    ["R1C1", "'R1C1'"],
    ["R", "'R'"],
    ["c3", "'c3'"],
    ["RC", "'RC'"],
    ["TRUE", "'TRUE'"],
    ["2024-25", "'2024-25'"], // starts with a digit
    ["1Plan", "'1Plan'"],
    ["Year end", "'Year end'"],
    ["Income (2)", "'Income (2)'"],
    ["Cost&Spend", "'Cost&Spend'"],
    ["O'Neill's", "'O''Neill''s'"],
    ["Region", "Region"], // starts with R but is no R1C1 reference
    ["Quarter1", "Quarter1"], // more than three letters: not a column
  ])("%s → %s", (name, quoted) => {
    expect(quoteSheetName(name)).toBe(quoted);
  });
});

describe("splitSheetAddress", () => {
  it("reads quoted and bare names and addresses without a sheet", () => {
    expect(splitSheetAddress("Expenditure!A1:M9")).toEqual({
      sheet: "Expenditure",
      range: "A1:M9",
    });
    expect(splitSheetAddress("'Q1'!B4")).toEqual({ sheet: "Q1", range: "B4" });
    expect(splitSheetAddress("'O''Neill''s'!A1")).toEqual({ sheet: "O'Neill's", range: "A1" });
    expect(splitSheetAddress("B4")).toEqual({ sheet: "", range: "B4" });
  });

  it("reads back what cellReference writes, for any sheet name Excel allows", () => {
    const sheetName = fc
      .string({ minLength: 1, maxLength: 31 })
      .filter((s) => !/[[\]:*?/\\]/.test(s) && !s.startsWith("'") && !s.endsWith("'"));
    fc.assert(
      fc.property(sheetName, fc.integer({ min: 1, max: 1048576 }), (sheet, row) => {
        expect(splitSheetAddress(cellReference(sheet, `C${row}`))).toEqual({
          sheet,
          range: `C${row}`,
        });
      })
    );
  });
});

describe("a finding on a sheet named Q1", () => {
  const finding: Finding = {
    rule: "totals",
    severity: "error",
    sheet: "Q1",
    cell: "B4",
    message: '"Total" in B4 shows £10 but the lines it closes (B2:B3) add up to £9.',
  };

  it("is listed in the pane as 'Q1'!B4", () => {
    renderInFluent(<FindingsList findings={[finding]} onSelect={() => undefined} />);
    expect(screen.getByRole("button", { name: /^'Q1'!B4 / })).toBeTruthy();
  });

  it("is printed by the CLI as 'Q1'!B4", () => {
    const table = formatTable([{ file: "plan.xlsx", findings: [finding] }], 0);
    expect(table).toMatch(/plan\.xlsx\s+error\s+'Q1'!B4\s+"Total" in B4/);
  });
});
