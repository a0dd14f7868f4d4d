/**
 * Property tests over generated hand-laid-out tables (see generator.ts): a clean workbook gets no error
 * and no warning; one slip injected gets exactly that finding, on that cell, with the right difference.
 * A fixed seed and a few hundred cases run in `npm test`; for a longer run set BCF_CHECKS_RUNS (cases
 * per property) and BCF_CHECKS_MAX_LINES (the longest table), and BCF_CHECKS_SEED for another seed.
 */
import fc from "fast-check";
import { runChecks } from "../../../src/core/checks";
import { Finding } from "../../../src/core/checks/finding";
import { WorkbookSnapshot, a1, sheetFromRows } from "../../../src/core/workbook";
import { fundingSourcesFor, fundingSource } from "../../../src/core/vocabulary";
import { RenderedTable, TableSpec, numberIn, renderSheet, setCell, tableSpec } from "./generator";

const RUNS = Number(process.env.BCF_CHECKS_RUNS ?? 100);
const MAX_LINES = Number(process.env.BCF_CHECKS_MAX_LINES ?? 2000);
const SEED = Number(process.env.BCF_CHECKS_SEED ?? 20251202);
const params = { seed: SEED, numRuns: RUNS };

const loud = (findings: Finding[]) => findings.filter((f) => f.severity !== "info");
const show = (findings: Finding[]) =>
  findings.map((f) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell}: ${f.message}`).join("\n");

const tables = fc.array(tableSpec(MAX_LINES), { minLength: 1, maxLength: 3 });
const sheetOf = (specs: TableSpec[], col0: number) => renderSheet("Plan", specs, col0);

describe("generated tables: clean workbooks", () => {
  test("no error and no warning", () => {
    fc.assert(
      fc.property(tables, fc.integer({ min: 0, max: 2 }), (specs, col0) => {
        const { sheet } = sheetOf(specs, col0);
        const found = loud(runChecks({ sheets: [sheet] }));
        if (found.length) throw new Error(show(found));
      }),
      params
    );
  });
});

/** A table whose total row can take a slip without another total disagreeing because of it. */
function slippable(t: RenderedTable): boolean {
  return t.totalRowAt !== undefined && t.spec.lines.some((l) => l.amounts.some((p) => p));
}

describe("generated tables: one slip, one finding", () => {
  test("a typed total that is wrong by a penny or more is one error at that cell", () => {
    fc.assert(
      fc.property(
        tables,
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.boolean(),
        (specs, pick, pickCol, pennies, up) => {
          const { sheet, tables: laid } = sheetOf(specs, 0);
          const candidates = laid.filter(slippable);
          fc.pre(candidates.length > 0);
          const t = candidates[pick % candidates.length];
          // With a row-total column the corner is the one total no other total depends on.
          const c =
            t.rowTotalCol !== undefined
              ? t.rowTotalCol
              : t.amountCols[pickCol % t.amountCols.length];
          const r = t.totalRowAt!;
          const right = numberIn(sheet, r, c);
          const wrong = Math.round((right + (up ? pennies : -pennies) / 100) * 100) / 100;
          setCell(sheet, r, c, wrong);
          const found = loud(runChecks({ sheets: [sheet] }));
          if (found.length !== 1) throw new Error(show(found));
          expect(found[0]).toMatchObject({
            rule: "totals",
            severity: "error",
            cell: a1(r, c),
            expected: right,
            actual: wrong,
          });
        }
      ),
      params
    );
  });

  test("a SUM that leaves out a line is one error naming that line", () => {
    fc.assert(
      fc.property(tables, fc.nat(), fc.nat(), fc.nat(), (specs, pick, pickCol, pickLine) => {
        const plain = specs.map((s) => ({ ...s, rowTotals: undefined, sectionSize: undefined }));
        const { sheet, tables: laid } = sheetOf(plain, 0);
        const candidates = laid.filter(slippable);
        fc.pre(candidates.length > 0);
        const t = candidates[pick % candidates.length];
        const c = t.amountCols[pickCol % t.amountCols.length];
        const withFigure = t.lineRows.filter((lr) => numberIn(sheet, lr, c) !== 0);
        fc.pre(withFigure.length > 0);
        const left = withFigure[pickLine % withFigure.length];
        const kept = t.lineRows.filter((lr) => lr !== left);
        const r = t.totalRowAt!;
        const right = numberIn(sheet, r, c);
        const shown = Math.round((right - numberIn(sheet, left, c)) * 100) / 100;
        const ranges = rangesOf(kept, c);
        setCell(sheet, r, c, shown, kept.length ? `=SUM(${ranges})` : "=0");
        const found = loud(runChecks({ sheets: [sheet] }));
        if (found.length !== 1) throw new Error(show(found));
        expect(found[0]).toMatchObject({ rule: "totals", cell: a1(r, c), expected: right });
        expect(found[0].actual).toBeCloseTo(shown, 2);
        if (kept.length) expect(found[0].message).toContain(`leaves out ${a1(left, c)}`);
      }),
      params
    );
  });

  test("a grand total that adds the subtotals and their lines counts them twice: one error", () => {
    const sectioned = tableSpec(200).filter(
      (s) => s.sectionSize !== undefined && s.rowTotals === undefined
    );
    fc.assert(
      fc.property(sectioned, fc.nat(), (spec, pickCol) => {
        const { sheet, tables: laid } = sheetOf([spec], 0);
        const t = laid[0];
        const c = t.amountCols[pickCol % t.amountCols.length];
        const r = t.totalRowAt!;
        const right = numberIn(sheet, r, c);
        fc.pre(Math.abs(right) >= 0.01);
        const doubled = Math.round(right * 2 * 100) / 100;
        setCell(sheet, r, c, doubled, `=SUM(${a1(t.headingRow + 1, c)}:${a1(r - 1, c)})`);
        const found = loud(runChecks({ sheets: [sheet] }));
        if (found.length !== 1) throw new Error(show(found));
        expect(found[0]).toMatchObject({ rule: "totals", cell: a1(r, c), expected: right });
        expect(found[0].message).toContain("twice");
      }),
      { ...params, numRuns: Math.ceil(RUNS / 2) }
    );
  });

  test("a split whose NHS and LA parts do not add up to its total: one error at the total", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 9_999_999 })),
          { minLength: 1, maxLength: 60 }
        ),
        fc.nat(),
        fc.integer({ min: 1, max: 100_000 }),
        fc.boolean(),
        (lines, pick, pennies, money) => {
          const fmt = money ? "£#,##0.00" : undefined;
          const v = (p: number) => ({
            formula: (p / 100) as unknown as string,
            value: p / 100,
            format: fmt,
          });
          const sheet = sheetFromRows("Split", [
            ["Scheme", "NHS (£)", "LA (£)", "Total (£)"],
            ...lines.map(([n, l], k) => [`Scheme ${k + 1}`, v(n), v(l), v(n + l)]),
          ]);
          const k = pick % lines.length;
          const r = k + 1;
          const right = numberIn(sheet, r, 3);
          const wrong = Math.round((right + pennies / 100) * 100) / 100;
          setCell(sheet, r, 3, wrong);
          const found = loud(runChecks({ sheets: [sheet] }));
          if (found.length !== 1) throw new Error(show(found));
          expect(found[0]).toMatchObject({
            severity: "error",
            cell: `D${r + 1}`,
            expected: right,
            actual: wrong,
          });
        }
      ),
      params
    );
  });
});

describe("generated percentage splits", () => {
  // Whole-percent shares: NHS k%, LA (100 - k)%, as fractions formatted 0% or as plain percentages.
  const lines = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 60 });
  const sheetOf = (shares: number[], asFraction: boolean) =>
    sheetFromRows("Joint", [
      ["Scheme", "Commissioner", "% NHS", "% LA"],
      ...shares.map((k, i) => [
        `Scheme ${i + 1}`,
        "Joint",
        asFraction ? { formula: (k / 100) as unknown as string, value: k / 100, format: "0%" } : k,
        asFraction
          ? {
              formula: ((100 - k) / 100) as unknown as string,
              value: (100 - k) / 100,
              format: "0%",
            }
          : 100 - k,
      ]),
    ]);

  test("shares adding to 100%: no error or warning", () => {
    fc.assert(
      fc.property(lines, fc.boolean(), (shares, asFraction) => {
        const found = loud(runChecks({ sheets: [sheetOf(shares, asFraction)] }));
        if (found.length) throw new Error(show(found));
      }),
      params
    );
  });

  test("one line's % LA off by 1 to 50 points: one error on that cell", () => {
    fc.assert(
      fc.property(
        lines,
        fc.nat(),
        fc.integer({ min: 1, max: 50 }),
        fc.boolean(),
        (shares, pick, points, asFraction) => {
          const sheet = sheetOf(shares, asFraction);
          const k = pick % shares.length;
          const la = 100 - shares[k] + (100 - shares[k] + points <= 100 ? points : -points);
          setCell(sheet, k + 1, 3, asFraction ? la / 100 : la);
          const found = loud(runChecks({ sheets: [sheet] }));
          if (found.length !== 1) throw new Error(show(found));
          expect(found[0]).toMatchObject({ severity: "error", cell: `D${k + 2}` });
          expect(found[0].actual).toBeCloseTo(((shares[k] + la) / 100) * (asFraction ? 1 : 100), 6);
        }
      ),
      params
    );
  });
});

function rangesOf(rows: number[], c: number): string {
  const out: string[] = [];
  let start = rows[0];
  let prev = rows[0];
  for (const r of [...rows.slice(1), -2]) {
    if (r === prev + 1) {
      prev = r;
      continue;
    }
    out.push(start === prev ? a1(start, c) : `${a1(start, c)}:${a1(prev, c)}`);
    start = prev = r;
  }
  return out.join(",");
}

// ---------------------------------------------------------------------------------------------
// Funding balance: income by source and expenditure lines, with the sources spelled as plans do.

const YEARS = ["2019-20", "2022-23", "2024-25", "2025-26"];

/** A spelling of a source as someone might type it: a listed spelling, its case and punctuation changed. */
function spelled(id: string, pick: number, upper: boolean, decorate: boolean): string {
  const d = fundingSource(id as Parameters<typeof fundingSource>[0]);
  const options = [d.name, ...d.spellings.filter((s) => s.split(" ").length > 1 || s.length > 3)];
  let name = options[pick % options.length];
  if (upper) name = name.toUpperCase();
  if (decorate) name = `${name.replace(/ /g, "  ")} (£)`;
  return name;
}

interface FundingCase {
  year: string;
  spend: Array<{ source: number; pennies: number; spelling: number; upper: boolean }>;
  incomeSpelling: number;
  headings: [string, string, string, string];
}

const fundingCase: fc.Arbitrary<FundingCase> = fc.record({
  year: fc.constantFrom(...YEARS),
  spend: fc.array(
    fc.record({
      source: fc.nat(),
      pennies: fc.integer({ min: 0, max: 50_000_000 }),
      spelling: fc.nat(),
      upper: fc.boolean(),
    }),
    { minLength: 1, maxLength: 40 }
  ),
  incomeSpelling: fc.nat(),
  headings: fc.tuple(
    fc.constantFrom("Funding source", "Funding Sources", "Source of funding", "Income source"),
    fc.constantFrom("Amount (£)", "Income (£)", "Amount", "Planned income"),
    fc.constantFrom("Source of Funding", "Funding source", "Funding Sources"),
    fc.constantFrom("Planned Expenditure (£)", "Planned spend 2025-26", "Expenditure", "Amount (£)")
  ),
});

function fundingWorkbook(fc0: FundingCase, slip?: { source: number; pennies: number }) {
  const sources = fundingSourcesFor(fc0.year).map((s) => s.id);
  const bySource = new Map<string, number>();
  const spendRows = fc0.spend.map((line, k) => {
    const id = sources[line.source % sources.length];
    bySource.set(id, (bySource.get(id) ?? 0) + line.pennies);
    return [
      `S${k + 1}`,
      `Scheme ${k + 1}`,
      spelled(id, line.spelling, line.upper, k % 3 === 0),
      {
        formula: (line.pennies / 100) as unknown as string,
        value: line.pennies / 100,
        format: "£#,##0.00",
      },
    ];
  });
  const incomeIds = [...bySource.keys()];
  const slipId = slip ? incomeIds[slip.source % incomeIds.length] : undefined;
  const income = incomeIds.map((id, k) => {
    const p = bySource.get(id)! + (id === slipId ? slip!.pennies : 0);
    return [
      spelled(id, fc0.incomeSpelling + k, false, false),
      { formula: (p / 100) as unknown as string, value: p / 100, format: "£#,##0.00" },
    ];
  });
  const incomeSheet = sheetFromRows("Funding", [[fc0.headings[0], fc0.headings[1]], ...income]);
  const spendSheet = sheetFromRows("Planned spend", [
    ["Scheme ID", "Scheme name", fc0.headings[2], fc0.headings[3]],
    ...spendRows,
  ]);
  const snapshot: WorkbookSnapshot = { sheets: [incomeSheet, spendSheet] };
  return { snapshot, slipRow: slipId ? incomeIds.indexOf(slipId) + 1 : undefined };
}

describe("generated funding: income by source against expenditure lines", () => {
  test("balanced income and spend, however the sources are spelled: no error or warning", () => {
    fc.assert(
      fc.property(fundingCase, (c) => {
        const found = loud(runChecks(fundingWorkbook(c).snapshot));
        if (found.length) throw new Error(show(found));
      }),
      params
    );
  });

  test("one source's income out by a penny or more: one error on that income line", () => {
    fc.assert(
      fc.property(
        fundingCase,
        fc.nat(),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.boolean(),
        (c, source, pennies, up) => {
          const delta = up ? pennies : -pennies;
          const { snapshot, slipRow } = fundingWorkbook(c, { source, pennies: delta });
          const found = loud(runChecks(snapshot));
          if (found.length !== 1) throw new Error(show(found));
          expect(found[0]).toMatchObject({
            rule: "funding-balance",
            sheet: "Funding",
            cell: `B${slipRow! + 1}`,
            actual: delta / 100,
          });
        }
      ),
      params
    );
  });
});
