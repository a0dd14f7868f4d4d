import fc from "fast-check";
import { countBySeverity, runChecks } from "../../../src/core/checks";
import { SheetSnapshot } from "../../../src/core/workbook";
import { expenditureLines, expenditureSheet, planSnapshot } from "./fixtures";

function replaceSheet(snapshot: ReturnType<typeof planSnapshot>, sheet: SheetSnapshot) {
  return { sheets: snapshot.sheets.map((s) => (s.name === sheet.name ? sheet : s)) };
}

describe("the plan workbook the add-in builds (contracts layout)", () => {
  test("filled with consistent figures it gets no error and no warning; only the =BCF.* notes", () => {
    const findings = runChecks(planSnapshot());
    // Seven =BCF.* notes, and the completeness note that the Cover has no contact or sign-off.
    expect(countBySeverity(findings)).toEqual({ error: 0, warning: 0, info: 8 });
    expect(
      findings.every(
        (x) =>
          (x.rule === "hygiene" && /=BCF\./.test(x.message)) ||
          (x.rule === "completeness" && x.sheet === "Cover")
      )
    ).toBe(true);
  });

  test("any consistent plan (random lines, sources, areas, commissioners) gets no error or warning", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (count, seed) => {
          const findings = runChecks(planSnapshot({ lines: expenditureLines(count, seed) }));
          const c = countBySeverity(findings);
          expect([c.error, c.warning]).toEqual([0, 0]);
        }
      ),
      { numRuns: 60 }
    );
  });

  test("a 2,000-line plan is clean too", () => {
    const c = countBySeverity(runChecks(planSnapshot({ lines: expenditureLines(2000, 3) })));
    expect([c.error, c.warning]).toEqual([0, 0]);
  });

  test("a totals row a penny out under NHS (£) is found at that cell", () => {
    const lines = expenditureLines(30);
    const nhs = lines.reduce((a, l) => a + l.nhs, 0);
    const total = lines.reduce((a, l) => a + l.nhs + l.council, 0);
    const plan = replaceSheet(
      planSnapshot({ lines }),
      expenditureSheet(lines, { nhs: nhs + 0.01, total: total + 0.01 })
    );
    const errors = runChecks(plan).filter((x) => x.severity === "error");
    expect(errors.map((x) => [x.sheet, x.cell])).toEqual([
      ["Expenditure", "K32"],
      ["Expenditure", "M32"],
    ]);
    expect(errors[0]).toMatchObject({ rule: "totals", expected: Math.round(nhs * 100) / 100 });
  });

  test("a line whose Total (£) is not NHS + council is found at that line", () => {
    const lines = expenditureLines(10);
    const sheet = expenditureSheet(lines);
    const row = 5;
    const shown = (sheet.values[row][12] as number) + 100;
    sheet.values[row][12] = shown;
    const errors = runChecks(replaceSheet(planSnapshot({ lines }), sheet)).filter(
      (x) => x.severity === "error"
    );
    // The line, and the totals row no longer adding up its column.
    expect(errors.map((x) => x.cell)).toEqual(["M6", "M12"]);
    expect(errors[0]).toMatchObject({ actual: Math.round(shown * 100) / 100 });
  });
});
