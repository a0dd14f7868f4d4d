/**
 * The preview's formula engine calls the very functions functions.ts associates (through the page's
 * shim): the new forms of PERIOD, SPLIT, DSR and the confidence levels work there as in Excel,
 * including a text standard typed in the formula and blank cells in a range.
 */
import { runShim } from "../preview/shim";
import { createMemoryWorkbook } from "../../src/memory-excel";
import { bcfCustomFunctions } from "../../src/preview/customFunctions";

runShim(globalThis as unknown as Record<string, unknown>);
require("../../src/functions/functions");

// The worked falls example's six bands from 65–69 up: admissions (B) and population (C).
const BANDS: Array<[string, number | null, number | null]> = [
  ["65–69", 6, 2100],
  ["70–74", 12, 2200],
  ["75–79", 19, 1760],
  ["80–84", 27, 1300],
  ["85–89", 33, 780],
  ["90+", 29, 400],
];

function sheet(rows: unknown[][]) {
  const { workbook } = createMemoryWorkbook({
    sheets: [{ name: "Data", rows: rows as never }],
    customFunctions: bcfCustomFunctions(),
  });
  return (address: string) => workbook.getCell("Data", address).value;
}

describe("=BCF.* in the preview's workbook", () => {
  it("PERIOD reads the seed plans' words and gives 7 for a day per week", () => {
    const value = sheet([
      ['=BCF.PERIOD(50,"per month","per annum")'],
      ['=BCF.PERIOD(21,"a week","p.a.")'],
      ['=BCF.PERIOD(1,"day","week")'],
      ['=BCF.PERIOD(1,"month","year",12)'],
      ['=BCF.PERIOD(1,"fortnight","year")'],
    ]);
    expect(value("A1")).toBe(600);
    expect(value("A2")).toBe(1092);
    expect(value("A3")).toBe(7);
    expect(value("A4")).toBe("#NUM!");
    expect(value("A5")).toBe("#VALUE!");
  });

  it('DSR with "ESP2013 65+" typed in the formula gives 1,405.40; a blank count is 0 events', () => {
    const rows: unknown[][] = BANDS.map(([age, x, n]) => [age, x, n]);
    rows[0][5] = '=BCF.DSR(B1:B6,C1:C6,"ESP2013 65+")';
    rows[1][5] = '=BCF.DSR(B1:B6,C1:C6,"ESP2013")';
    rows[2][5] = '=INDEX(BCF.DSR.CI(B1:B6,C1:C6,"ESP2013 65+",99.99),1,1)';
    const value = sheet(rows);
    expect(value("F1") as number).toBeCloseTo(1405.40226, 4);
    expect(value("F2")).toBe("#VALUE!"); // 6 bands given, 19 expected
    expect(value("F3") as number).toBeLessThan(1405.4);

    // Band 65–69 with no admissions, typed as 0 and left blank, gives the same rate.
    const zero = BANDS.map(([age, x, n], i) => [age, i === 0 ? 0 : x, n, null, null, null]);
    zero[0][5] = '=BCF.DSR(B1:B6,C1:C6,"ESP2013 65+")';
    const blank = zero.map((r, i) => (i === 0 ? [r[0], null, ...r.slice(2)] : r));
    expect(sheet(blank)("F1")).toBe(sheet(zero)("F1"));
    // A blank population is a missing figure.
    const noPopulation = BANDS.map(([age, x, n], i) => [age, x, i === 2 ? null : n]);
    noPopulation[0][5] = '=BCF.DSR(B1:B6,C1:C6,"ESP2013 65+")';
    expect(sheet(noPopulation)("F1")).toBe("#VALUE!");
  });

  it("SPLIT keeps 792,199.59's penny on the earlier of two exact ties", () => {
    const value = sheet([
      [14, "=INDEX(BCF.SPLIT(792199.59,A1:A4),1,1)"],
      [4, "=INDEX(BCF.SPLIT(792199.59,A1:A4),2,1)"],
      [20, "=INDEX(BCF.SPLIT(792199.59,A1:A4),3,1)"],
      [11, "=INDEX(BCF.SPLIT(792199.59,A1:A4),4,1)"],
      [null, "=BCF.SPLIT(100,A1:A4,-3)"],
    ]);
    expect([value("B1"), value("B2"), value("B3"), value("B4")]).toEqual([
      226342.74, 64669.36, 323346.77, 177840.72,
    ]);
    expect(value("B5")).toBe("#NUM!");
  });

  it("RATE.CI and PROPORTION.CI take 99.99%", () => {
    const value = sheet([
      ["=INDEX(BCF.RATE.CI(20,8540,99.99),1,2)", "=INDEX(BCF.RATE.CI(20,8540,0.9999),1,2)"],
      ["=INDEX(BCF.PROPORTION.CI(83,100,99.99),1,1)", "=BCF.RATE.CI(20,8540,99.995)"],
    ]);
    expect(value("A1")).toBe(value("B1"));
    expect(value("A1") as number).toBeGreaterThan(500);
    expect(value("A2") as number).toBeLessThan(0.83);
    expect(value("B2")).toBe("#NUM!");
  });
});
