/**
 * Workbooks saved by another spreadsheet program (XML laid out by hand: shared and inline strings,
 * shared formulas, cached values or none) read by the CLI's reader and checked, and the CLI's
 * coverage output (the summary line per file and `coverage` in --json).
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { checkWorkbook } from "../../src/core/checks";
import { main } from "../../src/cli/main";
import { readXlsxSnapshot } from "../../src/cli/readXlsx";
import { HandSheet, writeHandXlsx } from "./handWrittenXlsx";

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "bcf-hand-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Costs: £240,000 + £2,000 + £696,000 = £938,000 under a SUM with its cached value (the £2,000 line
 * looks like a year). Split: NHS + LA = Total by a shared formula SUM(B2:C2) copied down, with
 * cached values 150 and 270 (or `g3` for row 3), and a total row.
 */
function costs(g3 = 270): HandSheet[] {
  return [
    {
      name: "Costs",
      cells: {
        A1: { s: "Scheme" },
        B1: { inline: "Amount (£)" },
        A2: { s: "Crisis response" },
        B2: { n: 240000, style: 1 },
        A3: { inline: "Handyperson" },
        B3: { n: 2000, style: 1 },
        A4: { s: "Reablement" },
        B4: { n: 696000, style: 1 },
        A5: { s: "Total" },
        B5: { f: "SUM(B2:B4)", v: 938000, style: 1 },
      },
    },
    {
      name: "Split",
      cells: {
        A1: { s: "Scheme" },
        B1: { s: "NHS (£)" },
        C1: { s: "LA (£)" },
        D1: { s: "Total (£)" },
        A2: { s: "Crisis response" },
        B2: { n: 100 },
        C2: { n: 50 },
        D2: { sharedMaster: "SUM(B2:C2)", ref: "D2:D3", si: 0, v: 150 },
        A3: { s: "Reablement" },
        B3: { n: 200 },
        C3: { n: 70 },
        D3: { sharedChild: 0, v: g3 },
        A4: { s: "Total" },
        B4: { f: "SUM(B2:B3)", v: 300 },
        C4: { f: "SUM(C2:C3)", v: 120 },
        D4: { f: "SUM(D2:D3)", v: 150 + g3 },
      },
    },
  ];
}

test("shared and inline strings, shared formulas and cached values are read as Excel shows them", async () => {
  const file = join(dir, "other.xlsx");
  writeHandXlsx(file, costs());
  const snapshot = await readXlsxSnapshot(file);
  const [c, s] = snapshot.sheets;
  expect(c.values.map((r) => r[0])).toEqual([
    "Scheme",
    "Crisis response",
    "Handyperson",
    "Reablement",
    "Total",
  ]);
  expect(c.values[0][1]).toBe("Amount (£)");
  expect(c.values[4][1]).toBe(938000);
  expect(c.numberFormats[2][1]).toContain("£");
  // The shared formula reaches row 3 translated, with its own cached value.
  expect(s.formulas[2][3]).toBe("=SUM(B3:C3)");
  expect(s.values[2][3]).toBe(270);

  const report = checkWorkbook(snapshot);
  expect(report.findings).toEqual([]);
  // Costs: B5. Split: B4, C4, D4 down the columns; D2, D3, D4 across the rows.
  expect(report.coverage.find((x) => x.rule === "totals")!.checked).toBe(7);
});

test("a shared formula's cached value that does not add up is found on its own cell", async () => {
  const file = join(dir, "other-wrong.xlsx");
  // D3 shows 280 for £200 + £70; the total row's D4 = 150 + 280 = 430 follows it.
  writeHandXlsx(file, costs(280));
  const report = checkWorkbook(await readXlsxSnapshot(file));
  expect(report.findings.filter((f) => f.severity === "error")).toMatchObject([
    { cell: "D3", expected: 270, actual: 280 },
    { cell: "D4", expected: 420, actual: 430 },
  ]);
});

test("formulas saved without calculated values: an info finding, and the CLI says what it checked", async () => {
  const file = join(dir, "uncalculated.xlsx");
  writeHandXlsx(file, [
    {
      name: "Costs",
      cells: {
        A1: { s: "Scheme" },
        B1: { s: "Amount (£)" },
        A2: { s: "Crisis response" },
        B2: { n: 240000 },
        A3: { s: "Reablement" },
        B3: { n: 696000 },
        A4: { s: "Total" },
        B4: { f: "SUM(B2:B3)" },
      },
    },
  ]);
  const out: string[] = [];
  const code = await main(["--json", file], { out: (t) => out.push(t), err: (t) => out.push(t) });
  expect(code).toBe(0);
  const [result] = JSON.parse(out.join("\n")) as Array<{
    findings: Array<{ severity: string; cell: string; message: string }>;
    coverage: Array<{ rule: string; checked: number; note?: string }>;
  }>;
  expect(result.findings).toMatchObject([{ severity: "info", cell: "B4" }]);
  expect(result.findings[0].message).toContain(
    "open and save the file in Excel so the figures are calculated"
  );
  expect(result.coverage.find((c) => c.rule === "totals")).toEqual({
    rule: "totals",
    checked: 0,
    note: "1 total has no calculated value",
  });
  expect(result.coverage.map((c) => c.rule)).toEqual([
    "totals",
    "splits",
    "periods",
    "funding-balance",
    "national-conditions",
    "income-allocations",
    "completeness",
    "hygiene",
  ]);

  const table: string[] = [];
  await main([file], { out: (t) => table.push(t), err: (t) => table.push(t) });
  expect(table.join("\n")).toMatch(
    /uncalculated\.xlsx: 0 errors, 0 warnings, 1 info\n {2}Nothing was checked/
  );
});
