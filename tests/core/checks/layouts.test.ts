/**
 * Hand-made layouts that used to be misread: amounts that look like years, years typed as column
 * headings, long tables, other names for income and spend, a row total beside column totals, and
 * workbooks where nothing (or nothing calculated) can be checked. Figures are worked by hand in each test.
 */
import { checkWorkbook, runChecks } from "../../../src/core/checks";
import { WorkbookSnapshot, sheetFromRows } from "../../../src/core/workbook";
import { GBP, f, typed } from "./fixtures";

const notInfo = (snapshot: WorkbookSnapshot) =>
  runChecks(snapshot).filter((x) => x.severity !== "info");

describe("amounts that look like years are amounts", () => {
  // £240,000 + £Y + £696,000 = £936,000 + Y.
  const costs = (middle: number, total: number, format: string | undefined) =>
    sheetFromRows("Costs", [
      ["Scheme", "Type", "Commissioner", "Amount (£)"],
      ["Crisis response", "Community Based Schemes", "Joint", typed(240000, format ?? "General")],
      ["Handyperson", "DFG Related Schemes", "Local Authority", typed(middle, format ?? "General")],
      ["Reablement", "Home Care or Domiciliary Care", "Joint", typed(696000, format ?? "General")],
      ["Total", null, null, f("=SUM(D2:D4)", total, format)],
    ]);

  test.each([
    [2000, GBP],
    [2000, undefined],
    [2025, GBP],
    [2025, undefined],
    [2019, GBP],
    [2019, undefined],
  ])("£240,000 + %d + £696,000 under =SUM(D2:D4): no finding (format %s)", (middle, format) => {
    expect(runChecks({ sheets: [costs(middle, 936000 + middle, format)] })).toEqual([]);
  });

  test.each([
    [2000, GBP],
    [2025, undefined],
  ])(
    "the total £100 too high is one error of £100 at D5 (middle line %d, format %s)",
    (middle, format) => {
      const found = notInfo({ sheets: [costs(middle, 936000 + middle + 100, format)] });
      expect(found).toMatchObject([
        {
          rule: "totals",
          severity: "error",
          cell: "D5",
          expected: 936000 + middle,
          actual: 936100 + middle,
        },
      ]);
      expect(found[0].message).toContain("(D2:D4)");
      expect(found[0].message).toMatch(/a difference of £?100\b/);
    }
  );

  test("a typed total over a line of £2,024 as the first line still closes every line", () => {
    const sheet = sheetFromRows("Costs", [
      ["Scheme", "Amount"],
      ["Falls service", 2024],
      ["Reablement", 5000],
      ["Total", 7024],
    ]);
    expect(runChecks({ sheets: [sheet] })).toEqual([]);
  });
});

describe("years typed as numbers in a heading row are headings", () => {
  // 2024: £100,000 + £50,000 = £150,000; 2025: £110,000 + £55,000 = £165,000.
  const sheet = (format: string | undefined, total2025: number) =>
    sheetFromRows("Funding", [
      ["Source", typed(2024, format ?? "General"), typed(2025, format ?? "General")],
      ["NHS minimum contribution", typed(100000, GBP), typed(110000, GBP)],
      ["iBCF", typed(50000, GBP), typed(55000, GBP)],
      ["Total", f("=SUM(B2:B3)", 150000, GBP), f("=SUM(C2:C3)", total2025, GBP)],
    ]);

  test.each([[GBP], [undefined], ["0"]])("clean: no finding (heading format %s)", (format) => {
    expect(runChecks({ sheets: [sheet(format, 165000)] })).toEqual([]);
  });

  test("a wrong 2025 total is reported against C2:C3 only, the heading left out", () => {
    const found = notInfo({ sheets: [sheet(GBP, 166000)] });
    expect(found).toMatchObject([{ cell: "C4", expected: 165000, actual: 166000 }]);
    expect(found[0].message).toContain("(C2:C3)");
  });

  test("typed totals under year headings", () => {
    const s = sheetFromRows("Funding", [
      ["Source", 2024, 2025],
      ["NHS minimum contribution", typed(100000, GBP), typed(110000, GBP)],
      ["iBCF", typed(50000, GBP), typed(55000, GBP)],
      ["Total", typed(150000, GBP), typed(165000, GBP)],
    ]);
    expect(runChecks({ sheets: [s] })).toEqual([]);
  });
});

