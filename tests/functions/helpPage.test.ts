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
// Rows 15 to 20 of the worked example, 65–69 … 90+, and the falls metric's standard named as the page names it.
const FALLS_65 = FALLS.slice(13);
const POPULATIONS_65 = POPULATIONS.slice(13);
const ESP_65 = [["ESP2013 65+"]];
const prose = page.replace(/<[^>]+>/g, "").replace(/\s+/g, " ");

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
      ['=BCF.PERIOD(50, "per month", "per annum")', bcf.period(50, "per month", "per annum"), 0],
      ['=BCF.PERIOD(1, "daily", "weekly")', bcf.period(1, "daily", "weekly"), 0],
      ["=BCF.RATE.CI(20, 8540, 99.99)", bcf.rateCI(20, 8540, 99.99)[0][0]],
      ["=BCF.RATE.CI(20, 8540, 99.99)", bcf.rateCI(20, 8540, 99.99)[0][1]],
      ['=BCF.DSR(B15:B20, C15:C20, "ESP2013 65+")', bcf.dsr(FALLS_65, POPULATIONS_65, ESP_65)],
      [
        '=BCF.DSR.CI(B15:B20, C15:C20, "ESP2013 65+")',
        bcf.dsrCI(FALLS_65, POPULATIONS_65, ESP_65)[0][0],
      ],
      [
        '=BCF.DSR.CI(B15:B20, C15:C20, "ESP2013 65+")',
        bcf.dsrCI(FALLS_65, POPULATIONS_65, ESP_65)[0][1],
      ],
      ...bcf
        .split(792199.59, [[14], [4], [20], [11]])
        .map(([part]): [string, number] => ["=BCF.SPLIT(792199.59, {14; 4; 20; 11})", part]),
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
    // The 65+ rate of the falls metric, worked by hand: Σ xᵢwᵢ/nᵢ = 274.053446; ÷ 19,500 × 100,000.
    expect(bcf.dsr(FALLS_65, POPULATIONS_65, ESP_65)).toBeCloseTo(1405.40226, 4);
    expect(FALLS_65.map(([x]) => x)).toEqual([6, 12, 19, 27, 33, 29]);
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

describe("the falls metric as the help page describes it", () => {
  it("is the 65+ rate on six ESP2013 bands, not the 19-band default", () => {
    expect(prose).toContain(
      "The BCF falls metric is a directly standardised rate for people aged 65+ using six ESP2013 bands"
    );
    expect(prose).not.toMatch(/19 bands[^.]*as the BCF falls metric does/);
  });

  it("states the confidence range and the new forms the functions accept", () => {
    expect(prose).toContain("a fraction from 0.9 to 0.9999 or as a percentage from 90 to 99.99");
    for (const word of ["daily", "weekly", "wk", "monthly", "mth", "qtr", "annum", "p.a.", "yr"])
      expect(prose).toContain(word);
    expect(prose).toContain("a whole number from 0 to 4");
  });
});

describe("README function table src/help/README-functions.md", () => {
  it("has one row per function with an example", () => {
    for (const id of BCF_FUNCTION_IDS) {
      expect(readme).toMatch(new RegExp(`^\\| \`=BCF\\.${id.replace(".", "\\.")}\\(`, "m"));
    }
  });

  it("is the table README.md shows, word for word", () => {
    expect(readFileSync(join(ROOT, "README.md"), "utf8")).toContain(readme.trim());
  });

  it("states the results the functions really give for the new forms", () => {
    const examples: Array<[string, number[], number?]> = [
      ['`=BCF.DSR(B15:B20, C15:C20, "ESP2013 65+")`', [bcf.dsr(FALLS_65, POPULATIONS_65, ESP_65)]],
      [
        '`=BCF.DSR.CI(B15:B20, C15:C20, "ESP2013 65+")`',
        bcf.dsrCI(FALLS_65, POPULATIONS_65, ESP_65)[0],
      ],
      ["`=BCF.DSR(B2:B20, C2:C20)`", [bcf.dsr(FALLS, POPULATIONS)]],
      [
        '`=BCF.PERIOD(50, "per month", "per annum")`',
        [bcf.period(50, "per month", "per annum")],
        0,
      ],
      ['`=BCF.PERIOD(21, "a week", "year")`', [bcf.period(21, "a week", "year")], 0],
      ['`=BCF.PERIOD(1, "day", "week")`', [bcf.period(1, "day", "week")], 0],
      [
        "`=BCF.SPLIT(792199.59, {14; 4; 20; 11})`",
        bcf.split(792199.59, [[14], [4], [20], [11]]).map(([p]) => p),
      ],
    ];
    for (const [formula, values, decimals] of examples) {
      const at = readme.indexOf(formula);
      expect(at).toBeGreaterThan(0);
      const next = readme.indexOf("`=BCF.", at + formula.length);
      const stated = readme.slice(at, next < 0 ? readme.indexOf("\n", at) : next);
      expect(stated).toContain("→ ");
      // Money is written with £; the result figures come after the arrow.
      const after = stated.slice(stated.indexOf("→ "));
      for (const v of values)
        expect(after).toContain((stated.includes("£") ? "£" : "") + shown(v, decimals ?? 2));
    }
  });
});
