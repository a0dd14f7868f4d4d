/** What an undo says when done: the same sentences whether the workbook was touched or not. */
import type { RemovalPlan } from "../../../src/core/undo";
import { removalReport } from "../../../src/core/undo/removalReport";

const plan = (part: Partial<Pick<RemovalPlan, "removed" | "kept" | "gone">>) => ({
  removed: [],
  kept: [],
  gone: [],
  ...part,
});

describe("removalReport", () => {
  it("lists what was removed, then what was kept and what had gone", () => {
    const report = removalReport(
      plan({
        removed: ["the sheet Targets", "2 rows of BCF_Expenditure"],
        kept: ["The sheet Cover has 1 cell you changed; it was kept."],
        gone: ["The table BCF_Metrics was no longer there."],
      })
    );
    expect(report.message).toBe(
      "Removed the sheet Targets and 2 rows of BCF_Expenditure. The sheet Cover has 1 cell you changed; it was kept. The table BCF_Metrics was no longer there."
    );
    expect(report.removed).toEqual(["the sheet Targets", "2 rows of BCF_Expenditure"]);
  });

  it("says nothing was removed when the plan removes nothing", () => {
    const report = removalReport(
      plan({ kept: ["Row 4 of Expenditure has 2 cells you changed; it was kept."] })
    );
    expect(report).toEqual({
      removed: [],
      kept: ["Row 4 of Expenditure has 2 cells you changed; it was kept."],
      gone: [],
      message: "Nothing was removed. Row 4 of Expenditure has 2 cells you changed; it was kept.",
    });
  });
});
