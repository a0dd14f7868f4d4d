import fc from "fast-check";
import {
  FUNDING_SOURCES,
  expandAbbreviation,
  type FundingSourceId,
  financialYearStart,
  fundingSourceExistsIn,
  fundingSourcesFor,
  matchFundingSource,
  matchHeading,
  normaliseName,
  periodOf,
  sameName,
} from "../../../src/core/vocabulary";

describe("normaliseName", () => {
  it.each([
    ["Funding Sources", "funding source"],
    ["FUNDING-SOURCE (£)", "funding source"],
    ["  Funding   source £ ", "funding source"],
    ["Disabled Facilities Grant (DFG)", "disabled facility grant dfg"],
    ["% NHS", "percent nhs"],
    ["NHS", "nhs"],
    ["Local Authorities", "local authority"],
    ["Amount (£)", "amount"],
    ["Health & Social Care", "health and social care"],
  ])("%s → %s", (text, expected) => expect(normaliseName(text)).toBe(expected));

  it("ignores case, punctuation, spacing and the pound sign (property)", () => {
    const words = fc.constantFrom(
      "Income",
      "planned",
      "Spend",
      "Source",
      "of",
      "funding",
      "DFG",
      "iBCF"
    );
    fc.assert(
      fc.property(
        fc.array(words, { minLength: 1, maxLength: 5 }),
        fc.array(fc.constantFrom(" ", "  ", " - ", " (£) ", " / ", "_", " £ "), {
          minLength: 5,
          maxLength: 5,
        }),
        fc.boolean(),
        (ws, seps, upper) => {
          const plain = ws.join(" ");
          let decorated = ws.map((w, i) => w + seps[i]).join("");
          if (upper) decorated = decorated.toUpperCase();
          expect(sameName(plain, decorated)).toBe(true);
        }
      ),
      { seed: 9, numRuns: 200 }
    );
  });
});

describe("matchFundingSource", () => {
  const cases: Array<[string, FundingSourceId | undefined]> = [
    ["NHS minimum contribution", "nhs-minimum"],
    ["Minimum ICB contribution", "nhs-minimum"],
    ["CCG Minimum Contribution", "nhs-minimum"],
    ["NHS Minimum Contribution (ICB)", "nhs-minimum"],
    ["iBCF", "ibcf"],
    ["Improved Better Care Fund", "ibcf"],
    ["improved better care fund grant", "ibcf"],
    ["Local Authority Better Care Grant", "la-better-care-grant"],
    ["LA Better Care Grant", "la-better-care-grant"],
    // The grant that took in the council's discharge funding is still the grant.
    ["Local Authority Better Care Grant (incl. discharge funding)", "la-better-care-grant"],
    ["DFG", "dfg"],
    ["Disabled Facilities Grant (DFG)", "dfg"],
    ["disabled facilities grants", "dfg"],
    ["Discharge fund", "discharge-fund"],
    ["LA Discharge Fund", "discharge-fund-la"],
    ["Local Authority Discharge Funding", "discharge-fund-la"],
    ["Discharge Fund (council)", "discharge-fund-la"],
    ["ICB Discharge Fund", "discharge-fund-icb"],
    ["Discharge fund - ICB", "discharge-fund-icb"],
    ["Winter Pressures grant", "winter-pressures"],
    ["Additional LA contribution", "additional-la"],
    ["Additional local authority contribution", "additional-la"],
    ["Additional NHS contribution", "additional-nhs"],
    ["Additional ICB Contribution", "additional-nhs"],
    // Names it cannot place are left unplaced, never guessed.
    ["Better Care Fund", undefined],
    ["Other", undefined],
    ["Discharge fund LA and ICB", undefined],
    ["", undefined],
  ];
  it.each(cases)("%s → %s", (text, id) => expect(matchFundingSource(text)).toBe(id));

  it("places every name the plan skeleton writes", () => {
    for (const name of FUNDING_SOURCES) expect(matchFundingSource(name)).toBeDefined();
  });
});

describe("funding sources by year", () => {
  const ids = (year: string | number) => fundingSourcesFor(year).map((s) => s.id);

  it("2025-26: NHS minimum, LA Better Care Grant, DFG and additional contributions", () => {
    expect(ids("2025-26")).toEqual([
      "nhs-minimum",
      "la-better-care-grant",
      "dfg",
      "additional-la",
      "additional-nhs",
    ]);
  });
  it("2023-24: iBCF and the Discharge Fund's council and ICB parts as well", () => {
    expect(ids("2023-24")).toEqual([
      "nhs-minimum",
      "ibcf",
      "dfg",
      "discharge-fund-la",
      "discharge-fund-icb",
      "additional-la",
      "additional-nhs",
    ]);
  });
  it("2019-20 only has the Winter Pressures grant", () => {
    expect(ids(2019)).toContain("winter-pressures");
    expect(ids("2018-19")).not.toContain("winter-pressures");
    expect(ids("2020-21")).not.toContain("winter-pressures");
  });
  it("iBCF from 2017-18 to 2024-25", () => {
    expect(fundingSourceExistsIn("ibcf", "2016-17")).toBe(false);
    expect(fundingSourceExistsIn("ibcf", "2017-18")).toBe(true);
    expect(fundingSourceExistsIn("ibcf", "2024-25")).toBe(true);
    expect(fundingSourceExistsIn("ibcf", "2025-26")).toBe(false);
  });
  it("reads financial years as plans write them", () => {
    expect(financialYearStart("2025-26")).toBe(2025);
    expect(financialYearStart("2025/26")).toBe(2025);
    expect(financialYearStart("FY 2024-2025")).toBe(2024);
    expect(financialYearStart("2025-27")).toBeUndefined();
    expect(financialYearStart("next year")).toBeUndefined();
  });
});

describe("matchHeading", () => {
  it.each([
    ["Income (£)", "income"],
    ["Planned spend (£)", "planned-spend"],
    ["Planned Expenditure", "planned-spend"],
    ["Planned spend 2025-26", "planned-spend"],
    ["Expenditure", "planned-spend"],
    ["Amount", "amount"],
    ["Amount (£)", "amount"],
    ["(£)", "amount"],
    ["Funding Sources", "source-of-funding"],
    ["Source of Funding", "source-of-funding"],
    ["Funding source", "source-of-funding"],
    ["Area of Spend", "area-of-spend"],
    ["Commissioner", "commissioner"],
    ["% NHS", "percent-nhs"],
    ["% LA", "percent-la"],
    ["Scheme ID", "scheme-id"],
    ["Scheme Name", "scheme-name"],
    ["Scheme Type", "scheme-type"],
    ["Balance (£)", "balance"],
    ["Provider", "provider"],
    ["Notes", undefined],
  ])("%s → %s", (text, id) => expect(matchHeading(text)).toBe(id));
});

describe("period words", () => {
  it.each([
    ["annum", "year"],
    ["monthly", "month"],
    ["wk", "week"],
  ])("%s → %s", (w, p) => expect(periodOf(w)).toBe(p));
});

describe("abbreviations", () => {
  it.each([
    ["UCR", "Urgent Community Response"],
    ["dfg", "Disabled Facilities Grant"],
    ["DFG's", "Disabled Facilities Grant"],
    ["i.BCF", "improved Better Care Fund"],
    ["D2A", "Discharge to Assess"],
  ])("%s stands for %s", (abbreviation, meaning) =>
    expect(expandAbbreviation(abbreviation)).toContain(meaning)
  );
  it("a word that is no abbreviation stands for nothing", () => {
    expect(expandAbbreviation("reablement")).toEqual([]);
    expect(expandAbbreviation("constructor")).toEqual([]);
  });
});
