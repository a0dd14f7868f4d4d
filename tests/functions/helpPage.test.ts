import "./customFunctionsStub";
import { readFileSync } from "fs";
import { join } from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as bcf from "../../src/functions/functions";
import { BCF_FUNCTION_IDS } from "../support/bcfFunctionIds";

const ROOT = join(__dirname, "../..");
const page = readFileSync(join(ROOT, "src/help/functions.html"), "utf8");
const readme = readFileSync(join(ROOT, "src/help/README-functions.md"), "utf8");

const FALLS = [0, 0, 0, 1, 0, 1, 0, 1, 1, 2, 2, 3, 4, 6, 12, 19, 27, 33, 29].map((v) => [v]);
const POPULATIONS = [
  1700, 2000, 2300, 2500, 1800, 1500, 1600, 1900, 2300, 2700, 3100, 3000, 2660, 2100, 2200, 1760,
  1300, 780, 400,
].map((v) => [v]);
const OMITTED = null as unknown as undefined;

/** Formats as the page does: thousands separators and 2 decimals unless whole. */
function shown(value: number, decimals = 2): string {
  return value.toLocaleString("en-GB", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

describe("help page src/help/functions.html", () => {
  it("has a section for every function's help link", async () => {
    const result = await generateCustomFunctionsMetadata(
      join(ROOT, "src/functions/functions.ts"),
      false
    );
    const { functions } = JSON.parse(result.metadataJson) as {
      functions: Array<{ id: string; helpUrl: string }>;
    };
    for (const f of functions) {
      const anchor = f.helpUrl.split("#")[1];
      expect(page).toContain(`<section id="${anchor}"`);
      expect(page).toContain(`>BCF.${f.id}</h2>`);
    }
  });

  it("is self-contained British English: no scripts, stylesheets, images or fonts from elsewhere", () => {
    expect(page).toContain('<html lang="en-GB">');
    expect(page).not.toMatch(/<(script|link|img|iframe)\b/i);
    expect(page).not.toMatch(/url\(|@import|src=/i);
    expect(page).not.toMatch(/href="(?!#)/);
  });

  it("states the results the functions really give in its worked examples", () => {
    const examples: Array<[string, number, number?]> = [
      ["=BCF.RATE(20, 8540)", bcf.rate(20, 8540, OMITTED)],
      ["=BCF.RATE.CI(20, 8540)", bcf.rateCI(20, 8540, OMITTED, OMITTED)[0][0]],
      ["=BCF.RATE.CI(20, 8540)", bcf.rateCI(20, 8540, OMITTED, OMITTED)[0][1]],
      ["=BCF.RATE.CI(20, 8540, 99.8)", bcf.rateCI(20, 8540, 99.8)[0][0]],
      ["=BCF.RATE.CI(20, 8540, 99.8)", bcf.rateCI(20, 8540, 99.8)[0][1]],
      ["=BCF.RATE.CI(5, 8540)", bcf.rateCI(5, 8540)[0][0]],
      ["=BCF.RATE.CI(5, 8540)", bcf.rateCI(5, 8540)[0][1]],
      ["=BCF.PROPORTION(8540, 37600)", bcf.proportion(8540, 37600), 4],
      ["=BCF.PROPORTION.CI(8540, 37600)", bcf.proportionCI(8540, 37600)[0][0], 4],
      ["=BCF.PROPORTION.CI(8540, 37600)", bcf.proportionCI(8540, 37600)[0][1], 4],
      ["=BCF.PROPORTION.CI(83, 100)", bcf.proportionCI(83, 100)[0][0], 4],
      ["=BCF.PROPORTION.CI(83, 100)", bcf.proportionCI(83, 100)[0][1], 4],
      ["=BCF.DSR(B2:B20, C2:C20)", bcf.dsr(FALLS, POPULATIONS)],
      ["=BCF.DSR.CI(B2:B20, C2:C20)", bcf.dsrCI(FALLS, POPULATIONS)[0][0]],
      ["=BCF.DSR.CI(B2:B20, C2:C20)", bcf.dsrCI(FALLS, POPULATIONS)[0][1]],
      ['=BCF.PERIOD(21, "week", "year")', bcf.period(21, "week", "year", 365 / 7), 0],
    ];
    for (const [formula, value, decimals] of examples) {
      const at = page.indexOf(formula.replace(/"/g, '"'));
      expect(at).toBeGreaterThan(0);
      // The figure is stated in the same paragraph as the formula.
      const paragraph = page.slice(page.lastIndexOf("<p", at), page.indexOf("</p>", at));
      expect(paragraph).toContain(shown(value, decimals ?? 2));
    }
    expect(
      bcf.dsr(
        FALLS.map(([x]) => [x]),
        POPULATIONS
      )
    ).toBeCloseTo(312.205, 3);
    expect(POPULATIONS.reduce((s, [n]) => s + n, 0)).toBe(37600);
    expect(POPULATIONS.slice(13).reduce((s, [n]) => s + n, 0)).toBe(8540);
  });
});

describe("README function table src/help/README-functions.md", () => {
  it("has one row per function with an example", () => {
    for (const id of BCF_FUNCTION_IDS) {
      expect(readme).toMatch(new RegExp(`^\\| \`=BCF\\.${id.replace(".", "\\.")}\\(`, "m"));
    }
  });
});
