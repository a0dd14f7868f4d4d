import { runChecks } from "../../../src/core/checks";
import { checkHygiene } from "../../../src/core/checks/hygiene";
import { sheetFromRows } from "../../../src/core/workbook";
import { f } from "./fixtures";

describe("hygiene: numbers stored as text", () => {
  test('"£340,000" and "12,500" typed as text are warnings; IDs and years are not', () => {
    const sheet = sheetFromRows("Costs", [
      ["Scheme ID", "Year", "Amount (£)", "Beds"],
      ["001", "2017", "£340,000", 10],
      ["002", "2018", 125000, "12,500"],
    ]);
    const found = checkHygiene({ sheets: [sheet] }).findings;
    expect(found.map((x) => [x.severity, x.cell])).toEqual([
      ["warning", "C2"],
      ["warning", "D3"],
    ]);
    expect(found[0].message).toContain('"£340,000" is a number stored as text');
  });

  test("a column of amounts typed as text is one finding for the run", () => {
    const rows: Parameters<typeof sheetFromRows>[1] = [["Line", "Amount (£)"]];
    for (let i = 1; i <= 200; i++) rows.push([`Line ${i}`, `£${i},000`]);
    const found = checkHygiene({ sheets: [sheetFromRows("S", rows)] }).findings;
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain("B2:B201 hold numbers stored as text");
  });

  test("plain digits among text are left alone (codes, not amounts)", () => {
    const sheet = sheetFromRows("Codes", [
      ["Provider", "Code"],
      ["Trust", "12345"],
    ]);
    expect(checkHygiene({ sheets: [sheet] }).findings).toEqual([]);
  });
});

describe("hygiene: error values", () => {
  test("an error value feeding a total is an error; the total's own error is reported once", () => {
    const sheet = sheetFromRows("Income", [
      ["Funding source", "Amount (£)"],
      ["iBCF", f("=VLOOKUP(A2,Data!A:B,2,0)", "#N/A")],
      ["DFG", 300],
      ["Total", f("=SUM(B2:B3)", "#N/A")],
    ]);
    const found = runChecks({ sheets: [sheet] });
    expect(found.map((x) => [x.rule, x.severity, x.cell])).toEqual([
      ["hygiene", "error", "B2"],
      ["hygiene", "error", "B4"],
    ]);
    expect(found[0].message).toContain("B2 shows #N/A and feeds the total in B4");
  });

  test("an error value outside any total is a warning", () => {
    const sheet = sheetFromRows("Metrics", [
      ["Metric", "Value"],
      ["Rate", f("=B5/B6", "#DIV/0!")],
    ]);
    expect(checkHygiene({ sheets: [sheet] }).findings).toMatchObject([
      { severity: "warning", cell: "B2" },
    ]);
  });
});

describe("hygiene: =BCF.* formulas", () => {
  test("formulas that calculate are one info per column run, naming the action", () => {
    const sheet = sheetFromRows("Targets", [
      ["Measure", "Per month", "Per year"],
      ["Admissions", 50, f('=BCF.PERIOD(B2,"month","year")', 600)],
      ["Cases", 65, f('=bcf.period(B3,"month","year")', 780)],
    ]);
    const found = checkHygiene({ sheets: [sheet] }).findings;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "info", cell: "C2" });
    expect(found[0].message).toContain("C2:C3 use 2 =BCF.PERIOD formulas");
    expect(found[0].message).toContain("#NAME?");
    expect(found[0].message).toContain("Prepare for submission");
  });

  test("=BCF formulas showing #NAME? (no add-in) are a warning, not an info", () => {
    const sheet = sheetFromRows("Metrics", [
      ["Metric", "Value"],
      ["Falls", f("=BCF.RATE(180,8540)", "#NAME?")],
    ]);
    expect(checkHygiene({ sheets: [sheet] }).findings).toMatchObject([
      { severity: "warning", cell: "B2" },
    ]);
  });

  test("names that merely contain BCF are not =BCF.* formulas", () => {
    const sheet = sheetFromRows("S", [
      ["a", f("=SUM(MYBCF.X)", 1)],
      ["b", f('="BCF.RATE"', "BCF.RATE")],
    ]);
    // MYBCF.X is another name; "BCF.RATE" in quotes is text, not a call.
    expect(checkHygiene({ sheets: [sheet] }).findings).toEqual([]);
  });
});
