/** Template search by the names people use: abbreviations find full names and the other way round. */
import fc from "fast-check";
import { CATALOGUE } from "../../../src/core/templates/catalogue";
import { readQuery, searchTemplates } from "../../../src/core/templates/search";
import { SEARCH_SYNONYMS } from "../../../src/core/templates/synonyms";
import type { SchemeTemplate } from "../../../src/core/templates/types";

const ids = (templates: SchemeTemplate[]) => templates.map((t) => t.id);

describe("searching templates by abbreviation or full name", () => {
  test("DFG, Disabled Facilities Grant and disabled facilities find the same templates, and some", () => {
    const dfg = ids(searchTemplates(CATALOGUE, { text: "DFG" }));
    expect(dfg.length).toBeGreaterThan(0);
    expect(ids(searchTemplates(CATALOGUE, { text: "disabled facilities" }))).toEqual(dfg);
    expect(ids(searchTemplates(CATALOGUE, { text: "Disabled Facilities Grant" }))).toEqual(dfg);
    // Every template found names the grant one way or another, or is paid for by it.
    for (const t of searchTemplates(CATALOGUE, { text: "dfg" })) {
      const text = JSON.stringify(t).toLowerCase();
      expect(text).toMatch(/dfg|disabled facilities/);
    }
  });

  test("a template spelling only the full name is found by the abbreviation, and the other way round", () => {
    const base = CATALOGUE[0];
    const full: SchemeTemplate = {
      ...base,
      risks: [],
      costs: [],
      id: "full",
      name: "Urgent Community Response team",
      description: "x",
      outcomes: [],
    };
    const short = { ...base, id: "short", name: "UCR team", description: "x", outcomes: [] };
    expect(ids(searchTemplates([full, short], { text: "ucr" }))).toEqual(["full", "short"]);
    expect(ids(searchTemplates([full, short], { text: "urgent community response" }))).toEqual([
      "full",
      "short",
    ]);
  });

  test("an abbreviation is matched as a whole word: LA is not found inside plan", () => {
    const { groups, words } = readQuery("LA plan");
    expect(groups).toHaveLength(1);
    expect(words).toEqual(["plan"]);
    const base = CATALOGUE[0];
    const onlyPlan = {
      ...base,
      id: "p",
      name: "A plan",
      description: "x",
      outcomes: [],
      areaOfSpend: "Other" as const,
      risks: [],
      costs: [],
    };
    expect(searchTemplates([onlyPlan], { text: "la" })).toEqual([]);
  });

  test("the longest name is read first, and other words still have to match", () => {
    expect(readQuery("ICB discharge reablement").words).toEqual(["reablement"]);
    expect(readQuery("ICB discharge reablement").groups).toHaveLength(1);
  });

  test("property: a synonym search finds every template a literal search for that spelling finds", () => {
    const spellings = SEARCH_SYNONYMS.flat();
    fc.assert(
      fc.property(fc.constantFrom(...spellings), (spelling) => {
        const literal = CATALOGUE.filter((t) =>
          [t.name, t.description, t.schemeType, t.subType ?? "", ...t.outcomes]
            .join(" ")
            .toLowerCase()
            .split(/[^a-z0-9&]+/)
            .join(" ")
            .includes(` ${spelling.toLowerCase()} `)
        );
        const found = new Set(ids(searchTemplates(CATALOGUE, { text: spelling })));
        return literal.every((t) => found.has(t.id));
      }),
      { numRuns: 100 }
    );
  });
});
