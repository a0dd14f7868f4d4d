import fc from "fast-check";
import { CATALOGUE } from "../../../src/core/templates/catalogue";
import {
  readQuery,
  searchTemplates,
  sourceLabel,
  templateFacets,
} from "../../../src/core/templates/search";
import type { SchemeTemplate } from "../../../src/core/templates/types";
import { BCF_METRICS, SCHEME_TYPES } from "../../../src/core/vocabulary";

const ids = (templates: SchemeTemplate[]) => templates.map((t) => t.id);

/** Independent reference: the fields the search promises to look in, lower-cased. */
function fieldsOf(t: SchemeTemplate): string {
  return [
    t.name,
    t.description,
    t.source.area,
    t.areaOfSpend,
    t.schemeType,
    t.subType,
    t.provider,
    t.providerName,
    ...t.outcomes,
    ...t.risks,
    ...t.costs.map((c) => c.fundingSource),
  ]
    .filter((x): x is string => typeof x === "string")
    .join(" | ")
    .toLowerCase();
}

/**
 * Plain words taken from the catalogue's own names and descriptions, to build realistic queries; names
 * with other spellings ("council", "DFG") are left to the synonym tests, since they find more than themselves.
 */
const WORDS = Array.from(
  new Set(
    CATALOGUE.flatMap((t) => `${t.name} ${t.description}`.toLowerCase().split(/[^a-z]+/)).filter(
      (w) => w.length >= 4 && readQuery(w).groups.length === 0
    )
  )
).sort();

describe("sourceLabel", () => {
  it("reads 'Area, plan year'", () => {
    const rutland = CATALOGUE.find((t) => t.id === "rutland-2016-icr")!;
    expect(sourceLabel(rutland)).toBe("Rutland, BCF business case 2016-17");
    const wiltshire = CATALOGUE.find((t) => t.id === "wiltshire-2017-intermediate-care")!;
    expect(sourceLabel(wiltshire)).toBe(
      "Wiltshire, Better Care Plan commissioning intentions 2017-18"
    );
  });

  it("says so when the plan gives no year", () => {
    const skc = CATALOGUE.find((t) => t.id === "skc-falls-prevention")!;
    expect(sourceLabel(skc)).toBe("South Kent Coast, Draft BCF plan (year not stated)");
  });
});