describe("long tables", () => {
  // Amounts cycle through year-like values (1,900 to 2,100), zero, pence and ordinary amounts.
  const amount = (i: number) =>
    i % 7 === 0 ? 1900 + (i % 201) : i % 11 === 0 ? 0 : i % 5 === 0 ? 1234.56 : 10000 + i;
  const table = (n: number, delta: number) => {
    let sum = 0;
    const rows: Parameters<typeof sheetFromRows>[1] = [["Scheme", "Amount (£)"]];
    for (let i = 0; i < n; i++) {
      sum += amount(i);
      rows.push([`Scheme ${i + 1}`, amount(i)]);
    }
    rows.push(["Total", f(`=SUM(B2:B${n + 1})`, Math.round((sum + delta) * 100) / 100)]);
    return { sheet: sheetFromRows("Schemes", rows), sum: Math.round(sum * 100) / 100 };
  };

  test.each([1000, 2000, 5000])("%d lines, correct total: no finding", (n) => {
    expect(runChecks({ sheets: [table(n, 0).sheet] })).toEqual([]);
  });

  test.each([1000, 2000])("%d lines, total £1 out: one error on the whole range", (n) => {
    const { sheet, sum } = table(n, 1);
    const found = notInfo({ sheets: [sheet] });
    expect(found).toMatchObject([{ cell: `B${n + 2}`, expected: sum }]);
    expect(found[0].message).toContain(`(B2:B${n + 1})`);
  });
});

describe("income and spend under other names, on sheets with any name", () => {
  const funding = (dfgName: string, dfg: number) =>
    sheetFromRows("Funding", [
      ["Funding Sources", "Amount (£)"],
      ["NHS Minimum Contribution", typed(2000000, GBP)],
      ["Local Authority Better Care Grant", typed(800000, GBP)],
      [dfgName, typed(dfg, GBP)],
      ["Total", f("=SUM(B2:B4)", 2800000 + dfg, GBP)],
    ]);
  const spend = sheetFromRows("Planned spend 2025-26", [
    ["Scheme ID", "Scheme name", "Source of Funding", "Planned Expenditure (£)"],
    ["1", "Reablement", "NHS minimum contribution", typed(1500000, GBP)],
    ["2", "Crisis response", "NHS minimum contribution", typed(500000, GBP)],
    ["3", "Home care", "LA Better Care Grant", typed(800000, GBP)],
    ["4", "Adaptations", "DFG", typed(1000000, GBP)],
    ["Total", null, null, f("=SUM(D2:D5)", 3800000, GBP)],
  ]);

  test('"Disabled Facilities Grant (DFG)" income balances "DFG" spend: no finding', () => {
    const report = checkWorkbook({
      sheets: [funding("Disabled Facilities Grant (DFG)", 1000000), spend],
    });
    // Only the completeness note that the spend table lacks the national template's other columns.
    expect(report.findings.filter((f) => f.rule !== "completeness")).toEqual([]);
    expect(report.coverage.find((c) => c.rule === "funding-balance")).toMatchObject({
      checked: 3,
    });
  });

  test("£10,000 too little DFG income is one error on the income line", () => {
    const found = notInfo({
      sheets: [funding("Disabled Facilities Grant (DFG)", 990000), spend],
    });
    expect(found).toMatchObject([
      { rule: "funding-balance", sheet: "Funding", cell: "B4", actual: -10000 },
    ]);
  });
});

