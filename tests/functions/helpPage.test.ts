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
/** The sample plan's 24 months of falls admissions, as the help page's SPC example lists them. */
const SPC_FALLS = [
  72, 68, 75, 70, 66, 74, 79, 83, 77, 71, 69, 73, 64, 62, 65, 61, 60, 63, 58, 66, 59, 57, 61, 55,
].map((v) => [v]);

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
      ['=BCF.SPC(B2:B25, "decrease")', Number(bcf.spc(SPC_FALLS, "decrease")[0][0])],
      ['=BCF.SPC(B2:B25, "decrease")', Number(bcf.spc(SPC_FALLS, "decrease")[0][1])],
      ['=BCF.SPC(B2:B25, "decrease")', Number(bcf.spc(SPC_FALLS, "decrease")[0][2])],
      ['=BCF.SPC(B2:B25, "decrease", 12)', Number(bcf.spc(SPC_FALLS, "decrease", 12)[0][0])],
      ['=BCF.SPC(B2:B25, "decrease", 12)', Number(bcf.spc(SPC_FALLS, "decrease", 12)[0][1])],
      ['=BCF.SPC(B2:B25, "decrease", 12)', Number(bcf.spc(SPC_FALLS, "decrease", 12)[0][2])],
      ['=BCF.FUNNEL(2000, 8540, "rate", 95)', bcf.funnel(2000, 8540, "rate", 95)[0][0]],
      ['=BCF.FUNNEL(2000, 8540, "rate", 95)', bcf.funnel(2000, 8540, "rate", 95)[0][1]],
      ['=BCF.FUNNEL(2000, 8540, "rate")', bcf.funnel(2000, 8540, "rate")[0][0]],
      ['=BCF.FUNNEL(2000, 8540, "rate")', bcf.funnel(2000, 8540, "rate")[0][1]],
      ["=BCF.FUNNEL(0.82, 1200, , 95)", bcf.funnel(0.82, 1200, OMITTED, 95)[0][0], 4],
      ["=BCF.FUNNEL(0.82, 1200, , 95)", bcf.funnel(0.82, 1200, OMITTED, 95)[0][1], 4],
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
    const listed =
      "72, 68, 75, 70, 66, 74, 79, 83, 77, 71, 69, 73,\n  then 64, 62, 65, 61, 60, 63, 58, 66, 59, 57, 61, 55";
    expect(page).toContain(listed);
    expect(listed.match(/\d+/g)?.map(Number)).toEqual(SPC_FALLS.map(([v]) => v));
    expect(bcf.spcAssurance(SPC_FALLS, 60, "decrease")).toBe("hit and miss");
    expect(page).toContain(
      '<code>=BCF.SPC.ASSURANCE(B2:B25, 60, "decrease")</code> gives\n  <strong>hit and miss</strong>'
    );
  });
});

describe("README function table src/help/README-functions.md", () => {
  it("has one row per function with an example", () => {
    for (const id of BCF_FUNCTION_IDS) {
      expect(readme).toMatch(new RegExp(`^\\| \`=BCF\\.${id.replace(".", "\\.")}\\(`, "m"));
    }
  });
});
