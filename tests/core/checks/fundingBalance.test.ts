import { runChecks } from "../../../src/core/checks";
import { checkFundingBalance } from "../../../src/core/checks/fundingBalance";
import { sheetFromRows } from "../../../src/core/workbook";
import { FUNDING_SOURCES } from "../../../src/core/vocabulary";
import { GBP, expenditureLines, f, planSnapshot, spendBySource, typed } from "./fixtures";

describe("funding balance: the plan's Summary sheet", () => {
  test("income equal to planned spend per source gives no balance finding", () => {
    expect(checkFundingBalance(planSnapshot()).findings).toEqual([]);
  });

  test("£1,000 more iBCF income than planned iBCF spend is an error on that source and on the total", () => {
    const lines = expenditureLines(12);
    const income = spendBySource(lines);
    income.set("iBCF", (income.get("iBCF") ?? 0) + 1000);
    const found = checkFundingBalance(planSnapshot({ lines, income })).findings;
    const ibcfRow = FUNDING_SOURCES.indexOf("iBCF") + 2;
    const totalRow = FUNDING_SOURCES.length + 2;
    expect(found.map((x) => x.cell)).toEqual([`D${ibcfRow}`, `D${totalRow}`]);
    expect(found[0]).toMatchObject({
      rule: "funding-balance",
      severity: "error",
      sheet: "Summary",
      expected: 0,
      actual: 1000,
    });
    expect(found[0].message).toContain('"iBCF" does not balance');
  });

  test("a penny's difference is a finding; floating-point noise is not", () => {
    const sheet = (spend: number) =>
      sheetFromRows("Summary", [
        ["Funding source", "Income (£)", "Planned spend (£)", "Balance (£)"],
        ["DFG", typed(0.1 + 0.2, GBP), typed(spend, GBP), f("=B2-C2", 0.1 + 0.2 - spend, GBP)],
      ]);
    expect(checkFundingBalance({ sheets: [sheet(0.3)] }).findings).toEqual([]);
    expect(checkFundingBalance({ sheets: [sheet(0.29)] }).findings).toMatchObject([
      { cell: "D2", actual: 0.01 },
    ]);
  });

  test("a balance column typed as 0 while income and spend differ is still caught", () => {
    const sheet = sheetFromRows("Summary", [
      ["Funding source", "Income (£)", "Planned spend (£)", "Balance (£)"],
      ["iBCF", 500, 400, 0],
    ]);
    expect(checkFundingBalance({ sheets: [sheet] }).findings).toMatchObject([
      { cell: "D2", expected: 0, actual: 100 },
    ]);
  });
});

describe("funding balance: an Income sheet and an Expenditure sheet laid out by hand", () => {
  const income = (ibcf: number) =>
    sheetFromRows("Income", [
      ["Funding source", "Amount (£)"],
      ["NHS minimum contribution", 240000],
      ["iBCF", ibcf],
      ["Total", 240000 + ibcf],
    ]);
  const expenditure = sheetFromRows("Expenditure", [
    ["Scheme", "Source of Funding", "Expenditure (£)"],
    ["Integrated Crisis Response", "NHS minimum contribution", 125000],
    ["Integrated Crisis Response", "NHS Minimum Contribution", 115000],
    ["Hospital Transfer & Reablement", "iBCF", 696000],
  ]);

  test("sources that balance give no finding", () => {
    expect(
      runChecks({ sheets: [income(696000), expenditure] }).filter((f) => f.severity !== "info")
    ).toEqual([]);
  });

  test("iBCF income £663,000 against £696,000 of iBCF spend is an error at the income figure", () => {
    const found = checkFundingBalance({ sheets: [income(663000), expenditure] }).findings;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ sheet: "Income", cell: "B3", expected: 0, actual: -33000 });
  });

  test("an income sheet that shares no sources with the expenditure sheet is not treated as its pair", () => {
    const unrelated = sheetFromRows("Income", [
      ["Income source", "Amount (£)"],
      ["Car parking", 1000],
    ]);
    expect(checkFundingBalance({ sheets: [unrelated, expenditure] }).findings).toEqual([]);
  });
});