describe("a row total beside its column totals", () => {
  // NHS 100 + 200 = 300; LA 50 + 70 = 120; row totals 150 and 270; grand total 420.
  const sheet = (corner: [string, number]) =>
    sheetFromRows("Split", [
      ["Scheme", "NHS (£)", "LA (£)", "Total (£)"],
      ["A", typed(100, GBP), typed(50, GBP), f("=SUM(B2:C2)", 150, GBP)],
      ["B", typed(200, GBP), typed(70, GBP), f("=SUM(B3:C3)", 270, GBP)],
      [
        "Total",
        f("=SUM(B2:B3)", 300, GBP),
        f("=SUM(C2:C3)", 120, GBP),
        f(corner[0], corner[1], GBP),
      ],
    ]);

  test.each([["=SUM(D2:D3)"], ["=SUM(B4:C4)"], ["=B4+C4"]])(
    "the corner %s: no finding",
    (formula) => {
      expect(runChecks({ sheets: [sheet([formula, 420])] })).toEqual([]);
    }
  );

  test("a corner that disagrees with both is an error", () => {
    expect(notInfo({ sheets: [sheet(["=SUM(D2:D3)", 430])] })).toMatchObject([
      { rule: "totals", cell: "D4", severity: "error" },
    ]);
  });
});

describe("what was checked is always said", () => {
  test("an empty workbook says so", () => {
    const report = checkWorkbook({ sheets: [sheetFromRows("Sheet1", [])] });
    expect(report.findings).toEqual([]);
    expect(report.summary).toMatch(/nothing was checked/i);
    expect(report.summary).toMatch(/empty/i);
    expect(report.coverage.every((c) => c.checked === 0 && c.note)).toBe(true);
  });

  test("a workbook with nothing recognised says so", () => {
    const report = checkWorkbook({
      sheets: [sheetFromRows("Notes", [["Meeting notes"], ["Agreed to review in March"]])],
    });
    expect(report.summary).toMatch(/nothing was checked/i);
  });

  test("a summary counts totals, splits and sources", () => {
    const report = checkWorkbook({
      sheets: [
        sheetFromRows("Split", [
          ["Scheme", "NHS (£)", "LA (£)", "Total (£)"],
          ["A", typed(100, GBP), typed(50, GBP), typed(150, GBP)],
          ["B", typed(200, GBP), typed(70, GBP), typed(270, GBP)],
          ["Total", typed(300, GBP), typed(120, GBP), typed(420, GBP)],
        ]),
      ],
    });
    expect(report.findings).toEqual([]);
    const totals = report.coverage.find((c) => c.rule === "totals")!;
    // Three row totals (B4, C4, D4) and three column totals (D2, D3, D4).
    expect(totals.checked).toBe(6);
    expect(report.coverage.find((c) => c.rule === "splits")!.checked).toBe(3);
    expect(report.summary).toMatch(/^Checked 6 totals, 3 splits/);
    expect(report.summary).toMatch(/funding balance: /);
  });

  test("a formula total with no calculated value is an info finding, not a silent pass", () => {
    const sheet = sheetFromRows("Costs", [
      ["Scheme", "Amount (£)"],
      ["A", typed(100, GBP)],
      ["B", typed(200, GBP)],
      ["Total", f("=SUM(B2:B3)", "", GBP)],
    ]);
    const report = checkWorkbook({ sheets: [sheet] });
    expect(report.findings).toMatchObject([{ rule: "totals", severity: "info", cell: "B4" }]);
    expect(report.findings[0].message).toContain(
      "open and save the file in Excel so the figures are calculated"
    );
  });
});

describe("a source name the vocabulary cannot place is reported, not guessed", () => {
  // Income £2,000,000 NHS minimum and £300,000 "Council top-up"; spend £2,000,000 NHS minimum and
  // £300,000 "LA top up": neither top-up name is a BCF source, and their wordings differ.
  test("both unplaced names are errors saying so, the placed source balances", () => {
    const found = notInfo({
      sheets: [
        sheetFromRows("Income", [
          ["Funding source", "Amount (£)"],
          ["Minimum NHS contribution", typed(2000000, GBP)],
          ["Council top-up", typed(300000, GBP)],
        ]),
        sheetFromRows("Spend", [
          ["Scheme", "Source of funding", "Planned spend (£)"],
          ["Reablement", "NHS minimum", typed(2000000, GBP)],
          ["Home care", "LA top up", typed(300000, GBP)],
        ]),
      ],
    });
    expect(found.map((f) => [f.sheet, f.cell, f.actual])).toEqual([
      ["Income", "B3", 300000],
      ["Spend", "C3", -300000],
    ]);
    for (const f of found) expect(f.message).toContain("not a BCF funding source name");
  });
});
