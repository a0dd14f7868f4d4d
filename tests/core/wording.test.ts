/** The add-in's one set of wording helpers, which the checks, the pane, the CLI and the plan's notes share. */
import fc from "fast-check";
import { byCount, listInWords, money, plural, toPenny } from "../../src/core/wording";

describe("money", () => {
  it.each<[number, boolean, string]>([
    [936000, false, "£936,000"],
    [125000.5, false, "£125,000.50"],
    [-27000, false, "-£27,000"],
    [936000, true, "£936,000.00"],
    [0.004, false, "£0"], // rounds to no pennies
  ])("%p (pennies forced: %p) reads %p", (amount, force, text) => {
    expect(money(amount, force)).toBe(text);
  });
});

describe("plural", () => {
  it("says one thing in the singular, others in the plural, with thousands grouped", () => {
    expect(plural(1, "template")).toBe("1 template");
    expect(plural(0, "error")).toBe("0 errors");
    expect(plural(1200, "row")).toBe("1,200 rows");
    expect(plural(3, "info", "info")).toBe("3 info");
  });
});

describe("byCount", () => {
  it("picks the word that agrees with the count", () => {
    expect(byCount(1, "is", "are")).toBe("is");
    expect(byCount(0, "is", "are")).toBe("are");
    expect(byCount(2, "it", "them")).toBe("them");
  });
});

describe("listInWords", () => {
  it("joins with commas and a final 'and', and counts what it leaves out", () => {
    expect(listInWords([])).toBe("");
    expect(listInWords(["Cover"])).toBe("Cover");
    expect(listInWords(["Cover", "Income"])).toBe("Cover and Income");
    expect(listInWords(["Cover", "Income", "Summary"])).toBe("Cover, Income and Summary");
    expect(listInWords(["B3", "B5", "B7", "B9"], 2)).toBe("B3, B5 and 2 more");
  });

  it("names every item once when nothing is left out", () => {
    const item = fc.stringMatching(/^[A-Z][a-z]{0,8}$/);
    fc.assert(
      fc.property(fc.array(item, { minLength: 2, maxLength: 12 }), (items) => {
        const text = listInWords(items);
        expect(text.split(/, | and /)).toEqual(items);
      })
    );
  });
});

describe("toPenny", () => {
  it("drops binary dust: 0.1 + 0.2 is 30p", () => {
    expect(toPenny(0.1 + 0.2)).toBe(0.3);
    expect(toPenny(1234.565)).toBe(1234.57);
  });
});
