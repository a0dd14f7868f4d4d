import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { CATALOGUE } from "../../../src/core/templates/catalogue";
import {
  MAX_PROBLEMS,
  locateJsonError,
  mergeCatalogue,
  parseTemplatePack,
} from "../../../src/core/templates/pack";
import type { SchemeTemplate, TemplatePack } from "../../../src/core/templates/types";
import { SCHEME_TYPES } from "../../../src/core/vocabulary";

const EXAMPLE_PACK = fs.readFileSync(
  path.join(__dirname, "../../../src/core/templates/packs/example-pack.json"),
  "utf8"
);

/** A valid template as plain JSON, to spoil one field at a time. */
function fallsService(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "anytown-falls",
    name: "Falls service",
    source: { area: "Anytown", plan: "BCF plan", year: "2024-25" },
    description: "Falls response and strength and balance classes.",
    schemeType: "Prevention / Early Intervention",
    areaOfSpend: "Community Health",
    outcomes: ["Fewer falls"],
    metrics: ["Emergency admissions due to falls"],
    risks: [],
    costs: [
      {
        description: "Team",
        fundingSource: "NHS minimum contribution",
        nhs: 60000,
        council: 40000,
        total: 100000,
      },
    ],
    targets: [{ measure: "People seen", baselinePerMonth: 40, targetPerMonth: 50 }],
    ...overrides,
  };
}

function packJson(templates: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ name: "Anytown templates", templates, ...extra }, null, 2);
}

function problemsOf(json: string): string[] {
  const result = parseTemplatePack(json);
  if (result.ok) throw new Error("expected the pack to be refused");
  expect(Object.keys(result).sort()).toEqual(["ok", "problems"]);
  return result.problems;
}

describe("parseTemplatePack: valid packs", () => {
  it("accepts the example pack", () => {
    const result = parseTemplatePack(EXAMPLE_PACK);
    if (!result.ok) throw new Error(result.problems.join("\n"));
    expect(result.pack.name).toMatch(/example/i);
    expect(result.pack.templates.map((t) => t.id)).toEqual([
      "example-anytown-falls-response",
      "example-anytown-carers-breaks",
    ]);
    expect(result.pack.templates[0].costs[0]).toEqual({
      description: "Falls response team and classes",
      fundingSource: "NHS minimum contribution",
      nhs: 120000,
      council: 80000,
      total: 200000,
      year: "2024-25",
    });
    for (const t of result.pack.templates) expect(t.name).toMatch(/\(example\)/);
  });

  it("fills in empty lists a pack leaves out and keeps the version", () => {
    const { outcomes, metrics, risks, costs, targets, ...bare } = fallsService();
    void [outcomes, metrics, risks, costs, targets];
    const result = parseTemplatePack(packJson([bare], { version: "2" }));
    if (!result.ok) throw new Error(result.problems.join("\n"));
    expect(result.pack.version).toBe("2");
    expect(result.pack.templates[0]).toMatchObject({
      outcomes: [],
      metrics: [],
      risks: [],
      costs: [],
      targets: [],
    });
  });

  it("accepts a file that starts with a byte-order mark", () => {
    expect(parseTemplatePack("\uFEFF" + packJson([fallsService()])).ok).toBe(true);
  });

  it("keeps figures that disagree with each other: the checks, not the loader, flag those", () => {
    const result = parseTemplatePack(
      packJson([
        fallsService({
          targets: [{ measure: "Step up", baselinePerMonth: 8, baselinePerYear: 104 }],
        }),
      ])
    );
    expect(result.ok).toBe(true);
  });
});

