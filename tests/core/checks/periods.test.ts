import fc from "fast-check";
import { runChecks } from "../../../src/core/checks";
import {
  checkPeriods,
  comparePeriods,
  statementsIn,
  textPeriodProblems,
} from "../../../src/core/checks/periods";
import { sheetFromRows } from "../../../src/core/workbook";
import { f } from "./fixtures";

const one = (rows: Parameters<typeof sheetFromRows>[1]) => ({
  sheets: [sheetFromRows("Intentions", rows)],
});

describe("periods: free text in one cell (seed 004)", () => {
  test("50 admissions per month / 600 per annum and 60 a month / 720 per annum are clean", () => {
    const snapshot = one([
      ["Scheme", "Baseline", "Target"],
      [
        "Intermediate care (70 beds)",
        "50 admissions per month  600 admissions per annum",
        "60 admissions a month  720 admissions per annum",
      ],
      [
        "Urgent care at home",
        "65 cases per month\n780 cases per annum",
        "80 cases per month\n960 cases per annum",
      ],
      [
        "End of life",
        "10 cases per month 120 cases per annum",
        "16 cases per month 192 cases per annum",
      ],
    ]);
    expect(runChecks(snapshot)).toEqual([]);
  });

  test("8 patients a month / 104 patients a year is an error: 8 × 12 = 96", () => {
    const found = checkPeriods(
      one([["Baseline"], ["8 patients a month / 104 patients a year"]])
    ).findings;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      rule: "periods",
      severity: "error",
      cell: "A2",
      expected: 96,
      actual: 104,
    });
    expect(found[0].message).toContain("8 a month is 96 a year, not 104");
  });

  test("the target beside it, 12 a month / 144 a year, is clean", () => {
    expect(
      checkPeriods(one([["Target"], ["12 patients a month / 144 patients a year"]])).findings
    ).toEqual([]);
  });

  test("an additional 15 discharges a month … 180 discharges per month: 180 is the annual figure", () => {
    const text =
      "The aim is to achieve an additional 15 discharges a month from CH beds. This will provide an additional 180 discharges per month over and above current levels";
    const found = checkPeriods(one([["Target"], [text]])).findings;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "error", expected: 15, actual: 180 });
    expect(found[0].message).toMatch(/should "180 discharges per month" read per year/);
  });

  test("21 discharges a week and 1091 discharges per annum is a slip on either week convention", () => {
    const found = checkPeriods(
      one([["Target"], ["21 discharges a week  1091 discharges per annum"]])
    ).findings;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ expected: 1092, actual: 1091 });
    expect(found[0].message).toContain("1,092 a year on 52 weeks (1,095 on 365/7 weeks)");
    // Stated the way the conversion gives it, on 52 or on 365/7 weeks, it is clean.
    expect(
      checkPeriods(one([["T"], ["21 discharges a week  1092 discharges per annum"]])).findings
    ).toEqual([]);
    expect(
      checkPeriods(one([["T"], ["21 discharges a week  1095 discharges per annum"]])).findings
    ).toEqual([]);
  });

  test("durations and single figures are not reconciled", () => {
    const snapshot = one([
      ["Notes"],
      ["Services will be available 7 days a week and 24 hours a day, 365 days a year"],
      ["Core business levels at circa 1200 discharges per annum from the acute trusts"],
      ["Baseline 50 admissions a month, target 60 admissions a month"],
    ]);
    expect(checkPeriods(snapshot).findings).toEqual([]);
  });
});

describe("periods: the tolerance rule", () => {
  test("the longer-period figure must equal the converted figure rounded to the precision it is stated to", () => {
    expect(comparePeriods(50, "month", 600, "year").reconciles).toBe(true);
    expect(comparePeriods(3, "quarter", 12, "year").reconciles).toBe(true);
    expect(comparePeriods(1, "month", 3, "quarter").reconciles).toBe(true);
    expect(comparePeriods(83.33, "month", 1000, "year").reconciles).toBe(true); // 999.96 rounds to 1,000
    expect(comparePeriods(83, "month", 1000, "year").reconciles).toBe(false); // 996
    expect(comparePeriods(5, "week", 22, "month").reconciles).toBe(true); // 21.67 → 22
    expect(comparePeriods(1250.5, "month", 15006, "year").reconciles).toBe(true);
    expect(comparePeriods(1250.5, "month", 15006.5, "year").reconciles).toBe(false);
  });

  test("statements are read with their counts, nouns and periods", () => {
    expect(
      statementsIn("50 admissions per month  600 admissions per annum").map((s) => [
        s.value,
        s.noun,
        s.period,
      ])
    ).toEqual([
      [50, "admission", "month"],
      [600, "admission", "year"],
    ]);
    expect(statementsIn("1,091 discharges p.a.").map((s) => [s.value, s.period])).toEqual([
      [1091, "year"],
    ]);
  });

  test("baseline and target figures in one cell pair in order", () => {
    expect(
      textPeriodProblems("50 a month rising to 60 a month (600 a year rising to 720 a year)")
    ).toEqual([]);
    expect(
      textPeriodProblems("50 a month rising to 60 a month (600 a year rising to 730 a year)")
    ).toHaveLength(1);
  });
});

