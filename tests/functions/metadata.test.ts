import { join } from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

interface Parameter {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: Parameter[];
  result?: { type?: string; dimensionality?: string };
}

// [parameter name, optional, range?] per function, in argument order: a contract with the workbooks that call them.
const EXPECTED: Record<
  string,
  {
    anchor: string;
    matrixResult: boolean;
    /** The result's declared type when it is not "number" ("any" for mixed numbers and text). */
    resultType?: "string" | "any";
    params: Array<[string, boolean, boolean]>;
  }
> = {
  RATE: {
    anchor: "rate",
    matrixResult: false,
    params: [
      ["count", false, false],
      ["population", false, false],
      ["per", true, false],
    ],
  },
  "RATE.CI": {
    anchor: "rate-ci",
    matrixResult: true,
    params: [
      ["count", false, false],
      ["population", false, false],
      ["confidence", true, false],
      ["per", true, false],
    ],
  },
  PROPORTION: {
    anchor: "proportion",
    matrixResult: false,
    params: [
      ["numerator", false, false],
      ["denominator", false, false],
      ["per", true, false],
    ],
  },
  "PROPORTION.CI": {
    anchor: "proportion-ci",
    matrixResult: true,
    params: [
      ["numerator", false, false],
      ["denominator", false, false],
      ["confidence", true, false],
      ["per", true, false],
    ],
  },
  DSR: {
    anchor: "dsr",
    matrixResult: false,
    params: [
      ["counts", false, true],
      ["populations", false, true],
      ["standard", true, true],
      ["per", true, false],
    ],
  },
  "DSR.CI": {
    anchor: "dsr-ci",
    matrixResult: true,
    params: [
      ["counts", false, true],
      ["populations", false, true],
      ["standard", true, true],
      ["confidence", true, false],
      ["per", true, false],
    ],
  },
  UPLIFT: {
    anchor: "uplift",
    matrixResult: false,
    params: [
      ["baseline", false, false],
      ["target", false, false],
    ],
  },
  TARGET: {
    anchor: "target",
    matrixResult: false,
    params: [
      ["baseline", false, false],
      ["uplift", false, false],
    ],
  },
  PERIOD: {
    anchor: "period",
    matrixResult: false,
    params: [
      ["value", false, false],
      ["from", false, false],
      ["to", false, false],
      ["weeks_per_year", true, false],
    ],
  },
  SPLIT: {
    anchor: "split",
    matrixResult: true,
    params: [
      ["total", false, false],
      ["shares", false, true],
      ["decimals", true, false],
    ],
  },
  SPC: {
    anchor: "spc",
    matrixResult: true,
    resultType: "any",
    params: [
      ["values", false, true],
      ["improvement", true, false],
      ["baseline_points", true, false],
    ],
  },
  "SPC.ASSURANCE": {
    anchor: "spc-assurance",
    matrixResult: false,
    resultType: "string",
    params: [
      ["values", false, true],
      ["target", false, false],
      ["improvement", false, false],
      ["baseline_points", true, false],
    ],
  },
  FUNNEL: {
    anchor: "funnel",
    matrixResult: true,
    params: [
      ["average", false, false],
      ["denominator", false, false],
      ["statistic", true, false],
      ["confidence", true, false],
      ["per", true, false],
    ],
  },
};

/** Parameters that take words rather than numbers. */
const TEXT_PARAMETERS = new Set(["from", "to", "improvement", "statistic"]);

describe("custom functions metadata generated from src/functions/functions.ts", () => {
  let functions: FunctionMetadata[];
  let errors: string[];

  beforeAll(async () => {
    const result = await generateCustomFunctionsMetadata(
      join(__dirname, "../../src/functions/functions.ts"),
      false
    );
    errors = result.errors;
    functions = (JSON.parse(result.metadataJson) as { functions: FunctionMetadata[] }).functions;
  });

  it("has no errors", () => {
    expect(errors).toEqual([]);
  });

  it("declares exactly the =BCF.* functions of the contract", () => {
    expect(functions.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED))(
    "%s has its name, help link, parameters and result shape",
    (id) => {
      const f = functions.find((fn) => fn.id === id) as FunctionMetadata;
      const expected = EXPECTED[id];
      expect(f.name).toBe(id);
      expect(f.description && f.description.length).toBeGreaterThan(20);
      expect(f.helpUrl).toBe(`https://localhost:3000/help/functions.html#${expected.anchor}`);
      expect(f.parameters.map((p) => p.name)).toEqual(expected.params.map(([name]) => name));
      f.parameters.forEach((p, i) => {
        const [, optional, range] = expected.params[i];
        expect(Boolean(p.optional)).toBe(optional);
        expect(p.dimensionality ?? "scalar").toBe(range ? "matrix" : "scalar");
        // standard takes a range of weights or a name ("ESP2013 65+"), so Excel must pass either.
        expect(p.type).toBe(
          TEXT_PARAMETERS.has(p.name) ? "string" : p.name === "standard" ? "any" : "number"
        );
        expect(p.description && p.description.length).toBeGreaterThan(10);
      });
      // custom-functions-metadata leaves the type out for "any".
      expect(f.result?.type ?? "any").toBe(expected.resultType ?? "number");
      expect(f.result?.dimensionality ?? "scalar").toBe(
        expected.matrixResult ? "matrix" : "scalar"
      );
    }
  );
});