describe("parseTemplatePack: each problem in plain words", () => {
  it("names a scheme type outside the national list, with the list", () => {
    const problems = problemsOf(
      packJson([
        fallsService(),
        fallsService({ id: "b" }),
        fallsService({ id: "c", schemeType: "Falls" }),
      ])
    );
    expect(problems).toEqual([
      `Template 3 'Falls service': schemeType 'Falls' is not a national scheme type; choose one of: ${SCHEME_TYPES.join("; ")}`,
    ]);
  });

  it("suggests the national spelling when only case or spacing differs", () => {
    expect(problemsOf(packJson([fallsService({ schemeType: "carers services" })]))).toEqual([
      "Template 1 'Falls service': schemeType 'carers services' is not a national scheme type; did you mean 'Carers Services'?",
    ]);
  });

  it("asks for pounds as a number in a cost line", () => {
    const costs = [
      { description: "Team", fundingSource: "NHS minimum contribution", total: 1000 },
      { description: "Posts", fundingSource: "iBCF", total: "£125,000" },
    ];
    expect(problemsOf(packJson([fallsService({ costs })]))).toEqual([
      "Template 1 'Falls service': cost line 2: total must be a number of pounds (write 125000, not '£125,000')",
    ]);
  });

  it("reports a missing total, a negative split, an amount over £100m and an unknown funding source", () => {
    const costs = [
      { description: "A", fundingSource: "NHS minimum contribution" },
      { description: "B", fundingSource: "NHS minimum contribution", nhs: -5, total: 10 },
      { description: "C", fundingSource: "NHS minimum contribution", total: 250000000 },
      { description: "D", fundingSource: "Lottery", total: 10 },
    ];
    const problems = problemsOf(packJson([fallsService({ costs })]));
    expect(problems).toEqual([
      "Template 1 'Falls service': cost line 1: total is missing; it must be a number of pounds",
      "Template 1 'Falls service': cost line 2: nhs must be between 0 and 100,000,000 (found -5)",
      "Template 1 'Falls service': cost line 3: total must be between 0 and 100,000,000 (found 250000000)",
      expect.stringMatching(
        /^Template 1 'Falls service': cost line 4: fundingSource 'Lottery' is not a BCF funding source; choose one of: NHS minimum contribution; iBCF; DFG/
      ),
    ]);
  });

  it("names a template without a name by its position", () => {
    const { name, ...nameless } = fallsService({ id: "second" });
    void name;
    expect(problemsOf(packJson([fallsService(), nameless]))).toEqual([
      'Template 2: name is missing; it must be text, e.g. "Falls service"',
    ]);
  });

  it("refuses duplicate ids, naming both templates", () => {
    const problems = problemsOf(
      packJson([fallsService(), fallsService({ name: "Falls service (copy)" })])
    );
    expect(problems).toEqual([
      "Template 2 'Falls service (copy)': id 'anytown-falls' is already used by Template 1 'Falls service'; each template needs its own id",
    ]);
  });

  it("refuses an id with spaces", () => {
    expect(problemsOf(packJson([fallsService({ id: "anytown falls" })]))).toEqual([
      `Template 1 'Falls service': id 'anytown falls' must not contain spaces; use hyphens, e.g. "anytown-falls-service"`,
    ]);
  });

  it("points out a mistyped field name", () => {
    const { schemeType, ...rest } = fallsService();
    expect(problemsOf(packJson([{ ...rest, schemetype: schemeType }]))).toEqual([
      "Template 1 'Falls service': unknown field 'schemetype' in the template; did you mean 'schemeType'?",
      expect.stringMatching(
        /^Template 1 'Falls service': schemeType is missing; choose one of: Assistive Technologies/
      ),
    ]);
  });

  it("reports metrics, areas of spend, providers and commissioners outside the lists", () => {
    const problems = problemsOf(
      packJson([
        fallsService({
          metrics: ["Emergency admissions due to falls", "Hip fractures"],
          areaOfSpend: "Hospital",
          provider: "GP",
          commissioner: "Council",
        }),
      ])
    );
    expect(problems.map((p) => p.replace(/; choose one of: .*$/, ""))).toEqual([
      "Template 1 'Falls service': areaOfSpend 'Hospital' is not an area of spend",
      "Template 1 'Falls service': commissioner 'Council' is not a commissioner",
      "Template 1 'Falls service': provider 'GP' is not a provider type",
      "Template 1 'Falls service': metric 2 'Hip fractures' is not a BCF metric",
    ]);
  });

  it("allows % NHS only for a joint commission, and only from 0 to 100", () => {
    expect(
      problemsOf(packJson([fallsService({ commissioner: "Local Authority", percentNhs: 40 })]))
    ).toEqual([
      "Template 1 'Falls service': percentNhs is only used when commissioner is 'Joint'; remove it or set commissioner to 'Joint'",
    ]);
    expect(
      problemsOf(packJson([fallsService({ commissioner: "Joint", percentNhs: 140 })]))
    ).toEqual(["Template 1 'Falls service': percentNhs must be from 0 to 100 (found 140)"]);
    expect(
      parseTemplatePack(packJson([fallsService({ commissioner: "Joint", percentNhs: 40 })])).ok
    ).toBe(true);
  });

  it("checks the source, targets and stated figures field by field", () => {
    const problems = problemsOf(
      packJson([
        fallsService({
          source: { area: "Anytown", plan: "" },
          targets: [
            { measure: "People seen", baselinePerMonth: "forty" },
            {
              measure: "Step up",
              statedFigures: [
                { kind: "goal", value: 8, per: "fortnight", wording: "8 a fortnight" },
              ],
            },
          ],
        }),
      ])
    );
    expect(problems.map((p) => p.replace(/; choose one of: .*$/, ""))).toEqual([
      `Template 1 'Falls service': source: plan must be text, e.g. "BCF plan" (found '')`,
      `Template 1 'Falls service': source: year is missing; it must be text, e.g. "2024-25" or "Not stated"`,
      "Template 1 'Falls service': target 1: baselinePerMonth must be a number of people or events (found 'forty')",
      "Template 1 'Falls service': target 2: stated figure 1: kind 'goal' is not a kind of figure",
      "Template 1 'Falls service': target 2: stated figure 1: per 'fortnight' is not a period",
    ]);
  });

  it("reports every problem in one pass, across templates", () => {
    const problems = problemsOf(
      packJson([
        fallsService({ schemeType: "Falls" }),
        fallsService({ id: "b", areaOfSpend: 3 }),
        fallsService({ id: "c", outcomes: "Fewer falls" }),
      ])
    );
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^Template 1 'Falls service': schemeType/);
    expect(problems[1]).toMatch(
      /^Template 2 'Falls service': areaOfSpend 3 is not an area of spend/
    );
    expect(problems[2]).toBe(
      "Template 3 'Falls service': outcomes must be a list of text ([...]) (found 'Fewer falls')"
    );
  });

  it("describes a pack of the wrong shape", () => {
    expect(problemsOf("[]")[0]).toMatch(
      /^The pack must be a JSON object with a "name" and a list of "templates".*\(found a list\)$/
    );
    expect(problemsOf(JSON.stringify({ templates: [fallsService()] }))).toEqual([
      'Pack: name is missing; it must be text, e.g. "Anytown templates"',
    ]);
    expect(problemsOf(JSON.stringify({ name: "x", templates: [] }))).toEqual([
      "Pack: templates is empty; the pack must hold at least one scheme template",
    ]);
    expect(problemsOf(JSON.stringify({ name: "x", templates: {} }))).toEqual([
      "Pack: templates must be a list ([...]) of scheme templates (found an object)",
    ]);
    expect(problemsOf(packJson([42]))).toEqual([
      "Template 1: must be an object describing one scheme (found 42)",
    ]);
    expect(problemsOf("   ")).toEqual([
      "The file is empty: a template pack is a JSON object with a name and a list of templates.",
    ]);
  });

  it("gives the line and column of invalid JSON", () => {
    const text = '{\n  "name": "Anytown",\n  "templates": [\n    {"id": "a",}\n  ]\n}';
    expect(problemsOf(text)).toEqual([
      "The file is not valid JSON: at line 4, column 16 (character 56) expected a field name in double quotes but found '}'",
    ]);
    expect(problemsOf('{"name": "x", "templates": [')).toEqual([
      "The file is not valid JSON: at line 1, column 29 (character 29) expected a value (text in double quotes, a number, a list or an object) but found the end of the file",
    ]);
    expect(problemsOf('{"name": "x\n"}')).toEqual([
      "The file is not valid JSON: at line 1, column 12 (character 12) expected a closing '\"' before the end of the line (text cannot span lines) but found the end of the line",
    ]);
    expect(problemsOf("{'name': 'x'}")[0]).toMatch(
      /^The file is not valid JSON: at line 1, column 2 .*expected a field name in double quotes but found '''$/
    );
  });

  it("stops listing after MAX_PROBLEMS lines and says how many more", () => {
    const templates = Array.from({ length: MAX_PROBLEMS + 7 }, (_, i) =>
      fallsService({ id: `t${i}`, schemeType: "Falls" })
    );
    const problems = problemsOf(packJson(templates));
    expect(problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(problems[MAX_PROBLEMS]).toBe("…and 7 more problems.");
  });
});

describe("parseTemplatePack on arbitrary input", () => {
  const FIELDS = Object.keys(fallsService());

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const result = parseTemplatePack(text);
        if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
      })
    );
  });

  it("property: any spoiled field gives located, readable problems and no pack", () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIELDS), fc.jsonValue(), (field, value) => {
        const result = parseTemplatePack(packJson([fallsService({ [field]: value })]));
        if (result.ok) return;
        for (const line of result.problems) {
          expect(line).toMatch(/^Template 1( 'Falls service'| '.*')?: /s);
          expect(line).not.toMatch(/undefined|\[object |NaN/);
          if (field !== "name")
            expect(line).toContain(
              field === "costs"
                ? "cost"
                : field === "targets"
                  ? "target"
                  : field === "metrics"
                    ? "metric"
                    : field
            );
        }
      })
    );
  });
});

describe("malformed files of any size or nesting", () => {
  it("12 KB of unclosed brackets is one plain line, not a stack overflow", () => {
    const text = "[".repeat(12 * 1024);
    expect(problemsOf(text)).toEqual([
      `The file is not valid JSON: at line 1, column ${text.length + 1} (character ${text.length + 1}) expected a value (text in double quotes, a number, a list or an object) but found the end of the file`,
    ]);
  });

  it("a million nested objects and lists, valid or cut short, are located in bounded work", () => {
    const depth = 1_000_000;
    const deep = '{"a":['.repeat(depth) + "1" + "]}".repeat(depth);
    expect(locateJsonError(deep)).toBeUndefined();
    const cut = deep.slice(0, deep.length - 1);
    expect(locateJsonError(cut)).toEqual({
      offset: cut.length,
      line: 1,
      column: cut.length + 1,
      expected: "',' or '}' after a value",
    });
    const problems = problemsOf(`{"name": "x", "templates": ${"[".repeat(200_000)}}`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^The file is not valid JSON: at line 1, column 200028 .* but found '}'$/
    );
  });

  it("lines and columns count \\r\\n, \\r and \\n line ends as one each", () => {
    expect(locateJsonError('{\r\n"a": 1,\r"b": 2,\n"c": }')).toMatchObject({ line: 4, column: 6 });
  });
});

describe("locateJsonError agrees with JSON.parse", () => {
  const parses = (text: string) => {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  };

  it("finds nothing wrong in any valid JSON", () => {
    fc.assert(fc.property(fc.json(), (text) => expect(locateJsonError(text)).toBeUndefined()));
  });

  it("finds a position exactly when JSON.parse fails, for cut and spoiled JSON", () => {
    fc.assert(
      fc.property(
        fc.json(),
        fc.nat(),
        fc.constantFrom("", ",", "}", "]", "'", '"', ":", "\n", "x", "01", "\\"),
        (text, cut, junk) => {
          const at = cut % (text.length + 1);
          const spoiled = text.slice(0, at) + junk + text.slice(at);
          const location = locateJsonError(spoiled);
          expect(location === undefined).toBe(parses(spoiled));
          if (location) expect(location.offset).toBeLessThanOrEqual(spoiled.length);
        }
      )
    );
  });
});

describe("mergeCatalogue", () => {
  const asTemplate = (overrides: Record<string, unknown>) =>
    fallsService(overrides) as unknown as SchemeTemplate;

  it("replaces a catalogue template with the pack's version in place and appends new ones", () => {
    const replacement = asTemplate({ id: CATALOGUE[3].id, name: "Our version" });
    const added = asTemplate({ id: "anytown-new" });
    const pack: TemplatePack = { name: "Anytown", templates: [added, replacement] };
    const merged = mergeCatalogue(CATALOGUE, pack);
    expect(merged).toHaveLength(CATALOGUE.length + 1);
    expect(merged[3].name).toBe("Our version");
    expect(merged[merged.length - 1].id).toBe("anytown-new");
    expect(merged.slice(0, CATALOGUE.length).map((t) => t.id)).toEqual(CATALOGUE.map((t) => t.id));
  });

  it("property: ids stay unique and every pack template is present", () => {
    const catalogueIds = CATALOGUE.map((t) => t.id);
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.oneof(fc.constantFrom(...catalogueIds), fc.stringMatching(/^[a-z]{1,8}$/)),
          { maxLength: 10 }
        ),
        (ids) => {
          const pack: TemplatePack = { name: "p", templates: ids.map((id) => asTemplate({ id })) };
          const merged = mergeCatalogue(CATALOGUE, pack);
          expect(new Set(merged.map((t) => t.id)).size).toBe(merged.length);
          for (const t of pack.templates) expect(merged).toContain(t);
          expect(merged.length).toBe(new Set([...catalogueIds, ...ids]).size);
        }
      )
    );
  });
});
