import { TARGET_COLUMNS, targetRows } from "../../../src/core/plan";

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
      ["S007"],
    );
    expect(layout.columns).toEqual(TARGET_COLUMNS);
    expect(layout.formulas).toEqual([
      ["S007", "Patients supported", 8, 104, "", "", UPLIFT],
    ]);
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
      ["S001"],
    );
    expect(layout.formulas[0]).toEqual([
      "S001",
      "Admissions",
      50,
      period("Baseline per month", "month", "year"),
      60,
      period("Target per month", "month", "year"),
      UPLIFT,
    ]);
    expect(layout.formulas[1]).toEqual([
      "S001",
      "Cases",
      period("Baseline per year", "year", "month"),
      780,
      period("Target per year", "year", "month"),
      960,
      UPLIFT,
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
      ["S001", "S002", "S003"],
    );
    expect(layout.formulas.map((r) => [r[0], r[1]])).toEqual([
      ["S001", "a"],
      ["S003", "b"],
      ["S003", "c"],
    ]);
    expect(layout.formulas[2].slice(2)).toEqual(["", "", "", "", UPLIFT]);
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
