import fc from "fast-check";
import { TARGET_COLUMNS, targetRows } from "../../../src/core/plan";
import type { ActivityTarget, StatedFigure } from "../../../src/core/templates/types";

const UPLIFT =
  '=IF(OR([@[Baseline per year]]="",[@[Target per year]]=""),"",BCF.UPLIFT([@[Baseline per year]],[@[Target per year]]))';
const period = (column: string, from: string, to: string) =>
  `=IF([@[${column}]]="","",BCF.PERIOD([@[${column}]],"${from}","${to}"))`;
import { template } from "./fixtures";

describe("targetRows", () => {
  it("writes seed 004's figures as the plan states them, even where they disagree (8 a month, 104 a year)", () => {
    const layout = targetRows(
      [
        template({
          targets: [
            {
              measure: "Patients supported",
              baselinePerMonth: 8,
              baselinePerYear: 104,
            },
          ],
        }),
      ],
      ["S007"]
    );
    expect(layout.columns).toEqual(TARGET_COLUMNS);
    expect(layout.formulas).toEqual([["S007", "Patients supported", 8, 104, "", "", UPLIFT, ""]]);
  });

  it("computes a missing month or year figure with =BCF.PERIOD and the uplift with =BCF.UPLIFT", () => {
    const layout = targetRows(
      [
        template({
          targets: [
            { measure: "Admissions", baselinePerMonth: 50, targetPerMonth: 60 },
            { measure: "Cases", baselinePerYear: 780, targetPerYear: 960 },
          ],
        }),
      ],
      ["S001"]
    );
    expect(layout.formulas[0]).toEqual([
      "S001",
      "Admissions",
      50,
      period("Baseline per month", "month", "year"),
      60,
      period("Target per month", "month", "year"),
      UPLIFT,
      "",
    ]);
    expect(layout.formulas[1]).toEqual([
      "S001",
      "Cases",
      period("Baseline per year", "year", "month"),
      780,
      period("Target per year", "year", "month"),
      960,
      UPLIFT,
      "",
    ]);
    expect(layout.numberFormats[0][6]).toBe("0.0%");
    expect(layout.numberFormats[0][2]).toBe("#,##0.0");
  });

  it("gives each template's targets its own scheme ID, in order", () => {
    const layout = targetRows(
      [
        template({ targets: [{ measure: "a", baselinePerYear: 1 }] }),
        template({ targets: [] }),
        template({
          targets: [{ measure: "b", targetPerMonth: 2 }, { measure: "c" }],
        }),
      ],
      ["S001", "S002", "S003"]
    );
    expect(layout.formulas.map((r) => [r[0], r[1]])).toEqual([
      ["S001", "a"],
      ["S003", "b"],
      ["S003", "c"],
    ]);
    expect(layout.formulas[2].slice(2)).toEqual(["", "", "", "", UPLIFT, ""]);
  });
});

describe("targetRows without IDs", () => {
  it("numbers the templates S001, S002 … as a new expenditure table would", () => {
    const layout = targetRows([
      template({ targets: [{ measure: "a" }] }),
      template({ targets: [{ measure: "b" }] }),
    ]);
    expect(layout.formulas.map((r) => r[0])).toEqual(["S001", "S002"]);
  });
});

const column = (name: string) => (TARGET_COLUMNS as readonly string[]).indexOf(name);
const AS_STATED = column("As stated in the plan");

