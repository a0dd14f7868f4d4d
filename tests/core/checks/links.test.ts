/**
 * Links to other workbooks and hidden sheets that feed totals, on snapshots laid out by hand and on
 * .xlsx files as Excel saves them ([1]Sheet!A1 with the workbook's external-link list).
 */
import fc from "fast-check";
import { checkLinks, externalWorkbookOf } from "../../../src/core/checks/links";
import { runChecks } from "../../../src/core/checks";
import { sheetFromRows } from "../../../src/core/workbook";
import { GBP, f, planSnapshot, typed } from "./fixtures";

describe("externalWorkbookOf", () => {
  it.each([
    ["='[Budget 2024.xlsx]Income'!B4", "[Budget 2024.xlsx]"],
    ["='C:\\Plans\\[Budget.xlsx]Income'!B4*2", "[Budget.xlsx]"],
    ["=SUM([Budget.xlsx]Income!B2:B9)", "[Budget.xlsx]"],
    ["=[1]Income!B4+B5", "[1]"],
    ["='[1]Income (draft)'!B4", "[1]"],
    ["=Budget.xlsx!Total", "Budget.xlsx"],
    ["='Budget 2024.xlsx'!Total", "Budget 2024.xlsx"],
  ])("%s links to %s", (formula, book) => {
    expect(externalWorkbookOf(formula)).toBe(book);
  });

  it.each([
    "=SUM(B2:B9)",
    "=Income!B4",
    "='Income (draft)'!B4",
    "=[@[NHS (£)]]+[@[Council (£)]]",
    "=SUM(Table1[Amount])*Income!A1",
    "=Table1[[#This Row],[Amount]]*Income!A1",
    '="[1]Income!B4"',
    '=IF(A1="see [Budget.xlsx]Income!B4","",Income!B4)',
  ])("%s stays in this workbook", (formula) => {
    expect(externalWorkbookOf(formula)).toBeUndefined();
  });

  it("property: a reference to another sheet of this workbook is never a link", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,12}$/),
        fc.stringMatching(/^\$?[A-Z]{1,3}\$?[1-9]\d{0,4}$/),
        (sheet, cell) => {
          const ref = / /.test(sheet) ? `'${sheet}'!${cell}` : `${sheet}!${cell}`;
          expect(externalWorkbookOf(`=SUM(${ref})+1`)).toBeUndefined();
        }
      )
    );
  });
});

describe("checkLinks", () => {
  it("warns once per sheet and linked workbook, at the first cell, and counts the formulas it read", () => {
    const outcome = checkLinks({
      sheets: [
        sheetFromRows("Income", [
          ["Funding source", "Amount (£)"],
          ["iBCF", f("='[Budget.xlsx]Income'!B4", 240000, GBP)],
          ["DFG", f("='[Budget.xlsx]Income'!B5", 696000, GBP)],
          ["Other", f("=[1]Funding!C9", 5000, GBP)],
          ["Total", f("=SUM(B2:B4)", 941000, GBP)],
        ]),
      ],
    });
    expect(outcome.findings).toEqual([
      expect.objectContaining({ rule: "links", severity: "warning", sheet: "Income", cell: "B2" }),
      expect.objectContaining({ rule: "links", severity: "warning", sheet: "Income", cell: "B4" }),
    ]);
    expect(outcome.findings[0].message).toBe(
      "B2 takes figures from another workbook ([Budget.xlsx]): they change whenever that file changes, and anyone without it sees old or broken values. Copy the figures in, or break the link (Data > Edit Links), before submitting."
    );
    expect(outcome.coverage).toEqual({ rule: "links", checked: 4 });
  });

  it("notes a hidden sheet whose figures feed a visible total, once, at the first formula using it", () => {
    const workings = sheetFromRows("Workings 2", [
      ["Line", "Amount"],
      ["A", typed(100, GBP)],
      ["B", typed(200, GBP)],
    ]);
    workings.hidden = true;
    const lists = sheetFromRows("BCF Lists", [["iBCF"], ["DFG"]]);
    lists.hidden = true;
    const outcome = checkLinks({
      sheets: [
        sheetFromRows("Summary", [
          ["Total", f("=SUM('Workings 2'!B2:B3)", 300, GBP)],
          ["Again", f("='Workings 2'!B2", 100, GBP)],
          ["List", f("=COUNTA('BCF Lists'!A1:A2)", 2)],
        ]),
        workings,
        lists,
      ],
    });
    expect(outcome.findings).toEqual([
      {
        rule: "links",
        severity: "info",
        sheet: "Summary",
        cell: "B1",
        message:
          "B1 uses figures from the hidden sheet 'Workings 2': reviewers checking this total cannot see them unless they unhide that sheet.",
      },
    ]);
  });

  it("finds nothing in the plan workbook, and says so when there are no formulas at all", () => {
    expect(checkLinks(planSnapshot()).findings).toEqual([]);
    const plain = checkLinks({ sheets: [sheetFromRows("Notes", [["a", 1]])] });
    expect(plain.coverage).toEqual({
      rule: "links",
      checked: 0,
      note: "no formulas, so nothing can link elsewhere",
    });
  });

  it("runs with the other checks", () => {
    const findings = runChecks({
      sheets: [sheetFromRows("Income", [["iBCF", f("=[1]Income!B4", 5, GBP)]])],
    });
    expect(findings.filter((x) => x.rule === "links")).toHaveLength(1);
  });
});