describe("periods: figures in columns and rows", () => {
  test("the plan's Targets table: stated figures and =BCF.PERIOD results reconcile", () => {
    const snapshot = {
      sheets: [
        sheetFromRows("Targets", [
          [
            "Scheme ID",
            "Measure",
            "Baseline per month",
            "Baseline per year",
            "Target per month",
            "Target per year",
            "Uplift",
          ],
          [
            "S1",
            "Admissions",
            50,
            f('=BCF.PERIOD(C2,"month","year")', 600),
            60,
            f('=BCF.PERIOD(E2,"month","year")', 720),
            0.2,
          ],
          ["S2", "Step up", f('=BCF.PERIOD(D3,"year","month")', 1000 / 12), 1000, 12, 144, 0.2],
        ]),
      ],
    };
    expect(checkPeriods(snapshot).findings).toEqual([]);
  });

  test("a typed annual figure that does not match the monthly one is an error at the typed cell", () => {
    const snapshot = {
      sheets: [
        sheetFromRows("Targets", [
          [
            "Scheme ID",
            "Measure",
            "Baseline per month",
            "Baseline per year",
            "Target per month",
            "Target per year",
          ],
          ["S1", "Step up patients", 8, 104, 12, 144],
          ["S2", "Admissions", 50, 600, 60, f('=BCF.PERIOD(E3,"month","year")', 720)],
        ]),
      ],
    };
    const found = checkPeriods(snapshot).findings;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ cell: "D2", expected: 96, actual: 104 });
  });

  test("the plan's own wording beside its figures: a slip the columns show is reported once; one only the wording shows is reported there", () => {
    const heading = [
      "Scheme ID",
      "Measure",
      "Baseline per month",
      "Baseline per year",
      "Target per month",
      "Target per year",
      "Uplift",
      "As stated in the plan",
    ];
    const snapshot = {
      sheets: [
        sheetFromRows("Targets", [
          heading,
          [
            "S1",
            "Step up patients",
            8,
            104,
            12,
            144,
            0.38,
            "8 patients a month  104 patients a year  12 patients a month  144 patients a year",
          ],
          [
            "S2",
            "Rehab discharges",
            "",
            "",
            f('=BCF.PERIOD(F3,"year","month")', 1091 / 12),
            1091,
            "",
            "21 discharges a week  1091 discharges per annum",
          ],
          // The columns agree (typed 96) but the wording still says 104: the wording is reported.
          ["S3", "Step up patients", 8, 96, "", "", "", "8 patients a month  104 patients a year"],
        ]),
      ],
    };
    const found = checkPeriods(snapshot).findings.map((x) => [x.cell, x.expected, x.actual]);
    expect(found.sort()).toEqual([
      ["D2", 96, 104],
      ["H3", 1092, 1091],
      ["H4", 96, 104],
    ]);
  });

  test("hand-laid columns headed per week / per annum, and labelled rows", () => {
    const columns = sheetFromRows("Activity", [
      ["Measure", "Discharges per week", "Discharges per annum"],
      ["Rehab support workers", 21, 1091],
      ["Integrated discharge teams", 23, 1196],
    ]);
    const found = checkPeriods({ sheets: [columns] }).findings;
    expect(found.map((x) => x.cell)).toEqual(["C2"]);
    const rows = sheetFromRows("Activity", [
      ["Measure", "2017-18", "2018-19"],
      ["Admissions per month", 50, 60],
      ["Admissions per year", 600, 700],
    ]);
    const byRow = checkPeriods({ sheets: [rows] }).findings;
    expect(byRow).toHaveLength(1);
    expect(byRow[0]).toMatchObject({ cell: "C3", expected: 720, actual: 700 });
  });
});

describe("periods: properties", () => {
  const PERIODS: Array<[string, number]> = [
    ["a week", 52],
    ["a month", 12],
    ["a quarter", 4],
  ];

  test("a figure per week/month/quarter and its exact annual figure always reconcile; off by one or more never does", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100000 }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.boolean(),
        (n, p, off, up) => {
          const [period, perYear] = PERIODS[p];
          const year = n * perYear;
          const clean = `${n} referrals ${period}  ${year.toLocaleString("en-GB")} referrals per annum`;
          expect(textPeriodProblems(clean)).toEqual([]);
          const wrong = year + (up ? off : -off);
          if (wrong <= 0) return;
          // 365/7 weeks is accepted too: skip the one figure that convention gives.
          if (p === 0 && wrong === Math.round((n * 365) / 7)) return;
          const broken = `${n} referrals ${period}  ${wrong.toLocaleString("en-GB")} referrals per annum`;
          const problems = textPeriodProblems(broken);
          expect(problems).toHaveLength(1);
          expect(problems[0]).toMatchObject({ kind: "mismatch", expected: year });
        }
      ),
      { numRuns: 300 }
    );
  });
});
