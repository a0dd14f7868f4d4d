import fc from "fast-check";
import { runChecks } from "../../../src/core/checks";
import { checkSplits } from "../../../src/core/checks/splits";
import { sheetFromRows } from "../../../src/core/workbook";
import { GBP, PCT, f, typed } from "./fixtures";

const pct = (v: number) => ({ formula: String(v), value: v, format: PCT });

describe("splits: NHS and council parts add to the total", () => {
  // Seed 001: ICR CCG posts £125,000 + council posts £115,000 = £240,000; HTR £135,000 + £561,000 = £696,000.
  const scheme = (icrTotal: number, htrNhs = 135000) =>
    sheetFromRows("Schemes", [
      ["Scheme", "CCG (£)", "LA (£)", "Total (£)"],
      ["Integrated Crisis Response", typed(125000, GBP), typed(115000, GBP), typed(icrTotal, GBP)],
      [
        "Hospital Transfer & Reablement",
        typed(htrNhs, GBP),
        typed(561000, GBP),
        typed(htrNhs + 561000, GBP),
      ],
    ]);

  test("seed 001's split reconciles: no findings from any rule", () => {
    expect(runChecks({ sheets: [scheme(240000)] })).toEqual([]);
  });

  test("£125,000 + £115,000 shown as £250,000 is one error at the total, with expected and actual", () => {
    const all = runChecks({ sheets: [scheme(250000)] });
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      severity: "error",
      cell: "D2",
      expected: 240000,
      actual: 250000,
    });
    const splits = checkSplits({ sheets: [scheme(250000)] }).findings;
    expect(splits).toHaveLength(1);
    expect(splits[0].message).toContain('"CCG (£)" £125,000 + "LA (£)" £115,000 = £240,000');
  });

  test("a penny out is out", () => {
    const sheet = sheetFromRows("S", [
      ["Scheme", "NHS (£)", "Council (£)", "Total (£)"],
      ["A", 100.01, 200, 300],
    ]);
    expect(checkSplits({ sheets: [sheet] }).findings).toMatchObject([
      { cell: "D2", expected: 300.01, actual: 300 },
    ]);
  });
});

describe("splits: % NHS and % LA add to 100%", () => {
  test("fractions formatted as %, typed 60%/40%, and plain 60/40 are clean", () => {
    const sheet = sheetFromRows("Joint", [
      ["Scheme", "Commissioner", "% NHS", "% LA"],
      ["Community beds", "Joint", pct(0.6), pct(0.4)],
      ["Reablement", "Joint", "60%", "40%"],
      ["Carers", "Joint", 60, 40],
      ["Equipment", "Local Authority", null, null],
      ["Not yet costed", "Joint", pct(0), pct(0)],
      ["NHS only", "CCG/ICB", pct(1), null],
    ]);
    // No split error; the percentages typed as text are (rightly) a hygiene warning each.
    expect(runChecks({ sheets: [sheet] }).map((x) => [x.rule, x.severity, x.cell])).toEqual([
      ["hygiene", "warning", "C3"],
      ["hygiene", "warning", "D3"],
    ]);
  });

  test("60% and 30% is an error at % LA", () => {
    const sheet = sheetFromRows("Joint", [
      ["Scheme", "Commissioner", "% NHS", "% LA"],
      ["Community beds", "Joint", pct(0.6), pct(0.3)],
      ["Carers", "Joint", 70, 40],
    ]);
    const found = checkSplits({ sheets: [sheet] }).findings;
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({ cell: "D2", expected: 1, actual: 0.9 });
    expect(found[0].message).toContain("add up to 90%, not 100%");
    expect(found[1]).toMatchObject({ cell: "D3", expected: 100, actual: 110 });
  });

  test("the plan's % formulas (share of the total) are clean even when floating point is not exact", () => {
    const rows: Parameters<typeof sheetFromRows>[1] = [
      ["Scheme ID", "% NHS", "% LA", "NHS (£)", "Council (£)", "Total (£)"],
    ];
    for (let i = 1; i <= 50; i++) {
      const nhs = i * 10.1;
      const la = i * 7.3;
      const t = nhs + la;
      rows.push([
        `S${i}`,
        f("=IF(F2=0,0,D2/F2)", nhs / t, PCT),
        f("=IF(F2=0,0,E2/F2)", la / t, PCT),
        nhs,
        la,
        f("=D2+E2", t),
      ]);
    }
    expect(
      runChecks({ sheets: [sheetFromRows("Expenditure", rows)] }).filter(
        (x) => x.severity === "error"
      )
    ).toEqual([]);
  });
});

describe("splits: property", () => {
  test("NHS + council = total to the penny is clean; a total moved by a penny or more is one error there", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 50_000_000 }),
            fc.integer({ min: 0, max: 50_000_000 })
          ),
          { minLength: 1, maxLength: 30 }
        ),
        fc.nat(),
        fc.integer({ min: 1, max: 1_000_000 }),
        (pence, pick, by) => {
          const build = (bump?: number) =>
            sheetFromRows(
              "Pool",
              [
                ["Scheme", "NHS (£)", "Council (£)", "Total (£)"],
                ...pence.map(([a, b], i) => [
                  `Scheme ${i + 1}`,
                  a / 100,
                  b / 100,
                  (a + b + (i === bump ? by : 0)) / 100,
                ]),
              ],
              { numberFormat: GBP }
            );
          expect(checkSplits({ sheets: [build()] }).findings).toEqual([]);
          const row = pick % pence.length;
          const found = checkSplits({ sheets: [build(row)] }).findings;
          expect(found).toHaveLength(1);
          expect(found[0].cell).toBe(`D${row + 2}`);
        }
      ),
      { numRuns: 200 }
    );
  });
});
