import fc from "fast-check";
import { convertPeriod } from "../../../src/core/statistics/period";
import { codeOf } from "./formulaErrors";
import { expectClose } from "./reference";

/** Every form =BCF.PERIOD accepts, by the period it names. */
const FORMS: Record<string, string[]> = {
  day: ["day", "days", "daily"],
  week: ["week", "weeks", "weekly", "wk"],
  month: ["month", "months", "monthly", "mth"],
  quarter: ["quarter", "quarters", "quarterly", "qtr"],
  year: ["year", "years", "yearly", "annual", "annually", "annum", "pa", "p.a.", "yr"],
};
/** Periods in a year, worked by hand: 365 days, 52 weeks (by default), 12 months, 4 quarters. */
const PER_YEAR: Record<string, number> = { day: 365, week: 52, month: 12, quarter: 4, year: 1 };

describe("convertPeriod (=BCF.PERIOD)", () => {
  it("converts the seed plans' figures", () => {
    expect(convertPeriod(50, "month", "year")).toBe(600); // seed 004: 50 × 12
    expect(convertPeriod(720, "year", "month")).toBe(60); // 720 ÷ 12
    expect(convertPeriod(21, "week", "year")).toBe(1092); // seed 004: 21 × 52 (the plan wrote 1,091)
    expect(convertPeriod(3, "quarter", "month")).toBe(1); // 3 × 4 ÷ 12
    expect(convertPeriod(1, "day", "year")).toBe(365);
    expect(convertPeriod(104, "year", "week")).toBe(2); // 104 ÷ 52
    expect(convertPeriod(7, "week", "week")).toBe(7);
  });

  it("takes the words the seed plans write: per month, per annum, a week, monthly", () => {
    expect(convertPeriod(50, "per month", "per annum")).toBe(600); // 50 × 12
    expect(convertPeriod(21, "a week", "per annum")).toBe(1092); // 21 × 52
    expect(convertPeriod(10, "monthly", "quarterly")).toBe(30); // 10 × 12 ÷ 4
    expect(convertPeriod(3, "qtr", "yr")).toBe(12); // 3 × 4
    expect(convertPeriod(21, "wk", "mth")).toBe(91); // 21 × 52 ÷ 12 = 1,092 ÷ 12
    expect(convertPeriod(2, "each day", "p.a.")).toBe(730); // 2 × 365
    expect(convertPeriod(600, "An Annum", "Each Month")).toBe(50);
    expect(convertPeriod(50, "PER MONTH", "  Per   Year ")).toBe(600);
  });

  it("accepts every form, with or without per, a, an or each, in any case", () => {
    for (const [period, forms] of Object.entries(FORMS)) {
      const expected = convertPeriod(12, period, "year");
      for (const form of forms) {
        for (const lead of ["", "per ", "a ", "an ", "each ", "PER ", "Each "]) {
          expect(convertPeriod(12, lead + form, "year")).toBe(expected);
          expect(convertPeriod(12, lead + form.toUpperCase(), "year")).toBe(expected);
          expect(convertPeriod(12, "year", lead + form)).toBe(convertPeriod(12, "year", period));
        }
      }
    }
  });

  it("makes a week exactly 7 days, whatever weeks_per_year is", () => {
    // Through the year, 365 ÷ 52 would make a week 7.0192 days; a week is 7 days by definition.
    expect(convertPeriod(1, "day", "week")).toBe(7);
    expect(convertPeriod(7, "week", "day")).toBe(1);
    expect(convertPeriod(3, "daily", "weekly")).toBe(21);
    expect(convertPeriod(1, "day", "week", 52.143)).toBe(7);
    expect(convertPeriod(1, "day", "week", 53)).toBe(7);
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (v) => {
        expect(convertPeriod(v, "day", "week")).toBe(v * 7);
        expect(convertPeriod(v, "week", "day")).toBe(v / 7);
      })
    );
  });

  it("uses weeks_per_year for a week against a month, quarter or year", () => {
    expectClose(convertPeriod(1, "week", "year", 365 / 7), 365 / 7);
    expectClose(convertPeriod(21, "week", "month", 52.143), (21 * 52.143) / 12); // 91.25025
    expectClose(convertPeriod(21, "week", "year", 52.143), 1095.003);
    expect(convertPeriod(1, "week", "year", 52)).toBe(52);
    expect(convertPeriod(1, "week", "year", 53)).toBe(53);
  });

  it("checks weeks_per_year whenever it is given: 52 to 53, else #NUM!", () => {
    expect(codeOf(() => convertPeriod(1, "week", "year", 12))).toBe("#NUM!");
    expect(codeOf(() => convertPeriod(1, "week", "year", 51.99))).toBe("#NUM!");
    expect(codeOf(() => convertPeriod(1, "week", "year", 53.01))).toBe("#NUM!");
    // No week involved, but a 12 where weeks per year belong is still a slip worth showing.
    expect(codeOf(() => convertPeriod(1, "month", "year", 12))).toBe("#NUM!");
    expect(codeOf(() => convertPeriod(1, "month", "year", 0))).toBe("#NUM!");
    expect(codeOf(() => convertPeriod(1, "week", "year", "52"))).toBe("#VALUE!");
    expect(convertPeriod(1, "month", "year", 52)).toBe(12);
  });

  it("gives #VALUE! for a word that is not a period, or text where a number belongs", () => {
    for (const word of [
      "fortnight",
      "",
      "  ",
      "per",
      "a",
      "each",
      "per per month",
      "month per",
      "months2",
      "every month",
      "p.m.",
    ]) {
      expect(codeOf(() => convertPeriod(1, word, "year"))).toBe("#VALUE!");
      expect(codeOf(() => convertPeriod(1, "year", word))).toBe("#VALUE!");
    }
    expect(codeOf(() => convertPeriod(1, 12, "year"))).toBe("#VALUE!");
    expect(codeOf(() => convertPeriod(1, "year", null))).toBe("#VALUE!");
    expect(codeOf(() => convertPeriod("1", "month", "year"))).toBe("#VALUE!");
  });

  const periodWord = fc
    .tuple(
      fc.constantFrom(...Object.keys(FORMS)),
      fc.nat(),
      fc.constantFrom("", "per ", "a ", "an ", "each "),
      fc.boolean()
    )
    .map(([period, k, lead, upper]) => {
      const forms = FORMS[period];
      const word = lead + forms[k % forms.length];
      return { period, word: upper ? word.toUpperCase() : word };
    });
  const weeks = fc.oneof(fc.constant(null), fc.double({ min: 52, max: 53, noNaN: true }));

  it("converting there and back gives the value again", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        periodWord,
        periodWord,
        weeks,
        (v, a, b, w) => {
          expectClose(
            convertPeriod(convertPeriod(v, a.word, b.word, w), b.word, a.word, w),
            v,
            1e-12
          );
        }
      )
    );
  });

  it("agrees with year = 365 days = 52 weeks = 12 months = 4 quarters, and week = 7 days", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        periodWord,
        periodWord,
        (v, a, b) => {
          const expected =
            a.period === "day" && b.period === "week"
              ? v * 7
              : a.period === "week" && b.period === "day"
                ? v / 7
                : (v * PER_YEAR[a.period]) / PER_YEAR[b.period];
          expectClose(convertPeriod(v, a.word, b.word), expected, 1e-12);
        }
      )
    );
  });
});