describe("targetRows: the plan's own wording", () => {
  // Seed 004, Wiltshire rehab support workers: a week and a year figure that do not reconcile (21 × 52 = 1,092).
  const rehab: ActivityTarget = {
    measure: "Discharges supported by rehab support workers",
    targetPerWeek: 21,
    targetPerYear: 1091,
    statedFigures: [
      {
        kind: "target",
        value: 21,
        per: "week",
        wording: "21 discharges a week",
      },
      {
        kind: "target",
        value: 1091,
        per: "year",
        wording: "1091 discharges per annum",
      },
    ],
  };

  it("is the last column, each figure's wording joined with two spaces", () => {
    expect(AS_STATED).toBe(TARGET_COLUMNS.length - 1);
    const [row] = targetRows([template({ targets: [rehab] })], ["S004"]).formulas;
    expect(row).toHaveLength(TARGET_COLUMNS.length);
    expect(row[AS_STATED]).toBe("21 discharges a week  1091 discharges per annum");
    // The year is stated, so the month follows from it as before; the week figure lives in the wording.
    expect(row.slice(2, 7)).toEqual([
      "",
      "",
      period("Target per year", "year", "month"),
      1091,
      UPLIFT,
    ]);
  });

  it("keeps a plan's figure stated twice per the same period (seed 004: 15 and 180 discharges a month)", () => {
    const [row] = targetRows([
      template({
        targets: [
          {
            measure: "Additional discharges from community hospital beds",
            targetPerMonth: 15,
            statedFigures: [
              {
                kind: "target",
                value: 15,
                per: "month",
                wording: "an additional 15 discharges a month from CH beds",
              },
              {
                kind: "target",
                value: 180,
                per: "month",
                wording: " an additional 180 discharges per month ",
              },
            ],
          },
        ],
      }),
    ]).formulas;
    expect(row[4]).toBe(15);
    expect(row[AS_STATED]).toBe(
      "an additional 15 discharges a month from CH beds  an additional 180 discharges per month"
    );
  });

  it("keeps wording Excel would read as a number or formula as text", () => {
    const rows = targetRows([
      template({
        targets: [
          {
            measure: "Cases",
            baselinePerMonth: 65,
            statedFigures: [{ kind: "baseline", value: 65, per: "month", wording: "65" }],
          },
          {
            measure: "Cases",
            statedFigures: [
              {
                kind: "baseline",
                value: 1,
                per: "month",
                wording: "=1+1 a month",
              },
            ],
          },
        ],
      }),
    ]).formulas;
    expect(rows.map((r) => r[AS_STATED])).toEqual(["'65", "'=1+1 a month"]);
  });

  it("leaves a figure the plan states only per week out of the month and year columns (it is in the wording)", () => {
    // Seed 003, Coventry: "1750 hours per week" rising to "1,995 per week". A conversion would hold 1,750 as a
    // constant, and Excel would copy it into other rows' blanks as the table's calculated column.
    const [row] = targetRows(
      [
        template({
          targets: [
            {
              measure: "Pathway 1 home support hours",
              baselinePerWeek: 1750,
              targetPerWeek: 1995,
              statedFigures: [
                {
                  kind: "baseline",
                  value: 1750,
                  per: "week",
                  wording: "1750 hours per week",
                },
                {
                  kind: "target",
                  value: 1995,
                  per: "week",
                  wording: "rising to 1,995 per week",
                },
              ],
            },
          ],
        }),
      ],
      ["S002"]
    ).formulas;
    expect(row.slice(2)).toEqual([
      "",
      "",
      "",
      "",
      UPLIFT,
      "1750 hours per week  rising to 1,995 per week",
    ]);
  });

  it("property: every row is as wide as the table, stated month and year figures are typed as stated, only they are converted, and the wording is the stated figures' in order", () => {
    const per = fc.constantFrom("day", "week", "month", "quarter", "year");
    const stated: fc.Arbitrary<StatedFigure> = fc.record({
      kind: fc.constantFrom("baseline" as const, "target" as const),
      value: fc.nat(5000),
      per,
      // "<figure> <words>": never text Excel would read as a number, formula or TRUE/FALSE.
      wording: fc
        .tuple(fc.nat(5000), fc.stringMatching(/^[a-z][a-z ,]{0,20}[a-z]$/))
        .map(([n, words]) => `${n} ${words}`),
    });
    const figure = fc.option(fc.nat(100000), { nil: undefined });
    const target: fc.Arbitrary<ActivityTarget> = fc.record({
      measure: fc.constant("Activity"),
      baselinePerMonth: figure,
      baselinePerYear: figure,
      targetPerMonth: figure,
      targetPerYear: figure,
      baselinePerWeek: figure,
      targetPerWeek: figure,
      statedFigures: fc.option(fc.array(stated, { maxLength: 4 }), {
        nil: undefined,
      }),
    });
    fc.assert(
      fc.property(fc.array(target, { maxLength: 5 }), (targets) => {
        const layout = targetRows([template({ targets })], ["S001"]);
        expect(layout.formulas).toHaveLength(targets.length);
        layout.formulas.forEach((row, i) => {
          const t = targets[i];
          expect(row).toHaveLength(TARGET_COLUMNS.length);
          expect(layout.numberFormats[i]).toHaveLength(TARGET_COLUMNS.length);
          for (const [name, value] of [
            ["Baseline per month", t.baselinePerMonth],
            ["Baseline per year", t.baselinePerYear],
            ["Target per month", t.targetPerMonth],
            ["Target per year", t.targetPerYear],
          ] as const) {
            if (value !== undefined) expect(row[column(name)]).toBe(value);
          }
          const words = (t.statedFigures ?? []).map((f) => f.wording);
          expect(row[AS_STATED]).toBe(words.join("  "));
          // A figure with neither a month nor a year stated stays blank, whatever its week figure.
          if (t.baselinePerMonth === undefined && t.baselinePerYear === undefined)
            expect(row.slice(2, 4)).toEqual(["", ""]);
          if (t.targetPerMonth === undefined && t.targetPerYear === undefined)
            expect(row.slice(4, 6)).toEqual(["", ""]);
          // Nothing but the stated month and year figures and their conversions: never a week figure.
          for (const cell of row.slice(2, 6)) {
            if (typeof cell === "string" && cell !== "")
              expect(cell).toMatch(
                /^=IF\(\[@\[(Baseline|Target) per (month|year)\]\]="","",BCF\.PERIOD\(/
              );
          }
        });
      })
    );
  });
});
