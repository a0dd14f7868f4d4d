import fc from "fast-check";
import { targetFromUplift, uplift } from "../../../src/core/statistics/targets";
import { codeOf } from "./formulaErrors";
import { expectClose } from "./reference";

describe("uplift and target", () => {
  it("gives Wiltshire's +20% from 50 to 60 admissions a month (seed 004)", () => {
    expectClose(uplift(50, 60), 0.2);
    expectClose(uplift(600, 720), 0.2);
    expectClose(targetFromUplift(600, 0.2), 720);
    expectClose(uplift(780, 960), 180 / 780);
  });

  it("shows a reduction as a negative uplift", () => {
    expectClose(uplift(50, 40), -0.2);
    expectClose(targetFromUplift(50, -0.2), 40);
    expect(targetFromUplift(50, -1)).toBe(0);
  });

  it("gives Excel's errors for bad input", () => {
    expect(codeOf(() => uplift(0, 10))).toBe("#DIV/0!");
    expect(codeOf(() => uplift(-5, 10))).toBe("#NUM!");
    expect(codeOf(() => uplift(5, -10))).toBe("#NUM!");
    expect(codeOf(() => uplift("50", 60))).toBe("#VALUE!");
    expect(codeOf(() => targetFromUplift(50, -1.5))).toBe("#NUM!");
    expect(codeOf(() => targetFromUplift(-50, 0.2))).toBe("#NUM!");
    expect(codeOf(() => targetFromUplift(50, false))).toBe("#VALUE!");
  });

  it("target(baseline, uplift(baseline, t)) gives back t", () => {
    const amount = fc.double({ min: 0.01, max: 1e9, noNaN: true });
    fc.assert(
      fc.property(amount, fc.double({ min: 0, max: 1e9, noNaN: true }), (b, t) => {
        // (1 + uplift) carries the baseline's precision, so the round trip is exact to 1e-12 of the larger figure.
        expect(Math.abs(targetFromUplift(b, uplift(b, t)) - t)).toBeLessThanOrEqual(
          1e-12 * Math.max(b, t)
        );
      })
    );
  });
});