describe("searchTemplates", () => {
  it("returns everything for an empty query", () => {
    expect(searchTemplates(CATALOGUE, {})).toEqual(CATALOGUE);
    expect(
      searchTemplates(CATALOGUE, { text: "   ", schemeType: "", metric: "", source: "" })
    ).toEqual(CATALOGUE);
  });

  it("matches words in any case and any order, all of them", () => {
    expect(ids(searchTemplates(CATALOGUE, { text: "falls wiltshire" }))).toEqual([
      "wiltshire-2017-prevention",
    ]);
    expect(ids(searchTemplates(CATALOGUE, { text: "WILTSHIRE Falls" }))).toEqual([
      "wiltshire-2017-prevention",
    ]);
    const falls = ids(searchTemplates(CATALOGUE, { text: "falls" }));
    expect(falls).toEqual(
      expect.arrayContaining([
        "skc-falls-prevention",
        "wiltshire-2017-prevention",
        "s256-non-bed-based-care",
      ])
    );
    expect(ids(searchTemplates(CATALOGUE, { text: "falls zebra" }))).toEqual([]);
  });

  it("looks in the provider, the area and the outcomes", () => {
    expect(ids(searchTemplates(CATALOGUE, { text: "hospice" }))).toEqual([
      "wiltshire-2017-palliative-care",
    ]);
    expect(ids(searchTemplates(CATALOGUE, { text: "rutland" }))).toEqual([
      "rutland-2016-icr",
      "rutland-2016-htr",
    ]);
    // Only in an outcome of the Section 256 reablement scheme.
    expect(ids(searchTemplates(CATALOGUE, { text: "Interviews" }))).toEqual([
      "s256-intensive-reablement",
    ]);
    expect(ids(searchTemplates(CATALOGUE, { text: "medvivo shifts" }))).toEqual([
      "wiltshire-2017-bridging-support",
    ]);
  });

  it("ignores punctuation typed around a word", () => {
    expect(searchTemplates(CATALOGUE, { text: "(crisis," })).toEqual(
      searchTemplates(CATALOGUE, { text: "crisis" })
    );
    expect(searchTemplates(CATALOGUE, { text: "A&E" }).length).toBeGreaterThan(0);
  });

  it("filters by scheme type, metric and source", () => {
    const bedBased = searchTemplates(CATALOGUE, {
      schemeType: "Bed based intermediate Care Services",
    });
    expect(ids(bedBased)).toEqual([
      "wiltshire-2017-intermediate-care",
      "wiltshire-2017-intermediate-care-beds",
      "wiltshire-2017-community-bed-flow",
      "wiltshire-2017-step-up-community-hospitals",
      "wiltshire-2017-step-up-south-care-home",
    ]);
    const falls = searchTemplates(CATALOGUE, { metric: "Emergency admissions due to falls" });
    expect(falls.length).toBeGreaterThan(0);
    for (const t of falls) expect(t.metrics).toContain("Emergency admissions due to falls");
    expect(
      searchTemplates(CATALOGUE, { source: "Rutland, BCF business case 2016-17" })
    ).toHaveLength(2);
    expect(searchTemplates(CATALOGUE, { source: "004" })).toHaveLength(23);
    expect(searchTemplates(CATALOGUE, { source: "coventry" })).toHaveLength(6);
    expect(searchTemplates(CATALOGUE, { source: "Nowhere, no plan 1999" })).toEqual([]);
  });

  it("combines the text with the filters", () => {
    expect(ids(searchTemplates(CATALOGUE, { text: "reablement", source: "Rutland" }))).toEqual([
      "rutland-2016-htr",
    ]);
    expect(
      ids(
        searchTemplates(CATALOGUE, {
          text: "step",
          schemeType: "Bed based intermediate Care Services",
          source: "004",
        })
      ).length
    ).toBe(4);
  });

  it("property: results are the templates, in order, whose fields contain every word", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 3 }), (words) => {
        const result = searchTemplates(CATALOGUE, { text: words.join(" ") });
        const expected = CATALOGUE.filter((t) => words.every((w) => fieldsOf(t).includes(w)));
        expect(ids(result)).toEqual(ids(expected));
      })
    );
  });

  it("property: another word or filter never widens the results", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...WORDS), { maxLength: 2 }),
        fc.constantFrom(...WORDS),
        fc.option(fc.constantFrom(...SCHEME_TYPES), { nil: undefined }),
        fc.option(fc.constantFrom(...BCF_METRICS), { nil: undefined }),
        (words, extra, schemeType, metric) => {
          const wide = ids(searchTemplates(CATALOGUE, { text: words.join(" ") }));
          const narrow = searchTemplates(CATALOGUE, {
            text: [...words, extra].join(" "),
            schemeType,
            metric,
          });
          for (const t of narrow) {
            expect(wide).toContain(t.id);
            if (schemeType) expect(t.schemeType).toBe(schemeType);
            if (metric) expect(t.metrics).toContain(metric);
          }
        }
      )
    );
  });
});

describe("templateFacets", () => {
  it("lists the sources of the five seeds in seed order, then the starter templates", () => {
    expect(templateFacets(CATALOGUE).sources).toEqual([
      "Area not named, Proposed Section 256 schemes (year not stated)",
      "Rutland, BCF business case 2016-17",
      "South Kent Coast, Draft BCF plan (year not stated)",
      "Coventry, iBCF programme plan 2017-19",
      "Wiltshire, Better Care Plan commissioning intentions 2017-18",
      "Starter templates",
    ]);
  });

  it("lists exactly the scheme types and metrics in use, in national order", () => {
    const facets = templateFacets(CATALOGUE);
    const typesUsed = new Set(CATALOGUE.map((t) => t.schemeType));
    expect(facets.schemeTypes).toEqual(SCHEME_TYPES.filter((s) => typesUsed.has(s)));
    expect(facets.schemeTypes.length).toBeGreaterThanOrEqual(12);
    const metricsUsed = new Set(CATALOGUE.flatMap((t) => t.metrics));
    expect(facets.metrics).toEqual(BCF_METRICS.filter((m) => metricsUsed.has(m)));
  });

  it("every facet value finds at least one template", () => {
    const facets = templateFacets(CATALOGUE);
    for (const schemeType of facets.schemeTypes)
      expect(searchTemplates(CATALOGUE, { schemeType }).length).toBeGreaterThan(0);
    for (const metric of facets.metrics)
      expect(searchTemplates(CATALOGUE, { metric }).length).toBeGreaterThan(0);
    const total = facets.sources.reduce(
      (sum, source) => sum + searchTemplates(CATALOGUE, { source }).length,
      0
    );
    expect(total).toBe(CATALOGUE.length);
  });

  it("is empty for no templates", () => {
    expect(templateFacets([])).toEqual({ schemeTypes: [], metrics: [], sources: [] });
  });
});
